#include "imagewizard/basicspage.h"

#include "arm/resources.h"
#include "common/changenotice.h"
#include "common/resourcelistmodel.h"
#include "common/usertext.h"
#include "imageversion/imageversiondraft.h"
#include "imageversion/imageversionvalidation.h"
#include "inventory/resourceinventory.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

using namespace cmk;

namespace cmkui {

namespace {

QList<int> sourceDataDiskLuns(const ResourceListModel::Row &row) {
    if (const auto *image = row.resourceAs<ManagedImage>())
        return dataDiskLuns(*image);
    if (const auto *vm = row.resourceAs<VirtualMachine>())
        return dataDiskLuns(*vm);
    if (const auto *version = row.resourceAs<GalleryImageVersion>())
        return dataDiskLuns(*version);
    return {}; // snapshots: each data disk is a snapshot of its own
}

/// How a source shows in the dropdown: name and resource group, and what tells it apart for its kind.
template <typename Source> QString sourceText(const Source &source, const ResourceId &id) {
    return QStringLiteral("%1 (%2)").arg(source.name, id.resourceGroup);
}

QString sourceText(const Snapshot &snapshot, const ResourceId &id) {
    const QString size = snapshot.diskSizeGB ? BasicsPage::tr("%1 GiB").arg(*snapshot.diskSizeGB) : QString();
    return snapshot.osType.isEmpty()
               ? BasicsPage::tr("%1 (%2) — data disk %3").arg(snapshot.name, id.resourceGroup, size)
               : BasicsPage::tr("%1 (%2) — %3 OS disk %4")
                     .arg(snapshot.name, id.resourceGroup, snapshot.osType, size);
}

QString sourceText(const GalleryImageVersion &version, const ResourceId &id) {
    //: A source image version in a dropdown: %1 image definition, %2 version, %3 resource group
    return BasicsPage::tr("%1 version %2 (%3)").arg(id.names.value(1), version.name, id.resourceGroup);
}

/// Rows of the sources in `location` only: a source elsewhere cannot make a version there.
template <typename Source> ResourceListModel::RowMaker<Source> sourcesIn(const QString &location) {
    return [location](const Source &source) -> std::optional<ResourceListModel::Row> {
        if (!sameRegion(source.location, location))
            return std::nullopt;
        ResourceListModel::Row row = ResourceListModel::rowOf(source);
        row.display = sourceText(source, ResourceId::parse(source.id));
        return row;
    };
}

void selectComboRow(QComboBox *combo, int row) {
    if (combo->currentIndex() != row)
        combo->setCurrentIndex(row);
}

} // namespace

BasicsPage::BasicsPage(const WizardServices &services, QWidget *parent)
    : DraftPage(services, parent)
    , m_subscriptions(new ResourceListModel(this))
    , m_resourceGroups(new ResourceListModel(this))
    , m_galleries(services.galleries ? services.galleries : new ResourceListModel(this))
    , m_definitions(new ResourceListModel(this))
    , m_versions(new ResourceListModel(this))
    , m_sources(new ResourceListModel(this)) {
    setObjectName(QStringLiteral("basicsPage"));
    buildUi();
    for (ResourceListModel *model : {m_subscriptions, m_resourceGroups, m_galleries, m_definitions,
                                     m_versions, m_sources, m_services.locations})
        connectModel(model);
    connect(m_definitions, &ResourceListModel::loadFinished, this, [this] {
        rememberSecurityType();
        if (draftModel()->draft().sourceKind == SourceKind::ImageVersion)
            reloadSources();
    });
    connect(draftModel(), &ImageVersionDraftModel::replaced, this, &BasicsPage::loadFromDraft);
    // Update mode: the version exists, what it is and what it is made of are read-only.
    for (QWidget *box : std::initializer_list<QWidget *>{m_targetBox, m_versionBox, m_sourceBox})
        box->setEnabled(!m_services.update);
    retranslateUi();
    reloadSubscriptions();
    loadFromDraft();
}

BasicsPage::~BasicsPage() = default;

void BasicsPage::buildUi() {
    auto *layout = new QVBoxLayout(this);
    m_changeNotice = new ChangeNotice(this);
    layout->addWidget(m_changeNotice);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    buildTargetBox();
    buildVersionBox();
    buildSourceBox();

    // Two columns: what receives the version on the left, what it is made from on the right.
    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(m_targetBox);
    left->addWidget(m_versionBox);
    left->addStretch(1);
    columns->addLayout(left, 1);
    columns->addWidget(m_sourceBox, 1);
    layout->addLayout(columns, 1);
    addStatusWidgets(layout);

    QWidget *previous = nullptr;
    for (QWidget *next : std::initializer_list<QWidget *>{
             m_subscriptionRow.field, m_resourceGroupRow.field, m_galleryRow.field, m_definitionRow.field,
             m_versionRow.field, m_locationRow.field, m_sourceKindRow.field, m_sourceRow.field,
             m_dataDisks.field, m_addDataDiskButton, m_removeDataDiskButton}) {
        if (previous)
            setTabOrder(previous, next);
        previous = next;
    }
    connectWidgets();
}

QComboBox *BasicsPage::makeResourceCombo(const char *objectName, ResourceListModel *model) {
    auto *combo = new QComboBox(this);
    combo->setObjectName(QString::fromLatin1(objectName));
    combo->setModel(model);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(16);
    return combo;
}

void BasicsPage::buildTargetBox() {
    m_targetBox = new QGroupBox(this);
    m_targetBox->setObjectName(QStringLiteral("targetBox"));
    auto *form = new QFormLayout(m_targetBox);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_subscriptionRow.field = makeResourceCombo("subscriptionCombo", m_subscriptions);
    m_resourceGroupRow.field = makeResourceCombo("resourceGroupCombo", m_resourceGroups);
    m_galleryRow.field = makeResourceCombo("galleryCombo", m_galleries);
    m_definitionRow.field = makeResourceCombo("imageDefinitionCombo", m_definitions);
    m_definitionDetails = new QLabel(m_targetBox);
    m_definitionDetails->setObjectName(QStringLiteral("imageDefinitionDetails"));
    m_definitionDetails->setWordWrap(true);
    // Each choice with the reason it is needed right under it (shown once the page was touched).
    const auto addChoice = [&](FormRow<QComboBox> &row, const char *errorName, const char *sentence,
                               QString ImageVersionDraft::*value) {
        row.label = addLabelledRow(form, row.field);
        QLabel *error = makeFieldErrorLabel(m_targetBox, errorName);
        error->setWordWrap(false); // one short line: wrapped, QFormLayout's wrapped rows clipped its second
        form->addRow(QString(), error);
        m_choiceErrors.append({error, sentence, value});
    };
    addChoice(m_subscriptionRow, "subscriptionErrorLabel",
              QT_TRANSLATE_NOOP("ImageVersionValidation", "Choose a subscription."),
              &ImageVersionDraft::subscriptionId);
    addChoice(m_resourceGroupRow, "resourceGroupErrorLabel",
              QT_TRANSLATE_NOOP("ImageVersionValidation", "Choose a resource group."),
              &ImageVersionDraft::resourceGroup);
    addChoice(m_galleryRow, "galleryErrorLabel",
              QT_TRANSLATE_NOOP("ImageVersionValidation", "Choose a gallery."),
              &ImageVersionDraft::galleryName);
    addChoice(m_definitionRow, "imageDefinitionErrorLabel",
              QT_TRANSLATE_NOOP("ImageVersionValidation", "Choose an image definition."),
              &ImageVersionDraft::imageDefinitionName);
    form->addRow(QString(), m_definitionDetails);
}

void BasicsPage::buildVersionBox() {
    m_versionBox = new QGroupBox(this);
    m_versionBox->setObjectName(QStringLiteral("versionBox"));
    auto *form = new QFormLayout(m_versionBox);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_versionRow.field = new QLineEdit(m_versionBox);
    m_versionRow.field->setObjectName(QStringLiteral("versionEdit"));
    m_versionRow.field->setPlaceholderText(QStringLiteral("1.0.0"));
    m_versionRow.field->setMaxLength(40);
    m_existingVersions = new QLabel(m_versionBox);
    m_existingVersions->setObjectName(QStringLiteral("existingVersionsLabel"));
    m_existingVersions->setWordWrap(true);
    m_locationRow.field = makeResourceCombo("locationCombo", m_services.locations);
    m_versionError = makeFieldErrorLabel(m_versionBox, "versionErrorLabel");
    m_versionRow.label = addLabelledRow(form, m_versionRow.field);
    form->addRow(QString(), m_versionError);
    form->addRow(QString(), m_existingVersions);
    m_locationRow.label = addLabelledRow(form, m_locationRow.field);
    QLabel *locationError = makeFieldErrorLabel(m_versionBox, "locationErrorLabel");
    form->addRow(QString(), locationError);
    m_choiceErrors.append({locationError, QT_TRANSLATE_NOOP("ImageVersionValidation", "Choose a location."),
                           &ImageVersionDraft::location});
}

void BasicsPage::buildSourceBox() {
    m_sourceBox = new QGroupBox(this);
    m_sourceBox->setObjectName(QStringLiteral("sourceBox"));
    auto *sourceLayout = new QVBoxLayout(m_sourceBox);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    sourceLayout->addLayout(form);
    m_sourceKindRow.field = new QComboBox(m_sourceBox);
    m_sourceKindRow.field->setObjectName(QStringLiteral("sourceKindCombo"));
    for (SourceKind kind : {SourceKind::ManagedImage, SourceKind::Snapshots, SourceKind::VirtualMachine,
                            SourceKind::ImageVersion})
        m_sourceKindRow.field->addItem(QString(), sourceKindKey(kind));
    m_sourceRow.field = makeResourceCombo("sourceCombo", m_sources);
    m_sourceDetails = new QLabel(m_sourceBox);
    m_sourceDetails->setObjectName(QStringLiteral("sourceDetails"));
    m_sourceDetails->setWordWrap(true);
    m_sourceKindRow.label = addLabelledRow(form, m_sourceKindRow.field);
    m_sourceRow.label = addLabelledRow(form, m_sourceRow.field);
    form->addRow(QString(), m_sourceDetails);
    buildDataDisksPanel();
    sourceLayout->addWidget(m_dataDisksPanel, 1);
    sourceLayout->addStretch(0);
}

void BasicsPage::buildDataDisksPanel() {
    m_dataDisksPanel = new QWidget(m_sourceBox);
    m_dataDisksPanel->setObjectName(QStringLiteral("dataDisksPanel"));
    auto *disksLayout = new QVBoxLayout(m_dataDisksPanel);
    disksLayout->setContentsMargins(0, 0, 0, 0);
    m_dataDisks.label = new QLabel(m_dataDisksPanel);
    m_dataDisks.label->setWordWrap(true);
    m_dataDisks.field = new QTableWidget(0, 2, m_dataDisksPanel);
    m_dataDisks.field->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move between cells
    m_dataDisks.field->setObjectName(QStringLiteral("dataDisksTable"));
    m_dataDisks.field->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_dataDisks.field->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_dataDisks.field->verticalHeader()->setVisible(false);
    m_dataDisks.field->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_dataDisks.field->setSelectionMode(QAbstractItemView::SingleSelection);
    m_dataDisks.field->setMinimumHeight(120);
    m_dataDisks.label->setBuddy(m_dataDisks.field);
    auto *diskButtons = new QHBoxLayout;
    m_addDataDiskButton = new QPushButton(m_dataDisksPanel);
    m_addDataDiskButton->setObjectName(QStringLiteral("addDataDiskButton"));
    m_removeDataDiskButton = new QPushButton(m_dataDisksPanel);
    m_removeDataDiskButton->setObjectName(QStringLiteral("removeDataDiskButton"));
    diskButtons->addWidget(m_addDataDiskButton);
    diskButtons->addWidget(m_removeDataDiskButton);
    diskButtons->addStretch(1);
    disksLayout->addWidget(m_dataDisks.label);
    disksLayout->addWidget(m_dataDisks.field);
    disksLayout->addLayout(diskButtons);
}

void BasicsPage::connectWidgets() {
    connect(m_subscriptionRow.field, &QComboBox::currentIndexChanged, this,
            &BasicsPage::onSubscriptionChosen);
    connect(m_resourceGroupRow.field, &QComboBox::currentIndexChanged, this,
            &BasicsPage::onResourceGroupChosen);
    connect(m_galleryRow.field, &QComboBox::currentIndexChanged, this, &BasicsPage::onGalleryChosen);
    connect(m_definitionRow.field, &QComboBox::currentIndexChanged, this, &BasicsPage::onDefinitionChosen);
    connect(m_locationRow.field, &QComboBox::currentIndexChanged, this, &BasicsPage::onLocationChosen);
    connect(m_sourceKindRow.field, &QComboBox::currentIndexChanged, this, &BasicsPage::onSourceKindChosen);
    connect(m_sourceRow.field, &QComboBox::currentIndexChanged, this, &BasicsPage::onSourceChosen);
    connect(m_versionRow.field, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_syncing)
            return;
        draftModel()->modify([&](ImageVersionDraft &d) { d.versionName = text.trimmed(); });
        revalidate();
    });
    connect(m_addDataDiskButton, &QPushButton::clicked, this, [this] {
        // The next free LUN, so adding disks one after the other never collides.
        const QList<int> used = draftModel()->draft().dataDiskLuns();
        int lun = 0;
        while (used.contains(lun) && lun < ImageVersionValidation::maxLun)
            ++lun;
        draftModel()->modify([&](ImageVersionDraft &d) { d.dataDiskSnapshots.append({lun, QString()}); });
        rebuildDataDiskTable();
        m_dataDisks.field->setCurrentCell(m_dataDisks.field->rowCount() - 1, 0);
        if (QWidget *combo = m_dataDisks.field->cellWidget(m_dataDisks.field->rowCount() - 1, 0))
            combo->setFocus();
        revalidate();
    });
    connect(m_removeDataDiskButton, &QPushButton::clicked, this, [this] {
        const int row = m_dataDisks.field->currentRow();
        if (row < 0 || row >= draftModel()->draft().dataDiskSnapshots.size())
            return;
        draftModel()->modify([&](ImageVersionDraft &d) { d.dataDiskSnapshots.removeAt(row); });
        rebuildDataDiskTable();
        revalidate();
    });
    connect(m_dataDisks.field, &QTableWidget::currentCellChanged, this,
            [this] { m_removeDataDiskButton->setEnabled(m_dataDisks.field->currentRow() >= 0); });
}

