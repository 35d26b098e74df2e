#pragma once

#include "prerequisites/desreadiness.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QGridLayout;
class QTableWidget;
class QVBoxLayout;

namespace cmk {
class ArmClient;
class DiskEncryptionSetCatalog;
} // namespace cmk

namespace cmkui {

class DesSetupDialog;

/// Disk Encryption Set readiness of the target regions: per region, how many sets of each encryption type
/// the subscription has; a region with none is flagged with ready-to-copy az and PowerShell commands.
/// A region without a set of the chosen encryption type gets a "Create a disk encryption set in REGION…"
/// button that opens DesSetupDialog; once it created a set, the catalogue is listed again.
/// Meant for the Replication/Encryption step: call check() whenever the subscription or the regions change.
/// The counting is cmk::DesReadinessChecker's; this widget only shows its results.
class DesReadinessWidget : public QWidget {
    Q_OBJECT
public:
    explicit DesReadinessWidget(cmk::ArmClient *client, QWidget *parent = nullptr);
    ~DesReadinessWidget() override;

    /// Counts the subscription's sets in `regions` and shows the result.
    void check(const QString &subscriptionId, const QStringList &regions);
    /// The window's catalogue of sets (not owned): when it holds, or is loading, the checked subscription,
    /// the check counts its sets instead of listing them a second time, and a reload of it checks again.
    void setCatalog(cmk::DiskEncryptionSetCatalog *catalog);
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
    /// The encryption type the wizard's draft uses (a DiskEncryptionSet encryptionType); empty: the one
    /// chosen for the commands.
    void setEncryptionType(const QString &encryptionType);
    /// The checked regions without a set of that type (the ones with a create button), in check order.
    QStringList regionsWithoutSetOfType() const;
    /// Opens the set-up dialog for `region` (window-modal, deleted on close); nullptr when no check holds.
    DesSetupDialog *openSetupDialog(const QString &region);

Q_SIGNALS:
    /// After each check: true when every region has a usable set.
    void readinessChanged(bool allReady);
    /// The set-up dialog created a usable set (the catalogue reloads next).
    void diskEncryptionSetCreated(const QString &desId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildCommandsPanel();
    void addCommandRow(QGridLayout *grid, int row, const QString &kind, QLabel *&label, QPlainTextEdit *&edit,
                       QPushButton *&copy);
    void retranslateUi();
    void showChecking();
    QString shownName(const QString &region) const;
    void showResults();
    /// A region's status: ready for both types, for one only, or for none.
    static QString statusText(const cmk::RegionDesReadiness &r);
    /// Whether the region lacks a set the draft can use (of the draft's type, once it has one).
    bool lacksSetForDraft(const cmk::RegionDesReadiness &r) const;
    void updateCommands();
    void updateCreateButtons();
    QString selectedEncryptionType() const;
    /// The draft's encryption type, else the one chosen for the commands.
    QString effectiveEncryptionType() const;
    QString resourceGroupForNewSets() const;

    cmk::ArmClient *m_client;
    cmk::DesReadinessChecker *m_checker;
    QString m_encryptionType;
    QWidget *m_createPanel = nullptr; ///< one button per region without a set of the type
    QVBoxLayout *m_createLayout = nullptr;
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
