// The health of the chosen Disk Encryption Sets' keys in the real wizard and review window, offscreen,
// against an in-process armsandbox over HTTP with its demo data (des-wus-cmk without key access,
// kv-contoso-eus without purge protection): the Encryption grid's icons and tooltips, Next blocked on an
// error, the fix buttons changing the sandbox's vaults, Review + create repeating the health, and the review
// window and its reports.

#include "common/deshealthview.h"
#include "common/diskencryptionsetmodel.h"
#include "keyvault/deshealthcache.h"
#include "review/reviewwindow.h"
#include "support/wizardharness.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>

using namespace wizardtest;
using cmkui::CreateImageVersionWizard;

namespace {

QString vaultId(const QString &name) {
    return QStringLiteral(
               "/subscriptions/%1/resourceGroups/rg-keys-prod/providers/Microsoft.KeyVault/vaults/%2")
        .arg(Sub, name);
}

/// Version `version` of the demo image with `mode` and, per target region, the set of its disks.
cmk::ImageVersionDraft draftWith(const QString &version, cmk::EncryptionMode mode,
                                 const QList<QPair<QString, QString>> &regionSets) {
    cmk::ImageVersionDraft draft = demodata::imageVersionDraft(version);
    draft.encryption = mode;
    draft.targetRegions.clear();
    for (const auto &[name, desName] : regionSets) {
        cmk::RegionDraft region;
        region.name = name;
        region.osDiskDesId = desName.isEmpty() ? QString() : desId(desName);
        draft.targetRegions << region;
    }
    draft.normalizeEncryption();
    return draft;
}

} // namespace

class TestKeyHealthGui : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    std::unique_ptr<cmk::ArmClient> m_client;
    std::unique_ptr<cmk::ImageVersionDraftModel> m_draft;
    std::unique_ptr<CreateImageVersionWizard> m_wizard;

    template <typename T> T *w(const QString &name) { return find<T>(m_wizard.get(), name); }

    QString healthOf(const QString &cell) {
        auto *icon = m_wizard->findChild<QLabel *>(QStringLiteral("desHealth_") + cell);
        return icon ? icon->property("healthStatus").toString() : QStringLiteral("(no icon)");
    }

    QString pageErrors() {
        auto *label = m_wizard->currentPage()->findChild<QLabel *>(QStringLiteral("errorLabel"));
        return label && label->isVisible() ? label->text() : QString();
    }

    /// Opens the wizard on `draft` and goes to the Encryption page.
    bool openAtEncryption(const cmk::ImageVersionDraft &draft) {
        openWizard(m_client.get(), m_draft, m_wizard, 10, draft);
        return next(m_wizard.get()) && next(m_wizard.get()) &&
               m_wizard->currentId() == int(cmkui::EncryptionPageId);
    }

    QJsonObject vaultProperties(const QString &name) {
        return m_sandbox->resource(vaultId(name)).value(QLatin1String("properties")).toObject();
    }

    QString principalOf(const QString &desName) {
        return m_sandbox->resource(desId(desName))
            .value(QLatin1String("identity"))
            .toObject()
            .value(QLatin1String("principalId"))
            .toString();
    }

    bool hasKeyPolicy(const QString &vault, const QString &principal) {
        for (const QJsonValue &policy :
             vaultProperties(vault).value(QLatin1String("accessPolicies")).toArray()) {
            const QJsonObject p = policy.toObject();
            if (p.value(QLatin1String("objectId")).toString() != principal)
                continue;
            QStringList keys;
            for (const QJsonValue &k :
                 p.value(QLatin1String("permissions")).toObject().value(QLatin1String("keys")).toArray())
                keys << k.toString().toLower();
            return keys.contains(QLatin1String("get")) && keys.contains(QLatin1String("wrapkey")) &&
                   keys.contains(QLatin1String("unwrapkey"));
        }
        return false;
    }

    int vaultWrites(const QString &vault) {
        int count = 0;
        for (const armsandbox::Exchange &exchange : m_sandbox->exchanges()) {
            const QString method = exchange.liveRequest.value(QStringLiteral("method")).toString();
            const QString url = exchange.liveRequest.value(QStringLiteral("url")).toString();
            if (method != QLatin1String("GET") && url.contains(QStringLiteral("/vaults/%1").arg(vault)))
                ++count;
        }
        return count;
    }

