// The Encryption page's Confidential VM section, offscreen against armsandbox: shown for the demo's
// ConfidentialVM definition (galContosoProd/ubuntu-22-04-cvm) and not for a standard one; each rule blocks
// Next with its reason next to the region; the secure-VM dropdown lists only the region's
// ConfidentialVmEncryptedWithCustomerKey sets; the created version carries the security profile.

#include "common/diskencryptionsetmodel.h"
#include "common/resourcelistmodel.h"
#include "imagewizard/wizardpageids.h"
#include "support/wizardharness.h"
#include "vm/vmsource.h"
#include "vmwizard/vmwizard.h"

#include <QGroupBox>
#include <QPushButton>
#include <QtTest>

using namespace wizardtest;
using cmkui::CreateImageVersionWizard;

class TestConfidentialGui : public QObject {
    Q_OBJECT

private:
    armsandbox::Sandbox m_sandbox;
    WizardSession m_session;

    template <typename T> T *w(const QString &name) { return find<T>(m_session.wizard.get(), name); }

    /// Basics with `definition` and the managed image, then Replication with France Central added.
    bool reachEncryption(const QString &definition, const QString &version) {
        QWizard *wizard = m_session.open();
        if (!choose(w<QComboBox>(QStringLiteral("subscriptionCombo")),
                    QStringLiteral("Contoso Production")) ||
            !choose(w<QComboBox>(QStringLiteral("resourceGroupCombo")), QStringLiteral("rg-images-prod")) ||
            !choose(w<QComboBox>(QStringLiteral("galleryCombo")), QStringLiteral("galContosoProd")) ||
            !choose(w<QComboBox>(QStringLiteral("imageDefinitionCombo")), definition))
            return false;
        auto *edit = w<QLineEdit>(QStringLiteral("versionEdit"));
        edit->clear();
        QTest::keyClicks(edit, version);
        auto *kind = w<QComboBox>(QStringLiteral("sourceKindCombo"));
        kind->setCurrentIndex(kind->findData(cmk::sourceKindKey(cmk::SourceKind::ManagedImage)));
        if (!choose(w<QComboBox>(QStringLiteral("sourceCombo")), QStringLiteral("img-ubuntu2204-web")) ||
            !next(wizard))
            return false;
        if (!choose(w<QComboBox>(QStringLiteral("addRegionCombo")), QStringLiteral("France Central")))
            return false;
        w<QPushButton>(QStringLiteral("addRegionButton"))->click();
        return next(wizard) && wizard->currentId() == cmkui::EncryptionPageId;
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        QVERIFY2(startRegisteredSandbox(m_sandbox, m_session.client, &why), qPrintable(why));
    }

    void cleanup() { m_session.wizard.reset(); }

    void standardDefinitionHasNoConfidentialSection() {
        QVERIFY(reachEncryption(QStringLiteral("ubuntu-22-04-gen2"), QStringLiteral("5.0.0")));
        QVERIFY(!w<QGroupBox>(QStringLiteral("confidentialVmBox"))->isVisible());
        QTRY_VERIFY(m_session.wizard->button(QWizard::NextButton)->isEnabled());
    }

