#include "review/reviewwindow.h"

#include "common/usertext.h"

#include "common/deshealthview.h"
#include "common/resourcelistmodel.h"
#include "imageversion/imageversionupdate.h"
#include "imagewizard/createimageversionwizard.h"
#include "inventory/resourceinventory.h"
#include "review/fleet/fleettab.h"
#include "review/reviewexport.h"
#include "review/reviewreport.h"
#include "vmwizard/vmwizard.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace cmkui {

ReviewWindow::ReviewWindow(cmk::ArmClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_reviewer(new cmk::VersionReviewer(client, this))
    , m_today(QDate::currentDate()) {
    setObjectName(QStringLiteral("reviewWindow"));
    m_reviewer->setCheckKeyHealth(true); // what breaks encryption in the field is the key behind a set
    // Two tabs: one version (what review mode always was), and the fleet (issue 18).
    auto *outer = new QVBoxLayout(this);
    // The pages keep their own margins: with the window's too, the tab frame made the window wider than
    // 800 pixels (the smallest size the app supports).
    outer->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true); // no frame around the pages: their margins are the window's
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    outer->addWidget(m_tabs);
    auto *versionPage = new QWidget(m_tabs);
    versionPage->setObjectName(QStringLiteral("reviewVersionTab"));
    m_tabs->addTab(versionPage, QString());
    m_fleetTab = new FleetTab(client, m_tabs);
    m_tabs->addTab(m_fleetTab, QString());
    auto *layout = new QVBoxLayout(versionPage);
    layout->addLayout(buildPicker());
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addWidget(buildResultPanes(), 1);
    buildActions(layout);
    connectPicker();
    connectActions();
    retranslateUi();
    clearReview();
    resize(reviewWindowSize());
}

QPushButton *ReviewWindow::makeButton(const char *objectName) {
    auto *button = new QPushButton(this);
    button->setObjectName(QString::fromLatin1(objectName));
    return button;
}

QLayout *ReviewWindow::buildPicker() {
    auto *pick = new QGridLayout;
    m_browseLabel = new QLabel(this);
    auto *browseRow = new QHBoxLayout;
    for (auto [combo, name] :
         {std::pair{&m_subscriptionCombo, "subscriptionCombo"}, std::pair{&m_galleryCombo, "galleryCombo"},
          std::pair{&m_imageCombo, "imageCombo"}, std::pair{&m_versionCombo, "versionCombo"}}) {
        *combo = new QComboBox(this);
        (*combo)->setObjectName(QString::fromLatin1(name));
        // They share the row's width: sized to their contents, the French picker made the window wider than
        // 800 pixels. The popup still shows whole names, and the tooltip the chosen one.
        (*combo)->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        (*combo)->setMinimumContentsLength(10);
        connect(*combo, &QComboBox::currentTextChanged, *combo, &QComboBox::setToolTip);
        browseRow->addWidget(*combo, 1);
    }
    m_reviewButton = makeButton("reviewButton");
    browseRow->addWidget(m_reviewButton);
    pick->addWidget(m_browseLabel, 0, 0);
    pick->addLayout(browseRow, 0, 1);
    m_idLabel = new QLabel(this);
    m_idEdit = new QLineEdit(this);
    m_idEdit->setObjectName(QStringLiteral("versionIdEdit"));
    m_idEdit->setClearButtonEnabled(true);
    m_idLabel->setBuddy(m_idEdit); // Alt+I reaches the field
    m_openButton = makeButton("openButton");
    auto *idRow = new QHBoxLayout;
    idRow->addWidget(m_idEdit, 1);
    idRow->addWidget(m_openButton);
    pick->addWidget(m_idLabel, 1, 0);
    pick->addLayout(idRow, 1, 1);
    return pick;
}

