// The wizard lists only the Disk Encryption Sets its pages need (issue 15): one Azure Resource Graph query
// filtered on the server by the draft's subscription and target regions, every type (the Replication page's
// readiness check counts each type), reloaded once per event-loop turn when the target regions call for
// more, never when what is loaded covers them. With 10,000 generated sets over 20 regions, the sandbox
// counts the round trips.

#include "common/diskencryptionsetmodel.h"
#include "des/diskencryptionsetcatalog.h"
#include "imagewizard/desreadinesswidget.h"
#include "imagewizard/wizardpageids.h"
#include "prerequisites/desreadiness.h"
#include "support/prereqfixture.h"
#include "support/wizardharness.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTest>

using namespace wizardtest;

namespace {

constexpr int GeneratedSets = 10000;
// Generated sets go round 20 regions, alternating the type every round: 250 of each type per region; the demo
// fixture adds one of each in West Europe and France Central, and West Europe's confidential-VM set.
constexpr int CustomerKeySetsPerRegion = GeneratedSets / 20 / 2 + 1;
constexpr int ConfidentialSets = 1;

const QString EncryptionTypeDouble = QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys");

} // namespace

class TestDesFilterGui : public QObject {
    Q_OBJECT

    armsandbox::Sandbox m_sandbox;
    WizardSession m_session;

    template <typename T> T *w(const QString &name) { return find<T>(m_session.wizard.get(), name); }

    /// Round trips for Disk Encryption Sets the sandbox answered: every page of ARM's listing and of the
    /// Resource Graph queries about the subscription.
    int desRoundTrips() const {
        int n = 0;
        for (const armsandbox::Exchange &e : m_sandbox.exchanges()) {
            if ((prereqtest::exchangeMethod(e) == QLatin1String("GET") &&
                 prereqtest::exchangeUrl(e).path().compare(prereqtest::desListPath(Sub),
                                                           Qt::CaseInsensitive) == 0) ||
                prereqtest::isResourceGraphQueryAbout(e, Sub))
                ++n;
        }
        return n;
    }

    /// The Resource Graph queries about the subscription, as sent: every page, or only the first ones.
    QStringList resourceGraphQueries(bool firstPages = false) const {
        QStringList queries;
        for (const armsandbox::Exchange &e : m_sandbox.exchanges()) {
            if (prereqtest::isResourceGraphQueryAbout(e, Sub, firstPages))
                queries << e.liveRequest.value(QStringLiteral("body"))
                               .toObject()
                               .value(QStringLiteral("query"))
                               .toString();
        }
        return queries;
    }

    bool filled(const QString &comboName, int count) {
        auto *combo = w<QComboBox>(comboName);
        return combo && QTest::qWaitFor(
                            [&] {
                                return !m_session.wizard->diskEncryptionSets()->isLoading() &&
                                       combo->count() == count;
                            },
                            30000);
    }

    /// The wizard on a customer-key draft for West Europe and France Central, at the Encryption page.
    bool openAtEncryptionPage() {
        return wizardtest::openAtEncryptionPage(m_session, QStringLiteral("9.1.0"));
    }

private Q_SLOTS:
    void initTestCase() {
        armsandbox::SandboxOptions options;
        options.generateDes = GeneratedSets;
        options.featuresRegistered = true;
        QString why;
        QVERIFY2(m_sandbox.start(options, &why), qPrintable(why));
        m_session.client = std::make_unique<cmk::ArmClient>();
        m_session.client->setEndpoint(m_sandbox.baseUrl());
    }

    void cleanup() {
        m_session.close();
        m_sandbox.clearExchanges();
    }

