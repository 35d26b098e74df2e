// The api-versions ArmClient sends: the newest stable ones of the reference specs by default (GalleryRP
// 2025-12-03, DiskRP 2026-03-02, Microsoft.Features 2025-03-01), and the previous ones when a client is told
// to (ArmClient::setApiVersion, e.g. for a cloud that does not serve the new ones yet). Either way, against a
// real armsandbox that answers in the shape of the requested version: the Disk Encryption Sets are listed,
// the feature is read, and an image version is created through its long-running PUT and read back.

#include "arm/armclient.h"
#include "arm/armoperation.h"
#include "arm/armpaths.h"
#include "arm/armreply.h"
#include "arm/resources.h"
#include "armsandbox.h"
#include "des/diskencryptionsetcatalog.h"
#include "support/armwait.h"

#include <QtTest>

using namespace cmk;
using cmktest::waitFinished;

namespace {

const QString Sub = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");

QString imageVersionPath(const QString &version) {
    return galleryImageVersionPath(Sub, QStringLiteral("rg-images-prod"), QStringLiteral("galContosoProd"),
                                   QStringLiteral("ubuntu-22-04-gen2"), version)
        .path();
}

/// GETs `path`; true when it succeeded (and, with `version`, parsed into it).
bool read(ArmClient &client, const QString &path, GalleryImageVersion *version = nullptr) {
    std::unique_ptr<ArmReply> reply(client.get(path));
    if (!waitFinished(reply.get()) || reply->error()) {
        qWarning("%s: %s", qPrintable(path), qPrintable(reply->error().toDisplayString()));
        return false;
    }
    return !version || !parseResource(reply->json(), *version);
}

} // namespace

class TestApiVersions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listAndCreate_data() {
        QTest::addColumn<QString>("galleries");
        QTest::addColumn<QString>("disks");
        QTest::addColumn<QString>("features");
        QTest::addColumn<bool>("forced");
        QTest::newRow("newest (default)") << QStringLiteral("2025-12-03") << QStringLiteral("2026-03-02")
                                          << QStringLiteral("2025-03-01") << false;
        QTest::newRow("previous (forced)") << QStringLiteral("2025-03-03") << QStringLiteral("2025-01-02")
                                           << QStringLiteral("2021-07-01") << true;
    }

    void listAndCreate() {
        QFETCH(QString, galleries);
        QFETCH(QString, disks);
        QFETCH(QString, features);
        QFETCH(bool, forced);
        armsandbox::Sandbox sandbox;
        armsandbox::SandboxOptions options;
        options.pageSize = 3; // the sets over several pages, each nextLink followed with its api-version
        options.lroPollsUntilDone = 2;
        options.featuresRegistered = true; // SIGEncryption, which an encrypted version needs
        QString why;
        QVERIFY2(sandbox.start(options, &why), qPrintable(why));
        ArmClient client;
        client.setEndpoint(sandbox.baseUrl());
        client.setDefaultPollIntervalMs(5);
        if (forced) {
            client.setApiVersion(ApiFamily::Galleries, galleries);
            client.setApiVersion(ApiFamily::Disks, disks);
            client.setApiVersion(ApiFamily::Features, features);
        }

        DiskEncryptionSetCatalog catalog;
        QSignalSpy loaded(&catalog, &DiskEncryptionSetCatalog::loadFinished);
        catalog.load(&client, Sub);
        QVERIFY(loaded.wait(30000));
        QVERIFY2(!catalog.error(), qPrintable(catalog.error().toDisplayString()));
        QCOMPARE(catalog.size(), 9); // the demo subscription's sets
        QVERIFY(catalog.pageCount() > 1);

        QVERIFY(read(
            client,
            featurePath(Sub, QStringLiteral("Microsoft.Compute"), QStringLiteral("SIGEncryption")).path()));
        GalleryImageVersion version;
        QVERIFY(read(client, imageVersionPath(QStringLiteral("1.1.0")), &version));
        std::unique_ptr<ArmOperation> create(
            client.beginPut(imageVersionPath(QStringLiteral("1.2.0")), nlohmann::json(version)));
        QVERIFY(waitFinished(create.get()));
        QVERIFY2(!create->error(), qPrintable(create->error().toDisplayString()));
        GalleryImageVersion created;
        QVERIFY(read(client, imageVersionPath(QStringLiteral("1.2.0")), &created));
        QCOMPARE(created.provisioningState, QStringLiteral("Succeeded"));

        // What went on the wire: every request of a family with that family's version, nothing refused.
        int checked = 0;
        for (const armsandbox::Exchange &exchange : sandbox.exchanges()) {
            const QUrl url(exchange.liveRequest.value(QLatin1String("url")).toString());
            const QString sent = QUrlQuery(url).queryItemValue(QStringLiteral("api-version"));
            const QString path = url.path().toLower();
            QVERIFY2(exchange.liveResponse.value(QLatin1String("statusCode")).toString().toInt() < 400,
                     qPrintable(url.toString()));
            if (path.contains(QLatin1String("microsoft.features"))) {
                QCOMPARE(sent, features);
            } else if (path.contains(QLatin1String("/diskencryptionsets"))) {
                QCOMPARE(sent, disks);
            } else if (path.contains(QLatin1String("/galleries/"))) {
                QCOMPARE(sent, galleries);
            } else {
                continue;
            }
            ++checked;
        }
        QVERIFY(checked >= 7); // the pages, the feature, the version's GET, PUT and read back
    }
};

QTEST_GUILESS_MAIN(TestApiVersions)
#include "tst_apiversions.moc"