QWidget *ReviewWindow::buildResultPanes() {
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_summary = new QTextBrowser(splitter);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setOpenLinks(false);
    // A pane with a title above its view.
    const auto titled = [splitter](QLabel **title, QWidget *view) {
        auto *pane = new QWidget(splitter);
        auto *paneLayout = new QVBoxLayout(pane);
        paneLayout->setContentsMargins(0, 0, 0, 0);
        *title = new QLabel(pane);
        view->setParent(pane);
        paneLayout->addWidget(*title);
        paneLayout->addWidget(view);
        return pane;
    };
    m_matrix = new QTableWidget(this);
    m_matrix->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move between cells
    m_matrix->setObjectName(QStringLiteral("reviewMatrix"));
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->setWordWrap(true);
    m_matrix->verticalHeader()->setVisible(false);
    m_matrix->horizontalHeader()->setStretchLastSection(true);
    m_findings = new QListWidget(this);
    m_findings->setObjectName(QStringLiteral("reviewFindings"));
    m_findings->setWordWrap(true);
    m_findings->setIconSize(QSize(20, 20));
    splitter->addWidget(m_summary);
    splitter->addWidget(titled(&m_matrixLabel, m_matrix));
    splitter->addWidget(titled(&m_findingsLabel, m_findings));
    m_keyHealth = new QListWidget(this);
    m_keyHealth->setObjectName(QStringLiteral("reviewKeyHealth"));
    m_keyHealth->setWordWrap(true);
    splitter->addWidget(titled(&m_keyHealthLabel, m_keyHealth));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setStretchFactor(3, 1);
    return splitter;
}

void ReviewWindow::buildActions(QVBoxLayout *layout) {
    auto *actions = new QHBoxLayout;
    m_copyButton = makeButton("copyTextButton");
    m_saveJsonButton = makeButton("saveJsonButton");
    m_saveHtmlButton = makeButton("saveHtmlButton");
    m_savePdfButton = makeButton("savePdfButton");
    m_exportButton = createExportButton([this] { return review().toDraft(); }, this,
                                        [this] {
                                            QStringList notes;
                                            review().toDraft(&notes);
                                            return notes;
                                        });
    for (QWidget *button :
         std::initializer_list<QWidget *>{m_copyButton, m_saveJsonButton, m_saveHtmlButton, m_savePdfButton})
        actions->addWidget(button);
    actions->addStretch(1);
    actions->addWidget(m_exportButton);
    layout->addLayout(actions);
    // On a row of its own: with the report buttons, its long French label made the window wider than the
    // default size and pushed Export out of sight.
    auto *nextStep = new QHBoxLayout;
    nextStep->addStretch(1);
    m_editButton = makeButton("editReplicationButton");
    nextStep->addWidget(m_editButton);
    m_createVmButton = makeButton("createVmButton");
    nextStep->addWidget(m_createVmButton);
    layout->addLayout(nextStep);
}

void ReviewWindow::connectPicker() {
    connect(m_reviewer, &cmk::VersionReviewer::progress, m_status, &QLabel::setText);
    connect(m_reviewer, &cmk::VersionReviewer::finished, this, &ReviewWindow::onReviewFinished);
    connect(m_openButton, &QPushButton::clicked, this, [this] { openVersion(m_idEdit->text()); });
    connect(m_idEdit, &QLineEdit::returnPressed, this, [this] { openVersion(m_idEdit->text()); });
    connect(m_idEdit, &QLineEdit::textChanged, this, &ReviewWindow::updateButtons);
    connect(m_reviewButton, &QPushButton::clicked, this, [this] {
        const QString id = m_versionCombo->currentData().toString();
        if (!id.isEmpty()) {
            m_idEdit->setText(id);
            openVersion(id);
        }
    });
    connect(m_subscriptionCombo, &QComboBox::currentIndexChanged, this, &ReviewWindow::onSubscriptionChanged);
    connect(m_galleryCombo, &QComboBox::currentIndexChanged, this, &ReviewWindow::onGalleryChanged);
    connect(m_imageCombo, &QComboBox::currentIndexChanged, this, &ReviewWindow::onImageChanged);
    connect(m_versionCombo, &QComboBox::currentIndexChanged, this, &ReviewWindow::updateButtons);
}

