// Seed limitation 3, "you cannot share or copy images that use customer-managed keys", enforced everywhere
// it can be broken, against in-process armsandboxes over HTTP: `cmkwizard create` refuses (exit 2, the
// reason, no PUT sent) a version with customer-managed keys in a shared gallery and any version copied from
// one that uses them; armsandbox refuses both PUTs as the service does; `cmkwizard review` flags such a
// version in a gallery that was shared afterwards. A private gallery and the platform-managed key pass. A
// Confidential VM version whose only customer-managed key is its secure-VM set (EncryptedWithCmk) counts as
// one on both sides.

#include "arm/resources.h"
#include "support/cmkwizardprocess.h"
#include "support/demodraft.h"
#include "support/sandboxhttp.h"
#include "support/wizardharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace wizardtest;

namespace {

using Result = cmktest::CmkwizardRun;

QString galleryId() {
    return QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/"
                          "galleries/galContosoProd")
        .arg(Sub);
}

/// The demo's version 1.0.0 of its ConfidentialVM definition: platform-managed keys for the disks, and
/// EncryptedWithCmk with the secure-VM set des-weu-cvm, its only customer-managed key.
QString confidentialVersionId() {
    return galleryId() + QStringLiteral("/images/ubuntu-22-04-cvm/versions/1.0.0");
}

/// A new version copied from `sourceId` (default: the demo's version 1.1.0, which uses customer-managed keys).
cmk::ImageVersionDraft copyDraft(const QString &version, cmk::EncryptionMode mode,
                                 const QString &sourceId = demodata::imageVersionId(QStringLiteral("1.1.0"))) {
    cmk::ImageVersionDraft d = mode == cmk::EncryptionMode::PlatformKey
                                   ? demodata::imageVersionDraft(version)
                                   : demodata::cmkImageVersionDraft(version);
    d.sourceKind = cmk::SourceKind::ImageVersion;
    d.sourceId = sourceId;
    d.dataDiskSnapshots.clear();
    d.sourceDataDiskLuns.clear();
    d.normalizeEncryption();
    return d;
}

QStringList findingCodes(const QString &reviewJson) {
    QStringList codes;
    const QJsonArray findings =
        QJsonDocument::fromJson(reviewJson.toUtf8()).object().value(QLatin1String("findings")).toArray();
    for (const QJsonValue &finding : findings)
        codes << finding.toObject().value(QLatin1String("code")).toString();
    return codes;
}

} // namespace

