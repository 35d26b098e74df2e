// The translation catalogues are complete: lupdate, run on the sources into a temporary copy of each .ts
// file, finds no string the committed file lacks and no unfinished entry; every entry is finished, keeps its
// placeholders and accelerator, and the French follows French typography.

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; ///< translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations;

    QString key() const { return context + QLatin1Char('\x1f') + source + QLatin1Char('\x1f') + comment; }
    QString describe() const { return QStringLiteral("[%1] “%2”").arg(context, source); }
};

struct TsFile {
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsFile readTs(const QString &path) {
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1").arg(path);
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                ts.language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                message = TsMessage{};
                message.context = context;
                message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (inMessage && name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("comment")) {
                message.comment = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.translations << xml.readElementText();
            } else if (inMessage && name == QLatin1String("numerusform")) {
                message.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    return ts;
}

QString findLupdate() {
#ifdef CMK_LUPDATE
    if (QFileInfo::exists(QStringLiteral(CMK_LUPDATE)))
        return QStringLiteral(CMK_LUPDATE);
#endif
    QString fromEnv = qEnvironmentVariable("LUPDATE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QString qtBins = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (QFileInfo(qtBins).isExecutable())
        return qtBins;
    for (const char *name : {"lupdate6", "lupdate-qt6", "lupdate"}) {
        QString found = QStandardPaths::findExecutable(QString::fromLatin1(name));
        if (!found.isEmpty())
            return found;
    }
    return {};
}

/// %1..%99 as numbers, whatever their %L prefix; %n counts as "n".
QStringList placeholders(const QString &text) {
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(1);
    found.sort();
    found.removeDuplicates();
    return found;
}

/// Accelerator markers: '&' before a letter or digit, "&&" being a literal ampersand.
int mnemonics(const QString &text) {
    int count = 0;
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (text.at(i + 1).isLetterOrNumber())
            ++count;
    }
    return count;
}

} // namespace

class TestI18nCatalogue : public QObject {
    Q_OBJECT

private:
    QString m_sourceDir;
    QString m_lupdate;
    QTemporaryDir m_tmp;

    QString committedPath(const QString &language) const {
        return m_sourceDir + QStringLiteral("/translations/cmkwizard_%1.ts").arg(language);
    }

    /// The same lupdate run as script/update-translations, into a temporary copy of the committed file.
    TsFile refreshed(const QString &language) {
        const QString copy = m_tmp.filePath(QStringLiteral("cmkwizard_%1.ts").arg(language));
        QFile::remove(copy);
        if (!QFile::copy(committedPath(language), copy))
            return TsFile{{}, {}, QStringLiteral("cannot copy %1").arg(committedPath(language))};
        QStringList args{QStringLiteral("-no-obsolete"),
                         QStringLiteral("-locations"),
                         QStringLiteral("none"),
                         QStringLiteral("-source-language"),
                         QStringLiteral("en"),
                         QStringLiteral("-target-language"),
                         language,
                         QStringLiteral("-silent")};
        if (language == QLatin1String("en"))
            args << QStringLiteral("-pluralonly");
        for (const char *dir : {"app", "ui", "models"})
            args << m_sourceDir + QLatin1Char('/') + QLatin1String(dir);
        args << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        lupdate.start(m_lupdate, args);
        if (!lupdate.waitForFinished(120000) || lupdate.exitStatus() != QProcess::NormalExit ||
            lupdate.exitCode() != 0)
            return TsFile{{}, {}, QStringLiteral("lupdate failed: %1").arg(lupdate.errorString())};
        return readTs(copy);
    }

private Q_SLOTS:
    void initTestCase() {
        m_sourceDir = qEnvironmentVariable("CMK_SOURCE_DIR");
        QVERIFY2(!m_sourceDir.isEmpty() && QDir(m_sourceDir).exists(QStringLiteral("translations")),
                 "CMK_SOURCE_DIR must name the source tree (ctest sets it)");
        m_lupdate = findLupdate();
        QVERIFY2(!m_lupdate.isEmpty(), "lupdate not found (Debian: qt6-l10n-tools)");
        QVERIFY(m_tmp.isValid());
    }

