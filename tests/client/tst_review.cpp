// Review mode against a real armsandbox over HTTP: the demo fixture plus an image version in a bad state
// (written to a temporary fixture), every finding, the reports, `cmkwizard review` as a process, and the
// review window offscreen.

#include "arm/armclient.h"
#include "armsandbox.h"
#include "common/pagedreport.h"
#include "common/usertext.h"
#include "review/review.h"
#include "review/reviewexport.h"
#include "review/reviewreport.h"
#include "review/reviewwindow.h"
#include "support/cmkwizardprocess.h"
#include "support/demodraft.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QtTest>

using namespace cmk;

namespace {

using demodata::DevSub;
using demodata::Sub;
const QString kImage = demodata::imageDefinitionId();
const QString kGoodVersion = kImage + QStringLiteral("/versions/1.1.0");
const QString kPlainVersion = kImage + QStringLiteral("/versions/1.0.0");
const QString kBadVersion = kImage + QStringLiteral("/versions/0.9.0");
const QString kFailedDetails =
    QStringLiteral("The disk encryption set is not in region eastus2 (DiskEncryptionSetLocationMismatch).");

using demodata::desId;

QJsonObject encryption(const QString &os, const QList<QPair<int, QString>> &data) {
    QJsonObject e;
    if (!os.isEmpty())
        e.insert(QStringLiteral("osDiskImage"), QJsonObject{{QStringLiteral("diskEncryptionSetId"), os}});
    QJsonArray disks;
    for (const auto &[lun, des] : data)
        disks.append(QJsonObject{{QStringLiteral("lun"), lun}, {QStringLiteral("diskEncryptionSetId"), des}});
    if (!disks.isEmpty())
        e.insert(QStringLiteral("dataDiskImages"), disks);
    return e;
}

QJsonObject region(const QString &name, const QJsonObject &enc = {}) {
    QJsonObject r{{QStringLiteral("name"), name},
                  {QStringLiteral("regionalReplicaCount"), 1},
                  {QStringLiteral("storageAccountType"), QStringLiteral("Standard_LRS")}};
    if (!enc.isEmpty())
        r.insert(QStringLiteral("encryption"), enc);
    return r;
}

QJsonObject status(const QString &region, const QString &state, const QString &details = {}) {
    return QJsonObject{{QStringLiteral("region"), region},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("details"), details},
                       {QStringLiteral("progress"), state == QLatin1String("Completed") ? 100 : 40}};
}

