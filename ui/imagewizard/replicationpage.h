#pragma once

#include "common/draftpage.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLayout;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace cmkui {

class DesReadinessWidget;

/// Target regions (the location first), replica counts, storage account types, end of life, latest; and
/// how many disk encryption sets of each type every target region has (regions with none are flagged with
/// the commands that create one).
class ReplicationPage : public DraftPage {
    Q_OBJECT
public:
    explicit ReplicationPage(const WizardServices &services, QWidget *parent = nullptr);

    void initializePage() override;
    DesReadinessWidget *desReadiness() const { return m_readiness; }

protected:
    QStringList computeErrors() const override;
    /// Update mode: the update rules about target regions (cmk::ImageVersionUpdateRules::regionErrors).
    QStringList computeFieldErrors() const override;
    void showFieldErrors(const QStringList &errors) override;
    void retranslateUi() override;

private:
    QGroupBox *buildRegionsBox();
    /// Update mode, under the regions: the rules' reasons, and the consent to delete removed replicas.
    void buildUpdateRows(QLayout *regionsLayout);
    void removeCurrentRegion();
    QGroupBox *buildDefaultsBox();
    QGroupBox *buildLifecycleBox();
    QGroupBox *buildReadinessBox();
    void connectRegionEditing();
    void connectDefaultsAndLifecycle();
    void addChosenRegion();
    void rebuildRegionTable();
    void syncWidgets();
    void updateButtons();
    QString regionDisplayName(const QString &name) const;
    /// Checks the disk encryption sets again when the subscription or the target regions changed.
    void checkReadinessIfChanged();

    bool m_syncing = false;
    QLabel *m_intro = nullptr;
    QGroupBox *m_regionsBox = nullptr;
    QTableWidget *m_regionTable = nullptr;
    QLabel *m_addRegionLabel = nullptr;
    QComboBox *m_addRegionCombo = nullptr;
    QPushButton *m_addRegionButton = nullptr;
    QPushButton *m_removeRegionButton = nullptr;
    QLabel *m_updateRulesLabel = nullptr;     ///< update mode: why Next is blocked, next to the regions
    QLabel *m_removalExplanation = nullptr;   ///< update mode: what removing a replicated region does
    QCheckBox *m_allowRemovalCheck = nullptr; ///< safetyProfile.allowDeletionOfReplicatedLocations
    QGroupBox *m_defaultsBox = nullptr;
    QLabel *m_defaultReplicaLabel = nullptr;
    QSpinBox *m_defaultReplicaSpin = nullptr;
    QLabel *m_defaultStorageLabel = nullptr;
    QComboBox *m_defaultStorageCombo = nullptr;
    QGroupBox *m_lifecycleBox = nullptr;
    QCheckBox *m_endOfLifeCheck = nullptr;
    QDateEdit *m_endOfLifeEdit = nullptr;
    QCheckBox *m_excludeFromLatestCheck = nullptr;
    QGroupBox *m_readinessBox = nullptr;
    DesReadinessWidget *m_readiness = nullptr;
    QTimer *m_readinessTimer = nullptr; ///< one check for a burst of edits
    QString m_checkedSubscription;
    QStringList m_checkedRegions;
};

} // namespace cmkui