    void lupdateFindsNothingNew_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("fr") << QStringLiteral("fr");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void lupdateFindsNothingNew() {
        QFETCH(QString, language);
        const TsFile committed = readTs(committedPath(language));
        QVERIFY2(committed.error.isEmpty(), qPrintable(committed.error));
        const TsFile fresh = refreshed(language);
        QVERIFY2(fresh.error.isEmpty(), qPrintable(fresh.error));
        QVERIFY(!fresh.messages.isEmpty());

        QSet<QString> committedKeys;
        for (const TsMessage &m : committed.messages)
            committedKeys.insert(m.key());
        QSet<QString> freshKeys;
        QStringList problems;
        for (const TsMessage &m : fresh.messages) {
            freshKeys.insert(m.key());
            if (!committedKeys.contains(m.key()))
                problems << QStringLiteral("missing from cmkwizard_%1.ts: %2").arg(language, m.describe());
            else if (m.type == QLatin1String("unfinished"))
                problems << QStringLiteral("unfinished after lupdate: %1").arg(m.describe());
        }
        for (const TsMessage &m : committed.messages) {
            if (!freshKeys.contains(m.key()))
                problems << QStringLiteral("no longer in the sources (stale): %1").arg(m.describe());
        }
        if (!problems.isEmpty()) {
            problems.prepend(QStringLiteral("%1 problem(s); run script/update-translations and translate:")
                                 .arg(problems.size()));
            QFAIL(qPrintable(problems.mid(0, 40).join(QLatin1Char('\n'))));
        }
        QCOMPARE(fresh.messages.size(), committed.messages.size());
    }

    void everyEntryIsFinished_data() { lupdateFindsNothingNew_data(); }

