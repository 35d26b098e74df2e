// A French run over the demo data with no raw service value left: the wizard, the key-health view, the review
// window and the Create VM wizard are walked offscreen exactly as `cmkwizard --screenshots` does, and every
// text a user reads there (labels, buttons, titles, table and list cells, combo entries, text views) is
// collected at each picture; so are the review reports (text and HTML; the PDF prints the HTML) and the CLI's
// text output. None may show an Azure state or type as sent (Succeeded, Generalized...), a region by its ARM
// name (westeurope) or its English name (West Europe), an ISO date, a percentage without its space, or
// "Etat".

#include "appcontext.h"
#include "common/usertext.h"
#include "gui/screenshots.h"
#include "imagewizard/createimageversionwizard.h"
#include "review/review.h"
#include "review/reviewwindow.h"
#include "support/cmkwizardprocess.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QWizard>

namespace {

const QString demoSubscription = QStringLiteral("3f6b2a1c-8d4e-4b7a-9c21-5e0d7f3a9b14");

QString plain(const QString &text) {
    return Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
}

void collectModel(const QAbstractItemModel *model, const QModelIndex &parent, QStringList *texts) {
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            texts->append(index.data(Qt::DisplayRole).toString());
            if (model->hasChildren(index))
                collectModel(model, index, texts);
        }
    }
    for (int column = 0; column < model->columnCount(parent); ++column)
        texts->append(model->headerData(column, Qt::Horizontal).toString());
}

/// Every text `window` shows (tooltips aside: IDs may stay there).
QStringList visibleTexts(QWidget *window) {
    QStringList texts{window->windowTitle()};
    if (auto *wizard = qobject_cast<QWizard *>(window); wizard && wizard->currentPage())
        texts << wizard->currentPage()->title() << wizard->currentPage()->subTitle();
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(window))
            continue;
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts << plain(label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts << button->text();
        else if (auto *box = qobject_cast<QGroupBox *>(widget))
            texts << box->title();
        else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        } else if (auto *edit = qobject_cast<QTextEdit *>(widget))
            texts << edit->toPlainText();
        else if (auto *plainEdit = qobject_cast<QPlainTextEdit *>(widget))
            texts << plainEdit->toPlainText();
        else if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model())
            collectModel(view->model(), view->rootIndex(), &texts);
    }
    return texts;
}

/// `text` without the lines that are commands to copy (az, PowerShell): their values are the service's own.
QString withoutCommands(const QString &text) {
    static const QRegularExpression command(
        QStringLiteral("^\\s*(az |\\$\\w+ *=|[A-Z][a-z]+-Az|--|-[A-Z][a-zA-Z]+ ).*$"),
        QRegularExpression::MultilineOption);
    QString out = text;
    return out.remove(command);
}

/// What of `text` a French reader should never see, one line per problem.
QStringList rawValuesIn(const QString &rawText) {
    const QString text = withoutCommands(rawText);
    QStringList problems;
    static const QStringList states = cmk::ServiceTerms::knownStates();
    auto report = [&](const QString &what, const QRegularExpressionMatch &m) {
        const qsizetype from = qMax<qsizetype>(0, m.capturedStart() - 40);
        problems << QStringLiteral("%1 “%2” in “…%3…”").arg(what, m.captured(), text.mid(from, 100));
    };
    QStringList words = states + cmk::ServiceTerms::knownStorageTypes();
    words.removeAll(
        QStringLiteral("Unknown")); // an English word only as an Azure state; French has "Inconnu"
    for (const QString &region : cmk::RegionNames::armNames())
        words << region << cmk::RegionNames::englishName(region);
    // Longest first, so that "West US 2" is reported as itself and not as "West US".
    std::sort(words.begin(), words.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &word : words) {
        // Not inside a resource ID, a file or host name ("kv-westeurope.vault", "/westeurope-rg").
        const QRegularExpression re(
            QStringLiteral("(?<![\\w/.-])%1(?![\\w/-]|\\.\\w| \\d)").arg(QRegularExpression::escape(word)));
        auto it = re.globalMatch(text);
        while (it.hasNext())
            report(QStringLiteral("raw value"), it.next());
    }
    static const QRegularExpression isoDate(QStringLiteral("\\b\\d{4}-\\d{2}-\\d{2}\\b"));
    static const QRegularExpression tightPercent(QStringLiteral("\\d%"));
    static const QRegularExpression etat(QStringLiteral("\\bEtat\\b"));
    for (const auto &[what, re] : {std::pair{QStringLiteral("ISO date"), isoDate},
                                   std::pair{QStringLiteral("percentage without its space"), tightPercent},
                                   std::pair{QStringLiteral("État without its accent"), etat}}) {
        auto it = re.globalMatch(text);
        while (it.hasNext())
            report(what, it.next());
    }
    return problems;
}

} // namespace

