// The review window's Fleet tab (issue 18) against an in-process armsandbox with a generated fleet
// (--generate-fleet, docs/sandbox.md): rows appear while the scan runs, the filters and the sort work on what
// the user sees, the 403 subscription is shown as not reviewed with its reason, Cancel keeps the rows found,
// a row opens the single-version review of its version, the exports hold what the table holds, and in French
// no raw service value is shown.

#include "appcontext.h"
#include "audit/fleetaudit.h"
#include "common/usertext.h"
#include "review/fleet/fleetauditfilterproxy.h"
#include "review/fleet/fleetaudittablemodel.h"
#include "review/fleet/fleettab.h"
#include "review/reviewwindow.h"
#include "support/fleet.h"
#include "support/prereqfixture.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <memory>

using cmkui::FleetAuditTableModel;
using cmkui::FleetTab;

namespace {

// SUBS:GALLERIES:IMAGES:VERSIONS: 160 versions in the three readable subscriptions, the fourth answers 403.
constexpr int Subs = 4, Galleries = 2, Images = 2, Versions = 10;

/// Every cell of `column` the table shows, top to bottom.
QStringList columnTexts(const QTableView *table, int column) {
    QStringList texts;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        texts << table->model()->index(row, column).data().toString();
    return texts;
}

} // namespace

class TestFleetGui : public QObject {
    Q_OBJECT

private:
    /// A fresh sandbox with the fleet (each request waits `latencyMs`), a review window on its Fleet tab with
    /// the fleet's subscriptions checked and the others not.
    bool open(int latencyMs = 0) {
        armsandbox::SandboxOptions options;
        options.generateFleet =
            QStringLiteral("%1:%2:%3:%4").arg(Subs).arg(Galleries).arg(Images).arg(Versions);
        options.latencyMs = latencyMs;
        if (!m_server.start(options))
            return false;
        m_window = std::make_unique<cmkui::ReviewWindow>(m_server.client());
        m_window->resize(1200, 800);
        m_tab = m_window->fleetTab();
        m_tab->setToday(QDate(2026, 12, 5));
        QSignalSpy loaded(m_tab, &FleetTab::scopeLoaded);
        m_window->show();
        m_window->tabs()->setCurrentWidget(m_tab);
        if (!loaded.wait(15000))
            return false;
        auto *list = m_tab->findChild<QListWidget *>(QStringLiteral("fleetSubscriptionList"));
        QStringList fleet;
        for (int s = 0; s < Subs; ++s)
            fleet << fleettest::fleetSubscription(s);
        int checked = 0;
        for (int i = 0; i < list->count(); ++i) {
            const bool inFleet = fleet.contains(list->item(i)->data(Qt::UserRole).toString());
            list->item(i)->setCheckState(inFleet ? Qt::Checked : Qt::Unchecked);
            checked += inFleet;
        }
        return checked == Subs;
    }
    template <typename T> T *child(const char *name) const {
        return m_tab->findChild<T *>(QString::fromLatin1(name));
    }
    bool scan() {
        QSignalSpy finished(m_tab, &FleetTab::scanFinished);
        QTest::mouseClick(child<QPushButton>("fleetStartButton"), Qt::LeftButton);
        return finished.wait(60000);
    }
    QTableView *table() const { return child<QTableView>("fleetTable"); }
    /// Picks the entry of filter `combo` whose key is `key`.
    bool filterBy(const char *combo, const QString &key) {
        auto *box = child<QComboBox>(combo);
        const int index = box->findData(key);
        box->setCurrentIndex(index);
        return index > 0;
    }

    prereqtest::PrereqServer m_server;
    std::unique_ptr<cmkui::ReviewWindow> m_window;
    FleetTab *m_tab = nullptr;

private Q_SLOTS:
    void initTestCase() {
        cmkapp::installTranslations(QStringLiteral("en")); // the English plural forms ("120 versions")
    }
    void cleanup() {
        m_window.reset();
        m_server.stop();
    }

