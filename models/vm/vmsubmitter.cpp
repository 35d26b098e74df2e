#include "vm/vmsubmitter.h"

#include "arm/resources.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcVmSubmit, "cmk.vm.submit")

namespace cmk {

VmSubmitter::VmSubmitter(ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

VmSubmitter::~VmSubmitter() {
    cancel();
}

bool VmSubmitter::submit(const VmDraft &draft) {
    cancel();
    m_error = {};
    m_vm = nullptr;
    m_vmId.clear();
    m_operationStatus.clear();
    m_step = -1;
    m_plan = VmRequests::build(draft, m_client ? m_client->endpoint() : QUrl());
    if (!m_plan.ok() || !m_client) {
        fail(m_plan.ok()
                 ? ArmError::make(ArmError::Kind::InvalidInput, tr("No connection to Azure is set up."))
                 : m_plan.error);
        return false;
    }
    setStage(Stage::Running);
    startStep(0);
    return true;
}

void VmSubmitter::startStep(int step) {
    m_step = step;
    m_operationStatus.clear();
    const VmPutRequest &request = m_plan.requests.at(step);
    qCInfo(lcVmSubmit) << "PUT" << request.path;
    Q_EMIT stepStarted(step);
    m_operation = m_client->beginPut(request.path, request.body, request.query);
    connect(m_operation, &ArmOperation::statusChanged, this, [this](const QString &status) {
        m_operationStatus = status;
        Q_EMIT operationStatusChanged(status);
    });
    connect(m_operation, &ArmOperation::finished, this, &VmSubmitter::onStepFinished);
}

void VmSubmitter::onStepFinished() {
    ArmOperation *operation = m_operation;
    if (!operation)
        return;
    m_operation = nullptr;
    operation->deleteLater();
    if (operation->error()) {
        fail(operation->error());
        return;
    }
    if (m_plan.requests.at(m_step).kind == VmPutRequest::Kind::VirtualMachine) {
        m_vm = operation->resource();
        m_vmId = m_vm.is_object() && m_vm.contains("id") && m_vm["id"].is_string()
                     ? QString::fromStdString(m_vm["id"].get<std::string>())
                     : m_plan.requests.at(m_step).path;
    }
    if (m_step + 1 < stepCount()) {
        startStep(m_step + 1);
        return;
    }
    setStage(Stage::Succeeded);
    Q_EMIT finished();
}

void VmSubmitter::cancel() {
    if (m_operation) {
        disconnect(m_operation, nullptr, this, nullptr);
        m_operation->abort();
        m_operation->deleteLater();
        m_operation = nullptr;
    }
    if (isRunning()) {
        setStage(Stage::Canceled);
        Q_EMIT finished();
    }
}

void VmSubmitter::setStage(Stage stage) {
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void VmSubmitter::fail(const ArmError &error) {
    m_error = error;
    setStage(Stage::Failed);
    Q_EMIT finished();
}

QString VmSubmitter::stageText() const {
    switch (m_stage) {
    case Stage::Idle:
        return {};
    case Stage::Running: {
        const VmPutRequest &request = m_plan.requests.at(qMax(0, m_step));
        //: Progress: %1 step number, %2 number of steps, %3 what is created (virtual network...), %4 its name
        return tr("Step %1 of %2: creating the %3 %4…")
            .arg(m_step + 1)
            .arg(stepCount())
            .arg(request.kindLabel(), ResourceId::parse(request.path).name());
    }
    case Stage::Succeeded:
        return tr("The virtual machine was created.");
    case Stage::Failed:
        if (m_step >= 0 && m_step < stepCount())
            return tr("Creating the %1 failed: %2")
                .arg(m_plan.requests.at(m_step).kindLabel(), m_error.toDisplayString());
        return tr("The request could not be sent: %1").arg(m_error.toDisplayString());
    case Stage::Canceled:
        return tr("Stopped watching. What was already sent goes on in Azure; check the resource group.");
    }
    return {};
}

} // namespace cmk