void ReviewWindow::connectActions() {
    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(reportText()); });
    connect(m_createVmButton, &QPushButton::clicked, this, [this] {
        if (m_hasReview && m_client)
            openCreateVmWizard(this, m_client, review().versionId);
    });
    connect(m_editButton, &QPushButton::clicked, this, &ReviewWindow::editReplication);
    const auto saveWith = [this](const QString &filter, const QString &suffix,
                                 bool (ReviewWindow::*save)(const QString &, QString *) const) {
        const QString path =
            QFileDialog::getSaveFileName(this, windowTitle(), suggestedFileName(suffix), filter);
        if (path.isEmpty())
            return;
        QString why;
        if (!(this->*save)(path, &why))
            QMessageBox::warning(this, windowTitle(), tr("Could not save %1: %2").arg(path, why));
    };
    connect(m_saveJsonButton, &QPushButton::clicked, this,
            [=] { saveWith(tr("JSON (*.json)"), QStringLiteral(".json"), &ReviewWindow::saveJson); });
    connect(m_saveHtmlButton, &QPushButton::clicked, this,
            [=] { saveWith(tr("HTML (*.html)"), QStringLiteral(".html"), &ReviewWindow::saveHtml); });
    connect(m_savePdfButton, &QPushButton::clicked, this,
            [=] { saveWith(tr("PDF (*.pdf)"), QStringLiteral(".pdf"), &ReviewWindow::savePdf); });
}

void ReviewWindow::editReplication() {
    if (!m_hasReview || !m_client)
        return;
    CreateWizardOptions options;
    options.replicationPollIntervalMs = m_replicationPollIntervalMs;
    options.today = [today = m_today] { return today; };
    // The same update draft as `cmkwizard edit` writes.
    auto *wizard = openImageVersionUpdateWizard(this, m_client, cmk::updateDraftFor(review()), options);
    connect(wizard, &CreateImageVersionWizard::imageVersionCreated, this,
            [this](const QString &id) { openVersion(id); });
}

ReviewWindow::~ReviewWindow() {
    // The listings are children: they stop their requests as they go.
    disconnect(m_reviewer, nullptr, this, nullptr);
}

void ReviewWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (m_hasReview)
            showReview();
    }
    QWidget::changeEvent(event);
}

void ReviewWindow::retranslateUi() {
    setWindowTitle(tr("Review an image version"));
    m_tabs->setTabText(0, tr("O&ne version"));
    m_tabs->setTabText(1, tr("&Fleet"));
    m_browseLabel->setText(tr("Browse:"));
    m_subscriptionCombo->setPlaceholderText(tr("Subscription"));
    m_galleryCombo->setPlaceholderText(tr("Gallery"));
    m_imageCombo->setPlaceholderText(tr("Image definition"));
    m_versionCombo->setPlaceholderText(tr("Version"));
    m_reviewButton->setText(tr("&Review"));
    m_idLabel->setText(tr("Or resource &ID:"));
    m_idEdit->setPlaceholderText(
        tr("/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/galleries/…/images/…/versions/…"));
    m_openButton->setText(tr("&Open"));
    m_matrixLabel->setText(tr("Target regions × disks"));
    m_findingsLabel->setText(tr("Findings"));
    m_keyHealthLabel->setText(tr("Key health of the disk encryption sets"));
    m_copyButton->setText(tr("Cop&y as text"));
    m_saveJsonButton->setText(tr("Save &JSON…"));
    m_saveHtmlButton->setText(tr("Save &HTML…"));
    m_savePdfButton->setText(tr("Save &PDF…"));
    m_exportButton->setText(ReviewExportDialog::tr("E&xport"));
    // The same button as on the image wizard's result page, with its translation.
    m_createVmButton->setText(
        QCoreApplication::translate("cmkui::SubmitPage", "Create &VM from this version"));
    m_editButton->setText(tr("&Edit replication…"));
    m_editButton->setToolTip(
        tr("Add or remove target regions, change replica counts, storage, disk encryption "
           "sets, end of life or tags of this image version."));
}