void BasicsPage::retranslateUi() {
    DraftPage::retranslateUi();
    setTitle(tr("Basics"));
    setSubTitle(tr("Where the new image version goes and what it is made from."));
    m_intro->setText(
        m_services.update
            ? tr("This image version exists: its image definition, number, location and source are locked. "
                 "Change its target regions, encryption and tags on the next pages.")
            : tr("Choose the image definition that receives the new version, give the version a number, "
                 "and pick the source of its disks. Lists show only what exists in the chosen subscription "
                 "and location."));
    m_targetBox->setTitle(tr("Image definition"));
    m_versionBox->setTitle(tr("Version details"));
    m_sourceBox->setTitle(tr("Source"));
    m_subscriptionRow.label->setText(tr("&Subscription:"));
    m_resourceGroupRow.label->setText(tr("&Resource group:"));
    m_galleryRow.label->setText(tr("&Gallery:"));
    m_definitionRow.label->setText(tr("Image &definition:"));
    m_versionRow.label->setText(tr("&Version number:"));
    m_locationRow.label->setText(tr("&Location:"));
    m_sourceKindRow.label->setText(tr("Source &type:"));
    m_subscriptionRow.field->setPlaceholderText(tr("Choose a subscription"));
    m_resourceGroupRow.field->setPlaceholderText(tr("Choose a resource group"));
    m_galleryRow.field->setPlaceholderText(tr("Choose a gallery"));
    m_definitionRow.field->setPlaceholderText(tr("Choose an image definition"));
    m_locationRow.field->setPlaceholderText(tr("Choose a location"));
    m_subscriptionRow.field->setAccessibleName(tr("Subscription"));
    m_resourceGroupRow.field->setAccessibleName(tr("Resource group"));
    m_galleryRow.field->setAccessibleName(tr("Gallery"));
    m_definitionRow.field->setAccessibleName(tr("Image definition"));
    m_definitionDetails->setAccessibleName(tr("Image definition details"));
    m_versionRow.field->setAccessibleName(tr("Version number"));
    m_versionRow.field->setToolTip(
        tr("Three whole numbers separated by dots: MAJOR.MINOR.PATCH, such as 1.0.0."));
    m_existingVersions->setAccessibleName(tr("Existing versions"));
    m_locationRow.field->setAccessibleName(tr("Location"));
    m_sourceKindRow.field->setAccessibleName(tr("Source type"));
    m_sourceKindRow.field->setItemText(0, tr("Managed image"));
    m_sourceKindRow.field->setItemText(1, tr("Snapshots (OS disk and data disks)"));
    m_sourceKindRow.field->setItemText(2, tr("Virtual machine"));
    m_sourceKindRow.field->setItemText(3, tr("Another image version"));
    m_dataDisks.label->setText(tr("&Data disks: one snapshot per data disk, each with its own LUN (0 to %1).")
                                   .arg(ImageVersionValidation::maxLun));
    m_dataDisks.field->setHorizontalHeaderLabels({tr("Snapshot"), tr("LUN")});
    m_dataDisks.field->setAccessibleName(tr("Data disks"));
    m_addDataDiskButton->setText(tr("&Add data disk"));
    m_addDataDiskButton->setAccessibleName(tr("Add data disk"));
    m_removeDataDiskButton->setText(tr("Remo&ve data disk"));
    m_removeDataDiskButton->setAccessibleName(tr("Remove data disk"));
    updateSourceWidgets();
    updateDefinitionDetails();
    updateExistingVersions();
    updateBusy();
    rebuildDataDiskTable();
}

