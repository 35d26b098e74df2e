// Updating an existing image version from the review window (issue 17, part 1, GUI), offscreen against a
// real in-process armsandbox over HTTP: "Edit replication…" opens the image-version wizard in update mode on
// the demo's version 1.1.0 (customer-managed keys in West Europe and France Central); Basics is read-only;
// adding East US 2 with its disk encryption set for every disk shows the region in Review + update's diff,
// "Update" sends the PATCH, its operation and the replication complete, and the version the sandbox then
// returns holds the region and its encryption. Removing the home region blocks Next with the reason next to
// the regions; removing a replicated region blocks Next until its replicas may be deleted (the checkbox that
// sets safetyProfile.allowDeletionOfReplicatedLocations).

#include "imagewizard/submitpage.h"
#include "review/reviewwindow.h"
#include "support/sandboxhttp.h"
#include "support/wizardharness.h"

#include <QCheckBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextBrowser>

using namespace wizardtest;

namespace {

QString versionId() {
    return demodata::imageVersionId(QStringLiteral("1.1.0"));
}

/// Whether the summary's text shows `cells` as one row of a grid (each cell a line of its own).
bool hasRow(const QString &summary, const QStringList &cells) {
    QStringList lines = summary.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.trimmed();
    for (int i = 0; i + cells.size() <= lines.size(); ++i) {
        if (lines.mid(i, cells.size()) == cells)
            return true;
    }
    return false;
}

} // namespace

class TestUpdateGui : public QObject {
    Q_OBJECT

private:
    armsandbox::Sandbox m_sandbox;
    std::unique_ptr<cmk::ArmClient> m_client;
    QJsonObject m_original; // version 1.1.0 as the fixture has it
    std::unique_ptr<cmkui::ReviewWindow> m_window;
    cmkui::CreateImageVersionWizard *m_wizard = nullptr;

    template <typename T> T *w(const QString &name) { return find<T>(m_wizard, name); }

    /// The review window on 1.1.0, then "Edit replication…": the update wizard it opens.
    bool openUpdateWizard() {
        m_window = std::make_unique<cmkui::ReviewWindow>(m_client.get());
        m_window->setReplicationPollIntervalMs(20);
        m_window->show();
        QSignalSpy finished(m_window.get(), &cmkui::ReviewWindow::reviewFinished);
        m_window->openVersion(versionId());
        if (!finished.wait(10000) || !m_window->hasReview())
            return false;
        QPushButton *edit = m_window->editReplicationButton();
        if (!QTest::qWaitFor([edit] { return edit->isEnabled(); }, 5000))
            return false;
        if (edit->text() != QStringLiteral("&Edit replication…")) {
            qWarning("edit button says %s", qPrintable(edit->text()));
            return false;
        }
        edit->click();
        m_wizard = m_window->findChild<cmkui::CreateImageVersionWizard *>(
            QStringLiteral("updateImageVersionWizard"));
        return m_wizard && m_wizard->isVisible() && m_wizard->isUpdate();
    }

    /// From Basics (read-only) to Replication.
    bool toReplication() {
        return openUpdateWizard() && next(m_wizard) && m_wizard->currentId() == cmkui::ReplicationPageId;
    }

    /// Selects the row of `region` in the target regions and presses Remove region.
    bool removeRegion(const QString &region) {
        auto *table = w<QTableWidget>(QStringLiteral("targetRegionsTable"));
        for (int row = 0; table && row < table->rowCount(); ++row) {
            if (table->item(row, 0)->data(Qt::UserRole).toString() == region) {
                table->setCurrentCell(row, 0);
                auto *remove = w<QPushButton>(QStringLiteral("removeRegionButton"));
                if (!remove->isEnabled())
                    return false;
                remove->click();
                return m_wizard->draftModel()->draft().regionIndex(region) < 0;
            }
        }
        return false;
    }

