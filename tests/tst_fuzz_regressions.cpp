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