void BasicsPage::initializePage() {
    syncWidgets();
    revalidate();
}

QStringList BasicsPage::existingVersions() const {
    QStringList names;
    for (const ResourceListModel::Row &row : m_versions->rows())
        names << row.name;
    return names;
}

void BasicsPage::connectModel(ResourceListModel *model) {
    connect(model, &ResourceListModel::rowsInserted, this, [this] { syncWidgets(); });
    connect(model, &ResourceListModel::loadFinished, this, [this] {
        syncWidgets();
        updateBusy();
        revalidate();
    });
    connect(model, &ResourceListModel::loadingChanged, this, [this] {
        updateBusy();
        revalidate();
    });
}

void BasicsPage::loadFromDraft() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    reloadForSubscription();
    rebuildDataDiskTable();
    syncWidgets();
    revalidate();
}

void BasicsPage::syncWidgets() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = draftModel()->draft();
    selectComboRow(m_subscriptionRow.field, m_subscriptions->rowOfName(d.subscriptionId));
    selectComboRow(m_resourceGroupRow.field, m_resourceGroups->rowOfName(d.resourceGroup));
    selectComboRow(m_galleryRow.field, m_galleries->rowOfName(d.galleryName));
    selectComboRow(m_definitionRow.field, m_definitions->rowOfName(d.imageDefinitionName));
    selectComboRow(m_locationRow.field, m_services.locations->rowOfName(d.location));
    selectComboRow(m_sourceKindRow.field, m_sourceKindRow.field->findData(sourceKindKey(d.sourceKind)));
    selectComboRow(m_sourceRow.field, m_sources->rowOfId(d.sourceId));
    if (m_versionRow.field->text().trimmed() != d.versionName)
        m_versionRow.field->setText(d.versionName);
    if (m_dataDisks.field->rowCount() != d.dataDiskSnapshots.size())
        rebuildDataDiskTable();
    for (int row = 0; row < m_dataDisks.field->rowCount() && row < d.dataDiskSnapshots.size(); ++row) {
        if (auto *combo = qobject_cast<QComboBox *>(m_dataDisks.field->cellWidget(row, 0)))
            selectComboRow(combo, m_sources->rowOfId(d.dataDiskSnapshots.at(row).snapshotId));
        if (auto *spin = qobject_cast<QSpinBox *>(m_dataDisks.field->cellWidget(row, 1))) {
            if (spin->value() != d.dataDiskSnapshots.at(row).lun)
                spin->setValue(d.dataDiskSnapshots.at(row).lun);
        }
    }
    updateDefinitionDetails();
    updateExistingVersions();
    updateSourceWidgets();
}