void ReviewWindow::updateButtons() {
    m_reviewButton->setEnabled(!m_versionCombo->currentData().toString().isEmpty() &&
                               !m_reviewer->isRunning());
    m_openButton->setEnabled(!m_idEdit->text().trimmed().isEmpty() && !m_reviewer->isRunning());
    for (QWidget *w : std::initializer_list<QWidget *>{m_copyButton, m_saveJsonButton, m_saveHtmlButton,
                                                       m_savePdfButton, m_exportButton})
        w->setEnabled(m_hasReview);
    // A VM starts from a replica: only once the version is read and is replicated somewhere.
    const auto replicated = [](const cmk::ReviewRegion &region) {
        return !region.hasReplicationStatus ||
               region.replicationState.compare(QLatin1String("Completed"), Qt::CaseInsensitive) == 0;
    };
    m_editButton->setEnabled(m_hasReview && m_client && !review().version.id.isEmpty());
    m_createVmButton->setEnabled(m_hasReview && m_client &&
                                 std::any_of(review().regions.cbegin(), review().regions.cend(), replicated));
}

void ReviewWindow::openVersion(const QString &versionId) {
    const QString id = versionId.trimmed();
    if (m_idEdit->text().trimmed() != id)
        m_idEdit->setText(id);
    clearReview();
    const QString problem = cmk::VersionReviewer::versionIdProblem(id);
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    m_reviewer->start(id, m_today);
    updateButtons();
}

void ReviewWindow::clearReview() {
    m_hasReview = false;
    m_summary->clear();
    m_matrix->clear();
    m_matrix->setRowCount(0);
    m_matrix->setColumnCount(0);
    m_findings->clear();
    m_keyHealth->clear();
    updateButtons();
}

void ReviewWindow::onReviewFinished() {
    if (m_reviewer->error().isError()) {
        if (m_reviewer->error().kind != cmk::ArmError::Kind::Aborted)
            m_status->setText(
                tr("The image version could not be read: %1").arg(m_reviewer->error().toDisplayString()));
        m_hasReview = false;
        updateButtons();
        Q_EMIT reviewFinished();
        return;
    }
    m_hasReview = true;
    showReview();
    showKeyHealth();
    updateButtons();
    Q_EMIT reviewFinished();
}

