#pragma once

#include "common/draftpage.h"
#include "common/resourcelistmodel.h"

#include <optional>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace cmk {
class ResourceInventory;
struct ImageVersionDraft;
} // namespace cmk

namespace cmkui {

class ChangeNotice;

/// Subscription, resource group, gallery, image definition, version number, location and source.
class BasicsPage : public DraftPage {
    Q_OBJECT
public:
    explicit BasicsPage(const WizardServices &services, QWidget *parent = nullptr);
    ~BasicsPage() override;

    void initializePage() override;
    /// Version names already in the chosen image definition (as loaded).
    QStringList existingVersions() const;
    /// Reads every list again (after a new sign-in or a tenant switch), keeping the draft's choices.
    void reloadAll();

protected:
    QStringList computeErrors() const override;
    /// The version number's problem (its form, or a version that exists), under the number.
    QStringList computeFieldErrors() const override;
    void showFieldErrors(const QStringList &errors) override;
    void retranslateUi() override;
    void cancelLoading() override;

private:
    void buildUi();
    void buildTargetBox();
    void buildVersionBox();
    void buildSourceBox();
    void buildDataDisksPanel();
    void connectWidgets();
    QComboBox *makeResourceCombo(const char *objectName, ResourceListModel *model);
    void connectModel(ResourceListModel *model);
    void loadFromDraft();
    void syncWidgets();
    void updateBusy();
    void updateDefinitionDetails();
    /// Copies the chosen definition's SecurityType into the draft.
    void rememberSecurityType();
    void updateExistingVersions();
    void updateSourceWidgets();
    /// Why the source list is empty once it loaded ("No snapshot in France Central in this subscription").
    QString emptySourceListText() const;
    void rebuildDataDiskTable();
    void readDataDiskTable();
    void addDataDiskRow(const QString &snapshotId, int lun);

    cmk::ResourceInventory inventory() const;
    void reloadSubscriptions();
    void reloadForSubscription();
    void reloadGalleries();
    void reloadDefinitions();
    void reloadVersions();
    void reloadSources();

    /// The row the user chose in `model`; none while the page sets its combos itself, or for no choice.
    std::optional<ResourceListModel::Row> chosenRow(const ResourceListModel *model, int index) const;
    /// After the draft took the user's choice: `reload` what depends on it, show the draft, check it.
    void afterChoice(void (BasicsPage::*reload)());
    void onSubscriptionChosen(int index);
    void onResourceGroupChosen(int index);
    void onGalleryChosen(int index);
    void onDefinitionChosen(int index);
    void onLocationChosen(int index);
    /// Says what the change from `before` to the location now chosen cleared, with Undo.
    void noticeLocationChange(const cmk::ImageVersionDraft &before);
    void onSourceKindChosen(int index);
    void onSourceChosen(int index);

    bool m_syncing = false;
    ResourceListModel *m_subscriptions;
    ResourceListModel *m_resourceGroups;
    ResourceListModel *m_galleries;
    ResourceListModel *m_definitions;
    ResourceListModel *m_versions;
    ResourceListModel *m_sources;

    QLabel *m_intro = nullptr;
    ChangeNotice *m_changeNotice = nullptr;
    // Image definition box: where the version goes.
    QGroupBox *m_targetBox = nullptr;
    FormRow<QComboBox> m_subscriptionRow;
    FormRow<QComboBox> m_resourceGroupRow;
    FormRow<QComboBox> m_galleryRow;
    FormRow<QComboBox> m_definitionRow;
    QLabel *m_definitionDetails = nullptr;
    // Version details box.
    QGroupBox *m_versionBox = nullptr;
    FormRow<QLineEdit> m_versionRow;
    QLabel *m_versionError = nullptr;
    /// Under the subscription, resource group, gallery, image definition and location: "Choose a …" once the
    /// page was touched (the same sentences as ImageVersionValidation's, so the list below does not repeat
    /// them).
    struct ChoiceError {
        QLabel *label = nullptr;
        const char *sentence = nullptr;                   ///< untranslated
        QString cmk::ImageVersionDraft::*value = nullptr; ///< the choice it is about
    };
    QList<ChoiceError> m_choiceErrors;
    /// The "Choose a …" sentence of each empty choice of the draft.
    QStringList missingChoices() const;
    QLabel *m_existingVersions = nullptr;
    FormRow<QComboBox> m_locationRow;
    // Source box: what the disks are made from.
    QGroupBox *m_sourceBox = nullptr;
    FormRow<QComboBox> m_sourceKindRow;
    FormRow<QComboBox> m_sourceRow;
    QLabel *m_sourceDetails = nullptr;
    QWidget *m_dataDisksPanel = nullptr;
    FormRow<QTableWidget> m_dataDisks; ///< the snapshots of the data disks, by LUN
    QPushButton *m_addDataDiskButton = nullptr;
    QPushButton *m_removeDataDiskButton = nullptr;
};

} // namespace cmkui
