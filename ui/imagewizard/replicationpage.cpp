#include "imagewizard/replicationpage.h"

#include "arm/resources.h"
#include "common/diskencryptionsetmodel.h"
#include "common/resourcelistmodel.h"
#include "common/usertext.h"
#include "imageversion/imageversiondraft.h"
#include "imageversion/imageversionupdate.h"
#include "imageversion/imageversionvalidation.h"
#include "imagewizard/desreadinesswidget.h"
#include "imagewizard/updatestate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

using namespace cmk;

namespace cmkui {

namespace {

void fillStorageAccountTypes(QComboBox *combo) {
    for (const QString &type : storageAccountTypes()) {
        combo->addItem(ServiceTerms::storageType(type), type);
        combo->setItemData(combo->count() - 1, type, Qt::ToolTipRole);
    }
}

} // namespace

ReplicationPage::ReplicationPage(const WizardServices &services, QWidget *parent)
    : DraftPage(services, parent) {
    setObjectName(QStringLiteral("replicationPage"));
    // The readiness of the regions makes the page taller than the window when a region is flagged: the
    // page scrolls, and its errors stay in view below.
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("replicationScrollArea"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("replicationContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    layout->addWidget(buildRegionsBox());
    layout->addWidget(buildDefaultsBox());
    layout->addWidget(buildLifecycleBox());
    layout->addWidget(buildReadinessBox());
    layout->addStretch(1);
    scroll->setWidget(content);
    scroll->viewport()->setAutoFillBackground(false);
    content->setAutoFillBackground(false);
    outer->addWidget(scroll, 1);
    addStatusWidgets(outer);

    setTabOrder(m_regionTable, m_addRegionCombo);
    setTabOrder(m_addRegionCombo, m_addRegionButton);
    setTabOrder(m_addRegionButton, m_removeRegionButton);
    setTabOrder(m_removeRegionButton, m_defaultReplicaSpin);
    setTabOrder(m_defaultReplicaSpin, m_defaultStorageCombo);
    setTabOrder(m_defaultStorageCombo, m_endOfLifeCheck);
    setTabOrder(m_endOfLifeCheck, m_endOfLifeEdit);
    setTabOrder(m_endOfLifeEdit, m_excludeFromLatestCheck);

    connectRegionEditing();
    connectDefaultsAndLifecycle();
    connect(draftModel(), &ImageVersionDraftModel::replaced, this, [this] { syncWidgets(); });
    connect(draftModel(), &ImageVersionDraftModel::changed, this, [this] {
        m_readiness->setEncryptionType(desEncryptionTypeFor(draftModel()->draft().encryption));
        // Only while the page is shown: initializePage() checks when the wizard comes back to it.
        if (wizard() && wizard()->currentPage() == this)
            m_readinessTimer->start();
    });

    retranslateUi();
    syncWidgets();
}

QGroupBox *ReplicationPage::buildRegionsBox() {
    m_regionsBox = new QGroupBox(this);
    auto *regionsLayout = new QVBoxLayout(m_regionsBox);
    m_regionTable = new QTableWidget(0, 3, m_regionsBox);
    m_regionTable->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move between cells
    m_regionTable->setObjectName(QStringLiteral("targetRegionsTable"));
    m_regionTable->verticalHeader()->setVisible(false);
    m_regionTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_regionTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_regionTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_regionTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_regionTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_regionTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    regionsLayout->addWidget(m_regionTable);
    auto *addRow = new QHBoxLayout;
    m_addRegionLabel = new QLabel(m_regionsBox);
    m_addRegionCombo = new QComboBox(m_regionsBox);
    m_addRegionCombo->setObjectName(QStringLiteral("addRegionCombo"));
    m_addRegionCombo->setModel(m_services.locations);
    m_addRegionCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_addRegionCombo->setMinimumContentsLength(18);
    m_addRegionLabel->setBuddy(m_addRegionCombo);
    m_addRegionButton = new QPushButton(m_regionsBox);
    m_addRegionButton->setObjectName(QStringLiteral("addRegionButton"));
    m_removeRegionButton = new QPushButton(m_regionsBox);
    m_removeRegionButton->setObjectName(QStringLiteral("removeRegionButton"));
    addRow->addWidget(m_addRegionLabel);
    addRow->addWidget(m_addRegionCombo, 1);
    addRow->addWidget(m_addRegionButton);
    addRow->addSpacing(12);
    addRow->addWidget(m_removeRegionButton);
    regionsLayout->addLayout(addRow);
    if (m_services.update)
        buildUpdateRows(regionsLayout);
    return m_regionsBox;
}

void ReplicationPage::buildUpdateRows(QLayout *regionsLayout) {
    // Each row shows only while it has something to say (showFieldErrors()).
    const auto hidden = [regionsLayout](QWidget *widget, const char *name) {
        widget->setObjectName(QString::fromLatin1(name));
        widget->setVisible(false);
        regionsLayout->addWidget(widget);
    };
    m_removalExplanation = new QLabel(m_regionsBox);
    m_removalExplanation->setWordWrap(true);
    hidden(m_removalExplanation, "regionRemovalExplanation");
    m_allowRemovalCheck = new QCheckBox(m_regionsBox);
    hidden(m_allowRemovalCheck, "allowRegionRemovalCheck");
    m_updateRulesLabel = makeFieldErrorLabel(m_regionsBox, "updateRulesLabel");
    regionsLayout->addWidget(m_updateRulesLabel);
    connect(m_allowRemovalCheck, &QCheckBox::toggled, this, [this](bool allowed) {
        m_services.update->allowRegionRemoval = allowed;
        revalidate();
    });
}

QStringList ReplicationPage::computeFieldErrors() const {
    if (!m_services.update)
        return {};
    return ImageVersionUpdateRules::regionErrors(m_services.update->current, draftModel()->draft(),
                                                 m_services.update->allowRegionRemoval,
                                                 ImageVersionUpdateRules::RemovalConsent::Checkbox);
}

void ReplicationPage::showFieldErrors(const QStringList &errors) {
    if (!m_services.update)
        return;
    const QStringList removed =
        ImageVersionUpdateRules::removedReplicatedRegions(m_services.update->current, draftModel()->draft());
    QStringList names;
    for (const QString &name : removed)
        names << regionDisplayName(name);
    m_removalExplanation->setText(
        tr("Removing %1 deletes the replicas of the image version there: new deployments in that region "
           "can no longer use it. Azure does it only when the update allows it.")
            .arg(names.join(QStringLiteral(", "))));
    m_removalExplanation->setVisible(!removed.isEmpty());
    m_allowRemovalCheck->setVisible(!removed.isEmpty());
    showErrorLines(m_updateRulesLabel, errors);
}

QGroupBox *ReplicationPage::buildDefaultsBox() {
    m_defaultsBox = new QGroupBox(this);
    // Both defaults on one row leave room for the readiness of the regions below.
    auto *defaultsRow = new QHBoxLayout(m_defaultsBox);
    m_defaultReplicaSpin = new QSpinBox(m_defaultsBox);
    m_defaultReplicaSpin->setObjectName(QStringLiteral("defaultReplicaCountSpin"));
    m_defaultReplicaSpin->setRange(ImageVersionValidation::minReplicaCount,
                                   ImageVersionValidation::maxReplicaCount);
    m_defaultStorageCombo = new QComboBox(m_defaultsBox);
    m_defaultStorageCombo->setObjectName(QStringLiteral("defaultStorageAccountTypeCombo"));
    fillStorageAccountTypes(m_defaultStorageCombo);
    m_defaultReplicaLabel = new QLabel(m_defaultsBox);
    m_defaultStorageLabel = new QLabel(m_defaultsBox);
    m_defaultReplicaLabel->setBuddy(m_defaultReplicaSpin);
    m_defaultStorageLabel->setBuddy(m_defaultStorageCombo);
    defaultsRow->addWidget(m_defaultReplicaLabel);
    defaultsRow->addWidget(m_defaultReplicaSpin);
    defaultsRow->addSpacing(18);
    defaultsRow->addWidget(m_defaultStorageLabel);
    defaultsRow->addWidget(m_defaultStorageCombo);
    defaultsRow->addStretch(1);
    return m_defaultsBox;
}

QGroupBox *ReplicationPage::buildLifecycleBox() {
    m_lifecycleBox = new QGroupBox(this);
    auto *lifecycleLayout = new QVBoxLayout(m_lifecycleBox);
    auto *eolRow = new QHBoxLayout;
    m_endOfLifeCheck = new QCheckBox(m_lifecycleBox);
    m_endOfLifeCheck->setObjectName(QStringLiteral("endOfLifeCheck"));
    m_endOfLifeEdit = new QDateEdit(m_lifecycleBox);
    m_endOfLifeEdit->setObjectName(QStringLiteral("endOfLifeEdit"));
    m_endOfLifeEdit->setCalendarPopup(true);
    m_endOfLifeEdit->setMinimumDate(QDate(2000, 1, 1));
    eolRow->addWidget(m_endOfLifeCheck);
    eolRow->addWidget(m_endOfLifeEdit);
    eolRow->addStretch(1);
    lifecycleLayout->addLayout(eolRow);
    m_excludeFromLatestCheck = new QCheckBox(m_lifecycleBox);
    m_excludeFromLatestCheck->setObjectName(QStringLiteral("excludeFromLatestCheck"));
    lifecycleLayout->addWidget(m_excludeFromLatestCheck);
    return m_lifecycleBox;
}

QGroupBox *ReplicationPage::buildReadinessBox() {
    m_readinessBox = new QGroupBox(this);
    m_readinessBox->setObjectName(QStringLiteral("desReadinessBox"));
    auto *readinessLayout = new QVBoxLayout(m_readinessBox);
    m_readiness = new DesReadinessWidget(m_services.client, m_readinessBox);
    m_readiness->setCatalog(m_services.diskEncryptionSets->catalog()); // one listing for both pages
    m_readiness->setRegionDisplayName([this](const QString &name) { return regionDisplayName(name); });
    readinessLayout->addWidget(m_readiness);
    m_readinessTimer = new QTimer(this);
    m_readinessTimer->setSingleShot(true);
    m_readinessTimer->setInterval(300);
    connect(m_readinessTimer, &QTimer::timeout, this, [this] { checkReadinessIfChanged(); });
    return m_readinessBox;
}

void ReplicationPage::connectRegionEditing() {
    connect(m_addRegionCombo, &QComboBox::currentIndexChanged, this, [this] { updateButtons(); });
    connect(m_regionTable, &QTableWidget::currentCellChanged, this, [this] { updateButtons(); });
    connect(m_addRegionButton, &QPushButton::clicked, this, [this] { addChosenRegion(); });
    connect(m_removeRegionButton, &QPushButton::clicked, this, [this] { removeCurrentRegion(); });
    connect(m_services.locations, &ResourceListModel::rowsInserted, this, [this] {
        // Display names arrive with the locations list.
        for (int row = 0; row < m_regionTable->rowCount(); ++row) {
            if (QTableWidgetItem *item = m_regionTable->item(row, 0))
                item->setText(regionDisplayName(item->data(Qt::UserRole).toString()));
        }
    });
}

void ReplicationPage::removeCurrentRegion() {
    const int row = m_regionTable->currentRow();
    // The location is where the version lives: a new version cannot go without it, and an update that
    // removes it says why it cannot be sent (the update rules) until the region is added again.
    const int first = m_services.update ? 0 : 1;
    if (row < first || row >= draftModel()->draft().targetRegions.size())
        return;
    draftModel()->modify([&](ImageVersionDraft &d) { d.targetRegions.removeAt(row); });
    rebuildRegionTable();
    revalidate();
}

void ReplicationPage::addChosenRegion() {
    const int index = m_addRegionCombo->currentIndex();
    if (index < 0)
        return;
    const QString name = m_services.locations->row(index).name;
    if (draftModel()->draft().regionIndex(name) >= 0)
        return;
    draftModel()->modify([&](ImageVersionDraft &d) {
        RegionDraft region;
        region.name = name;
        region.replicaCount = d.defaultReplicaCount;
        region.storageAccountType = d.defaultStorageAccountType;
        // Update mode: a region of the version added back comes back as it is (its sets included).
        const int existing = m_services.update ? m_services.update->current.regionIndex(name) : -1;
        if (existing >= 0)
            region = m_services.update->current.targetRegions.at(existing);
        d.targetRegions.append(region);
        d.placeLocationFirst();
        d.normalizeEncryption();
    });
    rebuildRegionTable();
    m_regionTable->setCurrentCell(m_regionTable->rowCount() - 1, 0);
    revalidate();
}

void ReplicationPage::connectDefaultsAndLifecycle() {
    connect(m_defaultReplicaSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_syncing)
            return;
        draftModel()->modify([&](ImageVersionDraft &d) { d.defaultReplicaCount = value; });
        revalidate();
    });
    connect(m_defaultStorageCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_syncing)
            return;
        const QString type = m_defaultStorageCombo->currentData().toString();
        draftModel()->modify([&](ImageVersionDraft &d) { d.defaultStorageAccountType = type; });
        revalidate();
    });
    auto writeEndOfLife = [this] {
        if (m_syncing)
            return;
        m_endOfLifeEdit->setEnabled(m_endOfLifeCheck->isChecked());
        const QDate date = m_endOfLifeCheck->isChecked() ? m_endOfLifeEdit->date() : QDate();
        draftModel()->modify([&](ImageVersionDraft &d) { d.endOfLifeDate = date; });
        revalidate();
    };
    connect(m_endOfLifeCheck, &QCheckBox::toggled, this, writeEndOfLife);
    connect(m_endOfLifeEdit, &QDateEdit::dateChanged, this, writeEndOfLife);
    connect(m_excludeFromLatestCheck, &QCheckBox::toggled, this, [this](bool checked) {
        if (m_syncing)
            return;
        draftModel()->modify([&](ImageVersionDraft &d) { d.excludeFromLatest = checked; });
    });
}

