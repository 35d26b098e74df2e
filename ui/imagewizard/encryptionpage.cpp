#include "imagewizard/encryptionpage.h"

#include "arm/resources.h"
#include "common/changenotice.h"
#include "common/deshealthview.h"
#include "common/diskencryptionsetmodel.h"
#include "common/resourcelistmodel.h"
#include "imageversion/imageversionupdate.h"
#include "imageversion/imageversionvalidation.h"
#include "imagewizard/confidentialencryptionwidget.h"
#include "imagewizard/updatestate.h"
#include "keyvault/deshealthcache.h"
#include "keyvault/draftkeyhealth.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

using namespace cmk;

namespace cmkui {

namespace {

/// A Disk Encryption Set dropdown that has the keys of the sets it lists checked as its list opens (the
/// health of sets the user is about to choose, on demand, without reading every set's vault up front).
class DesDropdown : public QComboBox {
public:
    using QComboBox::QComboBox;
    std::function<void()> aboutToOpen;

    void showPopup() override {
        if (aboutToOpen)
            aboutToOpen();
        QComboBox::showPopup();
    }
};

// The grid's height comes from its rows (its minimum, see rebuildGrid()) and the room left, not from
// QTableWidget's own larger size hint, which would make the page scroll at its default size.
class DesGrid : public QTableWidget {
public:
    using QTableWidget::QTableWidget;
    QSize sizeHint() const override { return {QTableWidget::sizeHint().width(), minimumHeight()}; }
};

QString desCellName(const char *prefix, const QString &region, int lun) {
    const QString disk = lun < 0 ? QStringLiteral("os") : QStringLiteral("lun%1").arg(lun);
    return QStringLiteral("%1_%2_%3").arg(QLatin1String(prefix), normalizeRegion(region), disk);
}

// Names of the chosen disk encryption sets the list knows, by their real encryption type.
QMap<QString, QStringList> chosenDesByType(const ImageVersionDraft &d, const DiskEncryptionSetModel *sets) {
    QMap<QString, QStringList> byType;
    QList<int> disks{-1};
    disks += d.dataDiskLuns();
    for (const RegionDraft &region : d.targetRegions) {
        for (int lun : disks) {
            const QString id = d.desFor(region, lun);
            const DiskEncryptionSet *des = id.isEmpty() ? nullptr : sets->find(id);
            if (!des)
                continue;
            QStringList &names = byType[des->encryptionType];
            if (!names.contains(des->name))
                names << des->name;
        }
    }
    return byType;
}

QStringList targetRegionNames(const ImageVersionDraft &d) {
    QStringList names;
    for (const RegionDraft &region : d.targetRegions)
        names << region.name;
    return names;
}

std::optional<EncryptionMode> encryptionModeOfDesType(const QString &type) {
    for (EncryptionMode mode : {EncryptionMode::CustomerKey, EncryptionMode::PlatformAndCustomerKeys}) {
        if (desEncryptionTypeFor(mode).compare(type, Qt::CaseInsensitive) == 0)
            return mode;
    }
    return std::nullopt;
}

} // namespace

EncryptionPage::EncryptionPage(const WizardServices &services, QWidget *parent)
    : DraftPage(services, parent) {
    setObjectName(QStringLiteral("encryptionPage"));
    // On a small screen the page scrolls rather than squeezing the grid and the key findings into each
    // other; why Next is disabled stays in sight below.
    auto *pageLayout = new QVBoxLayout(this);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("encryptionScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_changeNotice = new ChangeNotice(this);
    layout->addWidget(m_changeNotice);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    layout->addWidget(buildTypeBox());

    m_limitations = new QLabel(this);
    m_limitations->setObjectName(QStringLiteral("limitationsLabel"));
    m_limitations->setWordWrap(true);
    m_limitations->setFrameShape(QFrame::StyledPanel);
    m_limitations->setMargin(6);
    layout->addWidget(m_limitations);

    m_platformNote = new QLabel(this);
    m_platformNote->setObjectName(QStringLiteral("platformKeyNote"));
    m_platformNote->setWordWrap(true);
    layout->addWidget(m_platformNote);
    m_confidential = new ConfidentialEncryptionWidget(m_services, this);
    connect(m_confidential, &ConfidentialEncryptionWidget::edited, this, [this] { revalidate(); });
    layout->addWidget(m_confidential);

    layout->addWidget(buildGridBox(), 1);
    layout->addWidget(buildHelpBox());
    scroll->setWidget(content);
    pageLayout->addWidget(scroll, 1);
    addStatusWidgets(pageLayout);

    setTabOrder(m_platformRadio, m_customerRadio);
    setTabOrder(m_customerRadio, m_doubleRadio);
    setTabOrder(m_doubleRadio, m_grid);
    setTabOrder(m_grid, m_refreshButton);
    setTabOrder(m_refreshButton, m_commands);
    setTabOrder(m_commands, m_copyCommandsButton);

    connect(m_typeGroup, &QButtonGroup::idClicked, this, [this](int id) { chooseMode(EncryptionMode(id)); });
    connect(m_refreshButton, &QPushButton::clicked, this, [this] {
        // A key fixed elsewhere shows as fixed after a refresh: the chosen sets are read again once the list
        // is in, not while its pages load (they would share the connection with every page).
        m_recheckKeysAfterLoad = true;
        // Resource Graph can lag ARM by a minute: a set created a moment ago shows in ARM's exact listing.
        m_services.diskEncryptionSets->reloadFromResourceManager();
    });
    // Results arrive one set at a time, and clearing the cache (Refresh the list) forgets them all at once:
    // the grid and the errors follow once per event-loop turn, not once per set.
    auto *healthSync = new QTimer(this);
    healthSync->setSingleShot(true);
    healthSync->setInterval(0);
    connect(healthSync, &QTimer::timeout, this, [this] {
        updateHealth();
        revalidate();
    });
    connect(m_services.keyHealth, &DesHealthCache::healthChanged, this,
            [this, healthSync](const QString &desId) {
                // A forgotten result (the cache was cleared) is read again at the next sync of the grid.
                if (!m_services.keyHealth->health(desId) && !m_services.keyHealth->isChecking(desId))
                    m_healthSyncedFor.reset();
                healthSync->start();
            });
    connect(m_services.keyHealth, &DesHealthCache::fixFinished, this, [this] { updateHealth(); });
    connect(m_copyCommandsButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_commands->toPlainText()); });
    followDiskEncryptionSets();
    connect(draftModel(), &ImageVersionDraftModel::replaced, this, [this] {
        alignModeWithChosenDes();
        syncWidgets();
    });
    // Region display names arrive with the locations list, possibly after the grid was built.
    connect(m_services.locations, &ResourceListModel::rowsInserted, this, [this] {
        for (int row = 0; row < m_gridRegions.size(); ++row) {
            if (QTableWidgetItem *item = m_grid->item(row, 0))
                item->setText(m_services.locations->regionDisplayName(m_gridRegions.at(row)));
        }
    });

