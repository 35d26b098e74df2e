#include "imagewizard/createimageversionwizard.h"

#include "common/diskencryptionsetmodel.h"
#include "common/resourcelistmodel.h"
#include "imageversion/imageversiondraft.h"
#include "imagewizard/basicspage.h"
#include "imagewizard/encryptionpage.h"
#include "imagewizard/prerequisitespage.h"
#include "imagewizard/replicationpage.h"
#include "imagewizard/submitpage.h"
#include "imagewizard/tagspage.h"
#include "keyvault/deshealthcache.h"

namespace cmkui {

CreateImageVersionWizard::CreateImageVersionWizard(cmk::ArmClient *client, cmk::ImageVersionDraftModel *draft,
                                                   const CreateWizardOptions &options, QWidget *parent)
    : DraftWizard(parent) {
    setObjectName(QStringLiteral("createImageVersionWizard"));
    m_services.client = client;
    m_services.draft = draft;
    m_services.diskEncryptionSets = new DiskEncryptionSetModel(this);
    m_services.locations = new ResourceListModel(this);
    m_services.locations->setShowsRegions(true);
    m_services.galleries = new ResourceListModel(this);
    m_services.keyHealth = new cmk::DesHealthCache(client, this);
    m_services.diskEncryptionSets->setKeyHealth(m_services.keyHealth);
    m_services.replicationPollIntervalMs = options.replicationPollIntervalMs;
    if (options.today)
        m_services.today = options.today;

    m_basics = new BasicsPage(m_services, this);
    m_review = new SubmitPage(m_services, this);
    setPage(BasicsPageId, m_basics);
    if (options.withPrerequisites) {
        auto *prerequisites = new PrerequisitesPage(client, this);
        prerequisites->setObjectName(QStringLiteral("prerequisitesPage"));
        setPage(PrerequisitesPageId, prerequisites);
    }
    setPage(ReplicationPageId, new ReplicationPage(m_services, this));
    setPage(EncryptionPageId, new EncryptionPage(m_services, this));
    setPage(TagsPageId, new TagsPage(m_services, this));
    setPage(ReviewPageId, m_review);
    setStartId(BasicsPageId);
    setReviewPage(m_review);

    connect(draft, &cmk::ImageVersionDraftModel::changed, this,
            &CreateImageVersionWizard::followSubscription);
    connect(m_review, &ReviewCreatePage::created, this, &CreateImageVersionWizard::imageVersionCreated);
    followSubscription();
    retranslateUi();
    resize(940, 720);
}

CreateImageVersionWizard::~CreateImageVersionWizard() = default;

ReplicationPage *CreateImageVersionWizard::replicationPage() const {
    return static_cast<ReplicationPage *>(page(ReplicationPageId));
}

EncryptionPage *CreateImageVersionWizard::encryptionPage() const {
    return static_cast<EncryptionPage *>(page(EncryptionPageId));
}

TagsPage *CreateImageVersionWizard::tagsPage() const {
    return static_cast<TagsPage *>(page(TagsPageId));
}

QString CreateImageVersionWizard::subscriptionId() const {
    return m_services.draft->draft().subscriptionId;
}

void CreateImageVersionWizard::followSubscription() {
    // The DES list belongs to one subscription; a switch aborts the stale load and starts over.
    const QString subscription = m_services.draft->draft().subscriptionId;
    DiskEncryptionSetModel *sets = m_services.diskEncryptionSets;
    if (subscription.compare(sets->subscriptionId(), Qt::CaseInsensitive) == 0 &&
        (sets->isLoading() || sets->isComplete()))
        return;
    if (subscription.isEmpty())
        sets->clear();
    else
        sets->load(m_services.client, subscription);
}

void CreateImageVersionWizard::reloadLists() {
    m_basics->reloadAll();
    m_services.keyHealth->clear(); // what the new sign-in may read differs
    if (!m_services.draft->draft().subscriptionId.isEmpty())
        m_services.diskEncryptionSets->load(m_services.client, m_services.draft->draft().subscriptionId);
}

void CreateImageVersionWizard::retranslateUi() {
    setWindowTitle(tr("Create an image version"));
    m_services.keyHealth->retranslate(); // the findings' messages are texts too
}

} // namespace cmkui

namespace cmkui {

QString CreateImageVersionWizard::discardText() const {
    return tr("Discard this image version? The draft is kept and offered next time.");
}

QString CreateImageVersionWizard::runningText() const {
    return tr("Azure goes on creating the image version: the app cannot cancel a request it has sent. Closing "
              "only stops watching it; “Review an existing image version…” or the Azure portal shows how it "
              "ended. The draft is kept and offered next time.");
}

bool CreateImageVersionWizard::hasChoices() const {
    return m_services.draft->draft() != cmk::ImageVersionDraft();
}

} // namespace cmkui