void BasicsPage::updateBusy() {
    QString text;
    if (m_subscriptions->isLoading())
        text = tr("Loading subscriptions…");
    else if (m_resourceGroups->isLoading())
        text = tr("Loading resource groups…");
    else if (m_services.locations->isLoading())
        text = tr("Loading locations…");
    else if (m_galleries->isLoading())
        text = tr("Loading galleries…");
    else if (m_definitions->isLoading())
        text = tr("Loading image definitions…");
    else if (m_versions->isLoading())
        text = tr("Loading existing versions…");
    else if (m_sources->isLoading())
        text = tr("Loading sources in this location…");
    setBusy(text);
}

void BasicsPage::cancelLoading() {
    for (ResourceListModel *model : {m_subscriptions, m_resourceGroups, m_galleries, m_definitions,
                                     m_versions, m_sources, m_services.locations})
        model->abort();
    updateBusy();
    revalidate();
}

void BasicsPage::updateDefinitionDetails() {
    const int row = m_definitionRow.field->currentIndex();
    const GalleryImage *image = row >= 0 && row < m_definitions->rowCount()
                                    ? m_definitions->row(row).resourceAs<GalleryImage>()
                                    : nullptr;
    if (!image) {
        m_definitionDetails->clear();
        m_definitionDetails->setVisible(false);
        return;
    }
    const QString security = image->securityType().isEmpty() ? tr("Standard") : image->securityType();
    const QString generation = image->hyperVGeneration.isEmpty() ? tr("not set") : image->hyperVGeneration;
    //: Details of an image definition: %1 OS type (Linux/Windows), %2 OS state, %3 Hyper-V generation, %4
    //: security type
    m_definitionDetails->setText(
        tr("OS type: %1 · OS state: %2 · Generation: %3 · Security type: %4")
            .arg(image->osType, cmk::ServiceTerms::state(image->osState), generation, security));
    m_definitionDetails->setVisible(true);
}