void ReviewWindow::showReview() {
    const cmk::VersionReview &r = review();
    const int errors = r.count(cmk::ReviewFinding::Severity::Error);
    const int warnings = r.count(cmk::ReviewFinding::Severity::Warning);
    m_status->setText(
        r.findings.isEmpty()
            ? tr("Reviewed: no findings. Every disk in every region is consistently encrypted.")
            //: %1 is "N problems", %2 is "N warnings"
            : tr("Reviewed: %1, %2.")
                  .arg(tr("%n problem(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings)));

    const cmk::GalleryImageVersion &v = r.version;
    QString summary = QStringLiteral("<b>%1</b><br><small>%2</small><br>")
                          .arg(tr("Image version %1 of %2 in gallery %3")
                                   .arg(r.versionName, r.imageDefinitionName, r.galleryName)
                                   .toHtmlEscaped(),
                               r.versionId.toHtmlEscaped());
    QStringList facts;
    facts << tr("Location: %1").arg(cmk::RegionNames::displayName(v.location));
    facts << tr("Replication: %1")
                 .arg(v.aggregatedReplicationState.isEmpty()
                          ? tr("unknown")
                          : cmk::ServiceTerms::state(v.aggregatedReplicationState));
    const QDate endOfLife = QDate::fromString(v.endOfLifeDate.left(10), Qt::ISODate);
    facts << tr("End of life: %1")
                 .arg(v.endOfLifeDate.isEmpty() ? tr("none")
                      : endOfLife.isValid()     ? cmk::ServiceTerms::date(endOfLife)
                                                : v.endOfLifeDate);
    facts << tr("Excluded from latest: %1").arg(v.excludeFromLatest.value_or(false) ? tr("yes") : tr("no"));
    summary += facts.join(QStringLiteral(" · ")).toHtmlEscaped();
    for (const cmk::ReviewedSource &source : r.sources) {
        const QString kind = source.lun >= 0 ? tr("Data-disk snapshot (LUN %1)").arg(source.lun)
                                             : cmk::ReviewAnalysis::sourceKindLabel(r.sourceKind);
        QString line = tr("Source: %1 %2").arg(kind, source.id);
        if (source.checked && source.error.isEmpty() && !source.exists)
            line += QStringLiteral(" — ") + tr("no longer exists");
        summary += QStringLiteral("<br>") + line.toHtmlEscaped();
    }
    m_summary->setHtml(summary);

    // The matrix: one row per region, fixed columns, then one per disk.
    const QStringList fixed = {tr("Region"), tr("Replicas"), tr("Storage"), tr("Replication")};
    QStringList headers = fixed;
    headers << cmk::ReviewAnalysis::diskLabel(-1);
    for (int lun : r.dataDiskLuns)
        headers << cmk::ReviewAnalysis::diskLabel(lun);
    m_matrix->clear();
    m_matrix->setColumnCount(int(headers.size()));
    m_matrix->setHorizontalHeaderLabels(headers);
    m_matrix->setRowCount(int(r.regions.size()));
    const auto severityAt = [&r](const QString &region, int lun, const QString &desId) {
        int worst = -1;
        for (const cmk::ReviewFinding &f : r.findings) {
            if (f.severity == cmk::ReviewFinding::Severity::Info || !cmk::sameRegion(f.region, region))
                continue;
            const bool aboutDisk = f.lun == lun || (f.lun == -2 && f.desId.isEmpty()) ||
                                   (!f.desId.isEmpty() && f.desId.compare(desId, Qt::CaseInsensitive) == 0);
            if (aboutDisk)
                worst = std::max(worst, int(f.severity));
        }
        return worst;
    };
    for (int row = 0; row < r.regions.size(); ++row) {
        const cmk::ReviewRegion &region = r.regions.at(row);
        const QStringList cells = {cmk::RegionNames::displayName(region.name),
                                   QString::number(region.replicaCount),
                                   cmk::ServiceTerms::storageType(region.storageAccountType),
                                   cmk::ReviewReport::replicationText(region, QStringLiteral("\n"))};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            if (col == 0)
                item->setToolTip(region.name);
            if (col == 3 &&
                region.replicationState.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0)
                item->setBackground(QColor(0xf8, 0xd7, 0xda));
            m_matrix->setItem(row, col, item);
        }
        for (int d = 0; d < region.disks.size(); ++d) {
            const cmk::ReviewDisk &disk = region.disks.at(d);
            QString text = cmk::ReviewReport::cellText(r, disk.desId);
            if (const QString confidential = cmk::ReviewReport::confidentialText(r, region);
                disk.lun < 0 && !confidential.isEmpty())
                text += QStringLiteral(" — ") + confidential;
            text.replace(QStringLiteral(" — "), QStringLiteral("\n"));
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(disk.desId.isEmpty() ? text : disk.desId);
            const int severity = severityAt(region.name, disk.lun, disk.desId);
            if (severity == int(cmk::ReviewFinding::Severity::Error))
                item->setBackground(QColor(0xf8, 0xd7, 0xda));
            else if (severity == int(cmk::ReviewFinding::Severity::Warning))
                item->setBackground(QColor(0xff, 0xf3, 0xcd));
            m_matrix->setItem(row, int(fixed.size()) + d, item);
        }
    }
    m_matrix->resizeColumnsToContents();
    // Long key URLs and service messages wrap instead of pushing the disk columns out of sight.
    for (int col = 0; col < m_matrix->columnCount(); ++col)
        m_matrix->setColumnWidth(col, std::min(m_matrix->columnWidth(col), 260));
    m_matrix->resizeRowsToContents();

    m_findings->clear();
    if (r.findings.isEmpty()) {
        auto *item =
            new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton),
                                tr("No findings: every disk in every region is consistently encrypted."));
        m_findings->addItem(item);
    }
    for (const cmk::ReviewFinding &f : r.findings) {
        const QStyle::StandardPixmap icon =
            f.severity == cmk::ReviewFinding::Severity::Error     ? QStyle::SP_MessageBoxCritical
            : f.severity == cmk::ReviewFinding::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                                  : QStyle::SP_MessageBoxInformation;
        auto *item = new QListWidgetItem(style()->standardIcon(icon), f.message);
        item->setData(Qt::UserRole, f.code);
        item->setData(Qt::UserRole + 1, cmk::ReviewAnalysis::severityKey(f.severity));
        item->setToolTip(cmk::ReviewAnalysis::severityLabel(f.severity));
        m_findings->addItem(item);
    }
}