class TestFrenchText : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<cmkapp::AppContext> m_context;
    QMap<QString, QStringList> m_shown; ///< picture name -> texts
    cmk::VersionReview m_review;
    bool m_reviewSeen = false;

    static QStringList problemsIn(const QString &where, const QStringList &texts) {
        QStringList problems;
        for (const QString &text : texts) {
            for (const QString &problem : rawValuesIn(text))
                problems << where + QStringLiteral(": ") + problem;
        }
        problems.removeDuplicates();
        return problems;
    }

    cmktest::CmkwizardRun runFrench(const QStringList &arguments) {
        QProcessEnvironment env = cmktest::headlessEnvironment(m_dir, QString());
        env.insert(QStringLiteral("CMKWIZARD_TOKEN_STORE"), QStringLiteral("memory"));
        return cmktest::runCmkwizard(
            QStringList{QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--sandbox")} +
                arguments,
            env);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("cmkwizard-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_french_text"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("config")));
        qputenv("CMKWIZARD_TOKEN_STORE", "memory");
        cmkapp::installTranslations(QStringLiteral("fr"));
        QCOMPARE(cmkapp::installedLanguage(), QStringLiteral("fr"));

        cmkapp::GlobalOptions options;
        options.sandbox = true;
        options.language = QStringLiteral("fr");
        m_context = std::make_unique<cmkapp::AppContext>(options);
        QString why;
        QVERIFY2(m_context->initialize(&why), qPrintable(why));

        // One walk over every page and window, as for the screenshots; the texts are read at each picture.
        cmkapp::setPictureObserver([this](QWidget *window, const QString &name) {
            m_shown[name] += visibleTexts(window);
            if (auto *review = qobject_cast<cmkui::ReviewWindow *>(window); review && review->hasReview()) {
                m_review = review->review();
                m_reviewSeen = true;
            }
        });
        cmk::ImageVersionDraftModel draft;
        draft.setDraft(cmkapp::demoDraft());
        cmkui::CreateImageVersionWizard wizard(m_context->armClient(), &draft);
        wizard.resize(940, 720);
        const QStringList written =
            cmkapp::takeScreenshots(wizard, m_context->armClient(), cmkapp::demoReviewVersionId(),
                                    m_dir.filePath(QStringLiteral("pictures")), &why);
        cmkapp::setPictureObserver({});
        QVERIFY2(!written.isEmpty(), qPrintable(why));
    }

    void theCheckSeesRawValues() {
        // The check must be able to fail: each kind of raw value it looks for.
        QCOMPARE(rawValuesIn(QStringLiteral("Dans westeurope, la réplication est InProgress (40%) depuis le "
                                            "2026-01-15 ; Etat : Succeeded. East US 2, Generalized.\naz vm "
                                            "create --location westeurope\nStockage : Standard_LRS"))
                     .size(),
                 9);
        QVERIFY(rawValuesIn(QStringLiteral("Dans Europe Ouest, la réplication est en cours (40 %) depuis le "
                                           "15/01/2026 ; État : réussi. /subscriptions/x/westeurope-rg. Stockage : HDD Standard (LRS)"))
                    .isEmpty());
    }

    void regionsAndStatesHaveFrenchNames() {
        QCOMPARE(cmk::RegionNames::displayName(QStringLiteral("westeurope")), QStringLiteral("Europe Ouest"));
        QCOMPARE(cmk::RegionNames::displayName(QStringLiteral("East US 2")), QStringLiteral("USA Est 2"));
        QCOMPARE(cmk::RegionNames::displayName(QStringLiteral("francecentral")),
                 QStringLiteral("France Centre"));
        QCOMPARE(cmk::ServiceTerms::state(QStringLiteral("InProgress")), QStringLiteral("En cours"));
        QCOMPARE(cmk::ServiceTerms::percent(40), QStringLiteral("40\u202f%"));
        QCOMPARE(cmk::ServiceTerms::date(QDate(2030, 12, 31)), QStringLiteral("31/12/2030"));
        // Every region of the table has its French name in the catalogue (a new one would show in English).
        for (const QString &region : cmk::RegionNames::armNames())
            QVERIFY2(cmk::RegionNames::displayName(region) != cmk::RegionNames::englishName(region),
                     qPrintable(region));
    }

    void everyPageAndWindowIsInFrench() {
        // The walk reached the pages it must read (a shorter walk would pass for the wrong reason).
        for (const char *name :
             {"basics", "prerequisites", "replication", "encryption", "encryption-key-health", "tags",
              "review", "review-window", "update-replication", "update-review", "vm-basics", "vm-disks",
              "vm-review"})
            QVERIFY2(m_shown.contains(QLatin1String(name)), name);
        QStringList problems;
        for (auto it = m_shown.cbegin(); it != m_shown.cend(); ++it)
            problems += problemsIn(it.key(), it.value());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void reviewReportsAreInFrench() {
        QVERIFY(m_reviewSeen);
        const QStringList problems =
            problemsIn(QStringLiteral("review text report"), {cmk::ReviewReport::text(m_review)}) +
            problemsIn(QStringLiteral("review HTML report"), {plain(cmk::ReviewReport::html(m_review))});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void cliTextOutputIsInFrench_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("review") << QStringList{QStringLiteral("review"), QStringLiteral("--id"),
                                               cmkapp::demoReviewVersionId()};
        QTest::newRow("list-des") << QStringList{QStringLiteral("list-des"), QStringLiteral("--subscription"),
                                                 demoSubscription};
        QTest::newRow("check-des") << QStringList{QStringLiteral("check-des"),
                                                  QStringLiteral("--subscription"), demoSubscription};
        QTest::newRow("check-prereqs") << QStringList{QStringLiteral("check-prereqs"),
                                                      QStringLiteral("--subscription"), demoSubscription};
    }
    void cliTextOutputIsInFrench() {
        QFETCH(QStringList, arguments);
        if (!cmktest::cmkwizardBuilt())
            QFAIL("cmkwizard is not built (CMK_BIN_DIR)");
        const cmktest::CmkwizardRun run = runFrench(arguments);
        QVERIFY2(run.exitCode >= 0, qPrintable(run.err));
        QVERIFY2(!run.out.trimmed().isEmpty(), qPrintable(run.err));
        const QStringList problems = problemsIn(arguments.first(), {run.out, run.err});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestFrenchText)
#include "tst_french_text.moc"