    retranslateUi();
    syncWidgets();
}

QGroupBox *EncryptionPage::buildTypeBox() {
    m_typeBox = new QGroupBox(this);
    m_typeBox->setObjectName(QStringLiteral("encryptionTypeBox"));
    auto *typeLayout = new QVBoxLayout(m_typeBox);
    m_typeGroup = new QButtonGroup(this);
    m_platformRadio = new QRadioButton(m_typeBox);
    m_platformRadio->setObjectName(QStringLiteral("platformKeyRadio"));
    m_customerRadio = new QRadioButton(m_typeBox);
    m_customerRadio->setObjectName(QStringLiteral("customerKeyRadio"));
    m_doubleRadio = new QRadioButton(m_typeBox);
    m_doubleRadio->setObjectName(QStringLiteral("doubleEncryptionRadio"));
    m_typeGroup->addButton(m_platformRadio, int(EncryptionMode::PlatformKey));
    m_typeGroup->addButton(m_customerRadio, int(EncryptionMode::CustomerKey));
    m_typeGroup->addButton(m_doubleRadio, int(EncryptionMode::PlatformAndCustomerKeys));
    typeLayout->addWidget(m_platformRadio);
    typeLayout->addWidget(m_customerRadio);
    typeLayout->addWidget(m_doubleRadio);
    m_vmNote = new QLabel(m_typeBox);
    m_vmNote->setObjectName(QStringLiteral("cmkUnavailableLabel"));
    m_vmNote->setWordWrap(true);
    typeLayout->addWidget(m_vmNote);
    return m_typeBox;
}

QGroupBox *EncryptionPage::buildGridBox() {
    m_gridBox = new QGroupBox(this);
    m_gridBox->setObjectName(QStringLiteral("desGridBox"));
    auto *gridLayout = new QVBoxLayout(m_gridBox);
    m_gridIntro = new QLabel(m_gridBox);
    m_gridIntro->setWordWrap(true);
    gridLayout->addWidget(m_gridIntro);
    m_grid = new DesGrid(m_gridBox);
    m_grid->setObjectName(QStringLiteral("desGrid"));
    m_grid->setTabKeyNavigation(false); // Tab leaves the grid; the arrow keys move between cells
    m_grid->verticalHeader()->setVisible(false);
    m_grid->setSelectionMode(QAbstractItemView::NoSelection);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setMinimumHeight(110);
    gridLayout->addWidget(m_grid, 1);
    m_healthPanel = new QWidget(m_gridBox);
    m_healthPanel->setObjectName(QStringLiteral("desHealthPanel"));
    auto *healthLayout = new QVBoxLayout(m_healthPanel);
    healthLayout->setContentsMargins(0, 0, 0, 0);
    m_healthIntro = new QLabel(m_healthPanel);
    m_healthIntro->setObjectName(QStringLiteral("desHealthIntro"));
    m_healthIntro->setWordWrap(true);
    healthLayout->addWidget(m_healthIntro);
    m_fixRows = new QVBoxLayout;
    healthLayout->addLayout(m_fixRows);
    m_healthPanel->setVisible(false);
    gridLayout->addWidget(m_healthPanel);
    auto *gridButtons = new QHBoxLayout;
    m_refreshButton = new QPushButton(m_gridBox);
    m_refreshButton->setObjectName(QStringLiteral("refreshDesButton"));
    gridButtons->addStretch(1);
    gridButtons->addWidget(m_refreshButton);
    gridLayout->addLayout(gridButtons);
    return m_gridBox;
}

QGroupBox *EncryptionPage::buildHelpBox() {
    m_helpBox = new QGroupBox(this);
    m_helpBox->setObjectName(QStringLiteral("createDesHelp"));
    auto *helpLayout = new QVBoxLayout(m_helpBox);
    m_helpIntro = new QLabel(m_helpBox);
    m_helpIntro->setObjectName(QStringLiteral("createDesExplanation"));
    m_helpIntro->setWordWrap(true);
    m_helpIntro->setTextFormat(Qt::PlainText);
    helpLayout->addWidget(m_helpIntro);
    m_commands = new QPlainTextEdit(m_helpBox);
    m_commands->setObjectName(QStringLiteral("createDesCommands"));
    m_commands->setReadOnly(true);
    m_commands->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_commands->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_commands->setMaximumHeight(120);
    helpLayout->addWidget(m_commands);
    m_copyCommandsButton = new QPushButton(m_helpBox);
    m_copyCommandsButton->setObjectName(QStringLiteral("copyDesCommandsButton"));
    auto *copyRow = new QHBoxLayout;
    copyRow->addStretch(1);
    copyRow->addWidget(m_copyCommandsButton);
    helpLayout->addLayout(copyRow);
    return m_helpBox;
}