void ReplicationPage::checkReadinessIfChanged() {
    m_readinessTimer->stop();
    const ImageVersionDraft &d = draftModel()->draft();
    QStringList regions;
    for (const RegionDraft &region : d.targetRegions)
        regions << normalizeRegion(region.name);
    if (d.subscriptionId.isEmpty() || regions.isEmpty() ||
        (d.subscriptionId == m_checkedSubscription && regions == m_checkedRegions))
        return;
    m_checkedSubscription = d.subscriptionId;
    m_checkedRegions = regions;
    m_readiness->check(d.subscriptionId, regions);
}

QString ReplicationPage::regionDisplayName(const QString &name) const {
    return m_services.locations->regionDisplayName(name);
}

void ReplicationPage::retranslateUi() {
    DraftPage::retranslateUi();
    setTitle(tr("Replication"));
    setSubTitle(tr("The regions that hold a copy of the image version, and its lifecycle."));
    m_intro->setText(
        tr("The image version is stored in its location first, then replicated to the other target "
           "regions. More replicas serve more simultaneous deployments."));
    m_regionsBox->setTitle(tr("Target regions"));
    m_regionTable->setHorizontalHeaderLabels({tr("Region"), tr("Replica count"), tr("Storage account type")});
    m_regionTable->setAccessibleName(tr("Target regions"));
    m_addRegionLabel->setText(tr("Add &region:"));
    m_addRegionCombo->setPlaceholderText(tr("Choose a region"));
    m_addRegionCombo->setAccessibleName(tr("Region to add"));
    m_addRegionButton->setText(tr("&Add"));
    m_addRegionButton->setAccessibleName(tr("Add the region"));
    m_removeRegionButton->setText(tr("Re&move region"));
    m_removeRegionButton->setAccessibleName(tr("Remove the selected region"));
    m_defaultsBox->setTitle(tr("Defaults for new regions"));
    m_defaultReplicaLabel->setText(tr("Default replica &count:"));
    m_defaultReplicaSpin->setAccessibleName(tr("Default replica count"));
    m_defaultStorageLabel->setText(tr("Default &storage account type:"));
    m_defaultStorageCombo->setAccessibleName(tr("Default storage account type"));
    for (int i = 0; i < m_defaultStorageCombo->count(); ++i)
        m_defaultStorageCombo->setItemText(
            i, ServiceTerms::storageType(m_defaultStorageCombo->itemData(i).toString()));
    m_lifecycleBox->setTitle(tr("Lifecycle"));
    m_endOfLifeCheck->setText(tr("&End-of-life date:"));
    m_endOfLifeCheck->setAccessibleName(tr("Set an end-of-life date"));
    m_endOfLifeEdit->setAccessibleName(tr("End-of-life date"));
    m_endOfLifeEdit->setDisplayFormat(cmk::ServiceTerms::dateFormat(QLocale()));
    m_endOfLifeEdit->setLocale(QLocale());
    m_excludeFromLatestCheck->setText(
        tr("E&xclude from latest (deployments of “latest” do not use this version)"));
    m_excludeFromLatestCheck->setAccessibleName(tr("Exclude from latest"));
    m_readinessBox->setTitle(tr("Disk encryption sets in the target regions"));
    if (m_allowRemovalCheck)
        m_allowRemovalCheck->setText(tr("&Delete the replicas in the removed regions "
                                        "(safetyProfile.allowDeletionOfReplicatedLocations)"));
    rebuildRegionTable();
}