    void rulesBlockNextWithTheirReasons() {
        QVERIFY(reachEncryption(QStringLiteral("ubuntu-22-04-cvm"), QStringLiteral("5.0.1")));
        QVERIFY(w<QGroupBox>(QStringLiteral("confidentialVmBox"))->isVisible());
        const QString required =
            QStringLiteral("westeurope: the regional encryption.osDiskImage.securityProfile.type "
                           "must be specified when the SecurityType of the image definition is "
                           "ConfidentialVM.");
        // Nothing touched on this page yet: its reasons show on demand.
        auto *why = m_session.wizard->currentPage()->findChild<QPushButton *>(QStringLiteral("whyDisabledButton"));
        QTRY_VERIFY(why && why->isVisible());
        QVERIFY(errorText(m_session.wizard.get()).isEmpty());
        QVERIFY(!w<QLabel>(QStringLiteral("cvmError_westeurope"))->isVisible()); // the rows' reasons too
        why->click();
        QTRY_VERIFY(errorText(m_session.wizard.get()).contains(required));
        QVERIFY(w<QLabel>(QStringLiteral("cvmError_westeurope"))->isVisible());
        QVERIFY(w<QLabel>(QStringLiteral("cvmError_westeurope"))->text().startsWith(required));
        QVERIFY(!m_session.wizard->button(QWizard::NextButton)->isEnabled());

        QVERIFY(
            choose(w<QComboBox>(QStringLiteral("cvmType_westeurope")), QStringLiteral("EncryptedWithPmk")));
        QVERIFY(choose(w<QComboBox>(QStringLiteral("cvmType_francecentral")),
                       QStringLiteral("EncryptedWithPmk")));
        const QString home =
            QStringLiteral("Only the home region 'westeurope' can be specified as a target region "
                           "for Images with the ConfidentialVM feature unless the Confidential VM "
                           "encryption type is set to 'NonPersistedTPM'.");
        QTRY_VERIFY(errorText(m_session.wizard.get()).contains(home));
        QVERIFY(w<QLabel>(QStringLiteral("cvmError_francecentral"))->text().contains(home));
        QVERIFY(!w<QLabel>(QStringLiteral("cvmError_westeurope"))->isVisible());
        QVERIFY(!m_session.wizard->button(QWizard::NextButton)->isEnabled());

        // The secure-VM dropdown offers only the region's sets of type
        // ConfidentialVmEncryptedWithCustomerKey; the only one is taken at once with EncryptedWithCmk.
        auto *secure = w<QComboBox>(QStringLiteral("cvmDes_westeurope"));
        QVERIFY(!secure->isEnabled());
        QVERIFY(
            choose(w<QComboBox>(QStringLiteral("cvmType_francecentral")), QStringLiteral("NonPersistedTPM")));
        QVERIFY(
            choose(w<QComboBox>(QStringLiteral("cvmType_westeurope")), QStringLiteral("EncryptedWithCmk")));
        QCOMPARE(items(secure),
                 QStringList({QStringLiteral("(none)"), QStringLiteral("des-weu-cvm (rg-keys-prod)")}));
        QCOMPARE(secure->currentIndex(), 1);
        QVERIFY(secure->isEnabled());
        QCOMPARE(items(w<QComboBox>(QStringLiteral("cvmDes_francecentral"))),
                 QStringList{QStringLiteral("(none)")});
        QTRY_VERIFY(m_session.wizard->button(QWizard::NextButton)->isEnabled());

        // Clearing the set blocks Next again, with the reason.
        QVERIFY(choose(secure, QStringLiteral("(none)")));
        QTRY_VERIFY(errorText(m_session.wizard.get())
                        .contains(QLatin1String("the confidential VM encryption type EncryptedWithCmk "
                                                "needs one")));
        QVERIFY(!m_session.wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(choose(secure, QStringLiteral("des-weu-cvm")));

        QVERIFY(next(m_session.wizard.get()));
        QVERIFY(next(m_session.wizard.get()));
        QCOMPARE(m_session.wizard->currentId(), int(cmkui::ReviewPageId));
        m_sandbox.clearExchanges();
        QAbstractButton *createButton = m_session.wizard->button(QWizard::FinishButton);
        QTRY_VERIFY(createButton->isEnabled());
        createButton->click();
        QTRY_COMPARE_WITH_TIMEOUT(versionPuts(m_sandbox).size(), 1, 10000);
        const QJsonObject body = versionPuts(m_sandbox).first();
        const QString profile = QStringLiteral(
            "properties.publishingProfile.targetRegions.%1.encryption.osDiskImage.securityProfile.%2");
        QCOMPARE(at(body, profile.arg(0).arg(QLatin1String("secureVMDiskEncryptionSetId"))).toString(),
                 desId(QStringLiteral("des-weu-cvm")));
        QCOMPARE(at(body, profile.arg(1).arg(QLatin1String("confidentialVMEncryptionType"))).toString(),
                 QStringLiteral("NonPersistedTPM"));
    }

    void vmWizardOffersOnlyAConfidentialVm() {
        // The demo's version 1.0.0 of ubuntu-22-04-cvm: EncryptedWithCmk with des-weu-cvm in West Europe.
        cmkui::CreateVmWizard vm(m_session.client.get(), demodata::imageVersionId(QStringLiteral("1.0.0"))
                                                             .replace(QLatin1String("ubuntu-22-04-gen2"),
                                                                      QLatin1String("ubuntu-22-04-cvm")));
        vm.show();
        QTRY_VERIFY_WITH_TIMEOUT(vm.imageSource()->isLoaded(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(vm.sizes()->isComplete() && vm.diskEncryptionSets()->isComplete(), 10000);
        QVERIFY(vm.draftModel()->draft().isConfidentialVm());
        QVERIFY(vm.sizes()->rowCount() > 0);
        for (const cmkui::ResourceListModel::Row &row : vm.sizes()->rows())
            QVERIFY2(row.name.startsWith(QLatin1String("Standard_DC")) ||
                         row.name.startsWith(QLatin1String("Standard_EC")),
                     qPrintable(row.name));
        QTRY_COMPARE(vm.draftModel()->draft().size, QStringLiteral("Standard_DC2as_v5"));
        // The OS disk follows the version's confidential type and secure set in the VM's region.
        QTRY_COMPARE(vm.draftModel()->draft().secureVmDesId, desId(QStringLiteral("des-weu-cvm")));
        QCOMPARE(vm.draftModel()->draft().securityEncryptionType, QStringLiteral("DiskWithVMGuestState"));
        auto *type = find<QComboBox>(&vm, QStringLiteral("vmSecurityEncryptionTypeCombo"));
        auto *secure = find<QComboBox>(&vm, QStringLiteral("vmSecureDesCombo"));
        QTRY_COMPARE(secure->currentText(), QStringLiteral("des-weu-cvm (rg-keys-prod)"));
        QVERIFY(choose(type, QStringLiteral("VMGuestStateOnly")));
        QVERIFY(vm.draftModel()->draft().secureVmDesId.isEmpty()); // a set needs DiskWithVMGuestState
        QVERIFY(!secure->isEnabled());
    }
};

QTEST_MAIN(TestConfidentialGui)
#include "tst_confidential_gui.moc"
