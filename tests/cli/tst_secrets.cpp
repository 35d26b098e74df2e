// No secret leaves the sign-in: a full headless run of the real cmkwizard executable against an armsandbox
// with auth required (interactive and device code sign-in, feature registration, listing, draft import,
// creation with its long-running operation, review, export), with verbose logging, a private HOME/XDG tree
// and the sandbox's traffic files. Every secret the run used is read off the wire by a recording proxy in
// front of the sign-in endpoints (access, refresh and ID tokens, authorization codes, PKCE verifiers, device
// codes, client secrets), then every file the run produced and every line it printed is searched for them.
// That includes the settings file the program keeps (the cloud from --cloud, the client id saved from the
// sign-in bar, the language picked from the menu, the feature check switched off on the Prerequisites page),
// written by the real GUI: the cmkwizard window offscreen, and the window runGui builds driven in-process
// with the same private XDG tree.
// Also: the OAuth redirect listener is bound to the loopback address only and stops accepting connections
// after one valid redirect.

#include "appcontext.h"
#include "auth/authconfig.h"
#include "auth/authsession.h"
#include "auth/tokenstore.h"
#include "draft/draftstore.h"
#include "gui/gui.h"
#include "gui/languagemenu.h"
#include "identity/identity.h"
#include "imagewizard/prerequisitespage.h"
#include "shell/wizardwindow.h"
#include "support/authharness.h"
#include "support/wizardharness.h"

#include <QAction>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDirIterator>
#include <QFile>
#include <QHostAddress>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuthHttpServerReplyHandler>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QtEndian>
#include <algorithm>
#include <memory>

using namespace wizardtest;

namespace {

// A byte-for-byte TCP relay on 127.0.0.1 that keeps both directions of every connection: the test sees the
// token endpoint's answers exactly as cmkwizard did.
class RecordingProxy : public QObject {
public:
    bool start(quint16 targetPort) {
        m_target = targetPort;
        connect(&m_server, &QTcpServer::newConnection, this, &RecordingProxy::accept);
        return m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    /// One buffer per connection and direction, so a value split over two reads stays in one piece.
    QList<QByteArray> streams() const {
        QList<QByteArray> all;
        for (const auto &s : m_streams)
            all << *s;
        return all;
    }

private:
    void accept() {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            auto sent = std::make_shared<QByteArray>();
            auto received = std::make_shared<QByteArray>();
            auto pending = std::make_shared<QByteArray>();
            m_streams << sent << received;
            connect(client, &QTcpSocket::readyRead, this, [client, upstream, sent, pending] {
                const QByteArray data = client->readAll();
                *sent += data;
                if (upstream->state() == QAbstractSocket::ConnectedState)
                    upstream->write(data);
                else
                    *pending += data;
            });
            connect(upstream, &QTcpSocket::connected, this, [upstream, pending] {
                upstream->write(*pending);
                pending->clear();
            });
            connect(upstream, &QTcpSocket::readyRead, this, [client, upstream, received] {
                const QByteArray data = upstream->readAll();
                *received += data;
                client->write(data);
            });
            connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
            connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
                upstream->disconnectFromHost();
                client->deleteLater();
            });
            upstream->connectToHost(QHostAddress(QHostAddress::LocalHost), m_target);
        }
    }

    QTcpServer m_server;
    quint16 m_target = 0;
    QList<std::shared_ptr<QByteArray>> m_streams;
};

struct Secret {
    QString kind;
    QString value;
};