    void everyEntryIsFinished() {
        QFETCH(QString, language);
        const TsFile ts = readTs(committedPath(language));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QCOMPARE(ts.language, language);
        QStringList problems;
        for (const TsMessage &m : ts.messages) {
            if (m.context.isEmpty())
                problems << QStringLiteral(
                                "no context (lupdate could not tell the class; the run-time lookup "
                                "will miss it): %1")
                                .arg(m.describe());
            if (!m.type.isEmpty())
                problems << QStringLiteral("%1: %2").arg(m.type, m.describe());
            // French and English both have two plural forms: one (0 and 1 in French) and many.
            const int forms = m.numerus ? 2 : 1;
            if (m.translations.size() != forms)
                problems << QStringLiteral("%1 form(s) instead of %2: %3")
                                .arg(m.translations.size())
                                .arg(forms)
                                .arg(m.describe());
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) {
                    problems << QStringLiteral("empty translation: %1").arg(m.describe());
                    continue;
                }
                QStringList expected = placeholders(m.source);
                QStringList actual = placeholders(t);
                if (m.numerus) {
                    // The singular form may spell the number out ("un"), so %n is optional there.
                    expected.removeAll(QStringLiteral("n"));
                    actual.removeAll(QStringLiteral("n"));
                }
                if (expected != actual)
                    problems << QStringLiteral("placeholders %1 became %2 in “%3”: %4")
                                    .arg(expected.join(QLatin1Char(',')), actual.join(QLatin1Char(',')), t,
                                         m.describe());
                if (mnemonics(m.source) != mnemonics(t))
                    problems
                        << QStringLiteral("accelerator '&' lost or doubled in “%1”: %2").arg(t, m.describe());
            }
            // %Ln: the number in the locale's digits and grouping ("1 234 versions").
            if (m.numerus && !m.translations.isEmpty() &&
                !m.translations.constLast().contains(QLatin1String("%n")) &&
                !m.translations.constLast().contains(QLatin1String("%Ln")))
                problems << QStringLiteral("the plural form does not show %n: %1").arg(m.describe());
        }
        if (!problems.isEmpty())
            QFAIL(qPrintable(problems.mid(0, 40).join(QLatin1Char('\n'))));
    }

    void frenchTypography() {
        const TsFile ts = readTs(committedPath(QStringLiteral("fr")));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        // A plain space before : ; ? ! or inside « » can break the line there; French wants a no-break one.
        static const QRegularExpression breakingSpace(QStringLiteral("[ \\t\\n]([:;?!»])|(«)[ \\t\\n]"));
        // The colon of "https://" or "%1:%2" is not French punctuation; a colon that ends a French word is.
        static const QRegularExpression missingSpace(QStringLiteral("\\p{Ll}{2,}([:;?!])(?:\\s|$)"));
        QStringList problems;
        for (const TsMessage &m : ts.messages) {
            for (const QString &t : m.translations) {
                if (t.contains(QLatin1Char('\'')))
                    problems << QStringLiteral("typewriter apostrophe (use ’) in “%1”").arg(t);
                if (t.contains(QChar(0x201C)) || t.contains(QChar(0x201D)))
                    problems << QStringLiteral("English quotes “ ” (use « ») in “%1”").arg(t);
                const auto breaking = breakingSpace.match(t);
                if (breaking.hasMatch())
                    problems << QStringLiteral("breaking space around “%1” in “%2”")
                                    .arg(breaking.captured(1) + breaking.captured(2), t);
                const auto missing = missingSpace.match(t);
                if (missing.hasMatch())
                    problems << QStringLiteral("no space before “%1” in “%2”").arg(missing.captured(1), t);
            }
        }
        if (!problems.isEmpty())
            QFAIL(qPrintable(problems.mid(0, 40).join(QLatin1Char('\n'))));
    }

    void frenchUsesTheGlossary() {
        // Microsoft's French terms for this feature; a few wrong ones a translator might reach for.
        const TsFile ts = readTs(committedPath(QStringLiteral("fr")));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        const QStringList wrongTerms{QStringLiteral("ensemble de chiffrement"),
                                     QStringLiteral("jeu de cryptage"),
                                     QStringLiteral("cryptage"),
                                     QStringLiteral("clé client"),
                                     QStringLiteral("groupe de ressource "),
                                     QStringLiteral("souscription"),
                                     QStringLiteral("image gérée"),
                                     QStringLiteral("cliché")};
        QHash<QString, QString> expected{
            {QStringLiteral("Encryption type"), QStringLiteral("Type de chiffrement")},
            {QStringLiteral("Disk encryption sets"), QStringLiteral("Jeux de chiffrement de disque")},
            {QStringLiteral("Encryption at rest with a customer-managed key"),
             QStringLiteral("Chiffrement au repos avec une clé gérée par le client")},
            {QStringLiteral("Double encryption with platform-managed and customer-managed keys"),
             QStringLiteral(
                 "Double chiffrement avec les clés gérées par la plateforme et gérées par le client")},
            {QStringLiteral("Create an image version"), QStringLiteral("Créer une version d’image")},
            {QStringLiteral("Review + create"), QStringLiteral("Vérifier + créer")},
            {QStringLiteral("Target regions"), QStringLiteral("Régions cibles")},
            {QStringLiteral("Replica count"), QStringLiteral("Nombre de réplicas")},
        };
        QStringList problems;
        QSet<QString> seen;
        for (const TsMessage &m : ts.messages) {
            for (const QString &t : m.translations) {
                for (const QString &wrong : wrongTerms) {
                    if (t.contains(wrong, Qt::CaseInsensitive))
                        problems << QStringLiteral("“%1” is not the glossary term in “%2”").arg(wrong, t);
                }
            }
            const auto it = expected.constFind(m.source);
            if (it != expected.constEnd()) {
                seen.insert(m.source);
                if (m.translations.value(0) != it.value())
                    problems << QStringLiteral("“%1” should be “%2”, not “%3”")
                                    .arg(m.source, it.value(), m.translations.value(0));
            }
        }
        for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
            if (!seen.contains(it.key()))
                problems << QStringLiteral("the sources no longer say “%1”").arg(it.key());
        }
        if (!problems.isEmpty())
            QFAIL(qPrintable(problems.mid(0, 40).join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestI18nCatalogue)
#include "tst_i18n_catalogue.moc"