private Q_SLOTS:
    void init() {
        // A sandbox per test: the fixes change its vaults.
        m_wizard.reset();
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        armsandbox::SandboxOptions options;
        options.lroPollsUntilDone = 1;
        QString why;
        QVERIFY2(m_sandbox->start(options, &why), qPrintable(why));
        m_client = std::make_unique<cmk::ArmClient>();
        m_client->setEndpoint(m_sandbox->baseUrl());
        m_client->setDefaultPollIntervalMs(10);
    }

    void cleanup() {
        m_wizard.reset();
        m_draft.reset();
        m_client.reset();
        m_sandbox.reset();
    }

    // The sets a dropdown lists get their key checked as its list opens, before anything is chosen: the open
    // list shows each one's health (an icon per item, the findings in its tooltip).
    void dropdownChecksTheKeysItListsWhenItOpens() {
        // Two sets in West US: nothing is pre-selected there.
        QJsonObject second = m_sandbox->resource(demodata::desId(QStringLiteral("des-wus-cmk")));
        QVERIFY(!second.isEmpty());
        second[QStringLiteral("id")] = demodata::desId(QStringLiteral("des-wus-cmk2"));
        second[QStringLiteral("name")] = QStringLiteral("des-wus-cmk2");
        m_sandbox->setResource(second);
        QVERIFY(openAtEncryption(draftWith(QStringLiteral("1.3.1"), cmk::EncryptionMode::CustomerKey,
                                           {{QStringLiteral("westeurope"), QStringLiteral("des-weu-cmk")},
                                            {QStringLiteral("westus"), QString()}})));
        auto *combo = w<QComboBox>(QStringLiteral("desCombo_westus_os"));
        QVERIFY(combo);
        QTRY_VERIFY(combo->count() > 0);
        const int row = combo->findText(QStringLiteral("des-wus-cmk"), Qt::MatchStartsWith);
        QVERIFY(row >= 0);
        QCOMPARE(combo->itemData(row, cmkui::DiskEncryptionSetModel::HealthStatusRole).toString(), QString());
        QVERIFY(dynamic_cast<cmkui::DesHealthItemDelegate *>(combo->view()->itemDelegate()));

        combo->showPopup();
        QTRY_COMPARE_WITH_TIMEOUT(
            combo->itemData(row, cmkui::DiskEncryptionSetModel::HealthStatusRole).toString(),
            QStringLiteral("error"), 10000);
        const QString tooltip = combo->itemData(row, Qt::ToolTipRole).toString();
        QVERIFY2(tooltip.contains(QLatin1String("KEY_ACCESS_MISSING")), qPrintable(tooltip));
        combo->hidePopup();
        // Opening the list chose nothing.
        QCOMPARE(m_draft->draft().targetRegions.at(1).osDiskDesId, QString());
        QCOMPARE(healthOf(QStringLiteral("westus_os")), QString());
    }

    // A target region added on the Replication page rebuilds the grid: the regions already there keep their
    // key's status (the column is synced again for the new cells, not only when the chosen sets change).
    void healthStaysWhenTheGridIsRebuilt() {
        QVERIFY(openAtEncryption(draftWith(QStringLiteral("1.3.2"), cmk::EncryptionMode::CustomerKey,
                                           {{QStringLiteral("westeurope"), QStringLiteral("des-weu-cmk")}})));
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(QStringLiteral("westeurope_os")), QStringLiteral("ok"), 10000);
        m_draft->modify([](cmk::ImageVersionDraft &d) {
            cmk::RegionDraft region;
            region.name = QStringLiteral("francecentral");
            d.targetRegions << region;
        });
        m_wizard->back();
        QVERIFY(next(m_wizard.get()));
        QCOMPARE(m_wizard->currentId(), int(cmkui::EncryptionPageId));
        QTRY_VERIFY(m_wizard->findChild<QLabel *>(QStringLiteral("desHealth_francecentral_os")));
        QCOMPARE(healthOf(QStringLiteral("westeurope_os")), QStringLiteral("ok"));
        // France Central's only set is pre-selected once its sets are listed: its key is checked in turn.
        QTRY_COMPARE(m_draft->draft().targetRegions.at(1).osDiskDesId,
                     demodata::desId(QStringLiteral("des-frc-cmk")));
        QTRY_VERIFY_WITH_TIMEOUT(!healthOf(QStringLiteral("francecentral_os")).isEmpty() &&
                                     healthOf(QStringLiteral("francecentral_os")) !=
                                         QLatin1String("checking"),
                                 10000);
        QCOMPARE(healthOf(QStringLiteral("westeurope_os")), QStringLiteral("ok"));
    }

    // des-wus-cmk's identity has no access policy on kv-contoso-wus: Azure would fail the region late.
    void keyWithoutAccessBlocksNextUntilGranted() {
        QVERIFY(openAtEncryption(draftWith(QStringLiteral("1.3.0"), cmk::EncryptionMode::CustomerKey,
                                           {{QStringLiteral("westeurope"), QStringLiteral("des-weu-cmk")},
                                            {QStringLiteral("westus"), QStringLiteral("des-wus-cmk")}})));

        QTRY_COMPARE_WITH_TIMEOUT(healthOf(QStringLiteral("westus_os")), QStringLiteral("error"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(QStringLiteral("westeurope_os")), QStringLiteral("ok"), 10000);
        QCOMPARE(healthOf(QStringLiteral("westus_lun1")), QStringLiteral("error")); // the same set
        const QString tooltip = w<QLabel>(QStringLiteral("desHealth_westus_os"))->toolTip();
        QVERIFY2(tooltip.contains(QLatin1String("KEY_ACCESS_MISSING")) &&
                     tooltip.contains(QLatin1String("kv-contoso-wus")) &&
                     tooltip.contains(QLatin1String("az keyvault set-policy")),
                 qPrintable(tooltip));
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY2(pageErrors().contains(QLatin1String("key of des-wus-cmk (KEY_ACCESS_MISSING)")),
                 qPrintable(pageErrors()));

        const QString principal = principalOf(QStringLiteral("des-wus-cmk"));
        QVERIFY(!principal.isEmpty());
        QVERIFY(!hasKeyPolicy(QStringLiteral("kv-contoso-wus"), principal));
        QPushButton *grant = nullptr;
        QTRY_VERIFY((grant = m_wizard->findChild<QPushButton *>(
                         QStringLiteral("grantKeyAccessButton_des-wus-cmk"))) &&
                    grant->isVisible() && grant->isEnabled());
        grant->click();

        QTRY_COMPARE_WITH_TIMEOUT(healthOf(QStringLiteral("westus_os")), QStringLiteral("ok"), 10000);
        QVERIFY(hasKeyPolicy(QStringLiteral("kv-contoso-wus"), principal));
        QCOMPARE(vaultWrites(QStringLiteral("kv-contoso-wus")), 1); // accessPolicies/add, once
        QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(!m_wizard->findChild<QPushButton *>(QStringLiteral("grantKeyAccessButton_des-wus-cmk")));
        QVERIFY(!w<QWidget>(QStringLiteral("desHealthPanel"))->isVisible());

        QVERIFY(next(m_wizard.get())); // -> Tags
        QVERIFY(next(m_wizard.get())); // -> Review + create
        QCOMPARE(m_wizard->currentId(), int(cmkui::ReviewPageId));
        const QString summary = w<QTextBrowser>(QStringLiteral("summaryView"))->toPlainText();
        QVERIFY2(summary.contains(QLatin1String("Key health")) &&
                     summary.contains(QLatin1String("des-wus-cmk")),
                 qPrintable(summary));
        QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    }

    // Review + create repeats the findings, and refuses Create while a set's key is unusable.
    void reviewPageRepeatsTheHealth() {
        QVERIFY(openAtEncryption(draftWith(QStringLiteral("1.3.1"), cmk::EncryptionMode::CustomerKey,
                                           {{QStringLiteral("westeurope"), QStringLiteral("des-weu-cmk")},
                                            {QStringLiteral("eastus2"), QStringLiteral("des-eus2-cmk")}})));
        // A key expiring in 10 days: a warning, which does not block.
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(QStringLiteral("eastus2_os")), QStringLiteral("warning"), 10000);
        QVERIFY(w<QLabel>(QStringLiteral("desHealth_eastus2_os"))
                    ->toolTip()
                    .contains(QLatin1String("KEY_EXPIRES_SOON")));
        QVERIFY(next(m_wizard.get()));
        QVERIFY(next(m_wizard.get()));
        QCOMPARE(m_wizard->currentId(), int(cmkui::ReviewPageId));
        const QString summary = w<QTextBrowser>(QStringLiteral("summaryView"))->toPlainText();
        QVERIFY2(summary.contains(QLatin1String("des-eus2-cmk")) &&
                     summary.contains(QLatin1String("KEY_EXPIRES_SOON")) &&
                     summary.contains(QLatin1String("cmk-disks-legacy")),
                 qPrintable(summary));
        QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());

        // The key is disabled meanwhile: once checked again, Create is refused with the reason.
        const QString keyId =
            vaultId(QStringLiteral("kv-contoso-eus2")) + QStringLiteral("/keys/cmk-disks-legacy");
        QJsonObject key = m_sandbox->resource(keyId);
        QVERIFY(!key.isEmpty());
        QJsonObject properties = key.value(QLatin1String("properties")).toObject();
        QJsonObject attributes = properties.value(QLatin1String("attributes")).toObject();
        attributes.insert(QStringLiteral("enabled"), false);
        properties.insert(QStringLiteral("attributes"), attributes);
        key.insert(QStringLiteral("properties"), properties);
        m_sandbox->setResource(key);
        m_wizard->keyHealth()->recheck(desId(QStringLiteral("des-eus2-cmk")));
        QTRY_VERIFY_WITH_TIMEOUT(pageErrors().contains(QLatin1String("des-eus2-cmk [KEY_DISABLED]")), 10000);
        QVERIFY(!m_wizard->button(QWizard::FinishButton)->isEnabled());
        QVERIFY(w<QTextBrowser>(QStringLiteral("summaryView"))
                    ->toPlainText()
                    .contains(QLatin1String("KEY_DISABLED")));
    }

    // kv-contoso-eus has no purge protection: a warning, and an irreversible fix that asks first.
    void purgeProtectionAsksFirst() {
        QVERIFY(
            openAtEncryption(draftWith(QStringLiteral("1.3.2"), cmk::EncryptionMode::PlatformAndCustomerKeys,
                                       {{QStringLiteral("westeurope"), QStringLiteral("des-weu-double")},
                                        {QStringLiteral("eastus"), QStringLiteral("des-eus-double")}})));
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(QStringLiteral("eastus_os")), QStringLiteral("warning"), 10000);
        QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled()); // a warning does not block
        const QString des = desId(QStringLiteral("des-eus-double"));
        QPushButton *enable = nullptr;
        // A new row shows from the next event-loop turn (QLayout shows it queued).
        QTRY_VERIFY((enable = m_wizard->findChild<QPushButton *>(
                         QStringLiteral("enablePurgeProtectionButton_des-eus-double"))) &&
                    enable->isVisible());

        // No: nothing is changed.
        enable->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY(
            (box = m_wizard->findChild<QMessageBox *>(QStringLiteral("purgeProtectionConfirmation"))) &&
            box->isVisible());
        QVERIFY2(box->text().contains(QLatin1String("kv-contoso-eus")) &&
                     box->text().contains(QLatin1String("cannot be undone")),
                 qPrintable(box->text()));
        box->button(QMessageBox::No)->click();
        QTRY_VERIFY(!m_wizard->findChild<QMessageBox *>(QStringLiteral("purgeProtectionConfirmation")));
        QVERIFY(!m_wizard->keyHealth()->isFixing(des));
        QCOMPARE(vaultWrites(QStringLiteral("kv-contoso-eus")), 0);
        QVERIFY(!vaultProperties(QStringLiteral("kv-contoso-eus"))
                     .value(QLatin1String("enablePurgeProtection"))
                     .toBool());
        QCOMPARE(healthOf(QStringLiteral("eastus_os")), QStringLiteral("warning"));

        // Yes: the vault gets it, and the set is checked again.
        w<QPushButton>(QStringLiteral("enablePurgeProtectionButton_des-eus-double"))->click();
        QTRY_VERIFY(
            (box = m_wizard->findChild<QMessageBox *>(QStringLiteral("purgeProtectionConfirmation"))) &&
            box->isVisible());
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(QStringLiteral("eastus_os")), QStringLiteral("ok"), 10000);
        QVERIFY(vaultProperties(QStringLiteral("kv-contoso-eus"))
                    .value(QLatin1String("enablePurgeProtection"))
                    .toBool());
        QVERIFY(!m_wizard->findChild<QPushButton *>(
            QStringLiteral("enablePurgeProtectionButton_des-eus-double")));
    }

    // The review window checks the keys of the sets a version uses; its reports say the same.
    void reviewWindowShowsKeyHealth() {
        // kv-contoso-frc loses its access policies: des-frc-cmk can no longer use its key.
        QJsonObject vault = m_sandbox->resource(vaultId(QStringLiteral("kv-contoso-frc")));
        QJsonObject properties = vault.value(QLatin1String("properties")).toObject();
        properties.insert(QStringLiteral("accessPolicies"), QJsonArray());
        vault.insert(QStringLiteral("properties"), properties);
        m_sandbox->setResource(vault);

        cmkui::ReviewWindow window(m_client.get());
        window.resize(1200, 800);
        window.show();
        QSignalSpy finished(&window, &cmkui::ReviewWindow::reviewFinished);
        window.openVersion(
            QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/"
                           "Microsoft.Compute/galleries/galContosoProd/images/ubuntu-22-04-gen2/"
                           "versions/1.1.0")
                .arg(Sub));
        QVERIFY(finished.wait(15000));
        QVERIFY(window.hasReview());
        QMap<QString, QString> statusById, severityByCode;
        for (int i = 0; i < window.keyHealth()->count(); ++i) {
            const QListWidgetItem *item = window.keyHealth()->item(i);
            const QString key = item->data(Qt::UserRole).toString();
            (key.startsWith(QLatin1Char('/')) ? statusById : severityByCode)
                .insert(key.toLower(), item->data(Qt::UserRole + 1).toString());
        }
        QCOMPARE(statusById.value(desId(QStringLiteral("des-weu-cmk")).toLower()), QStringLiteral("ok"));
        QCOMPARE(statusById.value(desId(QStringLiteral("des-frc-cmk")).toLower()), QStringLiteral("error"));
        QCOMPARE(severityByCode.value(QStringLiteral("key_access_missing")), QStringLiteral("error"));

        QVERIFY(window.reportText().contains(QLatin1String("Key health of the disk encryption sets")));
        QVERIFY(window.reportText().contains(QLatin1String("[KEY_ACCESS_MISSING]")));
        QTemporaryDir dir;
        QString why;
        const QString html = dir.filePath(QStringLiteral("review.html"));
        QVERIFY2(window.saveHtml(html, &why), qPrintable(why));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString saved = QString::fromUtf8(file.readAll());
        QVERIFY(saved.contains(QLatin1String("Key health of the disk encryption sets")));
        QVERIFY(saved.contains(QLatin1String("[KEY_ACCESS_MISSING]")) &&
                saved.contains(QLatin1String("des-frc-cmk")));
        const QString pdf = dir.filePath(QStringLiteral("review.pdf"));
        QVERIFY2(window.savePdf(pdf, &why), qPrintable(why));
        QVERIFY(QFileInfo(pdf).size() > 2000);
        // The saved JSON carries it too, in check-des's shape.
        const QString jsonPath = dir.filePath(QStringLiteral("review.json"));
        QVERIFY2(window.saveJson(jsonPath, &why), qPrintable(why));
        QFile jsonFile(jsonPath);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QMap<QString, QString> statusByName;
        QStringList codes;
        const QJsonArray sets =
            QJsonDocument::fromJson(jsonFile.readAll()).object().value("keyHealth").toArray();
        for (const QJsonValue &set : sets) {
            statusByName.insert(set["name"].toString(), set["status"].toString());
            for (const QJsonValue &finding : set["findings"].toArray())
                codes << finding["code"].toString();
        }
        QCOMPARE(statusByName.value(QStringLiteral("des-frc-cmk")), QStringLiteral("error"));
        QCOMPARE(statusByName.value(QStringLiteral("des-weu-cmk")), QStringLiteral("ok"));
        QVERIFY2(codes.contains(QStringLiteral("KEY_ACCESS_MISSING")), qPrintable(codes.join(',')));
    }
};

QTEST_MAIN(TestKeyHealthGui)
#include "tst_keyhealth_gui.moc"