// Every secret value in the recorded traffic: JSON answers of the token and devicecode endpoints, form
// fields and query items of the requests, bearer headers.
QList<Secret> secretsOnTheWire(const QList<QByteArray> &streams) {
    static const QRegularExpression json(QStringLiteral(
        "\"(access_token|refresh_token|id_token|device_code|client_secret)\"\\s*:\\s*\"([^\"]+)\""));
    static const QRegularExpression form(QStringLiteral(
        "(?<![A-Za-z0-9_])(code|code_verifier|refresh_token|device_code|client_secret|client_assertion)="
        "([^&\\s\"]+)"));
    static const QRegularExpression bearer(QStringLiteral("Authorization: Bearer (\\S+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    QList<Secret> secrets;
    for (const QByteArray &stream : streams) {
        const QString text = QString::fromLatin1(stream);
        for (auto it = json.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            secrets.append({m.captured(1), m.captured(2)});
        }
        for (auto it = form.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            secrets.append({m.captured(1), QUrl::fromPercentEncoding(m.captured(2).toLatin1())});
        }
        for (auto it = bearer.globalMatch(text); it.hasNext();)
            secrets.append({QStringLiteral("access_token"), it.next().captured(1)});
    }
    return secrets;
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// Addresses the kernel lists as listening on `port` (Linux /proc/net/tcp and tcp6).
QStringList listeningAddresses(quint16 port) {
    QStringList addresses;
    for (const bool v6 : {false, true}) {
        QFile table(v6 ? QStringLiteral("/proc/net/tcp6") : QStringLiteral("/proc/net/tcp"));
        if (!table.open(QIODevice::ReadOnly))
            continue;
        table.readLine(); // header
        while (!table.atEnd()) {
            const QStringList fields =
                QString::fromLatin1(table.readLine()).simplified().split(QLatin1Char(' '));
            if (fields.size() < 4 || fields[3] != QLatin1String("0A")) // TCP_LISTEN
                continue;
            const QString &local = fields[1];
            if (local.section(QLatin1Char(':'), 1).toUInt(nullptr, 16) != port)
                continue;
            // The address is in host (little-endian) order, 32 bits at a time.
            const QByteArray raw = QByteArray::fromHex(local.section(QLatin1Char(':'), 0, 0).toLatin1());
            QByteArray bytes;
            for (int i = 0; i + 4 <= raw.size(); i += 4)
                for (int j = 3; j >= 0; --j)
                    bytes += raw[i + j];
            if (bytes.size() == 4) {
                addresses << QHostAddress(qFromBigEndian<quint32>(bytes.constData())).toString();
            } else if (bytes.size() == 16) {
                Q_IPV6ADDR address;
                memcpy(address.c, bytes.constData(), 16);
                addresses << QHostAddress(address).toString();
            }
        }
    }
    return addresses;
}

bool acceptsConnections(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    const bool connected = socket.waitForConnected(2000);
    socket.abort();
    return connected;
}

} // namespace

class TestSecrets : public QObject {
    Q_OBJECT

    QTemporaryDir m_root;
    armsandbox::Sandbox m_sandbox;
    armsandbox::IdentityService *m_identity = nullptr;
    RecordingProxy m_proxy;
    QNetworkAccessManager m_browser;
    QList<Run> m_runs;
    QStringList m_codesSeenByTheBrowser;
    QString m_exe;

    QString path(const QString &relative) const { return m_root.filePath(relative); }

    QProcessEnvironment environment(const QString &accessToken = {}, bool gui = false) const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("home/.config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("home/.local/share")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("home/.cache")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), path(QStringLiteral("home/.local/state")));
        env.insert(QStringLiteral("TMPDIR"), path(QStringLiteral("tmp")));
        env.insert(QStringLiteral("CMKWIZARD_AUTOSAVE_PATH"),
                   path(QStringLiteral("work/autosave-draft.json")));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cmk.*=true"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        // No keychain of the machine, no browser: the sign-in URL is printed and the test plays the browser.
        env.insert(QStringLiteral("CMKWIZARD_TOKEN_STORE"), QStringLiteral("memory"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("BROWSER"));
        env.remove(QStringLiteral("CMKWIZARD_ACCESS_TOKEN"));
        if (!accessToken.isEmpty())
            env.insert(QStringLiteral("CMKWIZARD_ACCESS_TOKEN"), accessToken);
        if (gui) {
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            // The window quits once its first page is shown (the same hook bench_responsiveness uses).
            env.insert(QStringLiteral("CMKWIZARD_EXIT_WHEN_SHOWN"), QStringLiteral("1"));
        }
        return env;
    }

    QStringList signInOptions() const {
        return {QStringLiteral("--authority"),    m_proxy.url().toString(),
                QStringLiteral("--arm-endpoint"), m_sandbox.baseUrl().toString(),
                QStringLiteral("--client-id"),    QStringLiteral("secrets-test-client"),
                QStringLiteral("--lang"),         QStringLiteral("en")};
    }

    // Runs cmkwizard to the end; `onOutput` sees stdout as it comes (to play the browser or the user). `gui`:
    // the window, offscreen, closing once shown.
    Run run(const QStringList &arguments, const QString &accessToken = {},
            const std::function<void(const QString &out)> &onOutput = {}, bool gui = false) {
        QProcess process;
        process.setProcessEnvironment(environment(accessToken, gui));
        process.setWorkingDirectory(path(QStringLiteral("work")));
        process.start(m_exe, arguments + signInOptions());
        Run result;
        if (!process.waitForStarted(10000))
            return result;
        const bool ended = QTest::qWaitFor(
            [&] {
                const QString more = QString::fromUtf8(process.readAllStandardOutput());
                result.out += more;
                result.err += QString::fromUtf8(process.readAllStandardError());
                if (!more.isEmpty() && onOutput)
                    onOutput(result.out);
                return process.state() == QProcess::NotRunning;
            },
            45000);
        if (!ended) {
            process.kill();
            process.waitForFinished(5000);
            result.err += QStringLiteral("\n[test] killed after 45 s\n");
        }
        result.out += QString::fromUtf8(process.readAllStandardOutput());
        result.err += QString::fromUtf8(process.readAllStandardError());
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        m_runs << result;
        return result;
    }

    // The user's browser: opens the authorize URL, approves the consent page, and follows the redirect to the
    // loopback listener (noting the authorization code on the way).
    void playBrowser(const QUrl &authorizeUrl) {
        QNetworkReply *page = m_browser.get(QNetworkRequest(authorizeUrl));
        connect(page, &QNetworkReply::finished, this, [this, page] {
            page->deleteLater();
            authtest::ConsentAnswer answer =
                authtest::answerConsent(page->url(), QString::fromUtf8(page->readAll()), true);
            answer.request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                        QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply *posted = m_browser.post(answer.request, answer.body);
            connect(posted, &QNetworkReply::finished, this, [this, posted] {
                posted->deleteLater();
                const QUrl redirect(QString::fromUtf8(posted->rawHeader("Location")));
                m_codesSeenByTheBrowser
                    << QUrlQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
                QNetworkReply *landing = m_browser.get(QNetworkRequest(redirect));
                connect(landing, &QNetworkReply::finished, landing, &QObject::deleteLater);
            });
        });
    }

    static QString describe(const Run &r) {
        return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3").arg(r.exitCode).arg(r.out, r.err);
    }

    QString lastAccessToken() const {
        const QList<Secret> secrets = secretsOnTheWire(m_proxy.streams());
        for (auto it = secrets.crbegin(); it != secrets.crend(); ++it)
            if (it->kind == QLatin1String("access_token"))
                return it->value;
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        m_exe = qEnvironmentVariable("CMK_BIN_DIR") + QStringLiteral("/cmkwizard");
        QVERIFY2(QFile::exists(m_exe), "run through ctest (CMK_BIN_DIR)");
        QVERIFY(m_root.isValid());
        for (const char *dir : {"home/.config", "home/.local/share", "home/.cache", "home/.local/state",
                                "tmp", "work", "traffic"})
            QVERIFY(QDir().mkpath(path(QString::fromLatin1(dir))));
        // This process plays cmkwizard's window too: same names, same private settings file, no keychain.
        QCoreApplication::setOrganizationName(QStringLiteral("cmkwizard"));
        QCoreApplication::setApplicationName(QStringLiteral("cmkwizard"));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(path(QStringLiteral("home/.config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(path(QStringLiteral("home/.local/share"))));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(path(QStringLiteral("home/.cache"))));
        qputenv("XDG_STATE_HOME", QFile::encodeName(path(QStringLiteral("home/.local/state"))));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           path(QStringLiteral("home/.config")));
        qputenv("CMKWIZARD_TOKEN_STORE", "memory");
        qunsetenv("CMKWIZARD_ACCESS_TOKEN");
        cmkapp::installTranslations(QStringLiteral("en"));
        armsandbox::SandboxOptions options;
        options.trafficDir = path(QStringLiteral("traffic"));
        options.lroPollsUntilDone = 1;
        options.featurePollsUntilRegistered = 1;
        QString why;
        m_identity = authtest::startSignInSandbox(m_sandbox, &why, options);
        QVERIFY2(m_identity, qPrintable(why));
        QVERIFY(m_proxy.start(m_sandbox.port()));
    }

    // `cmkwizard login`: authorization code flow with PKCE through the loopback redirect.
    void interactiveLogin() {
        bool browsed = false;
        const Run r = run({QStringLiteral("login")}, {}, [this, &browsed](const QString &out) {
            static const QRegularExpression url(QStringLiteral("^(http\\S+/authorize\\S*)$"),
                                                QRegularExpression::MultilineOption);
            const auto match = url.match(out);
            if (!browsed && match.hasMatch()) {
                browsed = true;
                playBrowser(QUrl(match.captured(1), QUrl::StrictMode));
            }
        });
        QVERIFY2(browsed, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.out.contains(QStringLiteral("Signed in as operator@contoso.example")), qPrintable(r.out));
    }

    // `cmkwizard login --device-code`: the user approves the printed code on "another device".
    void deviceCodeLogin() {
        bool approved = false;
        const Run r =
            run({QStringLiteral("login"), QStringLiteral("--device-code")}, {}, [&](const QString &out) {
                static const QRegularExpression code(QStringLiteral("enter the code ([A-Z0-9-]+)"));
                const auto match = code.match(out);
                if (!approved && match.hasMatch())
                    approved = m_identity->approveDeviceCode(match.captured(1));
            });
        QVERIFY2(approved, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }

    // The ARM commands, with the token the last sign-in received (as a pipeline would hand it over).
    void armCommands() {
        const QString token = lastAccessToken();
        QVERIFY(!token.isEmpty());
        Run r =
            run({QStringLiteral("check-prereqs"), QStringLiteral("--subscription"), Sub,
                 QStringLiteral("--register"), QStringLiteral("--poll-interval-ms"), QStringLiteral("50")},
                token);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        r = run({QStringLiteral("list-des"), QStringLiteral("--subscription"), Sub,
                 QStringLiteral("--format"), QStringLiteral("json")},
                token);
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("des-weu-cmk")), qPrintable(describe(r)));
        r = run({QStringLiteral("import-az"), QStringLiteral("--command"),
                 QStringLiteral("az sig image-version create -g rg-images-prod -r galContosoProd "
                                "-i ubuntu-22-04-gen2 -e 7.8.0 -l westeurope --os-snapshot %1")
                     .arg(buildId(QStringLiteral("snapshots/snap-ubuntu-os"))),
                 QStringLiteral("--subscription"), Sub, QStringLiteral("--out"),
                 path(QStringLiteral("work/imported-draft.json"))},
                token);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(QFile::exists(path(QStringLiteral("work/imported-draft.json"))));

        const cmk::ImageVersionDraft draft = demodata::cmkImageVersionDraft(QStringLiteral("7.9.0"));
        const QString draftPath = path(QStringLiteral("work/draft.json"));
        QString why;
        QVERIFY2(cmk::DraftStore::save(draftPath, draft, &why), qPrintable(why));
        r = run({QStringLiteral("create"), QStringLiteral("--draft"), draftPath}, token);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        r = run({QStringLiteral("review"), QStringLiteral("--id"),
                 QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/Microsoft.Compute/"
                                "galleries/galContosoProd/images/ubuntu-22-04-gen2/versions/7.9.0")
                     .arg(Sub),
                 QStringLiteral("--format"), QStringLiteral("json")},
                token);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        r = run({QStringLiteral("export"), QStringLiteral("--draft"), draftPath, QStringLiteral("--format"),
                 QStringLiteral("arm"), QStringLiteral("--out"), path(QStringLiteral("work/export.json"))},
                token);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        // A token the server refuses: the error path prints and logs too.
        r = run({QStringLiteral("list-des"), QStringLiteral("--subscription"), Sub},
                token.left(token.size() - 4) + QStringLiteral("AAAA"));
        QVERIFY2(r.exitCode == 4 || r.exitCode == 3, qPrintable(describe(r)));
        r = run({QStringLiteral("logout")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }

    // The settings the program keeps, written by the real GUI. The cmkwizard window (offscreen, closing once
    // shown) remembers --cloud but not --client-id; then the window runGui builds, in this process over the
    // same settings file: the client id typed in the sign-in bar and saved, an interactive sign-in from the
    // bar, the Basics page filled (autosaved), the feature check switched off on the Prerequisites page, and
    // French picked from the language menu.
    void guiSettings() {
        Run r = run({QStringLiteral("--cloud"), QStringLiteral("usgov")}, {}, {}, true);
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("first page shown")),
                 qPrintable(describe(r)));

        QCommandLineParser parser;
        cmkapp::addGlobalOptions(parser);
        QVERIFY(parser.parse({QStringLiteral("cmkwizard"), QStringLiteral("--authority"),
                              m_proxy.url().toString(), QStringLiteral("--arm-endpoint"),
                              m_sandbox.baseUrl().toString()}));
        cmkapp::GlobalOptions options;
        QString why;
        QVERIFY2(cmkapp::readGlobalOptions(parser, options, &why), qPrintable(why));
        cmkapp::AppContext context(options);
        QVERIFY2(context.initialize(&why), qPrintable(why));
        cmk::AuthSession *session = cmkapp::accountSession(context);
        QVERIFY(session);
        QVERIFY2(session->config().clientId.isEmpty(), "no client id saved yet: the bar asks for one");
        session->setBrowserOpener([this](const QUrl &url) {
            playBrowser(url);
            return true;
        });
        cmk::ImageVersionDraftModel draft;
        cmk::DraftStore autosave;
        autosave.setPath(path(QStringLiteral("work/gui-autosave-draft.json")));
        autosave.attach(&draft, 0);
        cmkui::WizardWindow window(context.armClient(), &draft, session);
        cmkapp::addLanguageButton(window.wizard());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *clientId = find<QLineEdit>(&window, QStringLiteral("clientIdEdit"));
        QVERIFY(clientId && clientId->isVisible());
        QTest::keyClicks(clientId, QStringLiteral("secrets-gui-client"));
        QTest::mouseClick(find<QPushButton>(&window, QStringLiteral("saveClientIdButton")), Qt::LeftButton);
        QTest::mouseClick(find<QPushButton>(&window, QStringLiteral("signInButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(session->isSignedIn(), 15000);

        cmkui::CreateImageVersionWizard *wizard = window.wizard();
        QVERIFY(fillDemoTarget(wizard, QStringLiteral("7.10.0")));
        auto *sourceKind = find<QComboBox>(wizard, QStringLiteral("sourceKindCombo"));
        sourceKind->setCurrentIndex(sourceKind->findData(cmk::sourceKindKey(cmk::SourceKind::Snapshots)));
        QVERIFY(
            choose(find<QComboBox>(wizard, QStringLiteral("sourceCombo")), QStringLiteral("snap-ubuntu-os")));
        QVERIFY(next(wizard));
        QCOMPARE(wizard->currentId(), int(cmkui::PrerequisitesPageId));
        auto *notRequired = find<QCheckBox>(wizard, QStringLiteral("featureNotRequiredCheck"));
        QVERIFY(notRequired && notRequired->isVisible() && !notRequired->isChecked());
        notRequired->click();

        auto *french = window.findChild<QAction *>(QStringLiteral("language_fr"));
        QVERIFY(french);
        french->trigger();
        QCOMPARE(cmkapp::installedLanguage(), QStringLiteral("fr"));
        QTRY_VERIFY(QFile::exists(path(QStringLiteral("work/gui-autosave-draft.json"))));
        window.close();
        QVERIFY(autosave.saveNow(&why));
        cmkapp::installTranslations(QStringLiteral("en"));

        // What the settings file holds: those choices, nothing else of the sign-in (noSecretInAnyArtefact
        // searches it with the rest).
        QSettings().sync();
        const QString file = path(QStringLiteral("home/.config/cmkwizard/cmkwizard.conf"));
        QVERIFY2(QFile::exists(file), qPrintable(file));
        QSettings saved(file, QSettings::IniFormat);
        QCOMPARE(saved.value(QStringLiteral("auth/cloud")).toString(), QStringLiteral("usgov"));
        QCOMPARE(saved.value(QStringLiteral("auth/clientId")).toString(),
                 QStringLiteral("secrets-gui-client"));
        QCOMPARE(saved.value(QStringLiteral("ui/language")).toString(), QStringLiteral("fr"));
        const QString optOut = cmkui::PrerequisitesPage::featureNotRequiredSettingsKey(demodata::Sub);
        QCOMPARE(saved.value(optOut).toBool(), true);
        // A key not listed here is something new the program keeps: look at what it holds, then add it.
        QStringList keys = saved.allKeys();
        QStringList expected = {QStringLiteral("auth/clientId"), QStringLiteral("auth/cloud"),
                                optOut,
                                QStringLiteral("ui/language")};
        keys.sort();
        expected.sort();
        QCOMPARE(keys, expected);
    }

    // Every file under the run's HOME, work and traffic folders, and every line printed, against every
    // secret.
    void noSecretInAnyArtefact() {
        QList<Secret> secrets = secretsOnTheWire(m_proxy.streams());
        for (const QString &code : std::as_const(m_codesSeenByTheBrowser))
            secrets.append({QStringLiteral("code"), code});
        QSet<QString> kinds;
        QSet<QString> values;
        for (const Secret &s : std::as_const(secrets)) {
            if (s.value.size() < 16 || s.value == QLatin1String("REDACTED"))
                continue;
            kinds << s.kind;
            values << s.value;
        }
        // The proxy saw the run: both sign-ins redeemed what they had to.
        for (const char *kind :
             {"access_token", "refresh_token", "id_token", "code", "code_verifier", "device_code"})
            QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
        QVERIFY2(!kinds.contains(QStringLiteral("client_secret")), "a public client sends no client secret");

        int files = 0;
        QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        QList<QPair<QString, QByteArray>> artefacts;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            artefacts.append({QDir(m_root.path()).relativeFilePath(file.fileName()), file.readAll()});
            ++files;
        }
        for (int i = 0; i < m_runs.size(); ++i) {
            artefacts.append({QStringLiteral("stdout of run %1").arg(i + 1), m_runs[i].out.toUtf8()});
            artefacts.append({QStringLiteral("stderr of run %1").arg(i + 1), m_runs[i].err.toUtf8()});
        }
        QVERIFY2(files >= 5, qPrintable(QString::number(files))); // drafts, export, traffic files
        const auto isSettings = [](const QPair<QString, QByteArray> &artefact) {
            return artefact.first == QLatin1String("home/.config/cmkwizard/cmkwizard.conf") &&
                   artefact.second.contains("clientId=secrets-gui-client");
        };
        QVERIFY2(std::any_of(artefacts.cbegin(), artefacts.cend(), isSettings),
                 "the settings file the GUI wrote is searched too");
        bool logged = false;
        for (const Run &r : std::as_const(m_runs))
            logged = logged || r.err.contains(QStringLiteral("cmk."));
        QVERIFY2(logged, "the cmk.* debug logs were captured");
        for (const auto &[name, content] : std::as_const(artefacts)) {
            for (const QString &value : std::as_const(values)) {
                for (const QByteArray &form : {value.toUtf8(), QUrl::toPercentEncoding(value)}) {
                    QVERIFY2(!content.contains(form),
                             qPrintable(QStringLiteral("%1 holds a secret of the run (%2 chars, starts %3)")
                                            .arg(name)
                                            .arg(value.size())
                                            .arg(value.left(6))));
                }
            }
        }
    }

    // The loopback listener of the interactive sign-in: bound to 127.0.0.1 only, still there after a request
    // without a code (a browser's favicon), gone after the one valid redirect.
    void redirectListenerLoopbackOnlyAndSingleUse() {
        cmk::TokenStore store;
        cmk::AuthSession session(cmk::AuthConfig::forAuthority(m_sandbox.baseUrl().toString(),
                                                               QStringLiteral("organizations"),
                                                               QStringLiteral("listener-test-client")),
                                 &store);
        QUrl authorizeUrl;
        session.setBrowserOpener([&authorizeUrl](const QUrl &url) {
            authorizeUrl = url;
            return true;
        });
        QSignalSpy signedIn(&session, &cmk::AuthSession::signedIn);
        session.signIn();
        QOAuthHttpServerReplyHandler *handler = session.replyHandler();
        QVERIFY(handler && handler->isListening());
        const quint16 port = handler->port();
        QTRY_VERIFY(!authorizeUrl.isEmpty());

#ifdef Q_OS_LINUX
        QCOMPARE(listeningAddresses(port), QStringList{QStringLiteral("127.0.0.1")});
#endif
        QVERIFY(acceptsConnections(port));
        // The browser asks for its favicon twice: the second answer shows that the first request, handled to
        // the end, left the listener open.
        for (int request = 0; request < 2; ++request) {
            QNetworkReply *favicon = m_browser.get(
                QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/favicon.ico").arg(port))));
            QTRY_VERIFY(favicon->isFinished());
            QVERIFY2(favicon->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0,
                     qPrintable(favicon->errorString()));
            favicon->deleteLater();
        }
        QVERIFY(acceptsConnections(port));

        playBrowser(authorizeUrl);
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 15000);
        QTRY_VERIFY(!acceptsConnections(port));
#ifdef Q_OS_LINUX
        QCOMPARE(listeningAddresses(port), QStringList());
#endif
        // The same redirect again reaches nobody.
        QNetworkReply *replay = m_browser.get(QNetworkRequest(
            QUrl(QStringLiteral("http://127.0.0.1:%1/?code=%2&state=x")
                     .arg(port)
                     .arg(m_codesSeenByTheBrowser.value(m_codesSeenByTheBrowser.size() - 1)))));
        QTRY_VERIFY(replay->isFinished());
        QCOMPARE(replay->error(), QNetworkReply::ConnectionRefusedError);
        replay->deleteLater();
    }
};

QTEST_MAIN(TestSecrets)
#include "tst_secrets.moc"