void EncryptionPage::followDiskEncryptionSets() {
    DiskEncryptionSetModel *sets = m_services.diskEncryptionSets;
    // Rows arrive in many small slices: re-select the chosen sets once per event-loop turn, not per slice.
    auto *gridSync = new QTimer(this);
    gridSync->setSingleShot(true);
    gridSync->setInterval(0);
    connect(gridSync, &QTimer::timeout, this, [this] { syncGrid(); });
    connect(sets, &DiskEncryptionSetModel::rowsInserted, gridSync, qOverload<>(&QTimer::start));
    connect(sets, &DiskEncryptionSetModel::modelReset, this, [this] { syncGrid(); });
    connect(sets, &DiskEncryptionSetModel::loadingChanged, this, [this, sets](bool loading) {
        updateBusy();
        // A load that ended (not aborted) is followed at once by loadFinished, which validates again: once
        // is enough (each pass goes through the target regions' sets).
        if (loading || !(sets->isComplete() || sets->error().isError()))
            revalidate();
    });
    connect(sets, &DiskEncryptionSetModel::loadFinished, this, [this] {
        if (std::exchange(m_recheckKeysAfterLoad, false)) {
            m_services.keyHealth->clear();
            m_healthSyncedFor.reset();
        }
        if (alignModeWithChosenDes())
            syncWidgets();
        preselectSingleSets();
        syncGrid();
        updateBusy();
        updateHelp();
        revalidate();
    });
}

QRadioButton *EncryptionPage::radioFor(EncryptionMode mode) const {
    return qobject_cast<QRadioButton *>(m_typeGroup->button(int(mode)));
}

void EncryptionPage::retranslateUi() {
    DraftPage::retranslateUi();
    setTitle(tr("Encryption"));
    setSubTitle(tr("How the disks of the image version are encrypted at rest in every target region."));
    m_intro->setText(
        tr("By default Azure encrypts the disks with a platform-managed key. To use your own key, "
           "choose a disk encryption set for every disk in every target region."));
    m_typeBox->setTitle(tr("Encryption type"));
    m_platformRadio->setText(tr("&Platform-managed key"));
    m_customerRadio->setText(tr("Encryption at rest with a &customer-managed key"));
    m_doubleRadio->setText(tr("&Double encryption with platform-managed and customer-managed keys"));
    m_platformRadio->setAccessibleName(
        ImageVersionValidation::encryptionModeLabel(EncryptionMode::PlatformKey));
    m_customerRadio->setAccessibleName(
        ImageVersionValidation::encryptionModeLabel(EncryptionMode::CustomerKey));
    m_doubleRadio->setAccessibleName(
        ImageVersionValidation::encryptionModeLabel(EncryptionMode::PlatformAndCustomerKeys));
    m_vmNote->setText(
        tr("Customer-managed keys are not available: an image version created from a virtual machine "
           "does not support them. To use your own keys, go back and choose a managed image or "
           "snapshots as the source."));
    m_vmNote->setAccessibleName(tr("Why customer-managed keys are not available"));
    m_limitations->setText(
        tr("Limitations: an image version encrypted with customer-managed keys cannot be shared "
           "or copied (no direct or community sharing, no copy to another gallery). Once it uses "
           "your keys it cannot go back to platform-managed keys. Each region needs its own disk "
           "encryption set, in the same subscription as the image."));
    m_limitations->setAccessibleName(tr("Limitations of customer-managed keys"));
    m_platformNote->setText(tr("Azure manages the key in every region; there is nothing more to choose."));
    m_gridBox->setTitle(tr("Disk encryption sets"));
    m_gridIntro->setText(
        tr("One row per target region, one column per disk. Each list offers only the disk "
           "encryption sets of that region, in this subscription, of the chosen encryption type."));
    m_grid->setAccessibleName(tr("Disk encryption set for each region and disk"));
    m_refreshButton->setText(tr("&Refresh the list"));
    m_refreshButton->setAccessibleName(tr("Refresh the disk encryption sets"));
    m_helpBox->setTitle(tr("How to create a disk encryption set"));
    m_commands->setAccessibleName(tr("Commands that create a disk encryption set"));
    m_copyCommandsButton->setText(tr("C&opy the commands"));
    m_copyCommandsButton->setAccessibleName(tr("Copy the commands"));
    m_healthIntro->setText(tr("Problems with the keys of the chosen disk encryption sets:"));
    m_fixRowsShown.clear(); // the rows hold texts too
    m_gridBuilt = false;    // headers and accessible names are texts too
    rebuildGrid();
    updateHelp();
    updateBusy();
}

void EncryptionPage::initializePage() {
    draftModel()->modify([](ImageVersionDraft &d) { d.normalizeEncryption(); });
    preselectSingleSets();
    syncWidgets();
}

void EncryptionPage::cancelLoading() {
    m_services.diskEncryptionSets->abort();
    updateBusy();
    revalidate();
}

void EncryptionPage::updateBusy() {
    const bool cmk = usesCustomerKey(draftModel()->draft().encryption);
    setBusy(cmk && m_services.diskEncryptionSets->isLoading() ? tr("Loading disk encryption sets…")
                                                              : QString());
}

