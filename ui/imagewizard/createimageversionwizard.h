#pragma once

// The "create an image version" wizard: Basics, (Prerequisites), Replication, Encryption, Tags, Review +
// create. All pages edit one cmk::ImageVersionDraftModel; the wizard owns the lists more than one page needs.

#include "common/draftwizard.h"
#include "imagewizard/wizardpageids.h"
#include "imagewizard/wizardservices.h" // and the classes it names (cmk::ArmClient, ResourceListModel...)

class QTimer;

namespace cmkui {

class BasicsPage;
class EncryptionPage;
class ReplicationPage;
class SubmitPage;
class TagsPage;

struct CreateWizardOptions {
    bool withPrerequisites = true; ///< the Prerequisites step after Basics
    int replicationPollIntervalMs = 2000;
    std::function<QDate()> today; ///< empty: the real date
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
    // The pages the wizard talks to after building them; QWizard owns and finds the others by id.
    BasicsPage *m_basics = nullptr;
    SubmitPage *m_review = nullptr;
    QTimer *m_draftFollow = nullptr; ///< one followDraft() per event-loop turn, however many edits
};

} // namespace cmkui