void BasicsPage::updateExistingVersions() {
    const ImageVersionDraft &d = draftModel()->draft();
    if (d.imageDefinitionName.isEmpty()) {
        m_existingVersions->clear();
        m_existingVersions->setVisible(false);
        return;
    }
    m_existingVersions->setVisible(true);
    if (m_versions->isLoading()) {
        m_existingVersions->setText(tr("Checking the existing versions…"));
        return;
    }
    const QStringList names = existingVersions();
    if (names.isEmpty())
        m_existingVersions->setText(tr("This image definition has no version yet."));
    else
        m_existingVersions->setText(tr("Existing versions: %1").arg(names.join(QStringLiteral(", "))));
}

QString BasicsPage::emptySourceListText() const {
    const ImageVersionDraft &d = draftModel()->draft();
    if (d.location.isEmpty() || m_sources->isLoading() || !m_sources->isComplete() ||
        m_sources->rowCount() > 0)
        return {};
    const QString region = m_services.locations->regionDisplayName(d.location);
    switch (d.sourceKind) {
    case SourceKind::ManagedImage:
        return tr("No managed image in %1 in this subscription").arg(region);
    case SourceKind::Snapshots:
        return tr("No snapshot in %1 in this subscription").arg(region);
    case SourceKind::VirtualMachine:
        return tr("No virtual machine in %1 in this subscription").arg(region);
    case SourceKind::ImageVersion:
        return tr("No image version in %1 in this gallery").arg(region);
    }
    return {};
}

void BasicsPage::updateSourceWidgets() {
    const ImageVersionDraft &d = draftModel()->draft();
    switch (d.sourceKind) {
    case SourceKind::ManagedImage:
        m_sourceRow.label->setText(tr("&Managed image:"));
        m_sourceRow.field->setPlaceholderText(tr("Choose a managed image"));
        m_sourceRow.field->setAccessibleName(tr("Managed image"));
        break;
    case SourceKind::Snapshots:
        m_sourceRow.label->setText(tr("&OS disk snapshot:"));
        m_sourceRow.field->setPlaceholderText(tr("Choose the OS disk snapshot"));
        m_sourceRow.field->setAccessibleName(tr("OS disk snapshot"));
        break;
    case SourceKind::VirtualMachine:
        m_sourceRow.label->setText(tr("&Virtual machine:"));
        m_sourceRow.field->setPlaceholderText(tr("Choose a virtual machine"));
        m_sourceRow.field->setAccessibleName(tr("Virtual machine"));
        break;
    case SourceKind::ImageVersion:
        m_sourceRow.label->setText(tr("Image &version:"));
        m_sourceRow.field->setPlaceholderText(tr("Choose an image version"));
        m_sourceRow.field->setAccessibleName(tr("Source image version"));
        break;
    }
    if (const QString empty = emptySourceListText(); !empty.isEmpty())
        m_sourceRow.field->setPlaceholderText(empty);
    m_dataDisksPanel->setVisible(d.sourceKind == SourceKind::Snapshots);
    m_removeDataDiskButton->setEnabled(m_dataDisks.field->currentRow() >= 0);

    QString details;
    if (d.sourceKind == SourceKind::VirtualMachine)
        details = tr("An image version captured from a virtual machine cannot use customer-managed keys.");
    if (d.sourceKind != SourceKind::Snapshots && !d.sourceId.isEmpty()) {
        const QList<int> luns = d.sourceDataDiskLuns;
        QStringList lunTexts;
        for (int lun : luns)
            lunTexts << QString::number(lun);
        const QString disks = luns.isEmpty() ? tr("The source has an OS disk and no data disk.")
                                             : tr("The source has an OS disk and data disks with LUN %1.")
                                                   .arg(lunTexts.join(QStringLiteral(", ")));
        details = details.isEmpty() ? disks : details + QLatin1Char('\n') + disks;
    }
    if (d.location.isEmpty())
        details = tr("Choose a location first: sources are listed for that location only.");
    m_sourceDetails->setText(details);
    m_sourceDetails->setVisible(!details.isEmpty());
}

void BasicsPage::rebuildDataDiskTable() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = draftModel()->draft();
    const int current = m_dataDisks.field->currentRow();
    clearTableWidgets(m_dataDisks.field);
    for (const DataDiskSnapshot &disk : d.dataDiskSnapshots)
        addDataDiskRow(disk.snapshotId, disk.lun);
    if (current >= 0 && current < m_dataDisks.field->rowCount())
        m_dataDisks.field->setCurrentCell(current, 0);
    m_removeDataDiskButton->setEnabled(m_dataDisks.field->currentRow() >= 0);
}

void BasicsPage::addDataDiskRow(const QString &snapshotId, int lun) {
    const int row = m_dataDisks.field->rowCount();
    m_dataDisks.field->insertRow(row);
    auto *combo = new QComboBox(m_dataDisks.field);
    combo->setObjectName(QStringLiteral("dataDiskSnapshotCombo_%1").arg(row));
    combo->setModel(m_sources);
    combo->setPlaceholderText(tr("Choose a data disk snapshot"));
    combo->setAccessibleName(tr("Snapshot of data disk %1").arg(row + 1));
    combo->setCurrentIndex(m_sources->rowOfId(snapshotId));
    auto *spin = new QSpinBox(m_dataDisks.field);
    spin->setObjectName(QStringLiteral("dataDiskLunSpin_%1").arg(row));
    spin->setRange(0, ImageVersionValidation::maxLun);
    spin->setValue(qBound(0, lun, ImageVersionValidation::maxLun));
    spin->setAccessibleName(tr("LUN of data disk %1").arg(row + 1));
    m_dataDisks.field->setCellWidget(row, 0, combo);
    m_dataDisks.field->setCellWidget(row, 1, spin);
    connect(combo, &QComboBox::currentIndexChanged, this, &BasicsPage::readDataDiskTable);
    connect(spin, &QSpinBox::valueChanged, this, &BasicsPage::readDataDiskTable);
}