void EncryptionPage::chooseMode(EncryptionMode mode) {
    const EncryptionMode current = draftModel()->draft().encryption;
    if (mode == current)
        return;
    if (usesCustomerKey(mode) && !usesCustomerKey(current)) {
        // Ask before switching: the choice is irreversible for the created image version.
        {
            QScopedValueRollback<bool> guard(m_syncing, true);
            radioFor(current)->setChecked(true);
        }
        askFirst(m_confirmation, QStringLiteral("cmkConfirmation"), tr("Use customer-managed keys?"),
                 tr("Once the image version is encrypted with your own keys, it cannot go "
                    "back to platform-managed keys, and it cannot be shared or copied.\n\n"
                    "Use customer-managed keys for this image version?"),
                 {tr("&Use my keys"), tr("&Keep platform keys")}, [this, mode](bool yes) {
                     if (yes)
                         applyMode(mode);
                     else
                         syncWidgets();
                 });
        return;
    }
    applyMode(mode);
}

namespace {

bool hasChosenSet(const RegionDraft &region) {
    return !region.osDiskDesId.isEmpty() ||
           std::any_of(region.dataDiskDesIds.cbegin(), region.dataDiskDesIds.cend(),
                       [](const QString &id) { return !id.isEmpty(); });
}

} // namespace

void EncryptionPage::applyMode(EncryptionMode mode) {
    const ImageVersionDraft before = draftModel()->draft();
    if (before.encryption == mode)
        return;
    // DES of one type never fit the other: the choices are put aside for the type they were made for, and
    // those made earlier for the new type come back.
    m_choicesByMode[int(before.encryption)] = before.targetRegions;
    const QList<RegionDraft> saved = m_choicesByMode.value(int(mode));
    int cleared = 0, restored = 0;
    draftModel()->modify([&](ImageVersionDraft &d) {
        d.encryption = mode;
        for (RegionDraft &region : d.targetRegions) {
            cleared += hasChosenSet(region) ? 1 : 0;
            region.osDiskDesId.clear();
            region.dataDiskDesIds.clear();
            for (const RegionDraft &earlier : saved) {
                if (!sameRegion(earlier.name, region.name) || !hasChosenSet(earlier))
                    continue;
                region.osDiskDesId = earlier.osDiskDesId;
                region.dataDiskDesIds = earlier.dataDiskDesIds;
                region.sameDesForAllDisks = earlier.sameDesForAllDisks;
                ++restored;
            }
        }
        d.normalizeEncryption();
    });
    if (usesCustomerKey(before.encryption) || restored > 0)
        noticeModeChange(before.encryption, cleared, restored);
    preselectSingleSets();
    syncWidgets();
}

void EncryptionPage::noticeModeChange(EncryptionMode before, int cleared, int restored) {
    const EncryptionMode after = draftModel()->draft().encryption;
    if (cleared == 0 && restored == 0) {
        m_changeNotice->dismiss();
        return;
    }
    m_changeNotice->showChange([before, after, cleared, restored] {
        QStringList lines{tr("Encryption type changed from “%1” to “%2”.")
                              .arg(ImageVersionValidation::encryptionModeLabel(before),
                                   ImageVersionValidation::encryptionModeLabel(after))};
        if (cleared > 0)
            lines << tr("The disk encryption sets chosen in %n region(s) were cleared: a set serves one "
                        "encryption type. They come back if you switch back.",
                        nullptr, cleared);
        if (restored > 0)
            lines << tr("The sets chosen earlier for this type in %n region(s) were restored.", nullptr,
                        restored);
        return lines.join(QLatin1Char(' '));
    });
}

void EncryptionPage::preselectSingleSets() {
    const ImageVersionDraft &d = draftModel()->draft();
    if (!usesCustomerKey(d.encryption) || !m_services.diskEncryptionSets->isComplete())
        return;
    QMap<QString, QString> single; // region -> its only set of the chosen type
    for (const RegionDraft &region : d.targetRegions) {
        if (hasChosenSet(region))
            continue;
        DiskEncryptionSetFilterModel candidates;
        candidates.setSourceModel(m_services.diskEncryptionSets);
        candidates.setCriteria(region.name, d.subscriptionId, d.encryption);
        if (candidates.rowCount() == 1)
            single.insert(region.name,
                          candidates.index(0, 0).data(DiskEncryptionSetModel::IdRole).toString());
    }
    if (single.isEmpty())
        return;
    const AutomaticDraftChange automatic;
    draftModel()->modify([&](ImageVersionDraft &draft) {
        for (RegionDraft &region : draft.targetRegions) {
            if (single.contains(region.name) && region.sameDesForAllDisks)
                region.osDiskDesId = single.value(region.name);
        }
        draft.normalizeEncryption();
    });
}

void EncryptionPage::syncWidgets() {
    {
        QScopedValueRollback<bool> guard(m_syncing, true);
        const ImageVersionDraft &d = draftModel()->draft();
        const bool vmSource = d.sourceKind == SourceKind::VirtualMachine;
        radioFor(d.encryption)->setChecked(true);
        m_customerRadio->setEnabled(!vmSource || d.encryption == EncryptionMode::CustomerKey);
        m_doubleRadio->setEnabled(!vmSource || d.encryption == EncryptionMode::PlatformAndCustomerKeys);
        m_vmNote->setVisible(vmSource);
        const bool cmk = usesCustomerKey(d.encryption);
        m_limitations->setVisible(cmk);
        m_gridBox->setVisible(cmk && !vmSource);
        m_platformNote->setVisible(!cmk);
    }
    rebuildGrid();
    updateHelp();
    updateBusy();
    revalidate();
}