    // Rows are appended while the audit still runs (Cancel enabled), and end with one row per finding plus
    // one per version without any; the progress says how many.
    void rowsAppearWhileTheScanRuns() {
        QVERIFY(open());
        bool runningAtFirstRows = false;
        int insertions = 0;
        connect(m_tab->model(), &QAbstractItemModel::rowsInserted, this, [&] {
            if (insertions++ == 0)
                runningAtFirstRows = m_tab->audit()->isRunning() &&
                                     child<QPushButton>("fleetCancelButton")->isEnabled() &&
                                     !child<QPushButton>("fleetStartButton")->isEnabled();
        });
        QVERIFY(scan());
        QVERIFY(insertions > 0);
        QVERIFY(runningAtFirstRows);
        const cmk::FleetAuditResult &result = m_tab->audit()->result();
        int expectedRows = 0;
        for (const cmk::AuditedVersion &v : result.versions)
            expectedRows += qMax(1, int(v.review.findings.size()));
        QCOMPARE(int(result.versions.size()), (Subs - 1) * Galleries * Images * Versions);
        QCOMPARE(table()->model()->rowCount(), expectedRows);
        const QString progress = child<QLabel>("fleetProgressLabel")->text();
        QVERIFY2(progress.contains(QStringLiteral("Subscriptions %1 of %1").arg(Subs)) &&
                     progress.contains(QLatin1String("120 versions")),
                 qPrintable(progress));
        QCOMPARE(child<QProgressBar>("fleetProgress")->value(),
                 child<QProgressBar>("fleetProgress")->maximum());
        QVERIFY(child<QToolButton>("fleetExportButton")->isEnabled());
    }

    // The 403 subscription is listed as not reviewed, with the service's reason; the others are reviewed.
    void forbiddenSubscriptionIsShownNotReviewed() {
        QVERIFY(open());
        QVERIFY(scan());
        auto *notReviewed = child<QListWidget>("fleetNotReviewed");
        QVERIFY(notReviewed->isVisible());
        QCOMPARE(notReviewed->count(), 1);
        const QString text = notReviewed->item(0)->text();
        QVERIFY2(text.contains(fleettest::fleetSubscription(Subs - 1)) &&
                     text.contains(QLatin1String("AuthorizationFailed")),
                 qPrintable(text));
    }

