// The "Create VM from this version" wizard, offscreen, against a real armsandbox over HTTP: what the user is
// offered, what blocks Next (and the visible reason), and the exact bodies the sandbox receives.

#include "arm/armclient.h"
#include "armsandbox.h"
#include "common/diskencryptionsetmodel.h"
#include "common/resourcelistmodel.h"
#include "support/demodraft.h"
#include "vm/vmdraft.h"
#include "vm/vmsource.h"
#include "vmwizard/vmbasicspage.h"
#include "vmwizard/vmdiskspage.h"
#include "vmwizard/vmnetworkingpage.h"
#include "vmwizard/vmreviewpage.h"
#include "vmwizard/vmwizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace cmkui;

namespace {

using demodata::DevSub;
using demodata::Sub;
const QString kVersion = demodata::imageVersionId(QStringLiteral("1.1.0"));

QString des(const QString &name, const QString &subscription = Sub) {
    return demodata::demoDesId(name, subscription);
}

QString sshKey() {
    return demodata::sshPublicKey();
}

QStringList comboTexts(QComboBox *combo) {
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts << combo->itemText(i);
    return texts;
}

QStringList comboIds(QComboBox *combo, int role) {
    QStringList ids;
    for (int i = 0; i < combo->count(); ++i)
        ids << combo->itemData(i, role).toString();
    return ids;
}

} // namespace

class TestVmWizard : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    std::unique_ptr<cmk::ArmClient> m_client;

    template <typename T> static T *child(QWidget *root, const QString &name) {
        T *widget = root->findChild<T *>(name);
        if (!widget)
            qWarning("no child %s", qPrintable(name));
        return widget;
    }

    static QString errorText(QWidget *page) {
        auto *label = page->findChild<QLabel *>(QStringLiteral("errorLabel"));
        return label && label->isVisible() ? label->text() : QString();
    }

    /// What a page says under one of its fields (empty while hidden).
    static QString fieldError(QWidget *root, const QString &labelName) {
        auto *label = child<QLabel>(root, labelName);
        return label && label->isVisible() ? label->text() : QString();
    }

    void screenshot(QWidget *widget, const QString &name) {
        const QString dir = qEnvironmentVariable("CMK_VM_SCREENSHOTS");
        if (!dir.isEmpty())
            widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
    }

    std::unique_ptr<CreateVmWizard> openWizard(const QString &version = kVersion) {
        auto wizard = std::make_unique<CreateVmWizard>(m_client.get(), version);
        wizard->show();
        if (!QTest::qWaitFor(
                [&] { return !wizard->imageSource()->isLoading() && wizard->imageSource()->isLoaded(); },
                10000))
            qWarning("image not loaded");
        if (!QTest::qWaitFor([&] { return wizard->diskEncryptionSets()->isComplete(); }, 10000))
            qWarning("disk encryption sets not listed");
        if (!QTest::qWaitFor([&] { return wizard->sizes()->isComplete(); }, 10000))
            qWarning("sizes not listed");
        return wizard;
    }

    void fillBasics(CreateVmWizard &w, const QString &name,
                    const QString &group = QStringLiteral("rg-build")) {
        auto *groups = child<QComboBox>(&w, QStringLiteral("resourceGroupCombo"));
        QTRY_VERIFY(groups->count() > 0);
        groups->setCurrentIndex(groups->findText(group));
        QTest::keyClicks(child<QLineEdit>(&w, QStringLiteral("vmNameEdit")), name);
        if (w.draftModel()->draft().hasAdminAccount()) {
            QTest::keyClicks(child<QLineEdit>(&w, QStringLiteral("adminUsernameEdit")),
                             QStringLiteral("azureops"));
            child<QPlainTextEdit>(&w, QStringLiteral("sshKeyEdit"))->setPlainText(sshKey());
        }
    }

    /// Clicks Next `pages` times, each once the page allows it.
    static bool advance(CreateVmWizard &w, int pages) {
        for (int i = 0; i < pages; ++i) {
            if (!QTest::qWaitFor([&] { return w.button(QWizard::NextButton)->isEnabled(); }, 5000)) {
                qWarning("Next stays disabled: %s", qPrintable(errorText(w.currentPage())));
                return false;
            }
            w.next();
        }
        return true;
    }

    QList<QJsonObject> puts(const QString &pathPart) const {
        QList<QJsonObject> bodies;
        for (const armsandbox::Exchange &e : m_sandbox->exchanges()) {
            if (e.liveRequest.value(QLatin1String("method")).toString() == QLatin1String("PUT") &&
                e.liveRequest.value(QLatin1String("url")).toString().contains(pathPart, Qt::CaseInsensitive))
                bodies << e.liveRequest.value(QLatin1String("body")).toObject();
        }
        return bodies;
    }

    QStringList putUrls() const {
        QStringList urls;
        for (const armsandbox::Exchange &e : m_sandbox->exchanges()) {
            if (e.liveRequest.value(QLatin1String("method")).toString() == QLatin1String("PUT"))
                urls << e.liveRequest.value(QLatin1String("url")).toString();
        }
        return urls;
    }

    static QJsonObject jsonAt(const QJsonObject &root, const QString &path) {
        QJsonValue v = root;
        for (const QString &key : path.split(QLatin1Char('.'))) {
            bool isIndex = false;
            const int index = key.toInt(&isIndex);
            v = isIndex ? v.toArray().at(index) : v.toObject().value(key);
        }
        return v.toObject();
    }

    /// A specialized definition with a version in westeurope, encrypted there with des-weu-cmk.
    void addSpecializedImage() {
        const QString definition =
            QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/"
                           "Microsoft.Compute/galleries/galContosoProd/images/ubuntu-specialized")
                .arg(Sub);
        m_sandbox->setResource(QJsonObject{
            {"id", definition},
            {"name", "ubuntu-specialized"},
            {"type", "Microsoft.Compute/galleries/images"},
            {"location", "westeurope"},
            {"properties",
             QJsonObject{
                 {"osType", "Linux"},
                 {"osState", "Specialized"},
                 {"hyperVGeneration", "V2"},
                 {"provisioningState", "Succeeded"},
                 {"identifier", QJsonObject{{"publisher", "Contoso"}, {"offer", "spec"}, {"sku", "1"}}}}}});
        m_sandbox->setResource(QJsonObject{
            {"id", definition + "/versions/1.0.0"},
            {"name", "1.0.0"},
            {"type", "Microsoft.Compute/galleries/images/versions"},
            {"location", "westeurope"},
            {"properties",
             QJsonObject{
                 {"provisioningState", "Succeeded"},
                 {"publishingProfile",
                  QJsonObject{{"targetRegions",
                               QJsonArray{QJsonObject{
                                   {"name", "West Europe"},
                                   {"encryption",
                                    QJsonObject{{"osDiskImage", QJsonObject{{"diskEncryptionSetId",
                                                                             des("des-weu-cmk")}}}}}}}}}},
                 {"storageProfile", QJsonObject{{"osDiskImage", QJsonObject{{"sizeInGB", 30}}}}}}}});
    }

    /// A platform-key version replicated to westeurope and northeurope (where there is no DES at all).
    QString addNorthEuropeVersion() {
        QString id = demodata::imageVersionId(QStringLiteral("1.2.0"));
        m_sandbox->setResource(QJsonObject{
            {"id", id},
            {"name", "1.2.0"},
            {"type", "Microsoft.Compute/galleries/images/versions"},
            {"location", "westeurope"},
            {"properties",
             QJsonObject{{"provisioningState", "Succeeded"},
                         {"publishingProfile",
                          QJsonObject{{"targetRegions", QJsonArray{QJsonObject{{"name", "North Europe"}},
                                                                   QJsonObject{{"name", "West Europe"}}}}}},
                         {"storageProfile", QJsonObject{{"osDiskImage", QJsonObject{{"sizeInGB", 30}}}}}}}});
        return id;
    }

