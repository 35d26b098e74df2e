#pragma once

// The "create an image version" wizard: Basics, (Prerequisites), Replication, Encryption, Tags, Review +
// create. All pages edit one cmk::ImageVersionDraftModel; the wizard owns the lists more than one page needs.

#include "common/draftwizard.h"
#include "imagewizard/wizardpageids.h"
#include "imagewizard/wizardservices.h" // and the classes it names (cmk::ArmClient, ResourceListModel...)

#include <memory>

class QTimer;

namespace cmkui {

class BasicsPage;
class EncryptionPage;
class ReplicationPage;
class SubmitPage;
class TagsPage;

struct ImageVersionUpdateState;

struct CreateWizardOptions {
    bool withPrerequisites = true; ///< the Prerequisites step after Basics (never in update mode)
    int replicationPollIntervalMs = 2000;
    std::function<QDate()> today; ///< empty: the real date
    /// Update mode: the existing version as it is (its update draft, cmk::updateDraftFor), copied. Basics is
    /// read-only, Replication, Encryption and Tags follow the update rules, Review + create shows the diff
    /// and sends the PATCH.
    const cmk::ImageVersionDraft *updating = nullptr;
};

class CreateImageVersionWizard : public DraftWizard {
    Q_OBJECT
    /// Read by the Prerequisites page.
    Q_PROPERTY(QString subscriptionId READ subscriptionId)
public:
    CreateImageVersionWizard(cmk::ArmClient *client, cmk::ImageVersionDraftModel *draft,
                             const CreateWizardOptions &options = {}, QWidget *parent = nullptr);
    ~CreateImageVersionWizard() override;

    QString subscriptionId() const;
    bool isUpdate() const { return m_services.update != nullptr; }
    cmk::ImageVersionDraftModel *draftModel() const { return m_services.draft; }
    DiskEncryptionSetModel *diskEncryptionSets() const { return m_services.diskEncryptionSets; }
    ResourceListModel *locations() const { return m_services.locations; }
    /// The health of the chosen sets' keys, shared by the Encryption and Review + create pages.
    cmk::DesHealthCache *keyHealth() const { return m_services.keyHealth; }
    BasicsPage *basicsPage() const { return m_basics; }
    ReplicationPage *replicationPage() const;
    EncryptionPage *encryptionPage() const;
    TagsPage *tagsPage() const;
    SubmitPage *reviewPage() const { return m_review; }

public Q_SLOTS:
    /// Reads the lists of every page again, keeping the draft (after a new sign-in or a tenant switch).
    void reloadLists();

Q_SIGNALS:
    void imageVersionCreated(const QString &resourceId);

protected:
    void retranslateUi() override;
    QString discardText() const override;
    QString runningText() const override;
    bool hasChoices() const override;

private:
    /// Lists the sets the pages need when the draft's subscription or target regions call for more.
    void followDraft();

    WizardServices m_services;
    std::unique_ptr<ImageVersionUpdateState> m_update; ///< update mode only
    // The pages the wizard talks to after building them; QWizard owns and finds the others by id.
    BasicsPage *m_basics = nullptr;
    SubmitPage *m_review = nullptr;
    QTimer *m_draftFollow = nullptr; ///< one followDraft() per event-loop turn, however many edits
};

/// The wizard in update mode on the version `current` describes (cmk::updateDraftFor), in a window of its
/// own that owns its draft and deletes itself on close.
CreateImageVersionWizard *openImageVersionUpdateWizard(QWidget *parent, cmk::ArmClient *client,
                                                       const cmk::ImageVersionDraft &current,
                                                       CreateWizardOptions options = {});

} // namespace cmkui
