#pragma once

// Runs the requests of a VM draft in order — virtual network (when new) → network interface → virtual
// machine — each as a long-running PUT through ArmClient, stopping at the first failure. Shared by the VM
// wizard's Review page and `cmkwizard create-vm`.

#include "arm/armclient.h"
#include "vm/vmrequests.h"

#include <QObject>
#include <QPointer>

namespace cmk {

class VmSubmitter : public QObject {
    Q_OBJECT
public:
    enum class Stage { Idle, Running, Succeeded, Failed, Canceled };
    Q_ENUM(Stage)

    explicit VmSubmitter(ArmClient *client, QObject *parent = nullptr);
    ~VmSubmitter() override;

    /// Builds the requests and starts the first. False (finished at once, error set) when the draft cannot
    /// form them.
    bool submit(const VmDraft &draft);
    /// Stops watching; what was already sent goes on in Azure.
    void cancel();

    Stage stage() const { return m_stage; }
    bool isRunning() const { return m_stage == Stage::Running; }
    const VmRequestPlan &plan() const { return m_plan; }
    int currentStep() const { return m_step; } ///< index in plan().requests, -1 before the first
    int stepCount() const { return int(m_plan.requests.size()); }
    QString operationStatus() const { return m_operationStatus; }
    const ArmError &error() const { return m_error; }
    /// The request that failed, -1 when none.
    int failedStep() const { return m_stage == Stage::Failed ? m_step : -1; }
    QString virtualMachineId() const { return m_vmId; }
    const nlohmann::json &virtualMachine() const { return m_vm; } ///< the VM as Azure returned it at the end
    /// Translated one-line description of where things stand.
    QString stageText() const;

Q_SIGNALS:
    void stepStarted(int step);
    void operationStatusChanged(const QString &status);
    void stageChanged(cmk::VmSubmitter::Stage stage);
    void finished();

private:
    void startStep(int step);
    void onStepFinished();
    void setStage(Stage stage);
    void fail(const ArmError &error);

    QPointer<ArmClient> m_client;
    VmRequestPlan m_plan;
    Stage m_stage = Stage::Idle;
    int m_step = -1;
    QString m_operationStatus;
    ArmError m_error;
    QString m_vmId;
    nlohmann::json m_vm;
    QPointer<ArmOperation> m_operation;
};

} // namespace cmk