void EncryptionPage::rebuildGrid() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = draftModel()->draft();
    QStringList regions;
    for (const RegionDraft &region : d.targetRegions)
        regions << region.name;
    // Rebuilding destroys the dropdowns (and any open popup): only when the grid's shape or filters change.
    if (m_gridBuilt && regions == m_gridRegions && d.dataDiskLuns() == m_gridLuns &&
        d.subscriptionId == m_gridSubscription && d.encryption == m_gridMode) {
        syncGrid();
        return;
    }
    m_gridBuilt = true;
    m_gridLuns = d.dataDiskLuns();
    m_gridRegions = regions;
    m_gridSubscription = d.subscriptionId;
    m_gridMode = d.encryption;

    clearTableWidgets(m_grid);
    m_healthSyncedFor.reset(); // the new cells' icons are empty
    m_grid->setRowCount(int(m_gridRegions.size()));
    m_grid->setColumnCount(3 + int(m_gridLuns.size()));
    QStringList headers{tr("Region"), tr("Same set for all disks"), ImageVersionValidation::diskTitle(-1)};
    for (int lun : m_gridLuns)
        headers << ImageVersionValidation::diskTitle(lun);
    m_grid->setHorizontalHeaderLabels(headers);

    const ResourceListModel *locations = m_services.locations;
    for (int row = 0; row < m_gridRegions.size(); ++row) {
        const QString region = m_gridRegions.at(row);
        const QString display = locations->regionDisplayName(region);
        auto *regionItem = new QTableWidgetItem(display);
        regionItem->setToolTip(region);
        m_grid->setItem(row, 0, regionItem);

        auto *same = new QCheckBox(m_grid);
        same->setObjectName(QStringLiteral("sameDesCheck_%1").arg(normalizeRegion(region)));
        same->setAccessibleName(tr("Same disk encryption set for all disks in %1").arg(display));
        same->setChecked(d.targetRegions.at(row).sameDesForAllDisks);
        same->setEnabled(!m_gridLuns.isEmpty());
        m_grid->setCellWidget(row, 1, same);
        connect(same, &QCheckBox::toggled, this, [this, region](bool checked) {
            if (m_syncing)
                return;
            draftModel()->modify([&](ImageVersionDraft &draft) {
                const int index = draft.regionIndex(region);
                if (index < 0)
                    return;
                draft.targetRegions[index].sameDesForAllDisks = checked;
                draft.normalizeEncryption();
            });
            syncGrid();
            revalidate();
        });

        QList<int> disks{-1};
        disks += m_gridLuns;
        for (int column = 0; column < disks.size(); ++column)
            m_grid->setCellWidget(row, 2 + column, buildCell(region, disks.at(column), display));
    }
    m_grid->resizeColumnsToContents();
    // Every disk column gets the same share of the width, not only the last (whose set names alone were
    // readable).
    QHeaderView *header = m_grid->horizontalHeader();
    header->setStretchLastSection(false);
    for (int column = 2; column < m_grid->columnCount(); ++column)
        header->setSectionResizeMode(column, QHeaderView::Stretch);
    // Every row stays in sight (up to four) when the key findings below take room.
    const int rowsShown = qBound(1, int(m_gridRegions.size()), 4);
    m_grid->setMinimumHeight(qMax(110, m_grid->horizontalHeader()->sizeHint().height() +
                                           rowsShown * m_grid->verticalHeader()->defaultSectionSize() +
                                           m_grid->horizontalScrollBar()->sizeHint().height() + 4));
    syncGrid();
}

QWidget *EncryptionPage::buildCell(const QString &region, int lun, const QString &display) {
    const ImageVersionDraft &d = draftModel()->draft();
    auto *cell = new QWidget(m_grid);
    cell->setObjectName(desCellName("desCell", region, lun));
    auto *cellLayout = new QHBoxLayout(cell);
    cellLayout->setContentsMargins(4, 0, 0, 0);
    cellLayout->setSpacing(4);
    // The health of the chosen set's key: its icon, the findings in the tooltip (updateHealth()).
    auto *health = new QLabel(cell);
    health->setObjectName(desCellName("desHealth", region, lun));
    health->setFixedSize(16, 16);
    cellLayout->addWidget(health);
    auto *combo = new DesDropdown(cell);
    combo->setObjectName(desCellName("desCombo", region, lun));
    combo->setItemDelegate(new DesHealthItemDelegate(combo));
    combo->aboutToOpen = [this, combo] { checkListedKeys(combo); };
    auto *proxy = new DiskEncryptionSetFilterModel(combo);
    proxy->setSourceModel(m_services.diskEncryptionSets);
    proxy->setCriteria(region, d.subscriptionId, d.encryption);
    combo->setModel(proxy);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(16);
    // The cell is narrow; the open list shows name, resource group and key in full.
    combo->view()->setMinimumWidth(380);
    //: Accessible name of a dropdown: %1 the disk (OS disk, data disk (LUN 1)), %2 the region
    combo->setAccessibleName(
        tr("Disk encryption set for the %1 in %2").arg(ImageVersionValidation::diskLabel(lun), display));
    cellLayout->addWidget(combo, 1);
    connect(combo, &QComboBox::currentIndexChanged, this,
            [this, region, lun, combo] { onDesChosen(region, lun, combo); });
    return cell;
}

QComboBox *EncryptionPage::cellCombo(int row, int column) const {
    QWidget *cell = m_grid->cellWidget(row, column);
    return cell ? cell->findChild<QComboBox *>() : nullptr;
}