void BasicsPage::readDataDiskTable() {
    if (m_syncing)
        return;
    const QList<DataDiskSnapshot> before = draftModel()->draft().dataDiskSnapshots;
    QList<DataDiskSnapshot> disks;
    for (int row = 0; row < m_dataDisks.field->rowCount(); ++row) {
        DataDiskSnapshot disk;
        auto *combo = qobject_cast<QComboBox *>(m_dataDisks.field->cellWidget(row, 0));
        auto *spin = qobject_cast<QSpinBox *>(m_dataDisks.field->cellWidget(row, 1));
        const int index = combo ? combo->currentIndex() : -1;
        // A snapshot not (yet) in the list stays chosen: the list may still be loading.
        disk.snapshotId = index >= 0 ? m_sources->row(index).id : before.value(row).snapshotId;
        disk.lun = spin ? spin->value() : 0;
        disks.append(disk);
    }
    draftModel()->modify([&](ImageVersionDraft &d) { d.dataDiskSnapshots = disks; });
    revalidate();
}

void BasicsPage::reloadAll() {
    reloadSubscriptions();
    loadFromDraft();
}

ResourceInventory BasicsPage::inventory() const {
    return ResourceInventory(m_services.client);
}

void BasicsPage::reloadSubscriptions() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    m_subscriptions->load(inventory().subscriptions(), &ResourceListModel::subscriptionRow);
}

void BasicsPage::reloadForSubscription() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const QString sub = draftModel()->draft().subscriptionId;
    if (sub.isEmpty()) {
        m_resourceGroups->clear();
        m_services.locations->clear();
    } else {
        m_resourceGroups->load(inventory().resourceGroups(sub));
        m_services.locations->load(inventory().locations(sub), [](const Location &location) {
            ResourceListModel::Row row;
            row.id = location.id;
            row.name = location.name;
            row.display = location.displayName;
            row.location = location.name;
            row.resource = location;
            return std::optional<ResourceListModel::Row>(row);
        });
    }
    reloadGalleries();
    reloadSources();
}

void BasicsPage::reloadGalleries() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = draftModel()->draft();
    if (d.subscriptionId.isEmpty() || d.resourceGroup.isEmpty())
        m_galleries->clear();
    else
        m_galleries->load(inventory().galleries(d.subscriptionId, d.resourceGroup));
    reloadDefinitions();
}

void BasicsPage::reloadDefinitions() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = draftModel()->draft();
    if (d.subscriptionId.isEmpty() || d.resourceGroup.isEmpty() || d.galleryName.isEmpty())
        m_definitions->clear();
    else
        m_definitions->load(inventory().imageDefinitions(d.subscriptionId, d.resourceGroup, d.galleryName));
    reloadVersions();
}

void BasicsPage::reloadVersions() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = draftModel()->draft();
    if (d.subscriptionId.isEmpty() || d.resourceGroup.isEmpty() || d.galleryName.isEmpty() ||
        d.imageDefinitionName.isEmpty())
        m_versions->clear();
    else
        m_versions->load(inventory().imageVersions(d.subscriptionId, d.resourceGroup, d.galleryName,
                                                   d.imageDefinitionName));
    updateExistingVersions();
}

void BasicsPage::reloadSources() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = draftModel()->draft();
    if (d.subscriptionId.isEmpty() || d.location.isEmpty()) {
        m_sources->clear();
        return;
    }
    switch (d.sourceKind) {
    case SourceKind::ManagedImage:
        m_sources->load(inventory().managedImages(d.subscriptionId), sourcesIn<ManagedImage>(d.location));
        break;
    case SourceKind::Snapshots:
        m_sources->load(inventory().snapshots(d.subscriptionId), sourcesIn<Snapshot>(d.location));
        break;
    case SourceKind::VirtualMachine:
        m_sources->load(inventory().virtualMachines(d.subscriptionId), sourcesIn<VirtualMachine>(d.location));
        break;
    case SourceKind::ImageVersion: {
        // Versions of every image definition of the chosen gallery, once the definitions are known.
        QStringList definitions;
        if (!d.resourceGroup.isEmpty() && !d.galleryName.isEmpty() && m_definitions->isComplete()) {
            for (const ResourceListModel::Row &definition : m_definitions->rows())
                definitions << definition.name;
        }
        if (definitions.isEmpty())
            m_sources->clear();
        else
            m_sources->load(
                inventory().imageVersions(d.subscriptionId, d.resourceGroup, d.galleryName, definitions),
                sourcesIn<GalleryImageVersion>(d.location));
        break;
    }
    }
}

std::optional<ResourceListModel::Row> BasicsPage::chosenRow(const ResourceListModel *model, int index) const {
    if (m_syncing || index < 0 || index >= model->rowCount())
        return std::nullopt;
    return model->row(index);
}

void BasicsPage::afterChoice(void (BasicsPage::*reload)()) {
    if (reload)
        (this->*reload)();
    syncWidgets();
    revalidate();
}

void BasicsPage::onSubscriptionChosen(int index) {
    const std::optional<ResourceListModel::Row> row = chosenRow(m_subscriptions, index);
    if (!row || row->name == draftModel()->draft().subscriptionId)
        return;
    draftModel()->modify([&](ImageVersionDraft &d) {
        d.subscriptionId = row->name;
        d.resourceGroup.clear();
        d.galleryName.clear();
        d.imageDefinitionName.clear();
        d.sourceId.clear();
        d.sourceDataDiskLuns.clear();
        for (DataDiskSnapshot &disk : d.dataDiskSnapshots)
            disk.snapshotId.clear();
        // A DES belongs to one subscription: earlier choices cannot be right any more.
        for (RegionDraft &region : d.targetRegions) {
            region.osDiskDesId.clear();
            region.dataDiskDesIds.clear();
        }
    });
    afterChoice(&BasicsPage::reloadForSubscription);
}