void ReviewWindow::showKeyHealth() {
    m_keyHealth->clear();
    for (const cmk::DesHealth &health : review().keyHealth) {
        const QString status = cmk::statusName(health.status);
        //: %1 a disk encryption set, %2 the status of its key (OK, warning, error, cannot verify)
        const QString text = tr("%1: %2").arg(health.name, cmk::translatedStatus(health.status));
        auto *item = new QListWidgetItem(DesHealthView::icon(status), text);
        item->setData(Qt::UserRole, health.id);
        item->setData(Qt::UserRole + 1, status);
        item->setToolTip(DesHealthView::tooltip(health));
        m_keyHealth->addItem(item);
        for (const cmk::DesFinding &finding : health.findings) {
            auto *line = new QListWidgetItem(QStringLiteral("    ") + finding.line());
            line->setData(Qt::UserRole, finding.code);
            line->setData(Qt::UserRole + 1, cmk::severityName(finding.severity));
            if (!finding.azureCli.isEmpty())
                line->setToolTip(DesHealthView::tr("Fix:") + QLatin1Char(' ') + finding.azureCli);
            m_keyHealth->addItem(line);
        }
    }
    if (m_keyHealth->count() == 0)
        m_keyHealth->addItem(tr("No disk encryption set: nothing to check."));
}

QString ReviewWindow::reportText() const {
    return m_hasReview ? cmk::ReviewReport::text(review()) : QString();
}

bool ReviewWindow::saveJson(const QString &path, QString *error) const {
    return saveReportFile(QByteArray::fromStdString(cmk::ReviewReport::json(review()).dump(2)) + '\n', path,
                          error);
}

bool ReviewWindow::saveHtml(const QString &path, QString *error) const {
    return saveReviewHtml(review(), path, error);
}

QString ReviewWindow::suggestedFileName(const QString &suffix) const {
    return exportFileName(QStringLiteral("review"), review().imageDefinitionName, review().versionName,
                          suffix);
}

bool ReviewWindow::savePdf(const QString &path, QString *error) const {
    return saveReviewPdf(review(), path, error);
}

// ---- browsing
// ----------------------------------------------------------------------------------------------

cmk::ResourceInventory ReviewWindow::inventory() const {
    return cmk::ResourceInventory(m_client);
}

template <typename T>
void ReviewWindow::fillCombo(QComboBox *combo, const QString &which, cmk::ResourceListing<T> *listing,
                             const std::function<ComboItem(const T &)> &item) {
    fillCombo(combo, which, listing, [listing, item] {
        QList<ComboItem> items;
        for (const T &resource : listing->takeItems())
            items << item(resource);
        return items;
    });
}