/// Everything that can be wrong with an encrypted image version, in one version.
QJsonObject badVersion() {
    const QString weuCmk = desId(QStringLiteral("des-weu-cmk"));
    const QString weuDouble = desId(QStringLiteral("des-weu-double"));
    QJsonArray regions{
        region(QStringLiteral("West Europe"), encryption(weuCmk, {{0, weuCmk}})), // LUN 1 left out
        region(QStringLiteral("France Central")),                                 // no encryption at all
        region(QStringLiteral("East US 2"), encryption(weuDouble, {{0, weuDouble}, {1, weuDouble}})),
        region(QStringLiteral("North Europe"), encryption(desId(QStringLiteral("des-neu-deleted")),
                                                          {{0, desId(QStringLiteral("des-neu-deleted"))},
                                                           {1, desId(QStringLiteral("des-neu-deleted"))}})),
        region(QStringLiteral("West US"), encryption(desId(QStringLiteral("des-wus-nokey")),
                                                     {{0, desId(QStringLiteral("des-wus-nokey"))},
                                                      {1, desId(QStringLiteral("des-wus-nokey"))}})),
        region(QStringLiteral("East US"),
               encryption(desId(QStringLiteral("des-dev-weu-cmk"), DevSub, QStringLiteral("rg-dev")),
                          {{0, desId(QStringLiteral("des-dev-weu-cmk"), DevSub, QStringLiteral("rg-dev"))},
                           {1, desId(QStringLiteral("des-dev-weu-cmk"), DevSub, QStringLiteral("rg-dev"))}})),
    };
    QJsonArray summary{status(QStringLiteral("West Europe"), QStringLiteral("Completed")),
                       status(QStringLiteral("France Central"), QStringLiteral("Completed")),
                       status(QStringLiteral("East US 2"), QStringLiteral("Failed"), kFailedDetails),
                       status(QStringLiteral("North Europe"), QStringLiteral("Completed")),
                       status(QStringLiteral("West US"), QStringLiteral("Replicating")),
                       status(QStringLiteral("East US"), QStringLiteral("Completed"))};
    const QString image =
        QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/Microsoft.Compute/images/"
                       "img-deleted-long-ago")
            .arg(Sub);
    return QJsonObject{
        {QStringLiteral("id"), kBadVersion},
        {QStringLiteral("name"), QStringLiteral("0.9.0")},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/galleries/images/versions")},
        {QStringLiteral("location"), QStringLiteral("westeurope")},
        {QStringLiteral("tags"), QJsonObject{}},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("publishingProfile"),
              QJsonObject{{QStringLiteral("targetRegions"), regions},
                          {QStringLiteral("replicaCount"), 1},
                          {QStringLiteral("endOfLifeDate"), QStringLiteral("2024-01-31T00:00:00+00:00")},
                          {QStringLiteral("storageAccountType"), QStringLiteral("Standard_LRS")}}},
             {QStringLiteral("storageProfile"),
              QJsonObject{
                  {QStringLiteral("source"), QJsonObject{{QStringLiteral("id"), image}}},
                  {QStringLiteral("osDiskImage"), QJsonObject{{QStringLiteral("sizeInGB"), 30}}},
                  {QStringLiteral("dataDiskImages"), QJsonArray{QJsonObject{{QStringLiteral("lun"), 0}},
                                                                QJsonObject{{QStringLiteral("lun"), 1}}}}}},
             {QStringLiteral("replicationStatus"),
              QJsonObject{{QStringLiteral("aggregatedState"), QStringLiteral("Failed")},
                          {QStringLiteral("summary"), summary}}},
             {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}};
}

