#include "vm/vmsubmitter.h"

#include "arm/resources.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcVmSubmit, "cmk.vm.submit")

namespace cmk {

VmSubmitter::VmSubmitter(ArmClient *client, QObject *parent)
    : DraftSubmitter(client, lcVmSubmit, parent) {}

VmRequestPlan VmSubmitter::planFor(const VmDraft &draft) const {
    return VmRequests::build(draft, client());
}

bool VmSubmitter::submit(const VmDraft &draft) {
    reset();
    m_vm = nullptr;
    m_step = -1;
    m_plan = planFor(draft);
    if (!begin(m_plan.error, tr("No connection to Azure is set up.")))
        return false;
    startStep(0);
    return true;
}

void VmSubmitter::startStep(int step) {
    m_step = step;
    const VmPutRequest &request = m_plan.requests.at(step);
    put(request.path, request.body, request.query,
        [this](ArmOperation *operation) { onStepFinished(operation); });
    Q_EMIT stepStarted(step);
}

void VmSubmitter::onStepFinished(ArmOperation *operation) {
    if (operation->error()) {
        fail(operation->error());
        return;
    }
    if (m_plan.requests.at(m_step).kind == VmPutRequest::Kind::VirtualMachine) {
        m_vm = operation->resource();
        setResourceId(m_vm.is_object() && m_vm.contains("id") && m_vm["id"].is_string()
                          ? QString::fromStdString(m_vm["id"].get<std::string>())
                          : m_plan.requests.at(m_step).path);
    }
    if (m_step + 1 < stepCount()) {
        startStep(m_step + 1);
        return;
    }
    succeed();
}

QString VmSubmitter::stageText() const {
    switch (stage()) {
    case Stage::Idle:
        return {};
    case Stage::Running:
    case Stage::Replicating: {
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
                .arg(m_plan.requests.at(m_step).kindLabel(), error().toDisplayString());
        return tr("The request could not be sent: %1").arg(error().toDisplayString());
    case Stage::Canceled:
        return tr("Stopped watching. What was already sent goes on in Azure; check the resource group.");
    }
    return {};
}

} // namespace cmk
