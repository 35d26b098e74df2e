// The fault matrix of docs/reliability.md: the real image-version wizard (offscreen) and the real headless
// `cmkwizard create` against armsandbox --faults, each fault once on the listing of disk encryption sets, on
// the PUT and on the long-running operation's polling; plus an operation that ends Failed, an expired token,
// a revoked sign-in, and the sandbox killed and restarted mid-operation. Every case must end in success or
// in a clear message carrying a request or correlation id, with the wizard's inputs kept and a retry
// possible. The table of outcomes is written to $CMK_WRITE_RELIABILITY (default: reliability.md in the
// working directory); docs/reliability.md is that file from a full run.

#include "auth/authconfig.h"
#include "auth/authsession.h"
#include "auth/tokenstore.h"
#include "common/diskencryptionsetmodel.h"
#include "draft/draftstore.h"
#include "identity/identity.h"
#include "imageversion/imageversionsubmitter.h"
#include "support/authharness.h"
#include "support/cmkwizardprocess.h"
#include "support/wizardharness.h"

#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace wizardtest;
using cmkui::CreateImageVersionWizard;

namespace {

enum class Phase { Listing, Submit, Polling };

QString phaseName(Phase phase) {
    switch (phase) {
    case Phase::Listing:
        return QStringLiteral("listing (DES list)");
    case Phase::Submit:
        return QStringLiteral("submit (PUT)");
    case Phase::Polling:
        return QStringLiteral("LRO polling");
    }
    return {};
}

// Which requests a phase's fault rule matches.
QString phaseFilter(Phase phase) {
    switch (phase) {
    case Phase::Listing:
        return QStringLiteral("path=diskEncryptionSets?:method=GET");
    case Phase::Submit:
        return QStringLiteral("path=/versions/:method=PUT");
    case Phase::Polling:
        return QStringLiteral("path=capsOperations:method=GET");
    }
    return {};
}

QString phasePath(Phase phase) {
    switch (phase) {
    case Phase::Listing:
        return QStringLiteral("diskEncryptionSets?");
    case Phase::Submit:
        return QStringLiteral("/versions/");
    case Phase::Polling:
        return QStringLiteral("capsOperations");
    }
    return {};
}

struct FaultKind {
    QString name;   ///< row title
    QString action; ///< the --faults action ("status=500"), empty for the hooks below
    enum Hook { None, FailLro, ExpiredToken, RevokedSignIn } hook = None;
};

QList<FaultKind> faultKinds() {
    return {
        {QStringLiteral("429 with Retry-After: 1"), QStringLiteral("status=429:retry-after=1")},
        {QStringLiteral("500"), QStringLiteral("status=500")},
        {QStringLiteral("503"), QStringLiteral("status=503")},
        {QStringLiteral("connection reset"), QStringLiteral("reset")},
        {QStringLiteral("no answer (timeout)"), QStringLiteral("hang")},
        {QStringLiteral("truncated JSON"), QStringLiteral("truncate")},
        {QStringLiteral("malformed JSON"), QStringLiteral("malformed")},
        {QStringLiteral("401 expired token"), QStringLiteral("status=401"), FaultKind::ExpiredToken},
        {QStringLiteral("revoked refresh token + 401"), QStringLiteral("status=401"),
         FaultKind::RevokedSignIn},
        {QStringLiteral("LRO ends Failed (ARM error)"), QString(), FaultKind::FailLro},
    };
}

struct Row {
    QString kind;
    QString phase;
    QString frontEnd;
    QString outcome;
    QString requestId; ///< "yes", "no" or "—" (nothing to report)
};

QList<Row> g_rows;

const QRegularExpression &idPattern() {
    static const QRegularExpression re(
        QStringLiteral("\\[(request|correlation) id: [0-9a-fA-F]{8}-[0-9a-fA-F-]{27}\\]"));
    return re;
}

bool faulted(const armsandbox::Exchange &exchange) {
    const int status = exchange.liveResponse.value(QStringLiteral("statusCode")).toString().toInt();
    return status == 0 || status >= 400 || !exchange.liveResponse.value(QStringLiteral("body")).isObject();
}

int faultedCount(const QList<armsandbox::Exchange> &exchanges, Phase phase) {
    int count = 0;
    const QString path = phasePath(phase);
    const QString method = phase == Phase::Submit ? QStringLiteral("PUT") : QStringLiteral("GET");
    for (const armsandbox::Exchange &exchange : exchanges) {
        if (exchange.liveRequest.value(QStringLiteral("method")).toString() == method &&
            exchange.liveRequest.value(QStringLiteral("url"))
                .toString()
                .contains(path, Qt::CaseInsensitive) &&
            faulted(exchange))
            ++count;
    }
    return count;
}

QString oneLine(QString text) {
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    return text.simplified();
}

// The sandbox as a browser would: opens the authorize URL and approves the consent form.
class ConsentBrowser : public QObject {
public:
    QNetworkAccessManager network;
    bool open(const QUrl &authorizeUrl) {
        QNetworkReply *page = network.get(QNetworkRequest(authorizeUrl));
        connect(page, &QNetworkReply::finished, this, [this, page] {
            page->deleteLater();
            const authtest::ConsentAnswer answer =
                authtest::answerConsent(page->url(), QString::fromUtf8(page->readAll()), true);
            QNetworkReply *posted = network.post(answer.request, answer.body);
            connect(posted, &QNetworkReply::finished, posted, &QObject::deleteLater);
        });
        return true;
    }
};

} // namespace