QJsonObject desWithoutKey() {
    return QJsonObject{
        {QStringLiteral("id"), desId(QStringLiteral("des-wus-nokey"))},
        {QStringLiteral("name"), QStringLiteral("des-wus-nokey")},
        {QStringLiteral("type"), QStringLiteral("Microsoft.Compute/diskEncryptionSets")},
        {QStringLiteral("location"), QStringLiteral("westus")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("encryptionType"), QStringLiteral("EncryptionAtRestWithCustomerKey")},
                     {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")}}}};
}

QStringList codes(const VersionReview &review) {
    QStringList out;
    for (const ReviewFinding &f : review.findings)
        out << f.code;
    return out;
}

const ReviewFinding *findingFor(const VersionReview &review, const QString &code,
                                const QString &region = {}) {
    for (const ReviewFinding &f : review.findings) {
        if (f.code == code && (region.isEmpty() || f.region == region))
            return &f;
    }
    return nullptr;
}

using ProcessResult = cmktest::CmkwizardRun;

/// The real executable, with a private home and no access token: these commands need no sign-in.
ProcessResult runCmkwizard(const QStringList &arguments) {
    const QTemporaryDir home;
    return cmktest::runCmkwizard(arguments, cmktest::headlessEnvironment(home, QString()));
}

} // namespace

class TestReview : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    armsandbox::Sandbox m_sandbox;
    std::unique_ptr<ArmClient> m_client;
    const QDate m_today{2026, 5, 4};

    VersionReview reviewOf(const QString &id, ArmError *error = nullptr) {
        VersionReviewer reviewer(m_client.get());
        QSignalSpy finished(&reviewer, &VersionReviewer::finished);
        reviewer.start(id, m_today);
        if (finished.isEmpty())
            finished.wait(15000);
        if (error)
            *error = reviewer.error();
        return reviewer.review();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QFile demo(QDir(qEnvironmentVariable("CMK_SOURCE_DIR"))
                       .filePath(QStringLiteral("resources/demo-fixture.json")));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QJsonObject fixture = QJsonDocument::fromJson(demo.readAll()).object();
        QJsonArray resources = fixture.value(QStringLiteral("resources")).toArray();
        resources.append(badVersion());
        resources.append(desWithoutKey());
        fixture.insert(QStringLiteral("resources"), resources);
        const QString path = m_dir.filePath(QStringLiteral("fixture.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(fixture).toJson());
        out.close();
        armsandbox::SandboxOptions options;
        options.fixturePath = path;
        QString why;
        QVERIFY2(m_sandbox.start(options, &why), qPrintable(why));
        m_client = std::make_unique<ArmClient>();
        m_client->setEndpoint(m_sandbox.baseUrl());
        RetryPolicy retry;
        retry.maxTries = 1;
        m_client->setRetryPolicy(retry);
    }

    void consistentVersionHasNoFindings() {
        ArmError error;
        const VersionReview review = reviewOf(kGoodVersion, &error);
        QVERIFY2(!error.isError(), qPrintable(error.toDisplayString()));
        QVERIFY2(review.findings.isEmpty(), qPrintable(codes(review).join(QLatin1Char(','))));
        QCOMPARE(review.regions.size(), 2);
        QCOMPARE(review.dataDiskLuns, (QList<int>{0, 1}));
        QCOMPARE(review.regions[0].disks.size(), 3);
        QCOMPARE(review.regions[0].replicaCount, 2);
        QCOMPARE(review.regions[0].replicationState, QStringLiteral("Completed"));
        const ReviewedDes *des = review.des(desId(QStringLiteral("des-weu-cmk")));
        QVERIFY(des);
        QCOMPARE(des->state, ReviewedDes::State::Found);
        QCOMPARE(des->keyName(), QStringLiteral("cmk-disks"));
        QCOMPARE(des->keyVersion(), QStringLiteral("4f1d2c8b9a6e47d3b05c1e2f7a8d9b36"));
        QCOMPARE(des->keyVaultName(), QStringLiteral("kv-contoso-weu"));
        QCOMPARE(review.sourceKind, SourceKind::ManagedImage);
        QVERIFY(review.sources[0].checked && review.sources[0].exists);

        // The request asked for the replication status, and each DES was read with its own GET.
        bool expanded = false;
        int desGets = 0;
        for (const armsandbox::Exchange &e : m_sandbox.exchanges()) {
            const QString url = e.liveRequest.value(QStringLiteral("url")).toString();
            if (url.contains(QStringLiteral("/versions/1.1.0")) &&
                url.contains(QStringLiteral("$expand=ReplicationStatus")))
                expanded = true;
            if (url.contains(QStringLiteral("/diskEncryptionSets/des-")))
                ++desGets;
        }
        QVERIFY(expanded);
        QCOMPARE(desGets, 2);
    }

    void unencryptedVersionHasNoFindings() {
        const VersionReview review = reviewOf(kPlainVersion);
        QVERIFY2(review.findings.isEmpty(), qPrintable(codes(review).join(QLatin1Char(','))));
        QVERIFY(review.desById.isEmpty());
    }

    void everyFinding() {
        ArmError error;
        const VersionReview review = reviewOf(kBadVersion, &error);
        QVERIFY2(!error.isError(), qPrintable(error.toDisplayString()));
        const QStringList found = codes(review);
        for (const char *code :
             {"regionWithoutEncryption", "dataDiskWithoutEncryption", "desLocationMismatch",
              "desInOtherSubscription", "desMissing", "desNoActiveKey", "mixedEncryptionTypes",
              "endOfLifePassed", "replicationFailed", "replicationInProgress", "sourceMissing"})
            QVERIFY2(found.contains(QLatin1String(code)),
                     qPrintable(QStringLiteral("%1 missing from %2")
                                    .arg(QLatin1String(code), found.join(QLatin1Char(',')))));

        const ReviewFinding *f = findingFor(review, QStringLiteral("regionWithoutEncryption"));
        QCOMPARE(f->region, QStringLiteral("France Central"));
        QCOMPARE(f->severity, ReviewFinding::Severity::Error);
        f = findingFor(review, QStringLiteral("dataDiskWithoutEncryption"));
        QCOMPARE(f->region, QStringLiteral("West Europe"));
        QCOMPARE(f->lun, 1);
        f = findingFor(review, QStringLiteral("desLocationMismatch"), QStringLiteral("East US 2"));
        QVERIFY(f);
        QVERIFY(f->message.contains(QStringLiteral("des-weu-double")));
        QVERIFY(findingFor(review, QStringLiteral("desLocationMismatch"),
                           QStringLiteral("East US"))); // sub2's DES
        QCOMPARE(findingFor(review, QStringLiteral("desInOtherSubscription"))->region,
                 QStringLiteral("East US"));
        QVERIFY(findingFor(review, QStringLiteral("desInOtherSubscription"))->message.contains(DevSub));
        f = findingFor(review, QStringLiteral("desMissing"));
        QCOMPARE(f->region, QStringLiteral("North Europe"));
        QVERIFY(f->message.contains(QStringLiteral("no longer exists")));
        QCOMPARE(review.des(desId(QStringLiteral("des-neu-deleted")))->state, ReviewedDes::State::Missing);
        QCOMPARE(findingFor(review, QStringLiteral("desNoActiveKey"))->region, QStringLiteral("West US"));
        f = findingFor(review, QStringLiteral("replicationFailed"));
        QCOMPARE(f->region, QStringLiteral("East US 2"));
        QVERIFY2(f->message.contains(kFailedDetails), qPrintable(f->message)); // the service's own words
        // The date in the user's locale (cmk::ServiceTerms), not as ARM sent it.
        QVERIFY(findingFor(review, QStringLiteral("endOfLifePassed"))
                    ->message.contains(cmk::ServiceTerms::date(QDate(2024, 1, 31))));
        QCOMPARE(findingFor(review, QStringLiteral("sourceMissing"))->severity,
                 ReviewFinding::Severity::Info);
        // Most severe first.
        QCOMPARE(review.findings.first().severity, ReviewFinding::Severity::Error);
        QCOMPARE(review.findings.last().severity, ReviewFinding::Severity::Info);

        // The matrix: 6 regions × (OS + 2 data disks).
        QCOMPARE(review.regions.size(), 6);
        QCOMPARE(review.regions[0].desFor(1), QString());
        QCOMPARE(review.regions[2].replicationDetails, kFailedDetails);

        // Reports carry the same.
        const QString text = ReviewReport::text(review);
        QVERIFY(text.contains(kFailedDetails));
        QVERIFY(text.contains(QStringLiteral("des-neu-deleted (rg-keys-prod) — no longer exists")));
        const nlohmann::json json = ReviewReport::json(review);
        QCOMPARE(json["schema"].get<std::string>(), std::string("cmkwizard.review"));
        QCOMPARE(json["regions"].size(), size_t(6));
        QCOMPARE(json["regions"][0]["disks"].size(), size_t(3));
        QVERIFY(json["regions"][0]["disks"][2]["diskEncryptionSetId"].is_null());
        QCOMPARE(json["summary"]["errors"].get<int>(), review.count(ReviewFinding::Severity::Error));
        bool missingListed = false;
        for (const auto &des : json["diskEncryptionSets"])
            missingListed = missingListed || des["status"] == "missing";
        QVERIFY(missingListed);
        const QString html = ReviewReport::html(review);
        QVERIFY(html.contains(QStringLiteral("<table")));
        QVERIFY(html.contains(kFailedDetails.toHtmlEscaped()));

        // Converted to a draft for export: the regions, with location first.
        QStringList notes;
        const ImageVersionDraft draft = review.toDraft(&notes);
        QCOMPARE(draft.versionName, QStringLiteral("0.9.0"));
        QCOMPARE(draft.targetRegions.size(), 6);
        QCOMPARE(draft.targetRegions[0].name, QStringLiteral("westeurope"));
        QCOMPARE(draft.encryption, EncryptionMode::PlatformAndCustomerKeys); // des-weu-double is in use
    }

    void pdfNeverSplitsATableRow() {
        // A long review: the bad version's regions and findings many times over, with long messages, so
        // that rows of several lines fall on page breaks.
        VersionReview review = reviewOf(kBadVersion);
        const QList<ReviewRegion> regions = review.regions;
        const QList<ReviewFinding> findings = review.findings;
        for (int i = 0; i < 12; ++i) {
            review.regions += regions;
            for (ReviewFinding finding : findings) {
                finding.message += QStringLiteral(" ") + finding.message + QStringLiteral(" ") + finding.message;
                review.findings.append(finding);
            }
        }
        const QSizeF page(1046, 660);
        const auto straddling = [](QTextDocument *document, const QList<cmkui::ReportPage> &pages) {
            int count = 0;
            for (const cmkui::TableRowPages &row : cmkui::tableRowPages(document, pages))
                count += row.firstPage != row.lastPage ? 1 : 0;
            return count;
        };
        QTextDocument document;
        document.setHtml(ReviewReport::html(review));
        const QList<cmkui::ReportPage> pages = cmkui::paginateReport(&document, page);
        QVERIFY(pages.size() > 3);
        QCOMPARE(straddling(&document, pages), 0);
        // Cut every page height instead, rows would straddle: the fixture does test something.
        QList<cmkui::ReportPage> naive;
        for (qreal start = 0; start < document.size().height(); start += page.height())
            naive.append({start, start + page.height()});
        QVERIFY(straddling(&document, naive) > 3);
        // Each page holds at most a page, and they follow each other; the pages that continue the
        // region × disk matrix start with its header row again.
        int repeatedHeaders = 0;
        for (int i = 0; i < pages.size(); ++i) {
            const cmkui::ReportPage &p = pages.at(i);
            QVERIFY(p.end - p.start + (p.headerBottom - p.headerTop) <= page.height());
            QCOMPARE(p.start, i == 0 ? 0.0 : pages.at(i - 1).end);
            repeatedHeaders += p.headerBottom > p.headerTop ? 1 : 0;
        }
        QVERIFY(repeatedHeaders > 0);

        // The file: several pages, none empty of text.
        const QString pdf = m_dir.filePath(QStringLiteral("long-review.pdf"));
        QString why;
        QVERIFY2(cmkui::saveReviewPdf(review, pdf, &why), qPrintable(why));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        // Qt's PDF writer describes each page as "/Type /Page"; A4 landscape (1046 × 690 pixels, less the
        // footer) is a little larger than the page above.
        const int printed = int(bytes.count("/Type /Page\n"));
        QVERIFY2(printed >= pages.size() - 1 && printed <= pages.size(), qPrintable(QString::number(printed)));
    }

    void unreadableDes() {
        QString why;
        QVERIFY2(m_sandbox.setFaults(QStringLiteral("status=403:path=/diskEncryptionSets/des-frc-cmk"), &why),
                 qPrintable(why));
        const VersionReview review = reviewOf(kGoodVersion);
        QVERIFY(m_sandbox.setFaults(QString()));
        QCOMPARE(codes(review), QStringList{QStringLiteral("desUnreadable")});
        const ReviewFinding &f = review.findings.first();
        QCOMPARE(f.severity, ReviewFinding::Severity::Warning);
        QCOMPARE(f.region, QStringLiteral("France Central"));
        QCOMPARE(review.des(desId(QStringLiteral("des-frc-cmk")))->state, ReviewedDes::State::Unreadable);
    }

    void unreadableVersion() {
        ArmError error;
        reviewOf(kImage + QStringLiteral("/versions/9.9.9"), &error);
        QCOMPARE(error.httpStatus, 404);
        reviewOf(QStringLiteral("/subscriptions/x/resourceGroups/rg"), &error);
        QCOMPARE(error.kind, ArmError::Kind::InvalidInput);
    }

    void reviewCommand() {
        ProcessResult r =
            runCmkwizard({QStringLiteral("review"), QStringLiteral("--sandbox"), QStringLiteral("--id"),
                          kGoodVersion, QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const nlohmann::json doc = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(doc["schemaVersion"].get<int>(), 1);
        QCOMPARE(doc["version"]["name"].get<std::string>(), std::string("1.1.0"));
        QCOMPARE(doc["regions"].size(), size_t(2));
        QVERIFY(doc["findings"].empty());
        QCOMPARE(doc["diskEncryptionSets"][0]["status"].get<std::string>(), std::string("found"));

        r = runCmkwizard(
            {QStringLiteral("review"), QStringLiteral("--sandbox"), QStringLiteral("--id"), kGoodVersion});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Findings: none"));
        QVERIFY(r.out.contains("des-frc-cmk (rg-keys-prod)"));

        r = runCmkwizard({QStringLiteral("review"), QStringLiteral("--sandbox"), QStringLiteral("--id"),
                          QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("is not the resource ID of an image version"));
        r = runCmkwizard({QStringLiteral("review"), QStringLiteral("--sandbox"), QStringLiteral("--id"),
                          kImage + QStringLiteral("/versions/9.9.9")});
        QCOMPARE(r.exitCode, 3);
        r = runCmkwizard({QStringLiteral("review"), QStringLiteral("--sandbox"), QStringLiteral("--id"),
                          kGoodVersion, QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(r.exitCode, 2);
    }

    void exportAndImportCommands() {
        // import-az: Microsoft's snapshot example, with its region slip reported.
        const QString draftPath = m_dir.filePath(QStringLiteral("imported.json"));
        const QString command = QStringLiteral(
            "az sig image-version create -g MyResourceGroup --gallery-image-version 1.0.0 --location westus "
            "--target-regions westus=2=standard_lrs eastus --target-region-encryption "
            "WestUSDiskEncryptionSet1,0,WestUSDiskEncryptionSet2 "
            "EastUS2DiskEncryptionSet1,0,EastUS2DiskEncryptionSet2 "
            "--os-snapshot myOSSnapshot --data-snapshot-luns 0 --data-snapshots myDDSnapshot --gallery-name "
            "MyGallery "
            "--gallery-image-definition MyImage");
        ProcessResult r =
            runCmkwizard({QStringLiteral("import-az"), QStringLiteral("--command"), command,
                          QStringLiteral("--subscription"), Sub, QStringLiteral("--out"), draftPath});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains("suggests region eastus2"));
        QVERIFY(QFile::exists(draftPath));

        // export of that draft, back to az: the same command the CLI accepts.
        r = runCmkwizard({QStringLiteral("export"), QStringLiteral("--draft"), draftPath,
                          QStringLiteral("--format"), QStringLiteral("az")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith("az sig image-version create \\\n"));
        QVERIFY(r.out.contains("--target-regions westus=2=standard_lrs eastus=1=standard_lrs"));
        QVERIFY(r.out.contains(
            "/resourceGroups/MyResourceGroup/providers/Microsoft.Compute/snapshots/myDDSnapshot"));
        for (const char *format : {"powershell", "arm", "bicep"}) {
            r = runCmkwizard({QStringLiteral("export"), QStringLiteral("--draft"), draftPath,
                              QStringLiteral("--format"), QLatin1String(format)});
            QVERIFY2(r.exitCode == 0, format);
            QVERIFY(!r.out.isEmpty());
        }

        // Rejected: the CLI's own reason, exit code 2.
        r = runCmkwizard(
            {QStringLiteral("import-az"), QStringLiteral("--command"),
             QStringLiteral("az sig image-version create -g rg -r gal -i def --managed-image img")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("the following arguments are required: --gallery-image-version/-e"));
        r = runCmkwizard({QStringLiteral("export"), QStringLiteral("--draft"), draftPath,
                          QStringLiteral("--format"), QStringLiteral("terraform")});
        QCOMPARE(r.exitCode, 2);
    }

    void reviewWindow() {
        cmkui::ReviewWindow window(m_client.get());
        window.setToday(m_today);
        window.resize(1400, 900);
        window.show();

        // Browse down to the versions of ubuntu-22-04-gen2.
        QSignalSpy lists(&window, &cmkui::ReviewWindow::listLoaded);
        window.refreshSubscriptions();
        auto *subscriptions = window.findChild<QComboBox *>(QStringLiteral("subscriptionCombo"));
        QTRY_VERIFY_WITH_TIMEOUT(subscriptions->count() == 2, 10000);
        subscriptions->setCurrentIndex(subscriptions->findData(Sub));
        auto *galleries = window.findChild<QComboBox *>(QStringLiteral("galleryCombo"));
        QTRY_VERIFY_WITH_TIMEOUT(galleries->count() >= 2, 10000);
        galleries->setCurrentIndex(
            galleries->findText(QStringLiteral("galContosoProd"), Qt::MatchStartsWith));
        auto *images = window.findChild<QComboBox *>(QStringLiteral("imageCombo"));
        QTRY_VERIFY_WITH_TIMEOUT(images->count() >= 3, 10000);
        images->setCurrentIndex(images->findText(QStringLiteral("ubuntu-22-04-gen2")));
        QTRY_VERIFY_WITH_TIMEOUT(window.versionCombo()->findData(kBadVersion) >= 0, 10000);
        window.versionCombo()->setCurrentIndex(window.versionCombo()->findData(kBadVersion));

        QSignalSpy finished(&window, &cmkui::ReviewWindow::reviewFinished);
        auto *reviewButton = window.findChild<QPushButton *>(QStringLiteral("reviewButton"));
        QVERIFY(reviewButton->isEnabled());
        reviewButton->click();
        QVERIFY(finished.wait(15000));
        QVERIFY(window.hasReview());
        QCOMPARE(window.matrix()->rowCount(), 6);
        QCOMPARE(window.matrix()->columnCount(), 4 + 3);
        QCOMPARE(window.matrix()->item(1, 0)->text(), QStringLiteral("France Central"));
        QVERIFY(window.matrix()->item(1, 4)->text().contains(QStringLiteral("platform-managed key")));
        QCOMPARE(window.findings()->count(), int(window.review().findings.size()));
        QCOMPARE(window.findings()->item(0)->data(Qt::UserRole + 1).toString(), QStringLiteral("error"));
        QVERIFY(window.reportText().contains(kFailedDetails));

        const QString shots = qEnvironmentVariable("CMK_SCREENSHOT_DIR", m_dir.path());
        QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("review-window-findings.png"))));

        // The Save buttons propose a name that says which version it is.
        QCOMPARE(window.suggestedFileName(QStringLiteral(".pdf")),
                 QStringLiteral("review-ubuntu-22-04-gen2-0.9.0.pdf"));
        QCOMPARE(cmkui::exportFileName(QStringLiteral("image-version"), QStringLiteral("a b/c"),
                                       QStringLiteral("1.0.0"), QStringLiteral(".sh")),
                 QStringLiteral("image-version-a-b-c-1.0.0.sh"));
        // Opened from a smaller window, the review window keeps the size its matrix needs, within the screen.
        QCOMPARE(cmkui::reviewWindowSize(), QSize(1200, 800));
        QCOMPARE(cmkui::reviewWindowSize(QSize(1024, 700)), QSize(1024, 700));

        QString why;
        const QString pdf = m_dir.filePath(QStringLiteral("review.pdf"));
        QVERIFY2(window.savePdf(pdf, &why), qPrintable(why));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        QVERIFY(pdfFile.size() > 2000);
        const QString jsonPath = m_dir.filePath(QStringLiteral("review.json"));
        QVERIFY(window.saveJson(jsonPath, &why));
        QFile jsonFile(jsonPath);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QCOMPARE(
            nlohmann::json::parse(jsonFile.readAll().toStdString())["version"]["name"].get<std::string>(),
            std::string("0.9.0"));
        QVERIFY(window.saveHtml(m_dir.filePath(QStringLiteral("review.html")), &why));
        // What the PDF shows: the same HTML laid out by QTextDocument.
        QTextDocument report;
        report.setHtml(ReviewReport::html(window.review()));
        report.setTextWidth(1100);
        QImage page(1100, int(report.size().height()), QImage::Format_RGB32);
        page.fill(Qt::white);
        QPainter painter(&page);
        report.drawContents(&painter);
        painter.end();
        QVERIFY(page.save(QDir(shots).filePath(QStringLiteral("review-report.png"))));

        // A pasted ID of a consistent version.
        window.openVersion(kGoodVersion);
        QVERIFY(finished.wait(15000));
        QCOMPARE(window.matrix()->rowCount(), 2);
        QCOMPARE(window.findings()->count(), 1); // "no findings"
        QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("review-window-clean.png"))));

        // A bad ID is refused before anything is sent.
        window.openVersion(QStringLiteral("not-an-id"));
        QVERIFY(window.statusLabel()->text().contains(QStringLiteral("not the resource ID")));
        QVERIFY(!window.hasReview());
    }
};

QTEST_MAIN(TestReview)
#include "tst_review.moc"