void EncryptionPage::syncGrid() {
    QScopedValueRollback<bool> guard(m_syncing, true);
    const ImageVersionDraft &d = draftModel()->draft();
    const bool loaded = !m_services.diskEncryptionSets->isLoading();
    for (int row = 0; row < m_gridRegions.size(); ++row) {
        const int index = d.regionIndex(m_gridRegions.at(row));
        if (index < 0)
            continue;
        const RegionDraft &region = d.targetRegions.at(index);
        if (auto *same = qobject_cast<QCheckBox *>(m_grid->cellWidget(row, 1)))
            same->setChecked(region.sameDesForAllDisks);
        QList<int> disks{-1};
        disks += m_gridLuns;
        for (int column = 0; column < disks.size(); ++column) {
            QComboBox *combo = cellCombo(row, 2 + column);
            if (!combo)
                continue;
            auto *proxy = static_cast<DiskEncryptionSetFilterModel *>(combo->model());
            const bool none = loaded && proxy->rowCount() == 0;
            combo->setPlaceholderText(none ? tr("None in this region") : tr("Choose a disk encryption set"));
            combo->setCurrentIndex(proxy->rowOfId(d.desFor(region, disks.at(column))));
            // The cell is narrow: the chosen set's name, group, key and vault in full.
            combo->setToolTip(combo->currentIndex() >= 0
                                  ? combo->itemData(combo->currentIndex(), Qt::ToolTipRole).toString()
                                  : QString());
            // With "same", the OS disk's choice applies to every disk; the others just show it.
            combo->setEnabled(!none && (disks.at(column) < 0 || !region.sameDesForAllDisks));
        }
    }
    // While the list loads, the grid is synced once per slice of rows: the health column changes only when
    // a chosen set becomes known (or its health changes, which healthChanged follows).
    const QStringList known = chosenKnownSets();
    if (m_healthSyncedFor == known)
        return;
    m_healthSyncedFor = known;
    checkChosenKeys();
    updateHealth();
}

void EncryptionPage::onDesChosen(const QString &regionName, int lun, QComboBox *combo) {
    if (m_syncing || combo->currentIndex() < 0)
        return;
    const QString id = combo->currentData(DiskEncryptionSetModel::IdRole).toString();
    // The dropdown also reports its current row moving when rows are inserted above it during a load:
    // the same set, nothing to do (and redoing it on every slice of 10,000 sets would stall the window).
    const ImageVersionDraft &current = draftModel()->draft();
    const int currentIndex = current.regionIndex(regionName);
    if (currentIndex >= 0 && sameResourceId(current.desFor(current.targetRegions.at(currentIndex), lun), id))
        return;
    draftModel()->modify([&](ImageVersionDraft &d) {
        const int index = d.regionIndex(regionName);
        if (index < 0)
            return;
        RegionDraft &region = d.targetRegions[index];
        if (lun < 0)
            region.osDiskDesId = id;
        else
            region.dataDiskDesIds[lun] = id;
        d.normalizeEncryption();
    });
    syncGrid();
    revalidate();
}

void EncryptionPage::updateHelp() {
    const ImageVersionDraft &d = draftModel()->draft();
    const DiskEncryptionSetModel *sets = m_services.diskEncryptionSets;
    QStringList missing;
    if (usesCustomerKey(d.encryption) && d.sourceKind != SourceKind::VirtualMachine && sets->isComplete())
        missing = ImageVersionValidation::regionsWithoutSuitableDes(d, sets->inRegions(targetRegionNames(d)));
    m_helpBox->setVisible(!missing.isEmpty());
    if (missing.isEmpty()) {
        m_commands->clear();
        return;
    }
    m_helpIntro->setText(
        tr("Disk encryption sets are regional resources: each target region needs its own, in "
           "subscription %1, with the encryption type %2. None exists yet in: %3. Create one with "
           "the commands below (replace the <placeholders>), give its identity access to the key "
           "in the key vault, then press Refresh the list.")
            .arg(d.subscriptionId, desEncryptionTypeFor(d.encryption), missing.join(QStringLiteral(", "))));
    QStringList blocks;
    for (const QString &region : missing)
        blocks << ImageVersionValidation::createDesCommands(d.subscriptionId, d.resourceGroup, region,
                                                            d.encryption);
    m_commands->setPlainText(blocks.join(QStringLiteral("\n\n")));
}

bool EncryptionPage::alignModeWithChosenDes() {
    // A draft that names its sets without their type (an imported az command) took customer-managed keys
    // as a guess: the sets themselves say which type it is. Sets that disagree are an error, not a guess.
    const ImageVersionDraft &d = draftModel()->draft();
    if (!usesCustomerKey(d.encryption) || !m_services.diskEncryptionSets->isComplete())
        return false;
    const QMap<QString, QStringList> byType = chosenDesByType(d, m_services.diskEncryptionSets);
    if (byType.size() != 1)
        return false;
    const std::optional<EncryptionMode> mode = encryptionModeOfDesType(byType.firstKey());
    if (!mode || *mode == d.encryption)
        return false;
    const AutomaticDraftChange automatic;
    draftModel()->modify([&](ImageVersionDraft &draft) { draft.encryption = *mode; });
    return true;
}

QString EncryptionPage::desTypeMismatch() const {
    const ImageVersionDraft &d = draftModel()->draft();
    if (!usesCustomerKey(d.encryption) || !m_services.diskEncryptionSets->isComplete())
        return {};
    const QMap<QString, QStringList> byType = chosenDesByType(d, m_services.diskEncryptionSets);
    if (byType.size() < 2)
        return {};
    QStringList parts;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it)
        //: %1 names of disk encryption sets, %2 their encryption type
        parts << tr("%1: %2").arg(it.value().join(QStringLiteral(", ")), it.key());
    return tr("The chosen disk encryption sets do not have the same encryption type (%1). An image version "
              "uses one encryption type: choose the type, then disk encryption sets of that type in every "
              "region.")
        .arg(parts.join(QStringLiteral("; ")));
}