    QString rulesText() {
        auto *label = w<QLabel>(QStringLiteral("updateRulesLabel"));
        return label && label->isVisible() ? label->text() : QString();
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        QVERIFY2(startRegisteredSandbox(m_sandbox, m_client, &why), qPrintable(why));
        m_original = m_sandbox.resource(versionId());
        QVERIFY(!m_original.isEmpty());
    }

    void init() {
        m_sandbox.setResource(m_original);
        m_sandbox.clearExchanges();
    }

    void cleanup() {
        m_wizard = nullptr;
        m_window.reset(); // and the wizard, its child
    }

    void addingARegionWithItsSetsRunsEndToEnd() {
        QVERIFY(openUpdateWizard());
        // Basics: the version exists, what it is and what it is made of are locked.
        QCOMPARE(m_wizard->currentId(), int(cmkui::BasicsPageId));
        QVERIFY(!w<QComboBox>(QStringLiteral("galleryCombo"))->isEnabled());
        QVERIFY(!w<QLineEdit>(QStringLiteral("versionEdit"))->isEnabled());
        QVERIFY(!w<QComboBox>(QStringLiteral("sourceCombo"))->isEnabled());
        QVERIFY(next(m_wizard));
        QCOMPARE(m_wizard->currentId(), int(cmkui::ReplicationPageId));

        QVERIFY(choose(w<QComboBox>(QStringLiteral("addRegionCombo")), QStringLiteral("East US 2")));
        w<QPushButton>(QStringLiteral("addRegionButton"))->click();
        QCOMPARE(m_wizard->draftModel()->draft().targetRegions.size(), 3);
        QVERIFY(next(m_wizard));
        QCOMPARE(m_wizard->currentId(), int(cmkui::EncryptionPageId));
        QVERIFY(choose(w<QComboBox>(QStringLiteral("desCombo_eastus2_os")), QStringLiteral("des-eus2-cmk")));
        QVERIFY(next(m_wizard)); // Tags
        QVERIFY(next(m_wizard)); // Review + update
        QCOMPARE(m_wizard->currentId(), int(cmkui::ReviewPageId));

        // The diff: the region added, its disks' sets from none to des-eus2-cmk.
        const QString summary = w<QTextBrowser>(QStringLiteral("summaryView"))->toPlainText();
        QVERIFY2(summary.contains(QLatin1String("Changes")), qPrintable(summary));
        QVERIFY2(hasRow(summary, {QStringLiteral("East US 2"), QStringLiteral("Target region"),
                                  QStringLiteral("—"), QStringLiteral("added")}),
                 qPrintable(summary));
        QVERIFY2(hasRow(summary, {QStringLiteral("East US 2"), QStringLiteral("Data disk (LUN 1)"),
                                  QStringLiteral("—"), QStringLiteral("des-eus2-cmk")}),
                 qPrintable(summary));
        QVERIFY2(!hasRow(summary, {QStringLiteral("West Europe"), QStringLiteral("Target region")}),
                 qPrintable(summary));
        QAbstractButton *update = m_wizard->button(QWizard::FinishButton);
        QCOMPARE(update->text(), QStringLiteral("&Update"));
        QTRY_VERIFY_WITH_TIMEOUT(update->isEnabled(), 8000);

        auto *page = static_cast<cmkui::SubmitPage *>(m_wizard->currentPage());
        QSignalSpy done(page, &cmkui::ReviewCreatePage::created);
        update->click();
        QVERIFY2(done.wait(20000), qPrintable(page->submitter()->stageText()));
        QTRY_COMPARE(w<QProgressBar>(QStringLiteral("replicationProgress_eastus2"))->value(), 100);

        // One PATCH, and the version as the sandbox has it now.
        int patches = 0;
        for (const armsandbox::Exchange &exchange : m_sandbox.exchanges()) {
            const QString method = exchange.liveRequest.value(QStringLiteral("method")).toString();
            const QString url = exchange.liveRequest.value(QStringLiteral("url")).toString();
            QVERIFY2(method != QLatin1String("PUT") || !url.contains(QLatin1String("/versions/")),
                     qPrintable(url));
            patches += method == QLatin1String("PATCH") && url.contains(QLatin1String("/versions/1.1.0"));
        }
        QCOMPARE(patches, 1);
        sandboxtest::Http http;
        const sandboxtest::HttpResult got =
            http.get(sandboxtest::armUrl(m_sandbox.baseUrl(), versionId(), QStringLiteral("2025-03-03")));
        QCOMPARE(got.status, 200);
        const QJsonObject version = QJsonDocument::fromJson(got.body).object();
        const QJsonArray regions =
            at(version, QStringLiteral("properties.publishingProfile.targetRegions")).toArray();
        QCOMPARE(regions.size(), 3);
        QCOMPARE(at(regions.at(2), QStringLiteral("name")).toString(), QStringLiteral("eastus2"));
        for (const QString &disk : {QStringLiteral("encryption.osDiskImage.diskEncryptionSetId"),
                                    QStringLiteral("encryption.dataDiskImages.0.diskEncryptionSetId"),
                                    QStringLiteral("encryption.dataDiskImages.1.diskEncryptionSetId")})
            QVERIFY2(cmk::sameResourceId(at(regions.at(2), disk).toString(),
                                         desId(QStringLiteral("des-eus2-cmk"))),
                     qPrintable(disk));
        QCOMPARE(at(version, QStringLiteral("properties.provisioningState")).toString(),
                 QStringLiteral("Succeeded"));
    }