void ReplicationPage::initializePage() {
    // An update keeps its regions as they are: a removed home region is said, not silently added back.
    if (!m_services.update)
        draftModel()->modify([](ImageVersionDraft &d) { d.placeLocationFirst(); });
    syncWidgets();
    checkReadinessIfChanged();
}

void ReplicationPage::syncWidgets() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = draftModel()->draft();
    m_readiness->setEncryptionType(desEncryptionTypeFor(d.encryption));
    m_defaultReplicaSpin->setValue(d.defaultReplicaCount);
    m_defaultStorageCombo->setCurrentIndex(m_defaultStorageCombo->findData(d.defaultStorageAccountType));
    m_endOfLifeCheck->setChecked(d.endOfLifeDate.isValid());
    m_endOfLifeEdit->setEnabled(d.endOfLifeDate.isValid());
    m_endOfLifeEdit->setDate(d.endOfLifeDate.isValid() ? d.endOfLifeDate : m_services.today().addYears(1));
    m_excludeFromLatestCheck->setChecked(d.excludeFromLatest);
    rebuildRegionTable();
    revalidate();
}

void ReplicationPage::rebuildRegionTable() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = draftModel()->draft();
    const int current = m_regionTable->currentRow();
    clearTableWidgets(m_regionTable);
    for (int row = 0; row < d.targetRegions.size(); ++row) {
        const RegionDraft &region = d.targetRegions.at(row);
        const QString key = normalizeRegion(region.name);
        m_regionTable->insertRow(row);
        auto *item = new QTableWidgetItem(regionDisplayName(region.name));
        item->setData(Qt::UserRole, region.name);
        if (sameRegion(region.name, d.location))
            item->setToolTip(tr("The location of the image version; it cannot be removed."));
        m_regionTable->setItem(row, 0, item);

        auto *spin = new QSpinBox(m_regionTable);
        spin->setObjectName(QStringLiteral("replicaSpin_%1").arg(key));
        spin->setRange(ImageVersionValidation::minReplicaCount, ImageVersionValidation::maxReplicaCount);
        spin->setValue(qBound(ImageVersionValidation::minReplicaCount, region.replicaCount,
                              ImageVersionValidation::maxReplicaCount));
        spin->setAccessibleName(tr("Replica count in %1").arg(regionDisplayName(region.name)));
        m_regionTable->setCellWidget(row, 1, spin);
        connect(spin, &QSpinBox::valueChanged, this, [this, name = region.name](int value) {
            if (m_syncing)
                return;
            draftModel()->modify([&](ImageVersionDraft &draft) {
                const int index = draft.regionIndex(name);
                if (index >= 0)
                    draft.targetRegions[index].replicaCount = value;
            });
            revalidate();
        });

        auto *storage = new QComboBox(m_regionTable);
        storage->setObjectName(QStringLiteral("storageCombo_%1").arg(key));
        fillStorageAccountTypes(storage);
        storage->setCurrentIndex(storage->findData(region.storageAccountType));
        storage->setAccessibleName(tr("Storage account type in %1").arg(regionDisplayName(region.name)));
        m_regionTable->setCellWidget(row, 2, storage);
        connect(storage, &QComboBox::currentIndexChanged, this, [this, storage, name = region.name] {
            if (m_syncing)
                return;
            const QString type = storage->currentData().toString();
            draftModel()->modify([&](ImageVersionDraft &draft) {
                const int index = draft.regionIndex(name);
                if (index >= 0)
                    draft.targetRegions[index].storageAccountType = type;
            });
            revalidate();
        });
    }
    m_regionTable->resizeColumnsToContents();
    // As tall as its regions (three to eight rows): the page scrolls, not the table.
    const int shownRows = qBound(3, m_regionTable->rowCount(), 8);
    m_regionTable->setFixedHeight(m_regionTable->horizontalHeader()->sizeHint().height() +
                                  shownRows * m_regionTable->verticalHeader()->defaultSectionSize() +
                                  2 * m_regionTable->frameWidth());
    m_regionTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    if (current >= 0 && current < m_regionTable->rowCount())
        m_regionTable->setCurrentCell(current, 0);
    updateButtons();
}

void ReplicationPage::updateButtons() {
    const int index = m_addRegionCombo->currentIndex();
    const bool canAdd =
        index >= 0 && draftModel()->draft().regionIndex(m_services.locations->row(index).name) < 0;
    m_addRegionButton->setEnabled(canAdd);
    m_removeRegionButton->setEnabled(m_regionTable->currentRow() >= (m_services.update ? 0 : 1));
}

QStringList ReplicationPage::computeErrors() const {
    return ImageVersionValidation::replicationErrors(draftModel()->draft(), m_services.today());
}

} // namespace cmkui
