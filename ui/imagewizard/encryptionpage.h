#pragma once

#include "common/draftpage.h"
#include "imageversion/imageversiondraft.h"
#include "keyvault/deshealth.h"

#include <QMap>
#include <QPair>
#include <QPointer>
#include <functional>
#include <optional>

class QButtonGroup;
class QComboBox;
class QGroupBox;
class QLabel;
class QMessageBox;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QScrollArea;
class QTableWidget;
class QVBoxLayout;

namespace cmkui {

class ChangeNotice;
class ConfidentialEncryptionWidget;

/// Encryption type, and for customer-managed keys one Disk Encryption Set per region and disk. Every dropdown
/// is a filtered view of the wizard's one DiskEncryptionSetModel. Next to each dropdown, the health of the
/// chosen set's key (an icon, the findings in its tooltip); below the grid, the findings the app can fix,
/// each with its button. A set whose key Azure could not use blocks Next.
class EncryptionPage : public DraftPage {
    Q_OBJECT
public:
    explicit EncryptionPage(const WizardServices &services, QWidget *parent = nullptr);

    void initializePage() override;

protected:
    QStringList computeErrors() const override;
    /// No field of its own: tells the Confidential VM rows whether to show their reasons.
    void showFieldErrors(const QStringList &errors) override;
    void retranslateUi() override;
    void cancelLoading() override;

private:
    QGroupBox *buildTypeBox();
    QGroupBox *buildGridBox();
    QGroupBox *buildHelpBox();
    QWidget *buildCell(const QString &region, int lun, const QString &display);
    QComboBox *cellCombo(int row, int column) const;
    /// Asks the wizard's health cache for the chosen sets the list knows.
    void checkChosenKeys();
    /// Checks the keys of the sets `combo` lists (as its list opens).
    void checkListedKeys(QComboBox *combo);
    /// The icons and tooltips of the cells, and the fix rows below the grid.
    void updateHealth();
    void rebuildFixRows(const QStringList &chosen);
    QWidget *buildFixRow(const cmk::DesHealth &health, const cmk::DesFinding &finding);
    void runFix(const QString &desId, cmk::DesFixAction action);
    void confirmPurgeProtection(const QString &desId);
    /// Opens a window-modal Warning box in `box` (No by default), then calls `answered` with the choice.
    void askFirst(QPointer<QMessageBox> &box, const QString &name, const QString &title, const QString &text,
                  const QPair<QString, QString> &yesNo, const std::function<void(bool)> &answered);
    /// The chosen sets (ids) the list knows, each once.
    QStringList chosenKnownSets() const;
    /// One line per error finding of a chosen set.
    QStringList keyHealthErrors() const;
    /// What the chosen encryption and sets break, update or not.
    QStringList choiceErrors() const;
    void followDiskEncryptionSets();
    void chooseMode(cmk::EncryptionMode mode);
    void applyMode(cmk::EncryptionMode mode);
    /// The change notice after a switch of type from `before`: what was cleared, what came back.
    void noticeModeChange(cmk::EncryptionMode before, int cleared, int restored);
    /// Chooses the set of a region (all its disks) that has exactly one set of the chosen type, where none
    /// is chosen yet.
    void preselectSingleSets();
    void syncWidgets();
    void rebuildGrid();
    void syncGrid();
    void updateHelp();
    void updateBusy();
    void onDesChosen(const QString &region, int lun, QComboBox *combo);
    QRadioButton *radioFor(cmk::EncryptionMode mode) const;
    /// Sets the encryption type from the chosen sets' own type when they all agree; true when it changed.
    bool alignModeWithChosenDes();
    /// A sentence when the chosen sets have different encryption types, else empty.
    QString desTypeMismatch() const;

    /// The chosen known sets when syncGrid() last updated the health column; none: update at the next sync.
    std::optional<QStringList> m_healthSyncedFor;
    bool m_recheckKeysAfterLoad = false; ///< Refresh asked for the chosen sets' health to be read again
    bool m_syncing = false;
    /// The regions' set choices per encryption type, as they were when the user switched away from it.
    QMap<int, QList<cmk::RegionDraft>> m_choicesByMode;
    ChangeNotice *m_changeNotice = nullptr;
    QLabel *m_intro = nullptr;
    QGroupBox *m_typeBox = nullptr;
    QButtonGroup *m_typeGroup = nullptr;
    QRadioButton *m_platformRadio = nullptr;
    QRadioButton *m_customerRadio = nullptr;
    QRadioButton *m_doubleRadio = nullptr;
    QLabel *m_vmNote = nullptr;
    QLabel *m_limitations = nullptr;
    QGroupBox *m_gridBox = nullptr;
    QLabel *m_gridIntro = nullptr;
    QTableWidget *m_grid = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QLabel *m_platformNote = nullptr;
    ConfidentialEncryptionWidget *m_confidential = nullptr;
    QGroupBox *m_helpBox = nullptr;
    QLabel *m_helpIntro = nullptr;
    QPlainTextEdit *m_commands = nullptr;
    QPushButton *m_copyCommandsButton = nullptr;
    QPointer<QMessageBox> m_confirmation;
    QPointer<QMessageBox> m_purgeConfirmation;
    QWidget *m_healthPanel = nullptr;
    QLabel *m_healthIntro = nullptr;
    QVBoxLayout *m_fixRows = nullptr;
    QString m_fixRowsShown;    ///< what the fix rows show, to rebuild them only when it changes
    QList<int> m_gridLuns;     ///< data-disk columns of the grid as built
    QStringList m_gridRegions; ///< rows of the grid as built
    QString m_gridSubscription;
    cmk::EncryptionMode m_gridMode = cmk::EncryptionMode::PlatformKey;
    bool m_gridBuilt = false;
};

} // namespace cmkui