    void removingTheHomeRegionBlocksNext() {
        QVERIFY(toReplication());
        QVERIFY(removeRegion(QStringLiteral("westeurope")));
        QTRY_VERIFY(rulesText().contains(QLatin1String("home region westeurope")));
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(
            !errorText(m_wizard).contains(QLatin1String("home region"))); // said once, next to the regions
        // Adding it back is the way out.
        QVERIFY(choose(w<QComboBox>(QStringLiteral("addRegionCombo")), QStringLiteral("West Europe")));
        w<QPushButton>(QStringLiteral("addRegionButton"))->click();
        QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(rulesText().isEmpty());
    }

    void removingAReplicatedRegionNeedsTheCheckbox() {
        QVERIFY(toReplication());
        auto *allow = w<QCheckBox>(QStringLiteral("allowRegionRemovalCheck"));
        QVERIFY(!allow->isVisible());
        QVERIFY(removeRegion(QStringLiteral("francecentral")));
        QTRY_VERIFY(rulesText().contains(QLatin1String("allowDeletionOfReplicatedLocations")));
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(allow->isVisible());
        QVERIFY(w<QLabel>(QStringLiteral("regionRemovalExplanation"))
                    ->text()
                    .contains(QLatin1String("France Central")));

        allow->setChecked(true);
        QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(rulesText().isEmpty());
        QVERIFY(next(m_wizard)); // Encryption
        QVERIFY(next(m_wizard)); // Tags
        QVERIFY(next(m_wizard)); // Review + update
        const QString summary = w<QTextBrowser>(QStringLiteral("summaryView"))->toPlainText();
        QVERIFY2(hasRow(summary, {QStringLiteral("France Central"), QStringLiteral("Target region"),
                                  QStringLiteral("replicated"), QStringLiteral("removed")}),
                 qPrintable(summary));
        const QJsonObject body =
            QJsonDocument::fromJson(
                w<QPlainTextEdit>(QStringLiteral("requestBodyEdit"))->toPlainText().toUtf8())
                .object();
        QCOMPARE(at(body, QStringLiteral("properties.safetyProfile.allowDeletionOfReplicatedLocations")),
                 QJsonValue(true));
        QCOMPARE(
            w<QLineEdit>(QStringLiteral("putUrlEdit"))->text().contains(QLatin1String("/versions/1.1.0")),
            true);
    }
};

QTEST_MAIN(TestUpdateGui)
#include "tst_update_gui.moc"
