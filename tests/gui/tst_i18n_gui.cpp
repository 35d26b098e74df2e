// The wizard in French, offscreen, against an in-process armsandbox: Microsoft's French terms on the
// Encryption page, Qt's own buttons from Qt's French catalogue, a live switch that keeps what was typed,
// no label cut off at the default window size, and no string of ours shown untranslated.

#include "appcontext.h"
#include "arm/armclient.h"
#include "armsandbox.h"
#include "gui/languagemenu.h"
#include "gui/screenshots.h"
#include "imageversion/imageversiondraft.h"
#include "imagewizard/createimageversionwizard.h"
#include "imagewizard/wizardpageids.h"
#include "review/reviewwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace {

/// Asked last, only when every real catalogue came back empty: remembers what of ours had no translation.
class MissingTranslations : public QTranslator {
public:
    bool recording = false;
    QStringList missing;

    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        const QByteArray ctx(context ? context : "");
        // Qt's own classes (QWizard, QShortcut...) are Qt's catalogue's business, not ours.
        const bool qtOwn = ctx.size() > 1 && ctx.at(0) == 'Q' && QChar::isUpper(ctx.at(1));
        if (recording && !qtOwn && sourceText && *sourceText) {
            const QString entry =
                QStringLiteral("[%1] %2").arg(QString::fromUtf8(ctx), QString::fromUtf8(sourceText));
            if (!missing.contains(entry))
                const_cast<MissingTranslations *>(this)->missing << entry;
        }
        return {};
    }
    bool isEmpty() const override { return false; }
};

QString plain(const QString &text) {
    QString out = text;
    out.remove(QRegularExpression(QStringLiteral("&(?=[^&])")));
    return out;
}

} // namespace