void BasicsPage::onResourceGroupChosen(int index) {
    const std::optional<ResourceListModel::Row> row = chosenRow(m_resourceGroups, index);
    if (!row || row->name == draftModel()->draft().resourceGroup)
        return;
    draftModel()->modify([&](ImageVersionDraft &d) {
        d.resourceGroup = row->name;
        d.galleryName.clear();
        d.imageDefinitionName.clear();
        if (d.sourceKind == SourceKind::ImageVersion)
            d.sourceId.clear();
    });
    afterChoice(&BasicsPage::reloadGalleries);
}

void BasicsPage::onGalleryChosen(int index) {
    const std::optional<ResourceListModel::Row> row = chosenRow(m_galleries, index);
    if (!row || row->name == draftModel()->draft().galleryName)
        return;
    const bool locationWasEmpty = draftModel()->draft().location.isEmpty();
    draftModel()->modify([&](ImageVersionDraft &d) {
        d.galleryName = row->name;
        d.imageDefinitionName.clear();
        if (d.sourceKind == SourceKind::ImageVersion)
            d.sourceId.clear();
        // The gallery's own region is the natural home of its versions.
        if (d.location.isEmpty() && !row->location.isEmpty()) {
            d.location = normalizeRegion(row->location);
            d.placeLocationFirst();
        }
    });
    reloadDefinitions();
    afterChoice(locationWasEmpty ? &BasicsPage::reloadSources : nullptr);
}

void BasicsPage::onDefinitionChosen(int index) {
    const std::optional<ResourceListModel::Row> row = chosenRow(m_definitions, index);
    if (!row || row->name == draftModel()->draft().imageDefinitionName)
        return;
    draftModel()->modify([&](ImageVersionDraft &d) { d.imageDefinitionName = row->name; });
    rememberSecurityType();
    afterChoice(&BasicsPage::reloadVersions);
}

void BasicsPage::rememberSecurityType() {
    // The Encryption page's Confidential VM rules follow the definition's SecurityType feature.
    const int row = m_definitions->rowOfName(draftModel()->draft().imageDefinitionName);
    const GalleryImage *image = row >= 0 ? m_definitions->row(row).resourceAs<GalleryImage>() : nullptr;
    if (image)
        draftModel()->modify([&](ImageVersionDraft &d) { d.imageSecurityType = image->securityType(); });
}

void BasicsPage::onLocationChosen(int index) {
    const std::optional<ResourceListModel::Row> row = chosenRow(m_services.locations, index);
    if (!row || sameRegion(row->name, draftModel()->draft().location))
        return;
    const ImageVersionDraft before = draftModel()->draft();
    draftModel()->modify([&](ImageVersionDraft &d) {
        const int old = d.regionIndex(d.location);
        // The old location was only first because it was the location: it goes, unless chosen again later.
        if (old == 0 && d.targetRegions.size() > 0)
            d.targetRegions.removeAt(0);
        d.location = row->name;
        d.placeLocationFirst();
        d.sourceId.clear();
        d.sourceDataDiskLuns.clear();
        for (DataDiskSnapshot &disk : d.dataDiskSnapshots)
            disk.snapshotId.clear();
    });
    afterChoice(&BasicsPage::reloadSources);
    noticeLocationChange(before);
}

void BasicsPage::noticeLocationChange(const ImageVersionDraft &before) {
    const ImageVersionDraft &after = draftModel()->draft();
    const bool sourceCleared =
        !before.sourceId.isEmpty() ||
        std::any_of(before.dataDiskSnapshots.begin(), before.dataDiskSnapshots.end(),
                    [](const DataDiskSnapshot &disk) { return !disk.snapshotId.isEmpty(); });
    const bool homeRemoved = !before.location.isEmpty() && after.regionIndex(before.location) < 0;
    int kept = 0;
    for (const RegionDraft &region : after.targetRegions)
        kept += before.regionIndex(region.name) >= 0 ? 1 : 0;
    if (!sourceCleared && !homeRemoved)
        return;
    const QString from = before.location, to = after.location;
    m_changeNotice->showChange(
        [this, from, to, sourceCleared, homeRemoved, kept] {
            auto display = [this](const QString &region) {
                const int row = m_services.locations->rowOfName(region);
                return row >= 0 && !m_services.locations->row(row).display.isEmpty()
                           ? m_services.locations->row(row).display
                           : region;
            };
            QStringList lines{tr("Location changed from %1 to %2.").arg(display(from), display(to))};
            if (sourceCleared)
                lines << tr("The source and the data-disk snapshots were cleared: a source must be in the "
                            "image version's location.");
            if (homeRemoved)
                lines << tr("The target region %1 was removed with its disk encryption sets: it was there as "
                            "the old location.")
                             .arg(display(from));
            if (kept > 0)
                lines << tr("The other target regions and their disk encryption sets are kept.");
            return lines.join(QLatin1Char(' '));
        },
        [this, before] {
            // Only what the change of location touched: anything chosen since stays.
            draftModel()->modify([&](ImageVersionDraft &d) {
                d.location = before.location;
                d.targetRegions = before.targetRegions;
                d.sourceId = before.sourceId;
                d.sourceDataDiskLuns = before.sourceDataDiskLuns;
                d.dataDiskSnapshots = before.dataDiskSnapshots;
                d.normalizeEncryption();
            });
            afterChoice(&BasicsPage::reloadSources);
        });
}