QStringList EncryptionPage::chosenKnownSets() const {
    const ImageVersionDraft &d = draftModel()->draft();
    if (!usesCustomerKey(d.encryption) || d.sourceKind == SourceKind::VirtualMachine)
        return {};
    // A set the list does not know already has its own error (it does not exist, or not there).
    QStringList known;
    for (const QString &id : chosenDiskEncryptionSets(d)) {
        if (m_services.diskEncryptionSets->find(id))
            known << id;
    }
    return known;
}

void EncryptionPage::checkListedKeys(QComboBox *combo) {
    // A region rarely has more than a few sets of one type; a generated subscription may have hundreds:
    // the first ones (by name) are what the open list shows.
    constexpr int MaxListedChecks = 25;
    QStringList ids;
    for (int row = 0; row < std::min(combo->count(), MaxListedChecks); ++row)
        ids << combo->itemData(row, DiskEncryptionSetModel::IdRole).toString();
    m_services.keyHealth->check(ids);
}

void EncryptionPage::checkChosenKeys() {
    m_services.keyHealth->check(chosenKnownSets());
}

void EncryptionPage::updateHealth() {
    const ImageVersionDraft &d = draftModel()->draft();
    const DesHealthCache *cache = m_services.keyHealth;
    QList<int> disks{-1};
    disks += m_gridLuns;
    for (int row = 0; row < m_gridRegions.size(); ++row) {
        const int index = d.regionIndex(m_gridRegions.at(row));
        for (int column = 0; column < disks.size(); ++column) {
            QWidget *cell = m_grid->cellWidget(row, 2 + column);
            auto *icon = cell ? cell->findChild<QLabel *>() : nullptr;
            if (!icon || index < 0)
                continue;
            const QString id = d.desFor(d.targetRegions.at(index), disks.at(column));
            const bool known = !id.isEmpty() && m_services.diskEncryptionSets->find(id);
            const DesHealth *health = known ? cache->health(id) : nullptr;
            const QString key = known ? DesHealthView::statusKey(health, cache->isChecking(id)) : QString();
            // The grid is synced once per slice of rows while the list loads: the style's icon is loaded
            // and scaled only when the status changes.
            if (icon->property("healthStatus").toString() != key) {
                icon->setProperty("healthStatus", key);
                icon->setPixmap(DesHealthView::icon(key).pixmap(16, 16));
            }
            icon->setToolTip(health ? DesHealthView::tooltip(*health)
                             : key.isEmpty()
                                 ? QString()
                                 : tr("Checking the key of %1…").arg(ResourceId::parse(id).name()));
            icon->setAccessibleName(
                key.isEmpty() ? QString()
                              : tr("Key health: %1").arg(DesHealthView::statusText(health, !health)));
        }
    }
    rebuildFixRows(chosenKnownSets());
}

void EncryptionPage::rebuildFixRows(const QStringList &chosen) {
    const DesHealthCache *cache = m_services.keyHealth;
    // Rebuilt only when what they say changes: a rebuild takes the focus and the hover off the buttons.
    QString shown;
    for (const QString &id : chosen) {
        const DesHealth *health = cache->health(id);
        if (!health)
            continue;
        for (const DesFinding &finding : health->findings)
            shown += id + finding.code + finding.message + QLatin1Char('\n');
        shown += QStringLiteral("%1|%2\n").arg(cache->isFixing(id)).arg(cache->fixError(id));
    }
    if (shown == m_fixRowsShown)
        return;
    m_fixRowsShown = shown;
    while (QLayoutItem *item = m_fixRows->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            // Names go at once (a test or a screen reader must not find the old row); the widget later, as
            // it may be the button whose click led here.
            for (QWidget *child : widget->findChildren<QWidget *>())
                child->setObjectName(QString());
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
    for (const QString &id : chosen) {
        const DesHealth *health = cache->health(id);
        if (!health)
            continue;
        for (const DesFinding &finding : health->findings) {
            if (finding.severity == DesHealthSeverity::Error ||
                finding.severity == DesHealthSeverity::Warning)
                m_fixRows->addWidget(buildFixRow(*health, finding));
        }
        if (!cache->fixError(id).isEmpty()) {
            auto *failure = new QLabel(cache->fixError(id), m_healthPanel);
            failure->setObjectName(QStringLiteral("fixErrorLabel_%1").arg(health->name));
            failure->setWordWrap(true);
            failure->setTextFormat(Qt::PlainText);
            m_fixRows->addWidget(failure);
        }
    }
    m_healthPanel->setVisible(m_fixRows->count() > 0);
}

QWidget *EncryptionPage::buildFixRow(const DesHealth &health, const DesFinding &finding) {
    auto *row = new QWidget(m_healthPanel);
    row->setObjectName(QStringLiteral("desFinding_%1_%2").arg(health.name, finding.code));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *icon = new QLabel(row);
    const bool error = finding.severity == DesHealthSeverity::Error;
    icon->setPixmap(
        DesHealthView::icon(error ? QStringLiteral("error") : QStringLiteral("warning")).pixmap(16, 16));
    icon->setAlignment(Qt::AlignTop);
    layout->addWidget(icon);
    auto *message = new QLabel(finding.message, row);
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!finding.azureCli.isEmpty())
        message->setToolTip(tr("Fix: %1").arg(finding.azureCli));
    layout->addWidget(message, 1);
    if (finding.action != DesFixAction::None) {
        auto *button = new QPushButton(DesHealthView::fixButtonText(finding.action), row);
        button->setObjectName(
            QStringLiteral("%1_%2").arg(DesHealthView::fixButtonName(finding.action), health.name));
        //: Accessible name of a fix button: %1 the fix (Grant key access...), %2 a disk encryption set
        button->setAccessibleName(
            tr("%1 for %2").arg(DesHealthView::fixButtonText(finding.action), health.name));
        button->setEnabled(!m_services.keyHealth->isFixing(health.id));
        const QString id = health.id;
        const DesFixAction action = finding.action;
        connect(button, &QPushButton::clicked, this, [this, id, action] { runFix(id, action); });
        layout->addWidget(button, 0, Qt::AlignTop);
    }
    return row;
}