class TestFaultMatrix : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    armsandbox::Sandbox m_sandbox; // --auth required: every front-end signs in
    armsandbox::IdentityService *m_identity = nullptr;
    std::unique_ptr<cmk::TokenStore> m_store;
    std::unique_ptr<cmk::AuthSession> m_session;
    ConsentBrowser m_browser;
    std::unique_ptr<cmk::ArmClient> m_client;
    std::unique_ptr<cmk::ImageVersionDraftModel> m_draft;
    std::unique_ptr<CreateImageVersionWizard> m_wizard;
    int m_versions = 0;

    template <typename T> T *w(const QString &name) { return find<T>(m_wizard.get(), name); }

    QString nextVersion() { return QStringLiteral("3.%1.0").arg(++m_versions); }

    bool signIn() {
        bool done = false, ok = false;
        QObject context;
        connect(m_session.get(), &cmk::AuthSession::signedIn, &context, [&] { done = ok = true; });
        connect(m_session.get(), &cmk::AuthSession::signInFailed, &context, [&] { done = true; });
        m_session->signIn();
        return QTest::qWaitFor([&] { return done; }, 15000) && ok;
    }

    void configureClient(cmk::ArmClient &client) {
        client.setEndpoint(m_sandbox.baseUrl());
        client.setTokenProvider(m_session.get());
        client.setDefaultPollIntervalMs(20);
        client.setRequestTimeoutMs(1500);
        cmk::RetryPolicy retry;
        retry.baseDelayMs = 50;
        retry.maxDelayMs = 1500; // Retry-After: 1 is honoured
        client.setRetryPolicy(retry);
    }

    // ---- the wizard ------------------------------------------------------------------------------------

    bool chooseCustomerKey() {
        return wizardtest::chooseCustomerKey(m_wizard.get(), QStringLiteral("customerKeyRadio"));
    }

    QString submitError() {
        auto *label = w<QLabel>(QStringLiteral("submitErrorLabel"));
        return label ? label->text() : QString();
    }

    // Create, then wait for "Created:" or an error; returns the error text (empty: created).
    QString createAndWait(bool *finished) {
        QAbstractButton *create = m_wizard->button(QWizard::FinishButton);
        *finished = false;
        if (!QTest::qWaitFor([&] { return create->isEnabled(); }, 5000))
            return QStringLiteral("(Create stayed disabled)");
        create->click();
        auto *result = w<QLabel>(QStringLiteral("resultLabel"));
        *finished = QTest::qWaitFor(
            [&] { return result->text().startsWith(QLatin1String("Created:")) || !submitError().isEmpty(); },
            30000);
        return submitError();
    }

    // What the user entered, read back from the widgets and the draft.
    struct Inputs {
        QString version, gallery, source, des, tag;
        bool operator==(const Inputs &o) const {
            return version == o.version && gallery == o.gallery && source == o.source && des == o.des &&
                   tag == o.tag;
        }
    };
    Inputs inputs() {
        const cmk::ImageVersionDraft d = m_draft->draft();
        Inputs in;
        in.version = d.versionName;
        in.gallery = d.galleryName;
        in.source = d.sourceId;
        in.des = d.targetRegions.isEmpty() ? QString() : d.targetRegions.first().osDiskDesId;
        in.tag = d.tags.isEmpty() ? QString() : d.tags.first().name;
        return in;
    }

    void recordWizard(const FaultKind &kind, const QList<Phase> &phases, const QHash<int, QString> &messages,
                      const QList<armsandbox::Exchange> &exchanges, bool finalSuccess) {
        for (Phase phase : phases) {
            Row row{kind.name, phaseName(phase), QStringLiteral("wizard"), {}, QStringLiteral("—")};
            if (messages.contains(int(phase))) {
                const QString message = messages.value(int(phase));
                row.outcome = QStringLiteral("message: “%1”").arg(oneLine(message));
                if (finalSuccess)
                    row.outcome += QStringLiteral(" — retry succeeded");
                row.requestId =
                    idPattern().match(message).hasMatch() ? QStringLiteral("yes") : QStringLiteral("no");
            } else {
                const int n = faultedCount(exchanges, phase);
                row.outcome = QStringLiteral("succeeded after %1 retr%2").arg(n).arg(n == 1 ? "y" : "ies");
                if (kind.hook == FaultKind::ExpiredToken || kind.hook == FaultKind::RevokedSignIn)
                    row.outcome += QStringLiteral(" (silent token refresh)");
            }
            g_rows << row;
        }
    }

    // One wizard run with the fault on every phase (each rule fires once, on its own requests).
    void runWizard(const FaultKind &kind) {
        QList<Phase> phases{Phase::Listing, Phase::Submit, Phase::Polling};
        if (kind.hook == FaultKind::FailLro)
            phases = {Phase::Polling};
        else if (kind.hook == FaultKind::RevokedSignIn)
            phases = {Phase::Listing, Phase::Submit}; // see docs/reliability.md for polling
        QStringList rules;
        if (!kind.action.isEmpty()) {
            for (Phase phase : phases)
                rules << QStringLiteral("%1:first=1:%2").arg(kind.action, phaseFilter(phase));
        }
        m_sandbox.clearExchanges();
        QVERIFY(m_sandbox.setFaults(QString()));
        if (m_session->accessToken().isEmpty())
            QVERIFY(signIn());
        QHash<int, QString> messages;

        CreateImageVersionWizard *wizard = wizardtest::openWizard(m_client.get(), m_draft, m_wizard, 20);
        const QString version = nextVersion();
        QVERIFY(fillDemoTarget(wizard, version));
        auto *kindCombo = w<QComboBox>(QStringLiteral("sourceKindCombo"));
        kindCombo->setCurrentIndex(kindCombo->findData(cmk::sourceKindKey(cmk::SourceKind::ManagedImage)));
        QVERIFY(choose(w<QComboBox>(QStringLiteral("sourceCombo")), QStringLiteral("img-ubuntu2204-web")));
        QVERIFY(next(wizard));
        QVERIFY(next(wizard));
        QCOMPARE(wizard->currentId(), int(cmkui::EncryptionPageId));
        QVERIFY(chooseCustomerKey());
        auto *os = w<QComboBox>(QStringLiteral("desCombo_westeurope_os"));
        QVERIFY(QTest::qWaitFor([&] { return os->count() > 0; }, 10000));

        // Listing: the faults go live and the user reloads the list of disk encryption sets.
        QVERIFY(m_sandbox.setFaults(rules.join(QLatin1Char(','))));
        m_sandbox.clearExchanges();
        if (kind.hook == FaultKind::RevokedSignIn)
            m_identity->revokeRefreshTokens();
        auto *sets = wizard->findChild<cmkui::DiskEncryptionSetModel *>();
        QVERIFY(sets);
        w<QPushButton>(QStringLiteral("refreshDesButton"))->click();
        QVERIFY2(QTest::qWaitFor([&] { return !sets->isLoading(); }, 20000), "the DES list never ended");
        if (sets->error()) {
            const QString message = errorText(wizard);
            messages.insert(int(Phase::Listing), message);
            QVERIFY2(idPattern().match(message).hasMatch(), qPrintable(message));
            if (kind.hook == FaultKind::RevokedSignIn)
                QVERIFY(signIn());                                       // the user signs in again...
            w<QPushButton>(QStringLiteral("refreshDesButton"))->click(); // ...and retries
            QVERIFY2(QTest::qWaitFor([&] { return os->count() > 0; }, 20000), qPrintable(errorText(wizard)));
        }
        QVERIFY(choose(os, QStringLiteral("des-weu-cmk")));
        QVERIFY(next(wizard));
        if (kind.hook == FaultKind::FailLro)
            QVERIFY(addTag(wizard, QStringLiteral("sandbox-fail-lro"), QStringLiteral("AllocationFailed")));
        QVERIFY(next(wizard));
        QCOMPARE(wizard->currentId(), int(cmkui::ReviewPageId));
        const Inputs before = inputs();

        // Submit and polling.
        if (kind.hook == FaultKind::RevokedSignIn)
            m_identity->revokeRefreshTokens();
        bool finished = false;
        bool success = false;
        for (int attempt = 0; attempt < 4; ++attempt) {
            const QString error = createAndWait(&finished);
            QVERIFY2(finished, "the wizard neither created the version nor showed an error (hang)");
            if (error.isEmpty()) {
                success = true;
                break;
            }
            const bool polled =
                faultedCount(m_sandbox.exchanges(), Phase::Polling) > 0 || kind.hook == FaultKind::FailLro;
            const Phase phase = polled ? Phase::Polling : Phase::Submit;
            if (!messages.contains(int(phase)))
                messages.insert(int(phase), error);
            QVERIFY2(idPattern().match(error).hasMatch(), qPrintable(error));
            // Every input is kept and Create can be pressed again.
            QVERIFY(inputs() == before);
            QCOMPARE(w<QLineEdit>(QStringLiteral("versionEdit"))->text(), version);
            QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
            QCOMPARE(m_wizard->button(QWizard::FinishButton)->text(), QStringLiteral("&Create"));
            if (kind.hook == FaultKind::FailLro)
                break; // the service's verdict: a retry gets the same answer (checked headless)
            if (kind.hook == FaultKind::RevokedSignIn && m_session->accessToken().isEmpty())
                QVERIFY(signIn());
        }
        recordWizard(kind, phases, messages, m_sandbox.exchanges(), success);
        if (kind.hook != FaultKind::FailLro)
            QVERIFY2(success, "the retry did not create the version");
        if (m_session->accessToken().isEmpty())
            QVERIFY(signIn());
        m_wizard.reset();
    }

    // ---- the headless create ----------------------------------------------------------------------------

    using Result = cmktest::CmkwizardRun;

    QString writeDraft(const QString &version, bool failLro) {
        cmk::ImageVersionDraft d = demodata::cmkImageVersionDraft(version, cmk::SourceKind::ManagedImage);
        if (failLro)
            d.tags.append({QStringLiteral("sandbox-fail-lro"), QStringLiteral("AllocationFailed")});
        return demodata::writeDraftFile(m_dir.filePath(QStringLiteral("draft-%1.json").arg(version)), d);
    }

    QProcessEnvironment headlessEnvironment(const QString &token) const {
        QProcessEnvironment env = cmktest::headlessEnvironment(m_dir, token);
        env.insert(QStringLiteral("CMKWIZARD_REQUEST_TIMEOUT_MS"), QStringLiteral("1500"));
        env.insert(QStringLiteral("CMKWIZARD_POLL_INTERVAL_MS"), QStringLiteral("20"));
        env.insert(QStringLiteral("CMKWIZARD_RETRY_MAX_DELAY_MS"), QStringLiteral("1500"));
        return env;
    }

    QStringList createArguments(const QUrl &endpoint, const QString &draftPath) const {
        return {
            QStringLiteral("create"),         QStringLiteral("--lang"),  QStringLiteral("en"),
            QStringLiteral("--arm-endpoint"), endpoint.toString(),       QStringLiteral("--poll-interval"),
            QStringLiteral("0.02"),           QStringLiteral("--draft"), draftPath};
    }

    Result runCreate(const QString &draftPath, const QString &token) {
        return cmktest::runCmkwizard(createArguments(m_sandbox.baseUrl(), draftPath),
                                     headlessEnvironment(token));
    }

    static QString failureLine(const QString &stderrText) {
        for (const QString &line : stderrText.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("Could not check the draft against Azure:")) ||
                line.startsWith(QLatin1String("The image version was not created:")))
                return line;
        }
        return stderrText.trimmed().section(QLatin1Char('\n'), -1);
    }

    void runHeadless(const FaultKind &kind) {
        if (kind.hook == FaultKind::RevokedSignIn) {
            // Scripts hand the headless commands an access token (CMKWIZARD_ACCESS_TOKEN); there is no
            // refresh token to revoke in them.
            for (Phase phase : {Phase::Listing, Phase::Submit, Phase::Polling})
                g_rows << Row{
                    kind.name, phaseName(phase), QStringLiteral("headless"),
                    QStringLiteral("not applicable: the headless commands use a given access token"),
                    QStringLiteral("—")};
            return;
        }
        QList<Phase> phases{Phase::Listing, Phase::Submit, Phase::Polling};
        QStringList rules;
        if (kind.hook == FaultKind::FailLro) {
            phases = {Phase::Polling};
        } else {
            for (Phase phase : phases)
                rules << QStringLiteral("%1:first=1:%2").arg(kind.action, phaseFilter(phase));
        }
        if (m_session->accessToken().isEmpty())
            QVERIFY(signIn());
        m_sandbox.clearExchanges();
        QVERIFY(m_sandbox.setFaults(rules.join(QLatin1Char(','))));
        const QString version = nextVersion();
        const QString draft = writeDraft(version, kind.hook == FaultKind::FailLro);
        QHash<int, QString> messages;
        bool success = false;
        QString stuckLine;
        for (int attempt = 0; attempt < 4; ++attempt) {
            const Result result = runCreate(draft, m_session->accessToken());
            QVERIFY2(result.exitCode >= 0,
                     qPrintable(
                         QStringLiteral("exit %1 (hang or crash): %2").arg(result.exitCode).arg(result.err)));
            if (result.exitCode == 0) {
                QVERIFY2(result.out.trimmed().endsWith(QStringLiteral("/versions/%1").arg(version)),
                         qPrintable(result.out));
                success = true;
                break;
            }
            const QString line = failureLine(result.err);
            if (!messages.isEmpty() && (line.contains(QLatin1String("OperationInProgress")) ||
                                        line.contains(QLatin1String("already exists")))) {
                // A rerun met the version an earlier run created or started and stopped following (its
                // sign-in failed). The sandbox advances operations only when their status is polled, so
                // that one stays Creating here; in Azure it finishes, and "already exists" is then the truth.
                stuckLine = line;
                break;
            }
            QVERIFY2(idPattern().match(line).hasMatch(), qPrintable(result.err));
            const QList<armsandbox::Exchange> exchanges = m_sandbox.exchanges();
            Phase phase = Phase::Listing;
            if (line.startsWith(QLatin1String("The image version was not created:")))
                phase = faultedCount(exchanges, Phase::Polling) > 0 || kind.hook == FaultKind::FailLro
                            ? Phase::Polling
                            : Phase::Submit;
            if (!messages.contains(int(phase)))
                messages.insert(int(phase), line);
            if (kind.hook == FaultKind::FailLro) {
                // The failed version exists: a rerun of the same draft is refused before anything is sent.
                const Result again = runCreate(draft, m_session->accessToken());
                QCOMPARE(again.exitCode, 2);
                stuckLine = failureLine(again.err);
                QVERIFY2(stuckLine.contains(QLatin1String("already exists")), qPrintable(again.err));
                break;
            }
        }
        for (Phase phase : phases) {
            Row row{kind.name, phaseName(phase), QStringLiteral("headless"), {}, QStringLiteral("—")};
            if (messages.contains(int(phase))) {
                row.outcome = QStringLiteral("message: “%1”").arg(oneLine(messages.value(int(phase))));
                if (success)
                    row.outcome += QStringLiteral(" — rerun succeeded");
                else if (!stuckLine.isEmpty() && phase == phases.last())
                    row.outcome += QStringLiteral(" — rerun: “%1”").arg(oneLine(stuckLine));
                row.requestId = idPattern().match(messages.value(int(phase))).hasMatch()
                                    ? QStringLiteral("yes")
                                    : QStringLiteral("no");
            } else {
                const int n = faultedCount(m_sandbox.exchanges(), phase);
                row.outcome = QStringLiteral("succeeded after %1 retr%2").arg(n).arg(n == 1 ? "y" : "ies");
            }
            g_rows << row;
        }
        if (kind.hook != FaultKind::FailLro)
            QVERIFY2(success || !stuckLine.isEmpty(), "a rerun did not create the version");
    }

    // ---- the sandbox killed and restarted ------------------------------------------------------------

    static quint16 freePort() {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    // The demo data with SIGEncryption already registered, so that the restarted sandbox accepts the PUT.
    static bool startExternal(QProcess &process, quint16 port) {
        process.setProgram(qEnvironmentVariable("CMK_BIN_DIR") + QStringLiteral("/armsandbox"));
        process.setArguments({QStringLiteral("--port"), QString::number(port),
                              QStringLiteral("--features-registered"), QStringLiteral("--lro-polls"),
                              QStringLiteral("30")});
        process.start();
        if (!process.waitForStarted(5000))
            return false;
        return QTest::qWaitFor(
                   [&] { return process.canReadLine() || process.state() == QProcess::NotRunning; }, 10000) &&
               process.readLine().startsWith("listening on");
    }

    static void kill(QProcess &process) {
        process.kill(); // SIGKILL: no clean shutdown, as a crash or a reboot
        process.waitForFinished(5000);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(cmktest::cmkwizardBuilt(), "run through ctest (CMK_BIN_DIR)");
        qputenv("CMKWIZARD_TOKEN_STORE", "memory");
        armsandbox::SandboxOptions options;
        options.lroPollsUntilDone = 2;
        options.featurePollsUntilRegistered = 1;
        QString why;
        m_identity = authtest::startSignInSandbox(m_sandbox, &why, options);
        QVERIFY2(m_identity, qPrintable(why));
        m_store = std::make_unique<cmk::TokenStore>();
        m_session = std::make_unique<cmk::AuthSession>(
            cmk::AuthConfig::forAuthority(m_sandbox.baseUrl().toString(), QStringLiteral("organizations"),
                                          QStringLiteral("11111111-2222-3333-4444-555555555555")),
            m_store.get());
        m_session->setBrowserOpener([this](const QUrl &url) { return m_browser.open(url); });
        QVERIFY(signIn());
        m_client = std::make_unique<cmk::ArmClient>();
        configureClient(*m_client);
        QVERIFY(registerFeature(*m_client, Sub));
    }

    void cleanupTestCase() {
        m_wizard.reset();
        const QString path = qEnvironmentVariableIsSet("CMK_WRITE_RELIABILITY")
                                 ? qEnvironmentVariable("CMK_WRITE_RELIABILITY")
                                 : QDir::current().filePath(QStringLiteral("reliability.md"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QTextStream out(&file);
        out << "# Reliability: the fault matrix\n\n"
               "Generated by `tests/tst_fault_matrix.cpp`; regenerate with\n\n"
               "```\nCMK_WRITE_RELIABILITY=$PWD/docs/reliability.md ctest --test-dir BUILD_DIR -R "
               "tst_fault_matrix\n```\n\n"
               "Each fault is injected once (`--faults ACTION:first=1:…`) on one kind of request: the list "
               "of "
               "disk encryption sets (the Encryption page; the headless command's check of the draft), the "
               "image version PUT, and the status polls of its long-running operation. The wizard runs "
               "offscreen against an in-process armsandbox with `--auth required`; the headless "
               "`cmkwizard create` runs as a process (request timeout 1.5 s, polls every 20 ms through "
               "`CMKWIZARD_REQUEST_TIMEOUT_MS`, `CMKWIZARD_POLL_INTERVAL_MS`, "
               "`CMKWIZARD_RETRY_MAX_DELAY_MS`). "
               "“Retries” counts the failed answers the client had to get past. After a message, the test "
               "checks that every input is kept and that Create (the wizard) or a rerun (headless) works; "
               "the id column says whether the message carries the ARM request id or, when no answer came "
               "back, the correlation id the client sent.\n\n"
               "| fault | phase | front-end | outcome | request id in message |\n"
               "|---|---|---|---|---|\n";
        for (const Row &row : std::as_const(g_rows))
            out << "| " << row.kind << " | " << row.phase << " | " << row.frontEnd << " | " << row.outcome
                << " | " << row.requestId << " |\n";
        out << "\n## What the client does, and why\n\n"
               "- **Transient answers** (429, 500, 502, 503, 504, reset, timeout, a body cut short) are "
               "retried by "
               "`ArmClient` with exponential backoff and full jitter, honouring `Retry-After` (capped by "
               "`RetryPolicy::maxDelayMs`); each request has a timeout (`setRequestTimeoutMs`, 60 s by "
               "default).\n"
               "- **Every request carries one `x-ms-correlation-request-id`**, kept across its retries. A "
               "message "
               "shows the server's `x-ms-request-id` when an answer came back, otherwise that correlation "
               "id.\n"
               "- **A write whose success status arrived but whose body was cut** is not sent again (it did "
               "happen); a PUT answered that way is followed through its `Azure-AsyncOperation` header.\n"
               "- **Status polls of a long-running operation** are safe to repeat: up to three failed polls "
               "in a "
               "row (after each poll's own retries) do not end the operation, which goes on in Azure.\n"
               "- **When the outcome is unknown** (a lost or garbled answer to the PUT, a 409 from an "
               "operation "
               "already running, a 5xx after the retries, or an operation the service no longer knows), "
               "`ImageVersionSubmitter` reads the version itself before saying anything: created and "
               "matching "
               "the request (same source, same regions) → it goes on to replication; absent → the first "
               "error, or "
               "\"Azure lost track of the operation … nothing was created\" once the PUT had been accepted; "
               "still being created → a message saying so. It never claims a version it did not ask for.\n"
               "- **A killed and restarted service that lost its state** (the sandbox keeps everything in "
               "memory) therefore ends in a clear \"lost track\" message, and the retry creates the version. "
               "Had the service kept its state, polling would simply have gone on after the restart.\n"
               "- **401**: the client refreshes the token once and retries (the wizard's sign-in); a refresh "
               "that "
               "fails (revoked) ends in \"sign in again\", and the wizard keeps every input. The headless "
               "commands take a given access token (`CMKWIZARD_ACCESS_TOKEN`), so there is nothing to "
               "refresh: "
               "they stop with the authentication message (exit status 4).\n"
               "- **Known limit of the sandbox**: its operations advance only when their status is polled. "
               "When a "
               "run stops following an accepted operation (its sign-in failed during polling), the version "
               "stays "
               "`Creating` there, and a rerun is told the version already exists (headless) or is still "
               "being "
               "created. In Azure the operation finishes on its own. This is why the revoked-sign-in case is "
               "exercised on listing and submit only.\n";
        qInfo("fault matrix written to %s", qPrintable(path));
    }

    void wizard_data() {
        QTest::addColumn<int>("index");
        const QList<FaultKind> kinds = faultKinds();
        for (int i = 0; i < kinds.size(); ++i)
            QTest::newRow(qPrintable(kinds.at(i).name)) << i;
    }
    void wizard() {
        QFETCH(int, index);
        runWizard(faultKinds().at(index));
    }

    void headless_data() { wizard_data(); }
    void headless() {
        QFETCH(int, index);
        runHeadless(faultKinds().at(index));
    }

    // The sandbox dies (SIGKILL) while the operation is polled and comes back on the same port, with its
    // state gone: the client says the operation was lost and nothing was created, and a retry creates it.
    void sandboxKilledAndRestarted() {
        const quint16 port = freePort();
        const QUrl endpoint(QStringLiteral("http://127.0.0.1:%1").arg(port));
        QProcess sandbox;
        QVERIFY(startExternal(sandbox, port));

        // Wizard.
        cmk::ArmClient client;
        client.setEndpoint(endpoint);
        client.setDefaultPollIntervalMs(100);
        client.setRequestTimeoutMs(1500);
        cmk::RetryPolicy retry;
        retry.baseDelayMs = 100;
        retry.maxDelayMs = 1000;
        client.setRetryPolicy(retry);
        int polls = 0; // operation-status answers the wizard's client received
        connect(&client, &cmk::ArmClient::responseReceived, this,
                [&polls](const QByteArray &method, const QUrl &url, int, const QString &) {
                    if (method == "GET" && url.path().contains(QLatin1String("/capsOperations/")))
                        ++polls;
                });
        cmk::ImageVersionDraftModel draft;
        cmk::ImageVersionDraft d;
        QString why;
        QVERIFY2(cmk::DraftStore::load(writeDraft(nextVersion(), false), &d, &why), qPrintable(why));
        draft.modify([&](cmk::ImageVersionDraft &target) { target = d; });
        cmkui::CreateWizardOptions options;
        options.withPrerequisites = false;
        options.replicationPollIntervalMs = 20;
        m_wizard = std::make_unique<CreateImageVersionWizard>(&client, &draft, options);
        m_wizard->show();
        // The loaded draft goes straight to Review, as a resumed draft does.
        while (m_wizard->currentId() != cmkui::ReviewPageId)
            QVERIFY(next(m_wizard.get()));
        QAbstractButton *create = m_wizard->button(QWizard::FinishButton);
        QVERIFY(QTest::qWaitFor([&] { return create->isEnabled(); }, 5000));
        create->click();
        auto *page = m_wizard->currentPage();
        QVERIFY(page);
        auto *submitter = m_wizard->findChild<cmk::ImageVersionSubmitter *>();
        QVERIFY(submitter);
        QVERIFY(QTest::qWaitFor([&] { return submitter->operationStatus() == QLatin1String("InProgress"); },
                                10000));
        QVERIFY(QTest::qWaitFor([&] { return polls >= 3; }, 10000)); // a few polls went through
        kill(sandbox);
        QVERIFY(startExternal(sandbox, port));
        bool finished = false;
        auto *result = w<QLabel>(QStringLiteral("resultLabel"));
        finished = QTest::qWaitFor(
            [&] { return result->text().startsWith(QLatin1String("Created:")) || !submitError().isEmpty(); },
            30000);
        QVERIFY2(finished, "hang after the restart");
        const QString wizardMessage = submitError();
        QVERIFY2(!wizardMessage.isEmpty(), "the wizard claims success for a version the service lost");
        QVERIFY2(idPattern().match(wizardMessage).hasMatch(), qPrintable(wizardMessage));
        QCOMPARE(draft.draft().versionName, d.versionName);
        QCOMPARE(draft.draft().targetRegions.value(0).osDiskDesId, d.targetRegions.value(0).osDiskDesId);
        const QString retryError = createAndWait(&finished);
        QVERIFY(finished);
        QVERIFY2(retryError.isEmpty(), qPrintable(retryError));
        g_rows << Row{QStringLiteral("sandbox killed and restarted (state lost)"), phaseName(Phase::Polling),
                      QStringLiteral("wizard"),
                      QStringLiteral("message: “%1” — retry succeeded").arg(oneLine(wizardMessage)),
                      QStringLiteral("yes")};
        m_wizard.reset();

        // Headless: the same, with the command as a process.
        const QString draftPath = writeDraft(nextVersion(), false);
        QProcess create2;
        create2.setProcessEnvironment(headlessEnvironment(QStringLiteral("not-a-real-token")));
        QProcessEnvironment env = create2.processEnvironment();
        env.insert(QStringLiteral("CMKWIZARD_POLL_INTERVAL_MS"), QStringLiteral("100"));
        env.insert(QStringLiteral("CMKWIZARD_RETRY_MAX_DELAY_MS"), QStringLiteral("1000"));
        create2.setProcessEnvironment(env);
        create2.start(qEnvironmentVariable("CMK_BIN_DIR") + QStringLiteral("/cmkwizard"),
                      createArguments(endpoint, draftPath));
        QVERIFY(create2.waitForStarted(5000));
        QByteArray err;
        QVERIFY(QTest::qWaitFor(
            [&] {
                err += create2.readAllStandardError();
                return err.contains("status: InProgress") || create2.state() == QProcess::NotRunning;
            },
            15000));
        QVERIFY2(create2.state() == QProcess::Running, err.constData());
        kill(sandbox);
        QVERIFY(startExternal(sandbox, port));
        QVERIFY(create2.waitForFinished(30000));
        err += create2.readAllStandardError();
        QCOMPARE(create2.exitCode(), 3);
        const QString line = failureLine(QString::fromUtf8(err));
        QVERIFY2(idPattern().match(line).hasMatch(), qPrintable(line));
        create2.start(qEnvironmentVariable("CMK_BIN_DIR") + QStringLiteral("/cmkwizard"),
                      createArguments(endpoint, draftPath));
        QVERIFY(create2.waitForFinished(30000));
        QCOMPARE(create2.exitCode(), 0);
        g_rows << Row{QStringLiteral("sandbox killed and restarted (state lost)"), phaseName(Phase::Polling),
                      QStringLiteral("headless"),
                      QStringLiteral("message: “%1” — rerun succeeded").arg(oneLine(line)),
                      QStringLiteral("yes")};
        sandbox.terminate();
        sandbox.waitForFinished(5000);
    }
};

QTEST_MAIN(TestFaultMatrix)
#include "tst_fault_matrix.moc"
