#pragma once

// Runs the requests of a VM draft in order — virtual network (when new) → network interface → virtual
// machine — each as a long-running PUT through ArmClient, stopping at the first failure. Shared by the VM
// wizard's Review page and `cmkwizard create-vm`.

#include "draft/draftsubmitter.h"
#include "vm/vmrequests.h"

namespace cmk {

class VmSubmitter : public DraftSubmitter {
    Q_OBJECT
public:
    explicit VmSubmitter(ArmClient *client, QObject *parent = nullptr);

    /// The requests submit() would send for `draft`, their URLs on this submitter's client.
    VmRequestPlan planFor(const VmDraft &draft) const;
    /// Builds the requests and starts the first. False (finished at once, error set) when the draft cannot
    /// form them.
    bool submit(const VmDraft &draft);

    const VmRequestPlan &plan() const { return m_plan; }
    int currentStep() const { return m_step; } ///< index in plan().requests, -1 before the first
    int stepCount() const { return int(m_plan.requests.size()); }
    /// The request that failed, -1 when none.
    int failedStep() const { return stage() == Stage::Failed ? m_step : -1; }
    const nlohmann::json &virtualMachine() const { return m_vm; } ///< the VM as Azure returned it at the end
    QString stageText() const override;

Q_SIGNALS:
    void stepStarted(int step);

private:
    void startStep(int step);
    void onStepFinished(ArmOperation *operation);

    VmRequestPlan m_plan;
    int m_step = -1;
    nlohmann::json m_vm;
};

} // namespace cmk
