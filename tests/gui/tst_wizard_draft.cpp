// The draft: its JSON format, the autosave store, and that the wizard's state survives a crash. The crash
// test runs this executable a second time as a "child" that drives the real wizard, waits for the autosave,
// and is then killed with SIGKILL; a fresh wizard resumes the file and must show every field again.

#include "draft/draftstore.h"
#include "imageversion/imageversionsubmitter.h"
#include "imageversion/imageversionvalidation.h"
#include "imagewizard/basicspage.h"
#include "support/wizardharness.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace wizardtest;

namespace {

cmk::ImageVersionDraft sampleDraft() {
    cmk::ImageVersionDraft d = demodata::imageVersionDraft(QStringLiteral("1.2.0"));
    d.dataDiskSnapshots[1].lun = 5;
    cmk::RegionDraft weu;
    weu.name = QStringLiteral("westeurope");
    weu.replicaCount = 3;
    weu.osDiskDesId = desId(QStringLiteral("des-weu-cmk"));
    cmk::RegionDraft frc;
    frc.name = QStringLiteral("francecentral");
    frc.sameDesForAllDisks = false;
    frc.storageAccountType = QStringLiteral("Premium_LRS");
    frc.osDiskDesId = desId(QStringLiteral("des-frc-cmk"));
    frc.dataDiskDesIds = {{0, desId(QStringLiteral("des-frc-cmk"))},
                          {5, desId(QStringLiteral("des-frc-cmk"))}};
    d.targetRegions = {weu, frc};
    d.endOfLifeDate = QDate(2031, 3, 1);
    d.excludeFromLatest = true;
    d.encryption = cmk::EncryptionMode::CustomerKey;
    d.tags = {{QStringLiteral("owner"), QStringLiteral("ops")}};
    d.normalizeEncryption();
    return d;
}

// The child: edits through the real wizard, waits until the autosave holds the last edit, says READY, waits
// to be killed.
int childEdit(const QString &draftPath) {
    armsandbox::Sandbox sandbox;
    QString why;
    if (!sandbox.start({}, &why))
        return 10;
    cmk::ArmClient client;
    client.setEndpoint(sandbox.baseUrl());
    cmk::ImageVersionDraftModel draft;
    cmk::DraftStore store;
    store.setPath(draftPath);
    store.attach(&draft, 50);
    cmkui::CreateWizardOptions options;
    options.withPrerequisites = false;
    cmkui::CreateImageVersionWizard wizard(&client, &draft, options);
    wizard.show();
    auto w = [&](const char *name) { return wizard.findChild<QWidget *>(QString::fromLatin1(name)); };
    auto combo = [&](const char *name) { return qobject_cast<QComboBox *>(w(name)); };
    if (!fillDemoTarget(&wizard, QStringLiteral("5.6.7")))
        return 11;
    QComboBox *kind = combo("sourceKindCombo");
    kind->setCurrentIndex(kind->findData(cmk::sourceKindKey(cmk::SourceKind::Snapshots)));
    if (!choose(combo("sourceCombo"), QStringLiteral("snap-ubuntu-os")))
        return 12;
    qobject_cast<QPushButton *>(w("addDataDiskButton"))->click();
    qobject_cast<QPushButton *>(w("addDataDiskButton"))->click();
    if (!choose(combo("dataDiskSnapshotCombo_0"), QStringLiteral("snap-ubuntu-data0")) ||
        !choose(combo("dataDiskSnapshotCombo_1"), QStringLiteral("snap-ubuntu-data1")))
        return 13;
    qobject_cast<QSpinBox *>(w("dataDiskLunSpin_1"))->setValue(9);
    if (!next(&wizard))
        return 14;
    if (!choose(combo("addRegionCombo"), QStringLiteral("France Central")))
        return 15;
    QSignalSpy saved(&store, &cmk::DraftStore::saved);
    qobject_cast<QPushButton *>(w("addRegionButton"))->click();
    if (!saved.wait(5000))
        return 16;
    QTextStream(stdout) << "READY" << Qt::endl;
    QEventLoop untilKilled; // the parent kills this process mid-edit, as a crash would
    untilKilled.exec();
    return 0;
}

} // namespace