    // From opening the wizard (so from showing the Encryption page too) to both regions' dropdowns filled:
    // at most 3 round trips, where ARM's listing of the subscription takes 100.
    void encryptionPageFillsFromOneFilteredQuery() {
        QCOMPARE(desRoundTrips(), 0);
        QVERIFY(openAtEncryptionPage());
        QVERIFY(filled(QStringLiteral("desCombo_westeurope_os"), CustomerKeySetsPerRegion));
        QVERIFY(filled(QStringLiteral("desCombo_francecentral_os"), CustomerKeySetsPerRegion));
        const int roundTrips = desRoundTrips();
        QVERIFY2(roundTrips >= 1 && roundTrips <= 3, qPrintable(QString::number(roundTrips)));
        QCOMPARE(m_session.wizard->diskEncryptionSets()->catalog()->listedFrom(),
                 cmk::DesListSource::ResourceGraph);
        const QStringList queries = resourceGraphQueries();
        QCOMPARE(queries.size(), roundTrips); // pages of one query, no ARM listing
        QVERIFY2(queries.first().contains(QLatin1String("westeurope")) &&
                     queries.first().contains(QLatin1String("francecentral")),
                 qPrintable(queries.first()));
        // Every type of both regions, and nothing else: the readiness check counts them.
        QCOMPARE(m_session.wizard->diskEncryptionSets()->catalog()->size(),
                 2 * 2 * CustomerKeySetsPerRegion + ConfidentialSets);

        // Another encryption type is covered by what is loaded: nothing is listed again.
        w<QAbstractButton>(QStringLiteral("doubleEncryptionRadio"))->click(); // a customer key already
        QTRY_COMPARE(m_session.draft->draft().encryption, cmk::EncryptionMode::PlatformAndCustomerKeys);
        QVERIFY(filled(QStringLiteral("desCombo_westeurope_os"), CustomerKeySetsPerRegion));
        QCOMPARE(w<QComboBox>(QStringLiteral("desCombo_westeurope_os"))
                     ->itemData(0, cmkui::DiskEncryptionSetModel::EncryptionTypeRole)
                     .toString(),
                 EncryptionTypeDouble);
        QCOMPARE(desRoundTrips(), roundTrips);
    }

    // Target regions edited in one event-loop turn list once; a region removed lists nothing; the readiness
    // check counts the wizard's filtered sets, every type.
    void regionEditsReloadOncePerTurnAndOnlyForMore() {
        QVERIFY(openAtEncryptionPage());
        QVERIFY(filled(QStringLiteral("desCombo_francecentral_os"), CustomerKeySetsPerRegion));
        m_session.wizard->back();
        QCOMPARE(m_session.wizard->currentId(), int(cmkui::ReplicationPageId));
        auto *readiness = w<cmkui::DesReadinessWidget>(QStringLiteral("desReadinessWidget"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !readiness->checker()->isBusy() && !readiness->checker()->results().isEmpty(), 30000);
        QVERIFY(readiness->checker()->countsSharedCatalog());
        QCOMPARE(readiness->checker()->results().at(0).customerKeyCount, CustomerKeySetsPerRegion);
        QCOMPARE(readiness->checker()->results().at(0).doubleEncryptionCount, CustomerKeySetsPerRegion);
        const int before = resourceGraphQueries(/*firstPages=*/true).size();

        // Two regions added by two edits in one turn: one reload, for both.
        cmk::ImageVersionDraftModel *draft = m_session.draft.get();
        QSignalSpy loaded(m_session.wizard->diskEncryptionSets(),
                          &cmkui::DiskEncryptionSetModel::loadFinished);
        for (const QString &region : {QStringLiteral("eastus"), QStringLiteral("westus")}) {
            draft->modify([&](cmk::ImageVersionDraft &d) {
                cmk::RegionDraft added;
                added.name = region;
                d.targetRegions.append(added);
            });
        }
        QVERIFY(loaded.wait(30000));
        QCOMPARE(resourceGraphQueries(/*firstPages=*/true).size(), before + 1);
        QVERIFY(m_session.wizard->diskEncryptionSets()->catalog()->covers(
            Sub, {QStringLiteral("westeurope"), QStringLiteral("francecentral"), QStringLiteral("eastus"),
                  QStringLiteral("westus")}));
        QTRY_VERIFY_WITH_TIMEOUT(
            !readiness->checker()->isBusy() && readiness->checker()->results().size() == 4, 30000);
        QVERIFY(readiness->checker()->countsSharedCatalog());
        // The demo has des-eus-double in East US and des-wus-cmk in West US, on top of the generated ones.
        QCOMPARE(readiness->checker()->results().at(2).doubleEncryptionCount, CustomerKeySetsPerRegion);
        QCOMPARE(readiness->checker()->results().at(3).customerKeyCount, CustomerKeySetsPerRegion);

        // A region removed is covered: the readiness check follows (the positive signal), nothing is listed.
        draft->modify([](cmk::ImageVersionDraft &d) { d.targetRegions.removeLast(); });
        QTRY_VERIFY_WITH_TIMEOUT(
            !readiness->checker()->isBusy() && readiness->checker()->results().size() == 3, 30000);
        QVERIFY(readiness->checker()->countsSharedCatalog());
        QCOMPARE(resourceGraphQueries(/*firstPages=*/true).size(), before + 1);
        QVERIFY(!m_session.wizard->diskEncryptionSets()->isLoading());
    }
};

QTEST_MAIN(TestDesFilterGui)
#include "tst_desfilter_gui.moc"
