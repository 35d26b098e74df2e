#pragma once

#include "draftpage.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cmkui {

/// Target regions (the location first), replica counts, storage account types, end of life, latest.
class ReplicationPage : public DraftPage {
    Q_OBJECT
public:
    explicit ReplicationPage(const WizardServices &services, QWidget *parent = nullptr);

    void initializePage() override;

protected:
    QStringList computeErrors() const override;
    void retranslateUi() override;

private:
    void rebuildRegionTable();
    void syncWidgets();
    void updateButtons();
    QString regionDisplayName(const QString &name) const;

    bool m_syncing = false;
    QLabel *m_intro = nullptr;
    QGroupBox *m_regionsBox = nullptr;
    QTableWidget *m_regionTable = nullptr;
    QLabel *m_addRegionLabel = nullptr;
    QComboBox *m_addRegionCombo = nullptr;
    QPushButton *m_addRegionButton = nullptr;
    QPushButton *m_removeRegionButton = nullptr;
    QGroupBox *m_defaultsBox = nullptr;
    QLabel *m_defaultReplicaLabel = nullptr;
    QSpinBox *m_defaultReplicaSpin = nullptr;
    QLabel *m_defaultStorageLabel = nullptr;
    QComboBox *m_defaultStorageCombo = nullptr;
    QGroupBox *m_lifecycleBox = nullptr;
    QCheckBox *m_endOfLifeCheck = nullptr;
    QDateEdit *m_endOfLifeEdit = nullptr;
    QCheckBox *m_excludeFromLatestCheck = nullptr;
};

} // namespace cmkui