void BasicsPage::onSourceKindChosen(int index) {
    if (m_syncing || index < 0)
        return;
    SourceKind kind = SourceKind::ManagedImage;
    sourceKindFromKey(m_sourceKindRow.field->itemData(index).toString(), &kind);
    if (kind == draftModel()->draft().sourceKind)
        return;
    draftModel()->modify([&](ImageVersionDraft &d) {
        d.sourceKind = kind;
        d.sourceId.clear();
        d.sourceDataDiskLuns.clear();
        if (kind != SourceKind::Snapshots)
            d.dataDiskSnapshots.clear();
        d.normalizeEncryption();
    });
    reloadSources();
    afterChoice(&BasicsPage::rebuildDataDiskTable);
}

void BasicsPage::onSourceChosen(int index) {
    const std::optional<ResourceListModel::Row> row = chosenRow(m_sources, index);
    if (!row || sameResourceId(row->id, draftModel()->draft().sourceId))
        return;
    draftModel()->modify([&](ImageVersionDraft &d) {
        d.sourceId = row->id;
        d.sourceDataDiskLuns = sourceDataDiskLuns(*row);
        d.normalizeEncryption();
    });
    afterChoice(nullptr);
}

QStringList BasicsPage::missingChoices() const {
    const ImageVersionDraft &d = draftModel()->draft();
    QStringList missing;
    for (const ChoiceError &choice : m_choiceErrors) {
        if ((d.*choice.value).isEmpty())
            missing << ImageVersionValidation::tr(choice.sentence);
    }
    return missing;
}

QStringList BasicsPage::computeFieldErrors() const {
    const ImageVersionDraft &d = draftModel()->draft();
    if (m_services.update) // the number is locked, the choices too
        return {};
    const QStringList missing = missingChoices();
    const QString form = ImageVersionValidation::versionNameError(d.versionName);
    const QString taken =
        form.isEmpty() ? ImageVersionValidation::existingVersionError(d.versionName, existingVersions())
                       : QString();
    for (const QString &error : {form, taken}) {
        if (!error.isEmpty())
            return missing + QStringList{error};
    }
    return missing;
}

void BasicsPage::showFieldErrors(const QStringList &errors) {
    QStringList versionErrors = errors;
    for (const ChoiceError &choice : std::as_const(m_choiceErrors)) {
        const QString sentence = ImageVersionValidation::tr(choice.sentence);
        showErrorLines(choice.label, errors.contains(sentence) ? QStringList{sentence} : QStringList());
        versionErrors.removeAll(sentence);
    }
    showErrorLines(m_versionError, versionErrors);
}

QStringList BasicsPage::computeErrors() const {
    const ImageVersionDraft &d = draftModel()->draft();
    QStringList errors;
    auto listProblem = [&](ResourceListModel *model, const QString &what) {
        if (model->error() && model->error().kind != ArmError::Kind::Aborted)
            errors << tr("Could not load the %1: %2").arg(what, model->error().toDisplayString());
    };
    listProblem(m_subscriptions, tr("subscriptions"));
    listProblem(m_resourceGroups, tr("resource groups"));
    listProblem(m_services.locations, tr("locations"));
    listProblem(m_galleries, tr("galleries"));
    listProblem(m_definitions, tr("image definitions"));
    listProblem(m_versions, tr("existing versions"));
    listProblem(m_sources, tr("sources"));

    auto missing = [&](ResourceListModel *model, const QString &value, bool byId, const QString &message) {
        if (!value.isEmpty() && model->isComplete() &&
            (byId ? model->rowOfId(value) : model->rowOfName(value)) < 0)
            errors << message;
    };
    missing(m_subscriptions, d.subscriptionId, false,
            tr("The subscription %1 is not available to your account.").arg(d.subscriptionId));
    missing(m_resourceGroups, d.resourceGroup, false,
            tr("The resource group “%1” was not found in this subscription.").arg(d.resourceGroup));
    missing(m_galleries, d.galleryName, false,
            tr("The gallery “%1” was not found in this resource group.").arg(d.galleryName));
    if (m_services.update) // the version exists and its source is locked (and may be gone since)
        return errors + ImageVersionValidation::basicsErrors(d, {});
    if (d.sourceKind == SourceKind::ImageVersion) {
        // A version whose disks use customer-managed keys cannot be copied, whatever this one's encryption.
        const int row = m_sources->rowOfId(d.sourceId);
        if (const auto *source = row >= 0 ? m_sources->row(row).resourceAs<GalleryImageVersion>() : nullptr) {
            const QString copy = ImageVersionValidation::customerKeySourceError(*source);
            if (!copy.isEmpty())
                errors << copy;
        }
    }
    missing(m_definitions, d.imageDefinitionName, false,
            tr("The image definition “%1” was not found in this gallery.").arg(d.imageDefinitionName));
    missing(m_services.locations, d.location, false,
            tr("The location “%1” is not available in this subscription.").arg(d.location));
    missing(m_sources, d.sourceId, true,
            tr("The source “%1” was not found in this subscription and location.")
                .arg(ResourceId::parse(d.sourceId).name()));
    if (d.sourceKind == SourceKind::Snapshots) {
        for (const DataDiskSnapshot &disk : d.dataDiskSnapshots) {
            missing(m_sources, disk.snapshotId, true,
                    tr("The snapshot “%1” was not found in this subscription and location.")
                        .arg(ResourceId::parse(disk.snapshotId).name()));
        }
    }

    errors += ImageVersionValidation::basicsErrors(d, existingVersions());
    if (!d.imageDefinitionName.isEmpty() && !m_versions->isComplete() && !m_versions->error())
        errors << tr("Checking whether version %1 already exists…").arg(d.versionName);
    return errors;
}

} // namespace cmkui
