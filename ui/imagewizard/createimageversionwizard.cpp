#include "imagewizard/createimageversionwizard.h"

#include "common/diskencryptionsetmodel.h"
#include "common/resourcelistmodel.h"
#include "des/diskencryptionsetcatalog.h"
#include "imageversion/imageversiondraft.h"
#include "imagewizard/basicspage.h"
#include "imagewizard/encryptionpage.h"
#include "imagewizard/prerequisitespage.h"
#include "imagewizard/replicationpage.h"
#include "imagewizard/submitpage.h"
#include "imagewizard/tagspage.h"
#include "imagewizard/updatestate.h"
#include "keyvault/deshealthcache.h"

#include <QTimer>

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
    if (options.updating) {
        m_update = std::make_unique<ImageVersionUpdateState>();
        m_update->current = *options.updating;
        m_services.update = m_update.get();
        setObjectName(QStringLiteral("updateImageVersionWizard"));
    }

    PrerequisitesPage *prerequisites = nullptr;
    if (options.withPrerequisites && !isUpdate()) {
        prerequisites = new PrerequisitesPage(client, this);
        prerequisites->setObjectName(QStringLiteral("prerequisitesPage"));
        m_services.prerequisites = prerequisites->checker(); // before the pages copy the services
    }
    m_basics = new BasicsPage(m_services, this);
    m_review = new SubmitPage(m_services, this);
    setPage(BasicsPageId, m_basics);
    if (prerequisites)
        setPage(PrerequisitesPageId, prerequisites);
    setPage(ReplicationPageId, new ReplicationPage(m_services, this));
    setPage(EncryptionPageId, new EncryptionPage(m_services, this));
    setPage(TagsPageId, new TagsPage(m_services, this));
    setPage(ReviewPageId, m_review);
    setStartId(BasicsPageId);
    setReviewPage(m_review);

    m_draftFollow = new QTimer(this);
    m_draftFollow->setSingleShot(true);
    m_draftFollow->setInterval(0);
    connect(m_draftFollow, &QTimer::timeout, this, &CreateImageVersionWizard::followDraft);
    connect(draft, &cmk::ImageVersionDraftModel::changed, m_draftFollow, qOverload<>(&QTimer::start));
    connect(m_review, &ReviewCreatePage::created, this, &CreateImageVersionWizard::imageVersionCreated);
    // A draft opened from a file (--draft, the autosave) holds the user's choices: its errors show at once.
    if (hasChoices())
        revealErrorsOfAllPages();
    connect(draft, &cmk::ImageVersionDraftModel::replaced, this, [this] { revealErrorsOfAllPages(); });
    followDraft();
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

void CreateImageVersionWizard::followDraft() {
    // The Encryption page's dropdowns show the sets of the target regions, and the Replication page's
    // readiness check counts every type there: one Resource Graph query filtered on the server by the
    // subscription and the target regions (every type, so that switching the encryption type lists nothing)
    // serves both. Edits the loaded (or loading) sets already cover, such as removing a region, list nothing;
    // a switch of subscription replaces the stale load.
    const cmk::ImageVersionDraft &d = m_services.draft->draft();
    DiskEncryptionSetModel *sets = m_services.diskEncryptionSets;
    cmk::DiskEncryptionSetCatalog *catalog = sets->catalog();
    QStringList regions;
    for (const cmk::RegionDraft &region : d.targetRegions)
        regions << region.name;
    if (d.subscriptionId.isEmpty() ||
        (regions.isEmpty() && d.subscriptionId.compare(sets->subscriptionId(), Qt::CaseInsensitive) != 0)) {
        sets->clear(); // nothing to show until the draft has target regions
        return;
    }
    if (regions.isEmpty() || catalog->covers(d.subscriptionId, regions))
        return;
    catalog->setFilter(regions);
    sets->load(m_services.client, d.subscriptionId);
}

void CreateImageVersionWizard::reloadLists() {
    m_basics->reloadAll();
    m_services.keyHealth->clear(); // what the new sign-in may read differs
    if (!m_services.draft->draft().subscriptionId.isEmpty())
        m_services.diskEncryptionSets->load(m_services.client, m_services.draft->draft().subscriptionId);
}

void CreateImageVersionWizard::retranslateUi() {
    setWindowTitle(isUpdate() ? tr("Update image version %1").arg(m_update->current.versionName)
                              : tr("Create an image version"));
    m_services.keyHealth->retranslate(); // the findings' messages are texts too
}

} // namespace cmkui

namespace cmkui {

QString CreateImageVersionWizard::discardText() const {
    if (isUpdate())
        return tr("Discard your changes to this image version? Nothing was sent to Azure.");
    return tr("Discard this image version? The draft is kept and offered next time.");
}

QString CreateImageVersionWizard::runningText() const {
    if (isUpdate())
        return tr(
            "Azure goes on updating the image version: the app cannot cancel a request it has sent. "
            "Closing only stops watching it; the review window or the Azure portal shows how it ended.");
    return tr("Azure goes on creating the image version: the app cannot cancel a request it has sent. Closing "
              "only stops watching it; “Review an existing image version…” or the Azure portal shows how it "
              "ended. The draft is kept and offered next time.");
}

bool CreateImageVersionWizard::hasChoices() const {
    return m_services.draft->draft() != (isUpdate() ? m_update->current : cmk::ImageVersionDraft());
}

CreateImageVersionWizard *openImageVersionUpdateWizard(QWidget *parent, cmk::ArmClient *client,
                                                       const cmk::ImageVersionDraft &current,
                                                       CreateWizardOptions options) {
    auto *draft = new cmk::ImageVersionDraftModel;
    draft->setDraft(current);
    options.updating = &current;
    auto *wizard = new CreateImageVersionWizard(client, draft, options, parent);
    draft->setParent(wizard); // the pages use it until the wizard is gone
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->show();
    return wizard;
}

} // namespace cmkui