class TestI18nGui : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    std::unique_ptr<cmk::ArmClient> m_client;
    MissingTranslations m_missing;
    QTranslator m_qtFrench;

    struct Wizard {
        std::unique_ptr<cmk::ImageVersionDraftModel> draft;
        std::unique_ptr<cmkui::CreateImageVersionWizard> wizard;
        cmkapp::LanguageButton *languageButton = nullptr;
    };

    Wizard makeWizard(bool withPrerequisites = false) {
        Wizard w;
        w.draft = std::make_unique<cmk::ImageVersionDraftModel>();
        w.draft->setDraft(cmkapp::demoDraft());
        cmkui::CreateWizardOptions options;
        options.withPrerequisites = withPrerequisites;
        options.today = [] { return QDate(2026, 1, 15); };
        w.wizard = std::make_unique<cmkui::CreateImageVersionWizard>(m_client.get(), w.draft.get(), options);
        w.languageButton = cmkapp::addLanguageButton(w.wizard.get());
        w.wizard->show();
        return w;
    }

    /// Goes forward page by page, as a user pressing Next, until the page `id`.
    static bool goTo(cmkui::CreateImageVersionWizard &wizard, int id) {
        while (wizard.currentId() != id) {
            if (!cmkapp::settleWizardPage(wizard)) {
                qWarning() << "page" << wizard.currentId() << "is not complete";
                return false;
            }
            const int before = wizard.currentId();
            wizard.next();
            if (wizard.currentId() == before)
                return false;
        }
        cmkapp::settleWizardPage(wizard);
        return true;
    }

    QString qtFrench(const char *context, const char *source) const {
        return m_qtFrench.translate(context, source);
    }

    /// Labels and buttons of `root` whose text does not fit the room the layout gave them.
    static QStringList clipped(QWidget *root) {
        QStringList problems;
        for (QLabel *label : root->findChildren<QLabel *>()) {
            if (!label->isVisibleTo(root) || label->text().isEmpty() || label->textFormat() == Qt::RichText ||
                label->pixmap().cacheKey() != 0)
                continue;
            const QRect room = label->contentsRect();
            if (label->wordWrap()) {
                const int needed = label->heightForWidth(label->width());
                if (needed > label->height() + 1)
                    problems << QStringLiteral("label “%1” needs %2 px of height, has %3")
                                    .arg(label->text().left(60))
                                    .arg(needed)
                                    .arg(label->height());
            } else {
                const int needed = label->fontMetrics().horizontalAdvance(
                    plain(label->text()).section(QLatin1Char('\n'), 0, 0));
                if (needed > room.width() + 1)
                    problems << QStringLiteral("label “%1” needs %2 px of width, has %3 (no word wrap)")
                                    .arg(label->text().left(60))
                                    .arg(needed)
                                    .arg(room.width());
            }
        }
        for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
            if (!button->isVisibleTo(root) || button->text().isEmpty() ||
                qobject_cast<QMenu *>(button->parent()))
                continue;
            if (button->width() + 1 < button->sizeHint().width())
                problems << QStringLiteral("button “%1” is %2 px wide, needs %3")
                                .arg(button->text())
                                .arg(button->width())
                                .arg(button->sizeHint().width());
        }
        for (QGroupBox *box : root->findChildren<QGroupBox *>()) {
            if (!box->isVisibleTo(root) || box->title().isEmpty())
                continue;
            const int needed = box->fontMetrics().horizontalAdvance(plain(box->title()));
            if (needed > box->width())
                problems << QStringLiteral("group “%1” is %2 px wide, its title needs %3")
                                .arg(box->title())
                                .arg(box->width())
                                .arg(needed);
        }
        return problems;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("cmkwizard-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_i18n_gui"));
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("config")));
        qputenv("CMKWIZARD_TOKEN_STORE", "memory");

        // Installed first, so asked last.
        QCoreApplication::installTranslator(&m_missing);
        QVERIFY2(
            m_qtFrench.load(QStringLiteral("qtbase_fr"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
            "Qt's French catalogue qtbase_fr.qm is missing (Debian: qt6-translations-l10n)");

        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        QString why;
        QVERIFY2(m_sandbox->start(armsandbox::SandboxOptions{}, &why), qPrintable(why));
        m_client = std::make_unique<cmk::ArmClient>();
        m_client->setEndpoint(m_sandbox->baseUrl());
    }

    void cleanup() {
        m_missing.recording = false;
        m_missing.missing.clear();
    }

    void clippingCheckSeesACutLabel() {
        // The check below must be able to fail: a long label squeezed into a narrow window.
        QWidget window;
        auto *label =
            new QLabel(QStringLiteral("Chiffrement au repos avec une clé gérée par le client"), &window);
        label->setGeometry(0, 0, 60, 20);
        window.resize(80, 40);
        window.show();
        QCOMPARE(clipped(&window).size(), 1);
        label->setWordWrap(true);
        QCOMPARE(clipped(&window).size(), 1);
        label->setGeometry(0, 0, 60, 400);
        QVERIFY(clipped(&window).isEmpty());
    }

    void systemLocaleChoosesTheLanguage_data() {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        const QStringList help{QStringLiteral("list-des"), QStringLiteral("--help")};
        const QString french = QStringLiteral("Liste les jeux de chiffrement de disque d’un abonnement");
        const QString english = QStringLiteral("Lists the Disk Encryption Sets of a subscription");
        QTest::newRow("LANG=fr_FR") << QStringLiteral("fr_FR.UTF-8") << help << french;
        QTest::newRow("LANG=C") << QStringLiteral("C.UTF-8") << help << english;
        QTest::newRow("LANG=de_DE falls back to English") << QStringLiteral("de_DE.UTF-8") << help << english;
        QTest::newRow("--lang fr wins")
            << QStringLiteral("C.UTF-8")
            << (help + QStringList{QStringLiteral("--lang"), QStringLiteral("fr")}) << french;
        QTest::newRow("--lang=en wins")
            << QStringLiteral("fr_FR.UTF-8") << (help + QStringList{QStringLiteral("--lang=en")}) << english;
        QTest::newRow("GUI help in French")
            << QStringLiteral("fr_FR.UTF-8") << QStringList{QStringLiteral("--help")}
            << QStringLiteral("Crée des versions d’image de la galerie de calcul Azure");
    }

    void systemLocaleChoosesTheLanguage() {
        QFETCH(QString, lang);
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const QString exe = qEnvironmentVariable("CMK_BIN_DIR") + QStringLiteral("/cmkwizard");
        if (!QFileInfo(exe).isExecutable())
            QSKIP("cmkwizard is not built next to the tests (CMK_BIN_DIR)");
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("LANG"), lang);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("subprocess-config")));
        process.setProcessEnvironment(env);
        process.start(exe, arguments);
        QVERIFY(process.waitForFinished(30000));
        const QString output =
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(output.contains(expected), qPrintable(output.left(600)));
    }

    void frenchEncryptionPageUsesMicrosoftTerms() {
        cmkapp::installTranslations(QStringLiteral("fr"));
        QCOMPARE(cmkapp::installedLanguage(), QStringLiteral("fr"));
        m_missing.recording = true;
        Wizard w = makeWizard();
        QVERIFY(goTo(*w.wizard, cmkui::EncryptionPageId));
        QWizardPage *page = w.wizard->currentPage();

        QCOMPARE(page->title(), QStringLiteral("Chiffrement"));
        auto *typeBox = page->findChild<QGroupBox *>(QStringLiteral("encryptionTypeBox"));
        QVERIFY(typeBox);
        QCOMPARE(typeBox->title(), QStringLiteral("Type de chiffrement"));
        auto *customer = page->findChild<QRadioButton *>(QStringLiteral("customerKeyRadio"));
        auto *twice = page->findChild<QRadioButton *>(QStringLiteral("doubleEncryptionRadio"));
        auto *platform = page->findChild<QRadioButton *>(QStringLiteral("platformKeyRadio"));
        QVERIFY(customer && twice && platform);
        QCOMPARE(plain(customer->text()),
                 QStringLiteral("Chiffrement au repos avec une clé gérée par le client"));
        QCOMPARE(plain(twice->text()),
                 QStringLiteral(
                     "Double chiffrement avec les clés gérées par la plateforme et gérées par le client"));
        QCOMPARE(plain(platform->text()), QStringLiteral("Clé gérée par la plateforme"));
        QVERIFY(customer->isChecked());
        auto *gridBox = page->findChild<QGroupBox *>(QStringLiteral("desGridBox"));
        QVERIFY(gridBox);
        QCOMPARE(gridBox->title(), QStringLiteral("Jeux de chiffrement de disque"));
        auto *grid = page->findChild<QTableWidget *>(QStringLiteral("desGrid"));
        QVERIFY(grid);
        QVERIFY2(grid->accessibleName().startsWith(QStringLiteral("Jeu de chiffrement de disque")),
                 qPrintable(grid->accessibleName()));
        QCOMPARE(grid->horizontalHeaderItem(0)->text(), QStringLiteral("Région"));
        // French typography: the typographic apostrophe, a no-break space before the colon.
        auto *limitations = page->findChild<QLabel *>(QStringLiteral("limitationsLabel"));
        QVERIFY(limitations);
        QVERIFY2(limitations->text().startsWith(QStringLiteral("Limites\u00a0: une version d’image")),
                 qPrintable(limitations->text()));

        // Qt's own buttons, as Qt's French catalogue spells them.
        const QString next = qtFrench("QWizard", "&Next >");
        const QString back = qtFrench("QWizard", "< &Back");
        const QString cancel = qtFrench("QWizard", "Cancel");
        QVERIFY(!next.isEmpty() && next != QLatin1String("&Next >"));
        QCOMPARE(w.wizard->button(QWizard::NextButton)->text(), next);
        QCOMPARE(w.wizard->button(QWizard::BackButton)->text(), back);
        QCOMPARE(w.wizard->button(QWizard::CancelButton)->text(), cancel);
        QCOMPARE(w.languageButton->text(), QStringLiteral("Lang&ue"));
        QCOMPARE(w.wizard->windowTitle(), QStringLiteral("Créer une version d’image"));

        QVERIFY2(m_missing.missing.isEmpty(), qPrintable(m_missing.missing.join(QLatin1Char('\n'))));
    }

    void liveSwitchKeepsInput() {
        cmkapp::installTranslations(QStringLiteral("en"));
        Wizard w = makeWizard();
        QVERIFY(cmkapp::settleWizardPage(*w.wizard));
        QCOMPARE(w.wizard->button(QWizard::NextButton)->text(), QStringLiteral("&Next >"));

        // Type a new version number, as a user would.
        auto *version = w.wizard->currentPage()->findChild<QLineEdit *>(QStringLiteral("versionEdit"));
        QVERIFY(version);
        version->selectAll();
        QTest::keyClicks(version, QStringLiteral("3.4.5"));
        QCOMPARE(version->text(), QStringLiteral("3.4.5"));
        QVERIFY(cmkapp::settleWizardPage(*w.wizard));
        QVERIFY(goTo(*w.wizard, cmkui::EncryptionPageId));
        auto *twice =
            w.wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("doubleEncryptionRadio"));
        QVERIFY(twice);
        const cmk::ImageVersionDraft before = w.draft->draft();
        QCOMPARE(before.versionName, QStringLiteral("3.4.5"));

        // English → French through the menu, without restarting.
        QMenu *menu = w.languageButton->menu();
        QVERIFY(menu);
        auto *french = menu->findChild<QAction *>(QStringLiteral("language_fr"));
        auto *english = menu->findChild<QAction *>(QStringLiteral("language_en"));
        QVERIFY(french && english);
        QVERIFY(english->isChecked());
        m_missing.recording = true;
        french->trigger();
        QCoreApplication::processEvents();
        QCOMPARE(cmkapp::installedLanguage(), QStringLiteral("fr"));
        QVERIFY(french->isChecked());
        QCOMPARE(w.wizard->currentId(), int(cmkui::EncryptionPageId));
        QCOMPARE(w.wizard->currentPage()->title(), QStringLiteral("Chiffrement"));
        QCOMPARE(w.wizard->button(QWizard::NextButton)->text(), qtFrench("QWizard", "&Next >"));
        QCOMPARE(plain(twice->text()),
                 QStringLiteral(
                     "Double chiffrement avec les clés gérées par la plateforme et gérées par le client"));
        QVERIFY(w.draft->draft() == before);
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("fr"));
        QCOMPARE(cmkapp::savedLanguage(), QStringLiteral("fr"));

        // ... back, and the Basics page still shows what was typed.
        w.wizard->back();
        w.wizard->back();
        QCOMPARE(w.wizard->currentId(), int(cmkui::BasicsPageId));
        QCOMPARE(version->text(), QStringLiteral("3.4.5"));
        QVERIFY2(m_missing.missing.isEmpty(), qPrintable(m_missing.missing.join(QLatin1Char('\n'))));
        m_missing.recording = false;

        english->trigger();
        QCoreApplication::processEvents();
        QCOMPARE(cmkapp::installedLanguage(), QStringLiteral("en"));
        QCOMPARE(w.wizard->currentPage()->title(), QStringLiteral("Basics"));
        QCOMPARE(w.wizard->button(QWizard::NextButton)->text(), QStringLiteral("&Next >"));
        QCOMPARE(w.wizard->windowTitle(), QStringLiteral("Create an image version"));
        QCOMPARE(version->text(), QStringLiteral("3.4.5"));
        QVERIFY(w.draft->draft() == before);
    }

    void frenchFitsTheDefaultWindowSize() {
        cmkapp::installTranslations(QStringLiteral("fr"));
        m_missing.recording = true;
        Wizard w = makeWizard(true);
        const QSize defaultSize = w.wizard->size();
        QStringList problems;
        for (;;) {
            cmkapp::settleWizardPage(*w.wizard);
            const QString page = cmkapp::screenshotName(w.wizard->currentId());
            if (w.wizard->size() != defaultSize)
                problems << QStringLiteral("%1: the window grew from %2×%3 to %4×%5")
                                .arg(page)
                                .arg(defaultSize.width())
                                .arg(defaultSize.height())
                                .arg(w.wizard->width())
                                .arg(w.wizard->height());
            for (const QString &problem : clipped(w.wizard.get()))
                problems << page + QStringLiteral(": ") + problem;
            if (w.wizard->nextId() < 0)
                break;
            if (w.wizard->currentId() == cmkui::PrerequisitesPageId &&
                !w.wizard->currentPage()->isComplete()) {
                // The demo subscription lacks the preview feature; the picture is of the French page as it
                // is.
                auto *skip = w.wizard->currentPage()->findChild<QAbstractButton *>(
                    QStringLiteral("featureNotRequiredCheck"));
                QVERIFY(skip);
                skip->click();
                QVERIFY(cmkapp::settleWizardPage(*w.wizard));
            }
            const int before = w.wizard->currentId();
            w.wizard->next();
            QVERIFY2(w.wizard->currentId() != before, qPrintable(QStringLiteral("stuck on %1").arg(before)));
        }

        cmkui::ReviewWindow review(m_client.get());
        review.setToday(QDate(2026, 1, 15));
        review.resize(defaultSize);
        review.show();
        QSignalSpy finished(&review, &cmkui::ReviewWindow::reviewFinished);
        review.openVersion(cmkapp::demoReviewVersionId());
        QVERIFY(finished.wait(15000));
        QCoreApplication::processEvents();
        for (const QString &problem : clipped(&review))
            problems << QStringLiteral("review window: ") + problem;

        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(m_missing.missing.isEmpty(), qPrintable(m_missing.missing.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestI18nGui)
#include "tst_i18n_gui.moc"