private Q_SLOTS:
    void init() {
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        armsandbox::SandboxOptions options;
        options.lroPollsUntilDone = 2;
        QString why;
        QVERIFY2(m_sandbox->start(options, &why), qPrintable(why));
        m_client = std::make_unique<cmk::ArmClient>();
        m_client->setEndpoint(m_sandbox->baseUrl());
        m_client->setDefaultPollIntervalMs(10);
        cmk::RetryPolicy retry;
        retry.maxTries = 1;
        m_client->setRetryPolicy(retry);
    }

    void cleanup() {
        m_client.reset();
        m_sandbox.reset();
    }

    void createsWithTheImageDesInWestEurope() {
        auto w = openWizard();
        QVERIFY(w->imageSource()->isLoaded());
        auto *regions = child<QComboBox>(w.get(), QStringLiteral("regionCombo"));
        // Only the regions the version is replicated to (eastus2 has a VNet, but no replica).
        QCOMPARE(comboIds(regions, Qt::UserRole),
                 (QStringList{QStringLiteral("westeurope"), QStringLiteral("francecentral")}));
        QCOMPARE(regions->currentData().toString(), QStringLiteral("westeurope"));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        // Nothing touched yet: no error shown, but "Why can't I continue?" tells.
        QVERIFY(errorText(w->currentPage()).isEmpty());
        auto *why = child<QPushButton>(w->currentPage(), QStringLiteral("whyDisabledButton"));
        QVERIFY(why->isVisible());
        why->click();
        QVERIFY(fieldError(w.get(), QStringLiteral("vmNameErrorLabel"))
                    .contains(QStringLiteral("name for the virtual machine")));
        QVERIFY(!why->isVisible());
        fillBasics(*w, QStringLiteral("vm-web-01"));
        QCOMPARE(w->draftModel()->draft().size, QStringLiteral("Standard_D2s_v5"));
        QTRY_VERIFY2(w->button(QWizard::NextButton)->isEnabled(), qPrintable(errorText(w->currentPage())));
        screenshot(w.get(), QStringLiteral("1-basics"));

        w->next();
        QCOMPARE(w->currentId(), int(CreateVmWizard::NetworkingPageId));
        auto *vnets = child<QComboBox>(w.get(), QStringLiteral("vnetCombo"));
        QTRY_VERIFY(w->networkingPage()->virtualNetworks()->isComplete());
        QCOMPARE(vnets->count(),
                 1); // vnet-build-weu only: the France Central and East US 2 networks are not offered
        QVERIFY(vnets->itemText(0).startsWith(QStringLiteral("vnet-build-weu")));
        QTRY_VERIFY(
            w->draftModel()->draft().subnetId.endsWith(QStringLiteral("/vnet-build-weu/subnets/default")));
        QTRY_VERIFY(w->button(QWizard::NextButton)->isEnabled());
        screenshot(w.get(), QStringLiteral("2-networking"));

        w->next();
        QCOMPARE(w->currentId(), int(CreateVmWizard::DisksPageId));
        auto *os = w->disksPage()->desCombo(-1);
        QVERIFY(os);
        QVERIFY(w->disksPage()->desCombo(0) && w->disksPage()->desCombo(1));
        QCOMPARE(child<QComboBox>(w.get(), QStringLiteral("encryptionCombo"))->currentData().toInt(),
                 int(cmk::EncryptionMode::CustomerKey));
        // Only des-weu-cmk: not the double-encryption set, not France Central's, not the Dev/Test
        // subscription's.
        QCOMPARE(comboIds(os, DiskEncryptionSetModel::IdRole), QStringList{des("des-weu-cmk")});
        QCOMPARE(os->currentData(DiskEncryptionSetModel::IdRole).toString(), des("des-weu-cmk"));
        QCOMPARE(w->disksPage()->desCombo(1)->currentData(DiskEncryptionSetModel::IdRole).toString(),
                 des("des-weu-cmk"));
        QVERIFY(child<QLabel>(w.get(), QStringLiteral("imageDesLabel"))
                    ->text()
                    .contains(QStringLiteral("des-weu-cmk")));
        QTRY_VERIFY2(w->button(QWizard::NextButton)->isEnabled(), qPrintable(errorText(w->currentPage())));
        screenshot(w.get(), QStringLiteral("3-disks"));

        w->next();
        QCOMPARE(w->currentId(), int(CreateVmWizard::ReviewPageId));
        const QString requests =
            child<QPlainTextEdit>(w.get(), QStringLiteral("requestsEdit"))->toPlainText();
        QVERIFY(requests.contains(QStringLiteral("/networkInterfaces/vm-web-01-nic?api-version=2024-05-01")));
        QVERIFY(requests.contains(QStringLiteral("/virtualMachines/vm-web-01?api-version=2024-11-01")));
        QVERIFY(!requests.contains(QStringLiteral("virtualNetworks/vm-web-01")));
        QCOMPARE(w->button(QWizard::FinishButton)->text().remove(QLatin1Char('&')), QStringLiteral("Create"));
        screenshot(w.get(), QStringLiteral("4-review"));
        QVERIFY(puts(QStringLiteral("/")).isEmpty()); // nothing sent before Create

        w->button(QWizard::FinishButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w->reviewPage()->submitter()->stage(), cmk::VmSubmitter::Stage::Succeeded,
                                  15000);
        QTRY_VERIFY(child<QLabel>(w.get(), QStringLiteral("resultLabel"))
                        ->text()
                        .contains(QStringLiteral("virtualMachines/vm-web-01")));
        screenshot(w.get(), QStringLiteral("5-created"));

        const QStringList urls = putUrls();
        QCOMPARE(urls.size(), 2);
        QVERIFY(urls.at(0).contains(QStringLiteral("/networkInterfaces/vm-web-01-nic")));
        QVERIFY(urls.at(1).contains(QStringLiteral("/virtualMachines/vm-web-01")));
        const QJsonObject vm = puts(QStringLiteral("/virtualMachines/")).value(0);
        QCOMPARE(vm.value("location").toString(), QStringLiteral("westeurope"));
        const QJsonObject storage = jsonAt(vm, QStringLiteral("properties.storageProfile"));
        QCOMPARE(jsonAt(storage, QStringLiteral("imageReference")).value("id").toString(), kVersion);
        QCOMPARE(jsonAt(storage, QStringLiteral("osDisk")).value("createOption").toString(),
                 QStringLiteral("FromImage"));
        QCOMPARE(
            jsonAt(storage, QStringLiteral("osDisk.managedDisk.diskEncryptionSet")).value("id").toString(),
            des("des-weu-cmk"));
        const QJsonArray data = storage.value("dataDisks").toArray();
        QCOMPARE(data.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(data.at(i).toObject().value("lun").toInt(), i);
            QCOMPARE(data.at(i).toObject().value("createOption").toString(), QStringLiteral("FromImage"));
            QCOMPARE(jsonAt(data.at(i).toObject(), QStringLiteral("managedDisk.diskEncryptionSet"))
                         .value("id")
                         .toString(),
                     des("des-weu-cmk"));
        }
        const QJsonObject osProfile = jsonAt(vm, QStringLiteral("properties.osProfile"));
        QCOMPARE(osProfile.value("adminUsername").toString(), QStringLiteral("azureops"));
        QVERIFY(!osProfile.contains("adminPassword"));
        QCOMPARE(jsonAt(osProfile, QStringLiteral("linuxConfiguration.ssh.publicKeys.0"))
                     .value("keyData")
                     .toString(),
                 sshKey());
        const QJsonObject nic = puts(QStringLiteral("/networkInterfaces/")).value(0);
        QVERIFY(jsonAt(nic, QStringLiteral("properties.ipConfigurations.0.properties.subnet"))
                    .value("id")
                    .toString()
                    .endsWith(QStringLiteral("vnet-build-weu/subnets/default")));
        // What Azure made of it: the managed disks carry the keys.
        const QJsonObject osDiskResource =
            m_sandbox->resource(QStringLiteral("/subscriptions/%1/resourceGroups/rg-build/providers/"
                                               "Microsoft.Compute/disks/vm-web-01_OsDisk")
                                    .arg(Sub));
        QCOMPARE(jsonAt(osDiskResource, QStringLiteral("properties.encryption"))
                     .value("diskEncryptionSetId")
                     .toString(),
                 des("des-weu-cmk"));
    }

    void newNetworkPasswordAndDoubleEncryptionInFranceCentral() {
        auto w = openWizard();
        auto *regions = child<QComboBox>(w.get(), QStringLiteral("regionCombo"));
        regions->setCurrentIndex(regions->findData(QStringLiteral("francecentral")));
        QTRY_COMPARE(w->draftModel()->draft().osDiskDesId,
                     des("des-frc-cmk")); // the image's set in that region
        auto *groups = child<QComboBox>(w.get(), QStringLiteral("resourceGroupCombo"));
        QTRY_VERIFY(groups->count() > 0);
        groups->setCurrentIndex(groups->findText(QStringLiteral("rg-build")));
        QTest::keyClicks(child<QLineEdit>(w.get(), QStringLiteral("vmNameEdit")),
                         QStringLiteral("vm-frc-01"));
        QTest::keyClicks(child<QLineEdit>(w.get(), QStringLiteral("adminUsernameEdit")),
                         QStringLiteral("azureops"));
        child<QRadioButton>(w.get(), QStringLiteral("passwordRadio"))->click();
        const QString password = QStringLiteral("Correct-Horse-42");
        QTest::keyClicks(child<QLineEdit>(w.get(), QStringLiteral("passwordEdit")), password);
        QVERIFY(fieldError(w.get(), QStringLiteral("confirmPasswordErrorLabel")).contains(QStringLiteral("passwords differ")));
        QTest::keyClicks(child<QLineEdit>(w.get(), QStringLiteral("confirmPasswordEdit")), password);
        QTRY_VERIFY2(w->button(QWizard::NextButton)->isEnabled(), qPrintable(errorText(w->currentPage())));

        w->next();
        QTRY_VERIFY(w->networkingPage()->virtualNetworks()->isComplete());
        QCOMPARE(child<QComboBox>(w.get(), QStringLiteral("vnetCombo"))->count(), 1); // vnet-build-frc
        child<QRadioButton>(w.get(), QStringLiteral("newNetworkRadio"))->click();
        QCOMPARE(child<QLineEdit>(w.get(), QStringLiteral("newVnetNameEdit"))->text(),
                 QStringLiteral("vm-frc-01-vnet"));
        auto *subnetPrefix = child<QLineEdit>(w.get(), QStringLiteral("subnetPrefixEdit"));
        subnetPrefix->clear();
        QTest::keyClicks(subnetPrefix, QStringLiteral("10.1.0.0/24"));
        QTRY_VERIFY(errorText(w->currentPage()).contains(QStringLiteral("inside the virtual network")));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        subnetPrefix->clear();
        QTest::keyClicks(subnetPrefix, QStringLiteral("10.0.1.0/24"));
        QTRY_VERIFY2(w->button(QWizard::NextButton)->isEnabled(), qPrintable(errorText(w->currentPage())));

        w->next();
        auto *encryption = child<QComboBox>(w.get(), QStringLiteral("encryptionCombo"));
        encryption->setCurrentIndex(encryption->findData(int(cmk::EncryptionMode::PlatformAndCustomerKeys)));
        auto *os = w->disksPage()->desCombo(-1);
        QCOMPARE(comboIds(os, DiskEncryptionSetModel::IdRole), QStringList{des("des-frc-double")});
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled()); // the CMK sets chosen before no longer fit
        QVERIFY(errorText(w->currentPage()).contains(QStringLiteral("des-frc-cmk")));
        child<QAbstractButton>(w.get(), QStringLiteral("sameDesCheck"))->setChecked(false);
        os->setCurrentIndex(0);
        child<QAbstractButton>(w.get(), QStringLiteral("sameDesCheck"))->setChecked(true);
        QTRY_VERIFY2(w->button(QWizard::NextButton)->isEnabled(), qPrintable(errorText(w->currentPage())));

        w->next();
        const QString requests =
            child<QPlainTextEdit>(w.get(), QStringLiteral("requestsEdit"))->toPlainText();
        QVERIFY(!requests.contains(password));
        QVERIFY(requests.contains(QStringLiteral("\"adminPassword\": \"********\"")));
        w->button(QWizard::FinishButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w->reviewPage()->submitter()->stage(), cmk::VmSubmitter::Stage::Succeeded,
                                  15000);

        const QStringList urls = putUrls();
        QCOMPARE(urls.size(), 3); // VNet → NIC → VM
        QVERIFY(
            urls.at(0).contains(QStringLiteral("/virtualNetworks/vm-frc-01-vnet?api-version=2024-05-01")));
        QVERIFY(urls.at(1).contains(QStringLiteral("/networkInterfaces/vm-frc-01-nic")));
        QVERIFY(urls.at(2).contains(QStringLiteral("/virtualMachines/vm-frc-01")));
        const QJsonObject vnet = puts(QStringLiteral("/virtualNetworks/")).value(0);
        QCOMPARE(jsonAt(vnet, QStringLiteral("properties.addressSpace"))
                     .value("addressPrefixes")
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("10.0.0.0/16"));
        QCOMPARE(
            jsonAt(vnet, QStringLiteral("properties.subnets.0.properties")).value("addressPrefix").toString(),
            QStringLiteral("10.0.1.0/24"));
        const QJsonObject vm = puts(QStringLiteral("/virtualMachines/")).value(0);
        QCOMPARE(jsonAt(vm, QStringLiteral("properties.osProfile")).value("adminPassword").toString(),
                 password);
        QCOMPARE(jsonAt(vm, QStringLiteral("properties.osProfile.linuxConfiguration"))
                     .value("disablePasswordAuthentication")
                     .toBool(true),
                 false);
        for (const QString &path :
             {QStringLiteral("properties.storageProfile.osDisk.managedDisk.diskEncryptionSet"),
              QStringLiteral("properties.storageProfile.dataDisks.0.managedDisk.diskEncryptionSet"),
              QStringLiteral("properties.storageProfile.dataDisks.1.managedDisk.diskEncryptionSet")})
            QCOMPARE(jsonAt(vm, path).value("id").toString(), des("des-frc-double"));
    }

    void badAdminInputsBlockNextWithAReason() {
        auto w = openWizard();
        fillBasics(*w, QStringLiteral("vm-bad-01"));
        QTRY_VERIFY(w->button(QWizard::NextButton)->isEnabled());
        auto *user = child<QLineEdit>(w.get(), QStringLiteral("adminUsernameEdit"));
        user->clear();
        QTest::keyClicks(user, QStringLiteral("admin"));
        QTRY_VERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QVERIFY(fieldError(w.get(), QStringLiteral("adminUsernameErrorLabel")).contains(QStringLiteral("“admin” is reserved")));
        user->clear();
        QTest::keyClicks(user, QStringLiteral("1ops"));
        QVERIFY(fieldError(w.get(), QStringLiteral("adminUsernameErrorLabel")).contains(QStringLiteral("must not start with a digit")));
        user->clear();
        QTest::keyClicks(user, QStringLiteral("azureops"));
        QTRY_VERIFY(w->button(QWizard::NextButton)->isEnabled());

        auto *key = child<QPlainTextEdit>(w.get(), QStringLiteral("sshKeyEdit"));
        key->setPlainText(QStringLiteral("ssh-dss AAAAB3NzaC1kc3MAAACBAP ops@host"));
        QTRY_VERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QVERIFY(fieldError(w.get(), QStringLiteral("sshKeyErrorLabel")).contains(QStringLiteral("must start with ssh-rsa")));
        key->setPlainText(QStringLiteral("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIGtr ops@host"));
        QVERIFY(fieldError(w.get(), QStringLiteral("sshKeyErrorLabel")).contains(QStringLiteral("damaged")));

        child<QRadioButton>(w.get(), QStringLiteral("passwordRadio"))->click();
        auto *password = child<QLineEdit>(w.get(), QStringLiteral("passwordEdit"));
        QTest::keyClicks(password, QStringLiteral("Short1!"));
        QVERIFY(fieldError(w.get(), QStringLiteral("passwordErrorLabel")).contains(QStringLiteral("12 to 72 characters")));
        password->clear();
        QTest::keyClicks(password, QStringLiteral("alllowercaseletters"));
        QVERIFY(fieldError(w.get(), QStringLiteral("passwordErrorLabel")).contains(QStringLiteral("at least 3 of")));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        auto *name = child<QLineEdit>(w.get(), QStringLiteral("vmNameEdit"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("-vm"));
        QVERIFY(fieldError(w.get(), QStringLiteral("vmNameErrorLabel")).contains(QStringLiteral("must not start or end with a hyphen")));
        screenshot(w.get(), QStringLiteral("6-basics-errors"));
    }

    void specializedImageHasNoAdminAccount() {
        addSpecializedImage();
        const QString version =
            QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/"
                           "galleries/galContosoProd/images/ubuntu-specialized/versions/1.0.0")
                .arg(Sub);
        auto w = openWizard(version);
        QVERIFY(w->draftModel()->draft().isSpecialized());
        QVERIFY(!child<QGroupBox>(w.get(), QStringLiteral("adminGroup"))->isVisible());
        QVERIFY(child<QLabel>(w.get(), QStringLiteral("specializedNote"))->isVisible());
        fillBasics(*w, QStringLiteral("vm-spec-01"));
        QTRY_VERIFY2(w->button(QWizard::NextButton)->isEnabled(), qPrintable(errorText(w->currentPage())));
        screenshot(w.get(), QStringLiteral("7-specialized"));
        w->next();
        QTRY_VERIFY(w->button(QWizard::NextButton)->isEnabled());
        w->next();
        QVERIFY(w->disksPage()->desCombo(-1) && !w->disksPage()->desCombo(0));
        QTRY_VERIFY(w->button(QWizard::NextButton)->isEnabled());
        w->next();
        w->button(QWizard::FinishButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w->reviewPage()->submitter()->stage(), cmk::VmSubmitter::Stage::Succeeded,
                                  15000);
        const QJsonObject vm = puts(QStringLiteral("/virtualMachines/")).value(0);
        QVERIFY(!vm.value("properties").toObject().contains("osProfile"));
        QCOMPARE(jsonAt(vm, QStringLiteral("properties.storageProfile.osDisk.managedDisk.diskEncryptionSet"))
                     .value("id")
                     .toString(),
                 des("des-weu-cmk"));
    }

    void regionWithoutDesBlocksCustomerKeys() {
        const QString version = addNorthEuropeVersion();
        auto w = openWizard(version);
        auto *regions = child<QComboBox>(w.get(), QStringLiteral("regionCombo"));
        QCOMPARE(comboIds(regions, Qt::UserRole),
                 (QStringList{QStringLiteral("northeurope"), QStringLiteral("westeurope")}));
        fillBasics(*w, QStringLiteral("vm-neu-01"));
        QTRY_VERIFY(w->button(QWizard::NextButton)->isEnabled());
        w->next();
        // No network in North Europe: the page switches to a new one.
        QTRY_COMPARE(w->draftModel()->draft().networkMode, cmk::VmNetworkMode::NewVirtualNetwork);
        QVERIFY(child<QLabel>(w.get(), QStringLiteral("noNetworkLabel"))->isVisible());
        QTRY_VERIFY(w->button(QWizard::NextButton)->isEnabled());
        w->next();
        auto *encryption = child<QComboBox>(w.get(), QStringLiteral("encryptionCombo"));
        QCOMPARE(encryption->currentData().toInt(),
                 int(cmk::EncryptionMode::PlatformKey)); // as the image there
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());
        encryption->setCurrentIndex(encryption->findData(int(cmk::EncryptionMode::CustomerKey)));
        QCOMPARE(w->disksPage()->desCombo(-1)->count(), 0);
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QVERIFY(errorText(w->currentPage()).contains(QStringLiteral("no disk encryption set")));
        QVERIFY(child<QLabel>(w.get(), QStringLiteral("noDesLabel"))
                    ->text()
                    .contains(QStringLiteral("az disk-encryption-set create")));
        screenshot(w.get(), QStringLiteral("8-no-des"));
    }

    void armErrorIsShownAndResubmitWorks() {
        auto w = openWizard();
        fillBasics(*w, QStringLiteral("vm-retry-01"));
        QVERIFY(advance(*w, 3));
        QString why;
        QVERIFY2(m_sandbox->setFaults(QStringLiteral("status=409:path=/virtualMachines/:method=PUT"), &why),
                 qPrintable(why));
        w->button(QWizard::FinishButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w->reviewPage()->submitter()->stage(), cmk::VmSubmitter::Stage::Failed,
                                  15000);
        auto *error = child<QLabel>(w.get(), QStringLiteral("submitErrorLabel"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("virtual machine")));
        QVERIFY(w->button(QWizard::BackButton)->isEnabled());
        screenshot(w.get(), QStringLiteral("9-arm-error"));
        QVERIFY(m_sandbox->setFaults(QString(), &why));
        w->button(QWizard::FinishButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w->reviewPage()->submitter()->stage(), cmk::VmSubmitter::Stage::Succeeded,
                                  15000);
        QCOMPARE(w->draftModel()->draft().name, QStringLiteral("vm-retry-01"));
    }

    void diskSizeAndStorageTypes() {
        auto w = openWizard();
        fillBasics(*w, QStringLiteral("vm-disks-01"));
        QVERIFY(advance(*w, 2));
        QCOMPARE(w->currentId(), int(CreateVmWizard::DisksPageId));
        QSpinBox *size = w->disksPage()->osDiskSizeSpin();
        QVERIFY(size && size->isVisible());
        QCOMPARE(size->value(), 0);
        QCOMPARE(size->text(), QStringLiteral("As the image (30 GiB)"));
        QTRY_VERIFY(w->button(QWizard::NextButton)->isEnabled());
        size->setValue(20);
        QTRY_VERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QVERIFY2(errorText(w->currentPage()).contains(QStringLiteral("choose at least 30 GiB")),
                 qPrintable(errorText(w->currentPage())));
        size->setValue(64);
        QTRY_VERIFY2(w->button(QWizard::NextButton)->isEnabled(), qPrintable(errorText(w->currentPage())));
        QComboBox *osStorage = w->disksPage()->storageCombo(-1);
        QComboBox *lun1Storage = w->disksPage()->storageCombo(1);
        QVERIFY(osStorage && lun1Storage && w->disksPage()->storageCombo(0));
        QCOMPARE(comboTexts(osStorage),
                 (QStringList{QStringLiteral("Default"), QStringLiteral("Standard HDD (LRS)"),
                              QStringLiteral("Standard SSD (LRS)"), QStringLiteral("Premium SSD (LRS)"),
                              QStringLiteral("Standard SSD (ZRS)"), QStringLiteral("Premium SSD (ZRS)")}));
        osStorage->setCurrentIndex(osStorage->findData(QStringLiteral("Premium_LRS")));
        lun1Storage->setCurrentIndex(lun1Storage->findData(QStringLiteral("StandardSSD_ZRS")));
        screenshot(w.get(), QStringLiteral("10-disk-options"));

        w->next();
        QCOMPARE(w->currentId(), int(CreateVmWizard::ReviewPageId));
        const QString summary =
            child<QWidget>(w.get(), QStringLiteral("summaryView"))->property("plainText").toString();
        QVERIFY2(summary.contains(QStringLiteral("64 GiB")), qPrintable(summary));
        w->button(QWizard::FinishButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w->reviewPage()->submitter()->stage(), cmk::VmSubmitter::Stage::Succeeded,
                                  15000);
        const QJsonObject storage = jsonAt(puts(QStringLiteral("/virtualMachines/")).value(0),
                                           QStringLiteral("properties.storageProfile"));
        const QJsonObject osDisk = jsonAt(storage, QStringLiteral("osDisk"));
        QCOMPARE(osDisk.value("diskSizeGB").toInt(), 64);
        QCOMPARE(jsonAt(osDisk, QStringLiteral("managedDisk")).value("storageAccountType").toString(),
                 QStringLiteral("Premium_LRS"));
        QCOMPARE(jsonAt(osDisk, QStringLiteral("managedDisk.diskEncryptionSet")).value("id").toString(),
                 des("des-weu-cmk"));
        QVERIFY(!jsonAt(storage, QStringLiteral("dataDisks.0.managedDisk")).contains("storageAccountType"));
        QCOMPARE(
            jsonAt(storage, QStringLiteral("dataDisks.1.managedDisk")).value("storageAccountType").toString(),
            QStringLiteral("StandardSSD_ZRS"));
    }

    void draftIsRestoredWhenTheWizardOpensAgain() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("CMKWIZARD_AUTOSAVE_PATH", dir.filePath(QStringLiteral("autosave-draft.json")).toUtf8());
        QPointer<CreateVmWizard> w = openCreateVmWizard(nullptr, m_client.get(), kVersion);
        QVERIFY(!w->restoredDraft());
        QTRY_VERIFY_WITH_TIMEOUT(w->imageSource()->isLoaded(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(w->diskEncryptionSets()->isComplete() && w->sizes()->isComplete(), 10000);
        fillBasics(*w, QStringLiteral("vm-saved-01"));
        QVERIFY(advance(*w, 2));
        auto *sameDes = child<QAbstractButton>(w, QStringLiteral("sameDesCheck"));
        sameDes->setChecked(false);
        w->disksPage()->osDiskSizeSpin()->setValue(48);
        QComboBox *osStorage = w->disksPage()->storageCombo(-1);
        osStorage->setCurrentIndex(osStorage->findData(QStringLiteral("StandardSSD_LRS")));
        const cmk::VmDraft typed = w->draftModel()->draft();
        QCOMPARE(typed.name, QStringLiteral("vm-saved-01"));
        // Closing asks first; once confirmed, what the debounce still held is written on the way out.
        w->close();
        QMessageBox *ask = nullptr;
        QTRY_VERIFY((ask = w->findChild<QMessageBox *>(QStringLiteral("closeWizardQuestion"))) &&
                    ask->isVisible());
        QVERIFY(w->isVisible());
        QVERIFY2(ask->text().startsWith(QLatin1String("Discard this virtual machine? The draft is kept")),
                 qPrintable(ask->text()));
        ask->findChild<QPushButton *>(QStringLiteral("confirmCloseWizardButton"))->click();
        QTRY_VERIFY(w.isNull());
        const QString path = CreateVmWizard::defaultAutosavePath(kVersion);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QVERIFY(path.startsWith(dir.path()));

        w = openCreateVmWizard(nullptr, m_client.get(), kVersion);
        QVERIFY(w->restoredDraft());
        QTRY_VERIFY_WITH_TIMEOUT(w->imageSource()->isLoaded(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(w->diskEncryptionSets()->isComplete() && w->sizes()->isComplete(), 10000);
        QCOMPARE(child<QLineEdit>(w, QStringLiteral("vmNameEdit"))->text(), QStringLiteral("vm-saved-01"));
        QCOMPARE(child<QLineEdit>(w, QStringLiteral("adminUsernameEdit"))->text(),
                 QStringLiteral("azureops"));
        QCOMPARE(child<QPlainTextEdit>(w, QStringLiteral("sshKeyEdit"))->toPlainText(), sshKey());
        QTRY_COMPARE(child<QComboBox>(w, QStringLiteral("resourceGroupCombo"))->currentText(),
                     QStringLiteral("rg-build"));
        QVERIFY(w->draftModel()->draft() == typed);
        QVERIFY(advance(*w, 2));
        QCOMPARE(w->disksPage()->osDiskSizeSpin()->value(), 48);
        QCOMPARE(w->disksPage()->storageCombo(-1)->currentData().toString(), QStringLiteral("StandardSSD_LRS"));
        QCOMPARE(w->disksPage()->desCombo(-1)->currentData(DiskEncryptionSetModel::IdRole).toString(),
                 des("des-weu-cmk"));
        QCOMPARE(w->draftModel()->draft(), typed);

        // Another version starts from its own (empty) draft.
        QPointer<CreateVmWizard> other = openCreateVmWizard(nullptr, m_client.get(), addNorthEuropeVersion());
        QVERIFY(!other->restoredDraft());
        QVERIFY(other->draftModel()->draft().name.isEmpty());
        delete other;

        // Once the VM exists the draft is done: its file goes.
        w->next();
        w->button(QWizard::FinishButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w->reviewPage()->submitter()->stage(), cmk::VmSubmitter::Stage::Succeeded,
                                  15000);
        QTRY_VERIFY(!QFile::exists(path));
        delete w;
        QVERIFY(!QFile::exists(path));
        qunsetenv("CMKWIZARD_AUTOSAVE_PATH");
    }

    void retranslatesOnLanguageChange() {
        auto w = openWizard();
        auto *page = w->basicsPage();
        page->setTitle(QStringLiteral("stale"));
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(page, &event);
        QCOMPARE(page->title(), QStringLiteral("Basics"));
    }
};

QTEST_MAIN(TestVmWizard)
#include "tst_vmwizard.moc"