class TestCliLimitations : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    armsandbox::Sandbox m_sandbox; // the demo, SIGEncryption registered
    QJsonObject m_privateGallery;
    int m_files = 0;

    Result run(const QString &command, const QStringList &args) {
        QProcessEnvironment env = cmktest::headlessEnvironment(m_dir, QStringLiteral("not-a-real-token"));
        env.insert(QStringLiteral("CMKWIZARD_POLL_INTERVAL_MS"), QStringLiteral("20"));
        return cmktest::runCmkwizard(QStringList{command, QStringLiteral("--lang"), QStringLiteral("en"),
                                                 QStringLiteral("--arm-endpoint"),
                                                 m_sandbox.baseUrl().toString()} +
                                         args,
                                     env);
    }
    Result create(const cmk::ImageVersionDraft &draft) {
        const QString path = m_dir.filePath(QStringLiteral("draft-%1.json").arg(++m_files));
        return run(QStringLiteral("create"),
                   {QStringLiteral("--draft"), demodata::writeDraftFile(path, draft)});
    }
    int versionPutCount() const { return int(versionPuts(m_sandbox).size()); }

    /// The demo gallery shared as the portal's "Share" does: with groups, or as a community gallery.
    void shareGallery(const QString &permissions) {
        QJsonObject gallery = m_privateGallery;
        QJsonObject properties = gallery.value(QLatin1String("properties")).toObject();
        QJsonObject sharing{{QStringLiteral("permissions"), permissions}};
        if (permissions == QLatin1String("Community"))
            sharing.insert(QStringLiteral("communityGalleryInfo"),
                           QJsonObject{{QStringLiteral("publicNamePrefix"), QStringLiteral("contoso")},
                                       {QStringLiteral("communityGalleryEnabled"), true}});
        else
            sharing.insert(QStringLiteral("groups"),
                           QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Subscriptions")},
                                                  {QStringLiteral("ids"), QJsonArray{DevSub}}}});
        properties.insert(QStringLiteral("sharingProfile"), sharing);
        gallery.insert(QStringLiteral("properties"), properties);
        m_sandbox.setResource(gallery);
    }

    sandboxtest::HttpResult rawPut(const cmk::ImageVersionDraft &draft, const QJsonObject &properties) {
        return rawPutAt(demodata::imageVersionId(draft.versionName), properties);
    }
    /// A PUT of the version `id` in West Europe with `properties`, as a client that checks nothing sends it.
    sandboxtest::HttpResult rawPutAt(const QString &id, const QJsonObject &properties) {
        sandboxtest::Http http;
        const QJsonObject body{{QStringLiteral("location"), QStringLiteral("westeurope")},
                               {QStringLiteral("properties"), properties}};
        return http.put(sandboxtest::armUrl(m_sandbox.baseUrl(), id, QStringLiteral("2025-03-03")), body);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(cmktest::cmkwizardBuilt(), "run through ctest (CMK_BIN_DIR)");
        QString why;
        QVERIFY2(sandboxtest::startDemoKeeping(m_sandbox, m_dir, galleryId(), &m_privateGallery, &why), qPrintable(why));
    }

    void init() {
        m_sandbox.setResource(m_privateGallery);
        m_sandbox.clearExchanges();
    }

    void sharedGalleryRefusesCustomerKeys_data() {
        QTest::addColumn<QString>("permissions");
        QTest::newRow("groups") << QStringLiteral("Groups");
        QTest::newRow("community") << QStringLiteral("Community");
    }
    void sharedGalleryRefusesCustomerKeys() {
        QFETCH(QString, permissions);
        shareGallery(permissions);
        const Result r = create(demodata::cmkImageVersionDraft(QStringLiteral("7.7.1")));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("galContosoProd is shared")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("customer-managed keys")), qPrintable(r.err));
        QCOMPARE(versionPutCount(), 0);
    }

    // Seed limitation 3 for a Confidential VM version whose only customer-managed key is its secure-VM set.
    void sharedGalleryRefusesAConfidentialSecureSet() {
        shareGallery(QStringLiteral("Groups"));
        const Result r = create(demodata::confidentialDraft(QStringLiteral("7.8.1")));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("galContosoProd is shared")), qPrintable(r.err));
        QCOMPARE(versionPutCount(), 0);

        m_sandbox.setResource(m_privateGallery); // the same draft is fine in a private gallery
        const Result fine = create(demodata::confidentialDraft(QStringLiteral("7.8.2")));
        QVERIFY2(fine.exitCode == 0, qPrintable(fine.err));
        QCOMPARE(versionPutCount(), 1);
    }

    void sharedGalleryTakesThePlatformKey() {
        shareGallery(QStringLiteral("Groups"));
        const Result r = create(demodata::imageVersionDraft(QStringLiteral("7.7.2")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(versionPutCount(), 1);
    }

    void privateGalleryTakesCustomerKeys() {
        const Result r = create(demodata::cmkImageVersionDraft(QStringLiteral("7.7.3")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(versionPutCount(), 1);
    }

    void copyOfACustomerKeyVersionIsRefused_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("sourceId");
        const QString standard = demodata::imageVersionId(QStringLiteral("1.1.0"));
        QTest::newRow("platform key") << int(cmk::EncryptionMode::PlatformKey) << standard;
        QTest::newRow("customer key") << int(cmk::EncryptionMode::CustomerKey) << standard;
        QTest::newRow("secure-VM set only") << int(cmk::EncryptionMode::PlatformKey) << confidentialVersionId();
    }
    void copyOfACustomerKeyVersionIsRefused() {
        QFETCH(int, mode);
        QFETCH(QString, sourceId);
        const Result r = create(copyDraft(QStringLiteral("7.7.4"), cmk::EncryptionMode(mode), sourceId));
        QCOMPARE(r.exitCode, 2);
        const QString name = cmk::ResourceId::parse(sourceId).name();
        QVERIFY2(r.err.contains(QStringLiteral("source image version %1 is encrypted with customer-managed")
                                    .arg(name)),
                 qPrintable(r.err));
        QCOMPARE(versionPutCount(), 0);
    }

    // What a client that checks nothing meets: the service's refusal, naming the limitation.
    void sandboxRefusesBothAsTheServiceDoes() {
        const cmk::ImageVersionDraft cmkDraft = demodata::cmkImageVersionDraft(QStringLiteral("7.7.5"));
        const QJsonObject region{{QStringLiteral("name"), QStringLiteral("westeurope")},
                                 {QStringLiteral("encryption"),
                                  QJsonObject{{QStringLiteral("osDiskImage"),
                                               QJsonObject{{QStringLiteral("diskEncryptionSetId"),
                                                            desId(QStringLiteral("des-weu-cmk"))}}}}}};
        const QJsonObject fromImage{
            {QStringLiteral("storageProfile"),
             QJsonObject{{QStringLiteral("source"),
                          QJsonObject{{QStringLiteral("id"),
                                       demodata::buildId(QStringLiteral("images/img-ubuntu2204-web"))}}}}},
            {QStringLiteral("publishingProfile"),
             QJsonObject{{QStringLiteral("targetRegions"), QJsonArray{region}}}}};
        shareGallery(QStringLiteral("Groups"));
        sandboxtest::HttpResult shared = rawPut(cmkDraft, fromImage);
        QCOMPARE(shared.status, 400);
        QCOMPARE(shared.errorCode(), QStringLiteral("OperationNotAllowed"));
        QVERIFY2(shared.body.contains("cannot be shared or copied"), shared.body.constData());

        m_sandbox.setResource(m_privateGallery);
        QJsonObject copy{
            {QStringLiteral("storageProfile"),
             QJsonObject{
                 {QStringLiteral("source"),
                  QJsonObject{{QStringLiteral("id"), demodata::imageVersionId(QStringLiteral("1.1.0"))}}}}},
            {QStringLiteral("publishingProfile"),
             QJsonObject{{QStringLiteral("targetRegions"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("westeurope")}}}}}}};
        sandboxtest::HttpResult copied = rawPut(cmkDraft, copy);
        QCOMPARE(copied.status, 400);
        QCOMPARE(copied.errorCode(), QStringLiteral("OperationNotAllowed"));
        QCOMPARE(copied.errorTarget(), QStringLiteral("properties.storageProfile.source.id"));
        QVERIFY2(copied.body.contains("1.1.0"), copied.body.constData());

        // The same body from the managed image into the private gallery is accepted.
        QCOMPARE(rawPut(cmkDraft, fromImage).status / 100, 2);
    }

    // The sandbox's own reading: a secure-VM set alone is a customer-managed key, for sharing and copying.
    void sandboxCountsTheSecureVmSet() {
        const QJsonObject secureOnly{
            {QStringLiteral("name"), QStringLiteral("westeurope")},
            {QStringLiteral("encryption"),
             QJsonObject{{QStringLiteral("osDiskImage"),
                          QJsonObject{{QStringLiteral("securityProfile"),
                                       QJsonObject{{QStringLiteral("confidentialVMEncryptionType"),
                                                    QStringLiteral("EncryptedWithCmk")},
                                                   {QStringLiteral("secureVMDiskEncryptionSetId"),
                                                    desId(QStringLiteral("des-weu-cvm"))}}}}}}}};
        const auto withSource = [](const QString &source, const QJsonObject &region) {
            return QJsonObject{
                {QStringLiteral("storageProfile"),
                 QJsonObject{{QStringLiteral("source"), QJsonObject{{QStringLiteral("id"), source}}}}},
                {QStringLiteral("publishingProfile"),
                 QJsonObject{{QStringLiteral("targetRegions"), QJsonArray{region}}}}};
        };
        const QString cvmVersion = galleryId() + QStringLiteral("/images/ubuntu-22-04-cvm/versions/7.8.3");
        const QJsonObject fromImage =
            withSource(demodata::buildId(QStringLiteral("images/img-ubuntu2204-web")), secureOnly);
        shareGallery(QStringLiteral("Community"));
        const sandboxtest::HttpResult shared = rawPutAt(cvmVersion, fromImage);
        QCOMPARE(shared.status, 400);
        QCOMPARE(shared.errorCode(), QStringLiteral("OperationNotAllowed"));
        QVERIFY2(shared.body.contains("cannot be shared or copied"), shared.body.constData());

        m_sandbox.setResource(m_privateGallery);
        const sandboxtest::HttpResult copied = rawPutAt(
            demodata::imageVersionId(QStringLiteral("7.8.4")),
            withSource(confidentialVersionId(),
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("westeurope")}}));
        QCOMPARE(copied.status, 400);
        QCOMPARE(copied.errorCode(), QStringLiteral("OperationNotAllowed"));
        QCOMPARE(copied.errorTarget(), QStringLiteral("properties.storageProfile.source.id"));

        // The confidential body into the private gallery is accepted.
        QCOMPARE(rawPutAt(cvmVersion, fromImage).status / 100, 2);
    }

    // A version made before its gallery was shared: the review says what is wrong.
    void reviewFlagsACustomerKeyVersionInASharedGallery() {
        const QStringList args{QStringLiteral("--id"), demodata::imageVersionId(QStringLiteral("1.1.0")),
                               QStringLiteral("--format"), QStringLiteral("json")};
        const Result before = run(QStringLiteral("review"), args);
        QVERIFY2(before.exitCode == 0, qPrintable(before.err));
        QVERIFY(!findingCodes(before.out).contains(QLatin1String("customerKeyInSharedGallery")));

        shareGallery(QStringLiteral("Community"));
        const Result after = run(QStringLiteral("review"), args);
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        QVERIFY2(findingCodes(after.out).contains(QLatin1String("customerKeyInSharedGallery")),
                 qPrintable(after.out));

        // A version without customer-managed keys in the same gallery has nothing to say about it.
        const Result plain = run(QStringLiteral("review"),
                                 {QStringLiteral("--id"), demodata::imageVersionId(QStringLiteral("1.0.0")),
                                  QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        QVERIFY(!findingCodes(plain.out).contains(QLatin1String("customerKeyInSharedGallery")));
    }
};

QTEST_MAIN(TestCliLimitations)
#include "tst_cli_limitations.moc"
