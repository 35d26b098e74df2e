// Replays every seed (fuzz/corpus/<target>/) and every input a fuzzer ever crashed on
// (fuzz/regressions/<target>/) through the same entry functions the libFuzzer targets use, in the regular
// build: a fixed crash stays fixed without clang or libFuzzer. The entry functions abort on a broken
// invariant, so a regression fails this test by crashing it.

#include "../fuzz/fuzzentries.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QtTest>

namespace {

using Entry = int (*)(const uint8_t *, size_t);

QString fuzzDir() {
    const QString source = qEnvironmentVariable("CMK_SOURCE_DIR");
    return source.isEmpty() ? QString() : source + QStringLiteral("/fuzz");
}

} // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT

private:
    int replay(const QString &target, Entry entry) {
        int count = 0;
        for (const QString &kind : {QStringLiteral("corpus"), QStringLiteral("regressions")}) {
            QDirIterator it(QStringLiteral("%1/%2/%3").arg(fuzzDir(), kind, target), QDir::Files);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly)) {
                    qWarning("cannot read %s", qPrintable(path));
                    continue;
                }
                const QByteArray bytes = file.readAll();
                qDebug("%s", qPrintable(path)); // shown with -v2: the file that crashed is the last one
                entry(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
                ++count;
            }
        }
        return count;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFileInfo(fuzzDir() + QStringLiteral("/corpus")).isDir(),
                 "run through ctest (CMK_SOURCE_DIR)");
    }

    void resource() { QVERIFY(replay(QStringLiteral("resource"), cmkfuzz::fuzzResource) >= 42); }
    void armError() { QVERIFY(replay(QStringLiteral("armerror"), cmkfuzz::fuzzArmError) >= 5); }
    void azImport() { QVERIFY(replay(QStringLiteral("azimport"), cmkfuzz::fuzzAzImport) >= 5); }
    void draft() { QVERIFY(replay(QStringLiteral("draft"), cmkfuzz::fuzzDraft) >= 5); }

    /// What fuzz_resource found (float-cast-overflow on {"sizeInGB": 3e126}), checked here without a
    /// sanitizer: numbers an int cannot hold are refused instead of being cast or wrapped.
    void numbersOutOfIntRangeAreRefused_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<int>("lun");
        QTest::newRow("int") << QByteArray(R"({"lun": 7})") << true << 7;
        QTest::newRow("whole float") << QByteArray(R"({"lun": 3.0})") << true << 3;
        QTest::newRow("int max") << QByteArray(R"({"lun": 2147483647})") << true << 2147483647;
        QTest::newRow("huge float") << QByteArray(R"({"lun": 3.05e126})") << false << 0;
        QTest::newRow("2^32") << QByteArray(R"({"lun": 4294967296})") << false << 0;
        QTest::newRow("uint64 max") << QByteArray(R"({"lun": 18446744073709551615})") << false << 0;
        QTest::newRow("negative huge") << QByteArray(R"({"lun": -1e10})") << false << 0;
        QTest::newRow("fraction") << QByteArray(R"({"lun": 2.5})") << false << 0;
        QTest::newRow("string") << QByteArray(R"({"lun": "1"})") << false << 0;
    }

    void numbersOutOfIntRangeAreRefused() {
        QFETCH(QByteArray, json);
        QFETCH(bool, accepted);
        QFETCH(int, lun);
        cmk::DataDiskImageEncryption disk;
        const cmk::ArmError error = cmk::parseResource(nlohmann::json::parse(json.toStdString()), disk);
        QCOMPARE(!error.isError(), accepted);
        if (accepted)
            QCOMPARE(disk.lun, lun);
        else
            QCOMPARE(error.kind, cmk::ArmError::Kind::MalformedResponse);

        // The same number as a size and in a draft.
        cmk::GalleryDiskImage image;
        QByteArray sized = json;
        sized.replace("lun", "sizeInGB");
        QCOMPARE(!cmk::parseResource(nlohmann::json::parse(sized.toStdString()), image), accepted);
        // Drafts take whole numbers only (no 3.0), so only the integer rows apply there.
        const QByteArray number = json.mid(json.indexOf(':') + 1).chopped(1).trimmed();
        if (number.contains('.') || number.contains('e') || number.contains('"'))
            return;
        cmk::ImageVersionDraft draft;
        QString why;
        const QByteArray draftJson = R"({"source": {"dataDiskLuns": [)" + number + "]}}";
        const bool loaded =
            cmk::ImageVersionDraft::fromJson(nlohmann::json::parse(draftJson.toStdString()), &draft, &why);
        QCOMPARE(loaded, accepted);
        if (loaded)
            QCOMPARE(draft.sourceDataDiskLuns, QList<int>{lun});
    }

    /// The seeds are meant to be accepted, so the fuzzer starts from inputs that reach deep code.
    void seedsAreAccepted() {
        const QString dir = fuzzDir() + QStringLiteral("/corpus/draft/snapshots-cmk.json");
        QFile file(dir);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        cmk::ImageVersionDraft draft;
        QString why;
        QVERIFY2(cmk::ImageVersionDraft::fromJson(nlohmann::json::parse(bytes.toStdString()), &draft, &why),
                 qPrintable(why));
        QCOMPARE(draft.dataDiskLuns(), (QList<int>{0, 7}));

        QFile command(fuzzDir() + QStringLiteral("/corpus/azimport/managed-image-bash.txt"));
        QVERIFY(command.open(QIODevice::ReadOnly));
        cmk::AzImportOptions options;
        options.defaultSubscriptionId = QStringLiteral("6a1e4f0c-2b3d-4c5e-8f70-91a2b3c4d5e6");
        const cmk::AzImportResult imported =
            cmk::AzCommandImporter::importCommand(QString::fromUtf8(command.readAll()), options);
        QVERIFY2(imported.ok, qPrintable(imported.error));
        QCOMPARE(imported.draft.targetRegions.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