void ReviewWindow::fillCombo(QComboBox *combo, const QString &which, cmk::ResourceListingBase *listing,
                             const std::function<QList<ComboItem>()> &takeItems) {
    if (QPointer<cmk::ResourceListingBase> old = m_listings.take(combo)) {
        disconnect(old, nullptr, this, nullptr);
        old->abort();
        old->deleteLater();
    }
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->setCurrentIndex(-1);
    if (listing && !m_client) {
        delete listing; // nothing to ask with
        listing = nullptr;
    }
    if (!listing)
        return;
    listing->setParent(this);
    m_listings.insert(combo, listing);
    connect(listing, &cmk::ResourceListingBase::itemsReady, this, [combo, takeItems] {
        const QSignalBlocker block(combo);
        for (const auto &[label, data] : takeItems()) {
            if (!data.isEmpty())
                combo->addItem(label, data);
        }
        combo->setCurrentIndex(-1);
    });
    connect(listing, &cmk::ResourceListingBase::finished, this, [this, listing, which, combo] {
        listing->deleteLater();
        if (listing->error().isError() && listing->error().kind != cmk::ArmError::Kind::Aborted)
            m_status->setText(tr("The list could not be read: %1").arg(listing->error().toDisplayString()));
        else if (combo->count() == 1)
            combo->setCurrentIndex(0); // one choice: take it
        Q_EMIT listLoaded(which);
    });
}

void ReviewWindow::refreshSubscriptions() {
    fillCombo<cmk::Subscription>(m_subscriptionCombo, QStringLiteral("subscriptions"),
                                 inventory().subscriptions(), [](const cmk::Subscription &subscription) {
                                     const ResourceListModel::Row row =
                                         ResourceListModel::subscriptionRow(subscription);
                                     return qMakePair(row.display, row.name);
                                 });
    onSubscriptionChanged();
}

void ReviewWindow::onSubscriptionChanged() {
    const QString subscription = m_subscriptionCombo->currentData().toString();
    fillCombo<cmk::Gallery>(m_galleryCombo, QStringLiteral("galleries"),
                            subscription.isEmpty() ? nullptr : inventory().galleries(subscription),
                            [](const cmk::Gallery &gallery) {
                                const QString group = cmk::ResourceId::parse(gallery.id).resourceGroup;
                                return qMakePair(QStringLiteral("%1 (%2)").arg(gallery.name, group),
                                                 gallery.id);
                            });
    onGalleryChanged();
}

void ReviewWindow::onGalleryChanged() {
    const cmk::ResourceId gallery = cmk::ResourceId::parse(m_galleryCombo->currentData().toString());
    fillCombo<cmk::GalleryImage>(
        m_imageCombo, QStringLiteral("images"),
        gallery.valid
            ? inventory().imageDefinitions(gallery.subscriptionId, gallery.resourceGroup, gallery.name())
            : nullptr,
        [](const cmk::GalleryImage &image) { return qMakePair(image.name, image.id); });
    onImageChanged();
}

void ReviewWindow::onImageChanged() {
    const cmk::ResourceId image = cmk::ResourceId::parse(m_imageCombo->currentData().toString());
    fillCombo<cmk::GalleryImageVersion>(
        m_versionCombo, QStringLiteral("versions"),
        image.valid && image.names.size() == 2
            ? inventory().imageVersions(image.subscriptionId, image.resourceGroup, image.names.at(0),
                                        image.names.at(1))
            : nullptr,
        [](const cmk::GalleryImageVersion &version) {
            const QString label =
                version.provisioningState.isEmpty()
                    ? version.name
                    : QStringLiteral("%1 (%2)").arg(version.name,
                                                    cmk::ServiceTerms::state(version.provisioningState));
            return qMakePair(label, version.id);
        });
    updateButtons();
}

QSize reviewWindowSize(const QSize &available) {
    const QSize wanted(1200, 800);
    return available.isEmpty() ? wanted : wanted.boundedTo(available);
}

QWidget *openReviewWindow(cmk::ArmClient *client, QWidget *parent, const QString &versionId) {
    QWidget *window = createReviewWindow(client, parent, versionId);
    window->setAttribute(Qt::WA_DeleteOnClose);
    const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen();
    window->resize(reviewWindowSize(screen ? screen->availableGeometry().size() : QSize()));
    window->show();
    return window;
}

QWidget *createReviewWindow(cmk::ArmClient *client, QWidget *parent, const QString &versionId) {
    auto *window = new ReviewWindow(client, parent);
    window->setWindowFlag(Qt::Window, true);
    window->refreshSubscriptions();
    if (!versionId.isEmpty())
        window->openVersion(versionId);
    return window;
}

} // namespace cmkui