class TestWizardDraft : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip() {
        const cmk::ImageVersionDraft d = sampleDraft();
        const nlohmann::json json = d.toJson();
        QCOMPARE(QString::fromStdString(json["format"].get<std::string>()),
                 QStringLiteral("cmkwizard.imageVersionDraft"));
        QCOMPARE(json["formatVersion"].get<int>(), 1);
        QCOMPARE(QString::fromStdString(json["encryptionType"].get<std::string>()),
                 QStringLiteral("customerKey"));
        QCOMPARE(QString::fromStdString(json["endOfLifeDate"].get<std::string>()),
                 QStringLiteral("2031-03-01"));
        cmk::ImageVersionDraft back;
        QString why;
        QVERIFY2(cmk::ImageVersionDraft::fromJson(json, &back, &why), qPrintable(why));
        QVERIFY(back == d);
        QCOMPARE(back.dataDiskLuns(), (QList<int>{0, 5}));
        QCOMPARE(back.desFor(back.targetRegions.at(0), 5), desId(QStringLiteral("des-weu-cmk")));
    }

    void badDraftsAreRefusedWithAReason_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not an object") << QByteArray("[]") << QStringLiteral("must be a JSON object");
        QTest::newRow("wrong type") << QByteArray(R"({"versionName": 1})")
                                    << QStringLiteral("“versionName” must be a text");
        QTest::newRow("unknown kind") << QByteArray(R"({"source": {"kind": "floppy"}})")
                                      << QStringLiteral("Unknown source kind “floppy”");
        QTest::newRow("future format")
            << QByteArray(R"({"formatVersion": 9})") << QStringLiteral("format version 9");
        QTest::newRow("bad date") << QByteArray(R"({"endOfLifeDate": "soon"})")
                                  << QStringLiteral("is not a date");
        QTest::newRow("bad mode") << QByteArray(R"({"encryptionType": "rot13"})")
                                  << QStringLiteral("Unknown encryption type");
    }

    void badDraftsAreRefusedWithAReason() {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        cmk::ImageVersionDraft d;
        QString why;
        QVERIFY(!cmk::ImageVersionDraft::fromJson(nlohmann::json::parse(json.toStdString()), &d, &why));
        QVERIFY2(why.contains(reason), qPrintable(why));
    }

    void storeSavesDebouncedAndAtomically() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/draft.json"));
        cmk::ImageVersionDraftModel model;
        cmk::DraftStore store;
        store.setPath(path);
        store.attach(&model, 30);
        QSignalSpy saved(&store, &cmk::DraftStore::saved);
        QVERIFY(!cmk::DraftStore::hasResumableDraft(path));
        for (int i = 0; i < 5; ++i)
            model.modify([i](cmk::ImageVersionDraft &d) { d.versionName = QStringLiteral("1.0.%1").arg(i); });
        QVERIFY(saved.wait(2000));
        cmk::ImageVersionDraft loaded;
        QString why;
        QVERIFY2(cmk::DraftStore::load(path, &loaded, &why), qPrintable(why));
        QCOMPARE(loaded.versionName, QStringLiteral("1.0.4"));
        // Five edits, one write: a sixth edit's write is the second one (writes are ordered, so a second
        // write of the five edits would come before it and make three).
        model.modify([](cmk::ImageVersionDraft &d) { d.versionName = QStringLiteral("1.0.5"); });
        QTRY_VERIFY(cmk::DraftStore::load(path, &loaded, &why) &&
                    loaded.versionName == QLatin1String("1.0.5"));
        QCOMPARE(saved.size(), 2);
        QVERIFY(cmk::DraftStore::hasResumableDraft(path));
        // No temporary file left next to it.
        QCOMPARE(QDir(dir.filePath(QStringLiteral("nested"))).entryList(QDir::Files),
                 QStringList{QStringLiteral("draft.json")});
        store.discard();
        QVERIFY(!QFile::exists(path));
    }

    void defaultAutosavePathCanBeOverridden() {
        qputenv("CMKWIZARD_AUTOSAVE_PATH", "/tmp/elsewhere/draft.json");
        QCOMPARE(cmk::DraftStore::defaultAutosavePath(), QStringLiteral("/tmp/elsewhere/draft.json"));
        qunsetenv("CMKWIZARD_AUTOSAVE_PATH");
        QVERIFY(cmk::DraftStore::defaultAutosavePath().endsWith(QLatin1String("/autosave-draft.json")));
    }

    void draftSurvivesACrash() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("autosave.json"));
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-edit"), path});
        QVERIFY(child.waitForStarted());
        QByteArray output;
        QVERIFY(QTest::qWaitFor(
            [&] {
                output += child.readAllStandardOutput();
                return output.contains("READY") || child.state() == QProcess::NotRunning;
            },
            40000));
        QVERIFY2(output.contains("READY"),
                 qPrintable(QStringLiteral("child exited with %1").arg(child.exitCode())));
        child.kill(); // SIGKILL: no destructor, no last save
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // Resume: a new wizard on the saved draft shows every field again.
        cmk::ImageVersionDraft resumed;
        QString why;
        QVERIFY2(cmk::DraftStore::load(path, &resumed, &why), qPrintable(why));
        QCOMPARE(resumed.versionName, QStringLiteral("5.6.7"));
        QCOMPARE(resumed.dataDiskLuns(), (QList<int>{0, 9}));
        QCOMPARE(resumed.targetRegions.size(), 2);

        armsandbox::Sandbox sandbox;
        QVERIFY(sandbox.start({}, &why));
        cmk::ArmClient client;
        client.setEndpoint(sandbox.baseUrl());
        cmk::ImageVersionDraftModel model;
        model.setDraft(resumed);
        cmkui::CreateWizardOptions options;
        options.withPrerequisites = false;
        cmkui::CreateImageVersionWizard wizard(&client, &model, options);
        wizard.show();
        auto combo = [&](const char *name) {
            return wizard.findChild<QComboBox *>(QString::fromLatin1(name));
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            combo("subscriptionCombo")->currentText().startsWith(QLatin1String("Contoso Production")), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(combo("imageDefinitionCombo")->currentText(),
                                  QStringLiteral("ubuntu-22-04-gen2"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(combo("locationCombo")->currentText(), QStringLiteral("West Europe"), 5000);
        QCOMPARE(wizard.findChild<QLineEdit *>(QStringLiteral("versionEdit"))->text(),
                 QStringLiteral("5.6.7"));
        QTRY_VERIFY_WITH_TIMEOUT(
            combo("sourceCombo")->currentText().startsWith(QLatin1String("snap-ubuntu-os")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            combo("dataDiskSnapshotCombo_1")->currentText().startsWith(QLatin1String("snap-ubuntu-data1")),
            5000);
        QCOMPARE(wizard.findChild<QSpinBox *>(QStringLiteral("dataDiskLunSpin_1"))->value(), 9);
        QVERIFY(next(&wizard));
        auto *regions = wizard.findChild<QTableWidget *>(QStringLiteral("targetRegionsTable"));
        QCOMPARE(regions->rowCount(), 2);
        QCOMPARE(regions->item(1, 0)->text(), QStringLiteral("France Central"));
        // Resuming changed nothing by itself.
        QCOMPARE(model.draft(), resumed);
    }
};

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--child-edit") == 0)
        return childEdit(QString::fromLocal8Bit(argv[2]));
    TestWizardDraft test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_wizard_draft.moc"
