// Seed limitation 3 in the real wizard, offscreen, against an in-process armsandbox over HTTP: in a shared
// gallery the Encryption page blocks customer-managed keys with the reason and lets the platform-managed key
// through; on Basics, an image version that uses customer-managed keys cannot be the source (a copy).

#include "support/wizardharness.h"

#include <QAbstractButton>
#include <QJsonArray>

using namespace wizardtest;
using cmkui::CreateImageVersionWizard;

class TestLimitationsGui : public QObject {
    Q_OBJECT

private:
    armsandbox::Sandbox m_sandbox;
    WizardSession m_session;
    QJsonObject m_privateGallery;

    static QString galleryId() {
        return QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/"
                              "galleries/galContosoProd")
            .arg(Sub);
    }

    void shareGallery() {
        QJsonObject gallery = m_privateGallery;
        QJsonObject properties = gallery.value(QLatin1String("properties")).toObject();
        properties.insert(
            QStringLiteral("sharingProfile"),
            QJsonObject{{QStringLiteral("permissions"), QStringLiteral("Groups")},
                        {QStringLiteral("groups"),
                         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("AADTenants")}}}}});
        gallery.insert(QStringLiteral("properties"), properties);
        m_sandbox.setResource(gallery);
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        QVERIFY2(startRegisteredSandbox(m_sandbox, m_session.client, &why), qPrintable(why));
        m_privateGallery = m_sandbox.resource(galleryId());
        QVERIFY(!m_privateGallery.isEmpty());
    }

    void cleanup() {
        m_session.close();
        m_sandbox.setResource(m_privateGallery);
    }

    void sharedGalleryBlocksCustomerKeysOnTheEncryptionPage() {
        shareGallery();
        CreateImageVersionWizard *wizard =
            m_session.open(demodata::cmkImageVersionDraft(QStringLiteral("8.1.0")));
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));
        QCOMPARE(wizard->currentId(), int(cmkui::EncryptionPageId));
        QTRY_VERIFY_WITH_TIMEOUT(errorText(wizard).contains(QLatin1String("galContosoProd is shared")),
                                 10000);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());

        find<QAbstractButton>(wizard, QStringLiteral("platformKeyRadio"))->click();
        QVERIFY(next(wizard));
        QCOMPARE(m_session.draft->draft().encryption, cmk::EncryptionMode::PlatformKey);
    }

    void customerKeyVersionCannotBeTheSource() {
        cmk::ImageVersionDraft copy = demodata::imageVersionDraft(QStringLiteral("8.2.0"));
        copy.sourceKind = cmk::SourceKind::ImageVersion;
        copy.sourceId = demodata::imageVersionId(QStringLiteral("1.1.0"));
        copy.dataDiskSnapshots.clear();
        copy.sourceDataDiskLuns = {0, 1};
        CreateImageVersionWizard *wizard = m_session.open(copy);
        QTRY_VERIFY_WITH_TIMEOUT(
            errorText(wizard).contains(QLatin1String("source image version 1.1.0 is encrypted")), 10000);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    }
};

QTEST_MAIN(TestLimitationsGui)
#include "tst_limitations_gui.moc"
