#include "vmwizard/vmwizard.h"

#include "arm/armpaths.h"
#include "common/diskencryptionsetmodel.h"
#include "common/resourcelistmodel.h"
#include "draft/draftstore.h"
#include "vm/vmdraft.h"
#include "vm/vmsource.h"
#include "vm/vmvalidation.h"
#include "vmwizard/vmbasicspage.h"
#include "vmwizard/vmdiskspage.h"
#include "vmwizard/vmnetworkingpage.h"
#include "vmwizard/vmreviewpage.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEvent>
#include <QFileInfo>

using namespace cmk;

namespace cmkui {

namespace {

/// The size offered first when the draft names none: a small general-purpose one.
const char kDefaultSize[] = "Standard_D2s_v5";

} // namespace

CreateVmWizard::CreateVmWizard(ArmClient *client, const QString &imageVersionId, QWidget *parent)
    : QWizard(parent) {
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

    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::HaveHelpButton, false);
    m_basics = new VmBasicsPage(m_context, this);
    m_networking = new VmNetworkingPage(m_context, this);
    m_disks = new VmDisksPage(m_context, this);
    m_review = new VmReviewPage(m_context, this);
    setPage(BasicsPageId, m_basics);
    setPage(NetworkingPageId, m_networking);
    setPage(DisksPageId, m_disks);
    setPage(ReviewPageId, m_review);
    setStartId(BasicsPageId);

    connect(m_context.image, &VmImageSource::finished, this, &CreateVmWizard::onImageLoaded);
    connect(m_context.draft, &VmDraftModel::changed, this, &CreateVmWizard::followDraft);
    connect(m_context.diskEncryptionSets, &DiskEncryptionSetModel::loadFinished, this,
            &CreateVmWizard::followDraft);
    connect(m_context.sizes, &ResourceListModel::loadFinished, this, [this] {
        if (!draftModel()->draft().size.isEmpty() || m_context.sizes->rowCount() == 0)
            return;
        const int preferred = m_context.sizes->rowOfName(QString::fromLatin1(kDefaultSize));
        const QString size = m_context.sizes->row(preferred >= 0 ? preferred : 0).name;
        draftModel()->modify([&](VmDraft &d) { d.size = size; });
        m_basics->loadFromDraft();
    });
    connect(m_review, &VmReviewPage::virtualMachineCreated, this, &CreateVmWizard::virtualMachineCreated);
    retranslateUi();
    resize(860, 680);
    m_context.image->load(imageVersionId);
}

CreateVmWizard::~CreateVmWizard() {
    // The draft model goes before the store among the children: save what the debounce still holds now.
    if (m_store && !m_created)
        m_store->saveNow();
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
    if (!m_store && QFileInfo::exists(path) && VmDraft::load(path, &saved, nullptr) &&
        sameResourceId(saved.imageVersionId, draftModel()->draft().imageVersionId)) {
        m_restored = true;
        // The disks keep the user's choices rather than the image's defaults for that region.
        m_defaultsRegion = normalizeRegion(saved.location);
        draftModel()->setDraft(saved);
    }
    if (!m_store) {
        m_store = new DraftStore(this);
        m_store->attach(draftModel());
        connect(this, &CreateVmWizard::virtualMachineCreated, m_store, [this] {
            m_created = true;
            m_store->discard();
        });
    }
    m_store->setPath(path);
}

void CreateVmWizard::onImageLoaded() {
    if (m_context.image->isLoaded()) {
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
        const ArmPathBuilder path = subscriptionPath(d.subscriptionId)
                                        .literal(QStringLiteral("providers/Microsoft.Compute/locations"))
                                        .name(region)
                                        .literal(QStringLiteral("vmSizes"));
        m_context.sizes->load(m_context.client, path.path(),
                              [](const nlohmann::json &item) -> std::optional<ResourceListModel::Row> {
                                  if (!item.is_object() || !item.contains("name") ||
                                      !item["name"].is_string())
                                      return std::nullopt;
                                  ResourceListModel::Row row;
                                  row.name = QString::fromStdString(item["name"].get<std::string>());
                                  row.id = row.name;
                                  VmSize size;
                                  size.name = row.name;
                                  size.numberOfCores = item.value("numberOfCores", 0);
                                  size.memoryInMB = item.value("memoryInMB", 0);
                                  size.maxDataDiskCount = item.value("maxDataDiskCount", 0);
                                  row.display = VmValidation::sizeLabel(size);
                                  row.json = item;
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
        draftModel()->modify(
            [&](VmDraft &draft) { m_context.image->info().applyDiskDefaults(draft, types); });
    }
}

void CreateVmWizard::reject() {
    // Cancel while Azure works only stops watching: say so on the page rather than vanish.
    if (m_review->submitter()->isRunning()) {
        m_review->stop();
        return;
    }
    QWizard::reject();
}

void CreateVmWizard::retranslateUi() {
    setWindowTitle(tr("Create a virtual machine from an image version"));
}

void CreateVmWizard::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // QWizard does not retranslate its own Back/Next/Cancel; a change of style re-reads them.
        const WizardStyle style = wizardStyle();
        setWizardStyle(style == ClassicStyle ? ModernStyle : ClassicStyle);
        setWizardStyle(style);
    }
    QWizard::changeEvent(event);
}

CreateVmWizard *openCreateVmWizard(QWidget *parent, ArmClient *client, const QString &imageVersionId) {
    auto *wizard = new CreateVmWizard(client, imageVersionId, parent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setAutosavePath(CreateVmWizard::defaultAutosavePath(imageVersionId));
    wizard->show();
    return wizard;
}

} // namespace cmkui