    // Filter by code: only that code; by severity and text together; sorting by severity puts errors first.
    void filtersAndSortWorkOnTheTable() {
        QVERIFY(open());
        QVERIFY(scan());
        QVERIFY(filterBy("fleetCodeFilter", QStringLiteral("KEY_DISABLED")));
        const QStringList codes = columnTexts(table(), FleetAuditTableModel::Code);
        QVERIFY(!codes.isEmpty());
        QCOMPARE(codes.count(QStringLiteral("KEY_DISABLED")), codes.size());
        QVERIFY(filterBy("fleetCodeFilter", QString()) == false); // back to "All codes"
        QVERIFY(filterBy("fleetRegionFilter", QStringLiteral("northeurope")));
        QVERIFY(!columnTexts(table(), FleetAuditTableModel::Region).isEmpty());
        for (const QString &region : columnTexts(table(), FleetAuditTableModel::Region))
            QVERIFY2(region.contains(QLatin1String("North Europe")), qPrintable(region));
        child<QComboBox>("fleetRegionFilter")->setCurrentIndex(0);
        const int all = table()->model()->rowCount();
        child<QLineEdit>("fleetFilterText")->setText(QStringLiteral("replicationFailed"));
        QVERIFY(table()->model()->rowCount() > 0 && table()->model()->rowCount() < all);
        child<QLineEdit>("fleetFilterText")->clear();
        QCOMPARE(table()->model()->rowCount(), all);

        // A click on the severity header sorts by rank: errors, then warnings, then versions without finding.
        QHeaderView *header = table()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(0) + 5, header->height() / 2));
        if (header->sortIndicatorOrder() != Qt::DescendingOrder)
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                              QPoint(header->sectionViewportPosition(0) + 5, header->height() / 2));
        QCOMPARE(header->sortIndicatorSection(), 0);
        const QStringList severities = columnTexts(table(), FleetAuditTableModel::Severity);
        QCOMPARE(severities.first(), cmk::ReviewAnalysis::severityLabel(cmk::ReviewFinding::Severity::Error));
        QCOMPARE(severities.last(), FleetAuditTableModel::tr("None"));
        const int lastError = int(
            severities.lastIndexOf(cmk::ReviewAnalysis::severityLabel(cmk::ReviewFinding::Severity::Error)));
        const int firstWarning = int(
            severities.indexOf(cmk::ReviewAnalysis::severityLabel(cmk::ReviewFinding::Severity::Warning)));
        QVERIFY(firstWarning > lastError);
        QVERIFY(filterBy("fleetSeverityFilter", QStringLiteral("warning")));
        for (const QString &severity : columnTexts(table(), FleetAuditTableModel::Severity))
            QCOMPARE(severity, cmk::ReviewAnalysis::severityLabel(cmk::ReviewFinding::Severity::Warning));
    }

    // Cancel while the versions are read: the rows of what was found stay, the label says it was cancelled.
    void cancelKeepsTheRowsFound() {
        QVERIFY(open(20));
        m_tab->audit()->setMaxConcurrentRequests(2);
        m_tab->audit()->setSource(cmk::AuditSource::ResourceManager); // version lists arrive one by one
        bool cancelled = false;
        connect(m_tab->audit(), &cmk::FleetAudit::progress, this, [&](int, int, int versions) {
            if (versions > 0 && !cancelled) {
                cancelled = true;
                QMetaObject::invokeMethod(child<QPushButton>("fleetCancelButton"), "click",
                                          Qt::QueuedConnection);
            }
        });
        QVERIFY(scan());
        QVERIFY(cancelled);
        const cmk::FleetAuditResult &result = m_tab->audit()->result();
        QVERIFY(result.cancelled);
        QVERIFY(!result.versions.empty());
        QVERIFY(int(result.versions.size()) < (Subs - 1) * Galleries * Images * Versions);
        QVERIFY(table()->model()->rowCount() >= int(result.versions.size()));
        QVERIFY(child<QLabel>("fleetProgressLabel")->text().contains(QLatin1String("Cancelled")));
        QVERIFY(child<QPushButton>("fleetStartButton")->isEnabled());
        QVERIFY(!child<QPushButton>("fleetCancelButton")->isEnabled());
    }

    // Double-click on a row: the single-version review window of that version.
    void doubleClickOpensTheReview() {
        QVERIFY(open());
        QVERIFY(scan());
        QVERIFY(filterBy("fleetCodeFilter", QStringLiteral("endOfLifePassed")));
        const QModelIndex index = table()->model()->index(0, FleetAuditTableModel::Version);
        const QString versionId = index.data(FleetAuditTableModel::VersionIdRole).toString();
        QVERIFY(versionId.contains(QLatin1String("/versions/")));
        QSignalSpy opened(m_tab, &FleetTab::reviewWindowOpened);
        const QRect cell = table()->visualRect(index);
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(opened.count(), 1);
        auto *review = qobject_cast<cmkui::ReviewWindow *>(opened.first().first().value<QWidget *>());
        QVERIFY(review);
        QSignalSpy reviewed(review, &cmkui::ReviewWindow::reviewFinished);
        QVERIFY(review->hasReview() || reviewed.wait(15000));
        QCOMPARE(review->review().versionId.toLower(), versionId.toLower());
        bool endOfLife = false;
        for (const cmk::ReviewFinding &f : review->review().findings)
            endOfLife = endOfLife || f.code == QLatin1String("endOfLifePassed");
        QVERIFY(endOfLife);
        review->close();
    }

    // CSV: one line per finding row of the table; JSON: schema cmkwizard.audit, one entry per version.
    void exportsMatchTheTable() {
        QVERIFY(open());
        QVERIFY(scan());
        QSet<QString> tableFindings, tableVersions;
        const QAbstractItemModel *model = m_tab->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString id =
                model->index(row, 0).data(FleetAuditTableModel::VersionIdRole).toString().toLower();
            tableVersions.insert(id);
            const QString code = model->index(row, FleetAuditTableModel::Code).data().toString();
            if (!code.isEmpty())
                tableFindings.insert(id + QLatin1Char(' ') + code);
        }
        QTemporaryDir dir;
        QString why;
        QVERIFY(
            m_tab->suggestedFileName(FleetTab::ExportFormat::Csv).startsWith(QLatin1String("fleet-audit-")));
        const QString csvPath = dir.filePath(m_tab->suggestedFileName(FleetTab::ExportFormat::Csv));
        QVERIFY2(m_tab->exportTo(FleetTab::ExportFormat::Csv, csvPath, &why), qPrintable(why));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QStringList lines =
            QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QVERIFY(lines.takeFirst().startsWith(QLatin1String("subscriptionId,")));
        QSet<QString> csvFindings;
        for (const QString &line : std::as_const(lines)) {
            const QStringList fields = line.split(QLatin1Char(','));
            csvFindings.insert(fields.value(5).toLower() + QLatin1Char(' ') + fields.value(8));
        }
        QCOMPARE(lines.size(), m_tab->model()->findingCount());
        QCOMPARE(csvFindings, tableFindings);

        const QString jsonPath = dir.filePath(QStringLiteral("fleet.json"));
        QVERIFY2(m_tab->exportTo(FleetTab::ExportFormat::Json, jsonPath, &why), qPrintable(why));
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(doc.value(QLatin1String("schema")).toString(), QStringLiteral("cmkwizard.audit"));
        QSet<QString> jsonVersions;
        for (const QJsonValue &v : doc.value(QLatin1String("versions")).toArray())
            jsonVersions.insert(v.toObject().value(QLatin1String("id")).toString().toLower());
        QCOMPARE(jsonVersions, tableVersions);
        const QString pdf = dir.filePath(QStringLiteral("fleet.pdf"));
        QVERIFY2(m_tab->exportTo(FleetTab::ExportFormat::Pdf, pdf, &why), qPrintable(why));
        QVERIFY(QFileInfo(pdf).size() > 2000);
    }

    // In French, the table shows translated words only: no raw state, region or encryption type.
    void frenchTableHasNoRawServiceValue() {
        cmkapp::installTranslations(QStringLiteral("fr"));
        QVERIFY(open());
        QVERIFY(scan());
        const QStringList raw = {QStringLiteral("Succeeded"),
                                 QStringLiteral("Failed"),
                                 QStringLiteral("westeurope"),
                                 QStringLiteral("West Europe"),
                                 QStringLiteral("North Europe"),
                                 QStringLiteral("EncryptionAtRestWithCustomerKey"),
                                 QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys"),
                                 QStringLiteral("ConfidentialVmEncryptedWithCustomerKey")};
        const QAbstractItemModel *model = table()->model();
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                const QString text = model->index(row, column).data().toString();
                for (const QString &value : raw) // as a word: the code replicationFailed is a stable key
                    QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(value))),
                             qPrintable(text));
            }
        }
        QVERIFY(columnTexts(table(), FleetAuditTableModel::Region)
                    .join(QLatin1Char(' '))
                    .contains(QLatin1String("Europe Ouest")));
        QCOMPARE(m_window->tabs()->tabText(1).remove(QLatin1Char('&')), QStringLiteral("Parc"));
        QVERIFY(!child<QLabel>("fleetProgressLabel")->text().contains(QLatin1String("Subscriptions")));
        cmkapp::installTranslations(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestFleetGui)
#include "tst_fleet_gui.moc"
