#pragma once

#include <functional>

#include "prerequisites/prerequisites.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace cmk {
class ArmClient;
}

namespace cmkui {

class DiskEncryptionSetModel;

/// Disk Encryption Set readiness of the target regions: per region, how many sets of each encryption type
/// the subscription has; a region with none is flagged with ready-to-copy az and PowerShell commands.
/// Meant for the Replication/Encryption step: call check() whenever the subscription or the regions change.
class DesReadinessWidget : public QWidget {
    Q_OBJECT
public:
    explicit DesReadinessWidget(cmk::ArmClient *client, QWidget *parent = nullptr);
    ~DesReadinessWidget() override;

    /// Lists the subscription's sets and shows the result for `regions`.
    void check(const QString &subscriptionId, const QStringList &regions);
    /// The window's list of sets (not owned): when it is loaded, or loading, for the checked subscription,
    /// the check counts its sets instead of listing them a second time, and a reload of it checks again.
    void setDiskEncryptionSets(DiskEncryptionSetModel *sets);
    /// Resource group written into the commands (default: one already holding sets, else a placeholder).
    void setResourceGroupHint(const QString &resourceGroup);
    /// How a region is shown ("West Europe" for westeurope); without it, the ARM name is shown.
    void setRegionDisplayName(std::function<QString(const QString &)> displayName);

    cmk::DesReadinessChecker *checker() const { return m_checker; }
    bool allRegionsReady() const { return m_checker->allReady(); }
    /// Commands for a flagged region (empty when the region is not flagged).
    cmk::DesCreationCommands commandsFor(const QString &region) const;
    /// Shows the commands of a flagged region (the first one after each check).
    void showCommandsFor(const QString &region);

Q_SIGNALS:
    /// After each check: true when every region has a usable set.
    void readinessChanged(bool allReady);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    bool sharesList() const;
    void onListSettled();
    QString shownName(const QString &region) const;
    void showResults();
    void updateCommands();
    QString selectedEncryptionType() const;

    cmk::DesReadinessChecker *m_checker;
    QPointer<DiskEncryptionSetModel> m_sets;
    bool m_followsList = false; ///< the last check counted m_sets: a reload of it checks again
    QString m_subscriptionId;
    QStringList m_regions;
    QString m_resourceGroupHint;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QWidget *m_commandsPanel = nullptr; ///< shown when some region is flagged
    QLabel *m_commandsIntro = nullptr;
    QLabel *m_regionLabel = nullptr;
    QComboBox *m_regionCombo = nullptr;
    QLabel *m_typeLabel = nullptr;
    QComboBox *m_typeCombo = nullptr;
    QLabel *m_azLabel = nullptr;
    QPlainTextEdit *m_azEdit = nullptr;
    QPushButton *m_azCopyButton = nullptr;
    QLabel *m_powerShellLabel = nullptr;
    QPlainTextEdit *m_powerShellEdit = nullptr;
    QPushButton *m_powerShellCopyButton = nullptr;
    std::function<QString(const QString &)> m_regionDisplayName;
};

} // namespace cmkui
