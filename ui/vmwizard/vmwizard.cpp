#include "vmwizard/vmwizard.h"

#include "common/diskencryptionsetmodel.h"
#include "common/resourcelistmodel.h"
#include "draft/draftstore.h"
#include "vm/vmconfidential.h"
#include "vm/vmdraft.h"
#include "vm/vmlistings.h"
#include "vm/vmsource.h"
#include "vm/vmvalidation.h"
#include "vmwizard/vmbasicspage.h"
#include "vmwizard/vmdiskspage.h"
#include "vmwizard/vmnetworkingpage.h"
#include "vmwizard/vmreviewpage.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

using namespace cmk;

namespace cmkui {

namespace {

/// The size offered first when the draft names none: a small general-purpose one.
const char kDefaultSize[] = "Standard_D2s_v5";

} // namespace

CreateVmWizard::CreateVmWizard(ArmClient *client, const QString &imageVersionId, QWidget *parent)
    : DraftWizard(parent) {
    setObjectName(QStringLiteral("createVmWizard"));
    m_context.client = client;
    m_context.draft = new VmDraftModel(this);
    m_context.image = new VmImageSource(client, this);
    m_context.diskEncryptionSets = new DiskEncryptionSetModel(this);
    m_context.sizes = new ResourceListModel(this);
    m_context.draft->modify([&](VmDraft &d) {
        d.imageVersionId = imageVersionId;
        d.subscriptionId = ResourceId::parse(imageVersionId).subscriptionId;
    });

    m_basics = new VmBasicsPage(m_context, this);
    m_review = new VmReviewPage(m_context, this);
    setPage(BasicsPageId, m_basics);
    setPage(NetworkingPageId, new VmNetworkingPage(m_context, this));
    setPage(DisksPageId, new VmDisksPage(m_context, this));
    setPage(ReviewPageId, m_review);
    setStartId(BasicsPageId);
    setReviewPage(m_review);

    connect(m_context.image, &VmImageSource::finished, this, &CreateVmWizard::onImageLoaded);
    connect(m_context.draft, &VmDraftModel::changed, this, &CreateVmWizard::followDraft);
    connect(m_context.diskEncryptionSets, &DiskEncryptionSetModel::loadFinished, this,
            &CreateVmWizard::followDraft);
    connect(m_context.sizes, &ResourceListModel::loadFinished, this, &CreateVmWizard::chooseDefaultSize);
    connect(m_review, &ReviewCreatePage::created, this, &CreateVmWizard::virtualMachineCreated);
    retranslateUi();
    resize(860, 680);
    m_context.image->load(imageVersionId);
}

VmNetworkingPage *CreateVmWizard::networkingPage() const {
    return static_cast<VmNetworkingPage *>(page(NetworkingPageId));
}

VmDisksPage *CreateVmWizard::disksPage() const {
    return static_cast<VmDisksPage *>(page(DisksPageId));
}

QString CreateVmWizard::defaultAutosavePath(const QString &imageVersionId) {
    const QByteArray key =
        QCryptographicHash::hash(imageVersionId.trimmed().toLower().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return QDir(QFileInfo(DraftStore::defaultAutosavePath()).absolutePath())
        .filePath(QStringLiteral("vm-drafts/%1.json").arg(QString::fromLatin1(key)));
}

void CreateVmWizard::setAutosavePath(const QString &path) {
    VmDraft saved;
    if (!isAutosaving() && QFileInfo::exists(path) && VmDraft::load(path, &saved, nullptr) &&
        sameResourceId(saved.imageVersionId, draftModel()->draft().imageVersionId)) {
        m_restored = true;
        revealErrorsOfAllPages();
        // The disks keep the user's choices rather than the image's defaults for that region.
        m_defaultsRegion = normalizeRegion(saved.location);
        draftModel()->setDraft(saved);
    }
    autosave(draftModel(), path);
}

void CreateVmWizard::chooseDefaultSize() {
    if (!draftModel()->draft().size.isEmpty() || m_context.sizes->rowCount() == 0)
        return;
    const int preferred = m_context.sizes->rowOfName(QString::fromLatin1(kDefaultSize));
    const QString size = m_context.sizes->row(preferred >= 0 ? preferred : 0).name;
    const AutomaticDraftChange automatic;
    draftModel()->modify([&](VmDraft &d) { d.size = size; });
    m_basics->loadFromDraft();
}

void CreateVmWizard::onImageLoaded() {
    if (m_context.image->isLoaded()) {
        const AutomaticDraftChange automatic;
        draftModel()->modify([this](VmDraft &d) { m_context.image->info().applyTo(d); });
        const QString subscription = draftModel()->draft().subscriptionId;
        if (subscription.compare(m_context.diskEncryptionSets->subscriptionId(), Qt::CaseInsensitive) != 0 ||
            (!m_context.diskEncryptionSets->isLoading() && !m_context.diskEncryptionSets->isComplete()))
            m_context.diskEncryptionSets->load(m_context.client, subscription);
        m_basics->loadFromDraft();
    }
    followDraft();
    Q_EMIT imageLoaded();
}

void CreateVmWizard::followDraft() {
    if (!m_context.image->isLoaded())
        return;
    const VmDraft &d = draftModel()->draft();
    const QString region = normalizeRegion(d.location);
    // The size list belongs to one region.
    if (!region.isEmpty() && region != m_sizesRegion) {
        m_sizesRegion = region;
        // A Confidential VM runs only on the confidential families: the others are not offered.
        const bool confidential = d.isConfidentialVm();
        m_context.sizes->load(VmInventory(m_context.client).sizes(d.subscriptionId, region),
                              [confidential](const VmSize &size) -> std::optional<ResourceListModel::Row> {
                                  if (size.name.isEmpty() ||
                                      (confidential && !isConfidentialVmSize(size.name)))
                                      return std::nullopt;
                                  ResourceListModel::Row row;
                                  row.name = size.name;
                                  row.id = size.name;
                                  row.display = VmValidation::sizeLabel(size);
                                  row.resource = size;
                                  return row;
                              });
    }
    // The disks default to the image's own DES in the VM's region, once the DES types are known.
    DiskEncryptionSetModel *sets = m_context.diskEncryptionSets;
    if (!region.isEmpty() && region != m_defaultsRegion && !sets->isLoading() &&
        (sets->isComplete() || sets->error())) {
        m_defaultsRegion = region;
        QMap<QString, QString> types;
        for (const DiskEncryptionSet &des : sets->all())
            types.insert(des.id.toLower(), des.encryptionType);
        const AutomaticDraftChange automatic;
        draftModel()->modify(
            [&](VmDraft &draft) { m_context.image->info().applyDiskDefaults(draft, types); });
    }
}

void CreateVmWizard::retranslateUi() {
    setWindowTitle(tr("Create a virtual machine from an image version"));
}

QString CreateVmWizard::discardText() const {
    return tr("Discard this virtual machine? The draft is kept (without the password) and restored when you "
              "create a virtual machine from this image version again.");
}

QString CreateVmWizard::runningText() const {
    return tr("Azure goes on creating the virtual machine: the app cannot cancel a request it has sent. Closing "
              "only stops watching it; the Azure portal shows how it ended.");
}

CreateVmWizard *openCreateVmWizard(QWidget *parent, ArmClient *client, const QString &imageVersionId) {
    auto *wizard = new CreateVmWizard(client, imageVersionId, parent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setAutosavePath(CreateVmWizard::defaultAutosavePath(imageVersionId));
    wizard->show();
    return wizard;
}

} // namespace cmkui