void EncryptionPage::runFix(const QString &desId, DesFixAction action) {
    if (action == DesFixAction::EnablePurgeProtection) {
        confirmPurgeProtection(desId);
        return;
    }
    m_services.keyHealth->fix(desId, action);
    updateHealth();
}

void EncryptionPage::confirmPurgeProtection(const QString &desId) {
    const DesHealth *health = m_services.keyHealth->health(desId);
    if (!health || !health->readings.vault)
        return;
    askFirst(
        m_purgeConfirmation, QStringLiteral("purgeProtectionConfirmation"), tr("Enable purge protection?"),
        tr("Turn on purge protection for the key vault %1?\n\nThis cannot be undone: once it is on, the "
           "vault and its keys cannot be purged (deleted for good) before their retention period ends, not "
           "even by you. Azure asks for it on the key vaults of disk encryption sets.")
            .arg(health->readings.vault->name),
        {tr("&Enable purge protection"), tr("&Cancel")}, [this, desId](bool yes) {
            if (!yes)
                return;
            m_services.keyHealth->fix(desId, DesFixAction::EnablePurgeProtection);
            updateHealth();
        });
}

void EncryptionPage::askFirst(QPointer<QMessageBox> &box, const QString &name, const QString &title,
                              const QString &text, const QPair<QString, QString> &yesNo,
                              const std::function<void(bool)> &answered) {
    if (box)
        box->deleteLater();
    box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(name);
    box->button(QMessageBox::Yes)->setText(yesNo.first);
    box->button(QMessageBox::No)->setText(yesNo.second);
    box->setDefaultButton(QMessageBox::No); // both questions are about something that cannot be undone
    box->setWindowModality(Qt::WindowModal);
    QMessageBox *asked = box;
    connect(asked, &QMessageBox::finished, this, [asked, answered](int result) {
        asked->deleteLater();
        answered(result == QMessageBox::Yes);
    });
    box->open();
}

QStringList EncryptionPage::keyHealthErrors() const {
    // Short: the findings themselves are listed right below the grid, each with its fix.
    QStringList errors;
    for (const QString &id : chosenKnownSets()) {
        const DesHealth *health = m_services.keyHealth->health(id);
        for (const DesFinding &finding : health ? health->findings : std::vector<DesFinding>{}) {
            if (finding.severity == DesHealthSeverity::Error)
                //: %1 a disk encryption set, %2 the finding's code (KEY_ACCESS_MISSING...)
                errors << tr("Azure cannot use the key of %1 (%2): fix it as shown below the grid, or choose "
                             "another disk encryption set.")
                              .arg(health->name, finding.code);
        }
    }
    return errors;
}

void EncryptionPage::showFieldErrors(const QStringList &errors) {
    Q_UNUSED(errors)
    m_confidential->setErrorsShown(errorsRevealed());
}

QStringList EncryptionPage::computeErrors() const {
    // Update mode: no going back to platform-managed keys, first (the rest checks the draft on its own).
    const QStringList update =
        m_services.update
            ? ImageVersionUpdateRules::encryptionErrors(m_services.update->current, draftModel()->draft())
            : QStringList();
    return update + choiceErrors();
}

QStringList EncryptionPage::choiceErrors() const {
    const ImageVersionDraft &d = draftModel()->draft();
    // The gallery as Basics listed it: a shared one takes no version with customer-managed keys (a
    // Confidential VM profile's secure-VM set included).
    const int galleryRow = m_services.galleries ? m_services.galleries->rowOfName(d.galleryName) : -1;
    if (const Gallery *gallery =
            galleryRow >= 0 ? m_services.galleries->row(galleryRow).resourceAs<Gallery>() : nullptr) {
        const QString shared = ImageVersionValidation::sharedGalleryError(d, *gallery);
        if (!shared.isEmpty())
            return {shared};
    }
    if (!usesCustomerKey(d.encryption))
        return m_confidential->errors(); // with customer-managed keys, encryptionErrors() says them too
    const DiskEncryptionSetModel *sets = m_services.diskEncryptionSets;
    if (d.sourceKind != SourceKind::VirtualMachine) {
        if (sets->isLoading())
            return {tr("Loading the disk encryption sets of subscription %1…").arg(d.subscriptionId)};
        if (sets->error() && sets->error().kind != ArmError::Kind::Aborted)
            return {tr("Could not load the disk encryption sets: %1").arg(sets->error().toDisplayString())};
        if (!sets->isComplete())
            return {tr("The list of disk encryption sets is incomplete; press Refresh the list.")};
    }
    // Only the target regions' sets matter; the model indexes them by region (10,000 sets stay fast).
    QStringList errors = ImageVersionValidation::encryptionErrors(d, sets->inRegions(targetRegionNames(d)));
    const QString mismatch = desTypeMismatch();
    if (!mismatch.isEmpty())
        errors.prepend(mismatch);
    return errors + keyHealthErrors();
}

} // namespace cmkui
