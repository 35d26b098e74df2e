#include "appcontext.h"

#include "arm/armclient.h"
#include "armsandbox.h"
#include "auth/authconfig.h"
#include "auth/authsession.h"
#include "auth/tokenprovider.h"
#include "auth/tokenstore.h"

#include <QDesktopServices>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cmkapp {

namespace {
const QString cloudKey = QStringLiteral("auth/cloud");
} // namespace

QString savedCloud() {
    const QString saved = QSettings().value(cloudKey).toString();
    return cmk::AuthConfig::cloudPreset(saved) ? saved.toLower() : QString();
}

void addGlobalOptions(QCommandLineParser &parser) {
    parser.addOption({QStringLiteral("cloud"),
                      QCoreApplication::translate(
                          "main", "Azure cloud: public, usgov or china. Chooses the sign-in authority and "
                                  "the Resource Manager endpoint together, and is remembered for the "
                                  "next runs (default: the last one chosen, else public)."),
                      QStringLiteral("public|usgov|china")});
    parser.addOption({QStringLiteral("arm-endpoint"),
                      QCoreApplication::translate("main", "Azure Resource Manager endpoint (default %1).")
                          .arg(QStringLiteral("https://management.azure.com")),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("authority"),
                      QCoreApplication::translate("main", "Microsoft Entra ID authority (default %1).")
                          .arg(QStringLiteral("https://login.microsoftonline.com")),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("tenant"), QCoreApplication::translate("main", "Tenant ID or domain."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("client-id"),
                      QCoreApplication::translate("main", "Application (client) ID used to sign in."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("sandbox"),
         QCoreApplication::translate(
             "main", "Start the embedded armsandbox with the demo data and use it instead of Azure.")});
    parser.addOption({QStringLiteral("lang"),
                      QCoreApplication::translate("main", "Language of the interface: fr or en."),
                      QStringLiteral("fr|en")});
}

bool readGlobalOptions(const QCommandLineParser &parser, GlobalOptions &out, QString *error) {
    // The cloud first: --authority and --arm-endpoint, when given, override its parts.
    std::optional<cmk::CloudPreset> cloud;
    const bool explicitCloud = parser.isSet(QStringLiteral("cloud"));
    if (explicitCloud) {
        const QString name = parser.value(QStringLiteral("cloud")).trimmed();
        cloud = cmk::AuthConfig::cloudPreset(name);
        if (!cloud) {
            *error = QCoreApplication::translate("main", "--cloud must be public, usgov or china, not “%1”.")
                         .arg(name);
            return false;
        }
    } else if (parser.isSet(QStringLiteral("authority"))) {
        // A known sovereign authority brings its own Resource Manager.
        cloud = cmk::AuthConfig::presetForAuthority(parser.value(QStringLiteral("authority")));
    }
    if (!cloud && !parser.isSet(QStringLiteral("authority")))
        cloud = cmk::AuthConfig::cloudPreset(savedCloud());
    if (!cloud && !parser.isSet(QStringLiteral("authority")))
        cloud = cmk::AuthConfig::cloudPreset(QStringLiteral("public"));
    if (cloud) {
        out.cloud = cloud->name;
        out.authority = cloud->authority;
        out.armEndpoint = cloud->armEndpoint;
    } else {
        out.cloud.clear(); // an authority of no known cloud (a test identity provider)
    }
    if (parser.isSet(QStringLiteral("arm-endpoint"))) {
        const QUrl url(parser.value(QStringLiteral("arm-endpoint")), QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.host().isEmpty()) {
            *error = QCoreApplication::translate("main", "--arm-endpoint must be an http(s) URL, not “%1”.")
                         .arg(parser.value(QStringLiteral("arm-endpoint")));
            return false;
        }
        out.armEndpoint = url;
    }
    if (parser.isSet(QStringLiteral("authority")))
        out.authority = parser.value(QStringLiteral("authority"));
    if (parser.isSet(QStringLiteral("tenant")))
        out.tenant = parser.value(QStringLiteral("tenant"));
    if (parser.isSet(QStringLiteral("client-id")))
        out.clientId = parser.value(QStringLiteral("client-id"));
    out.sandbox = parser.isSet(QStringLiteral("sandbox"));
    if (parser.isSet(QStringLiteral("lang"))) {
        const QString lang = parser.value(QStringLiteral("lang")).toLower();
        if (lang != QLatin1String("fr") && lang != QLatin1String("en")) {
            *error = QCoreApplication::translate("main", "--lang must be fr or en, not “%1”.").arg(lang);
            return false;
        }
        out.language = lang;
    }
    if (explicitCloud)
        QSettings().setValue(cloudKey, out.cloud);
    return true;
}

namespace {
QString g_installedLanguage;

// The installed catalogues (<prefix>/share/cmkwizard/translations, found from the executable, so that an
// unpacked package works anywhere) first, then the ones compiled into the binary.
bool loadCatalogue(QTranslator *translator, const QLocale &locale) {
    const QString installed =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(CMK_TRANSLATIONS_RELDIR));
    for (const QString &dir : {installed, QStringLiteral(":/i18n")}) {
        if (translator->load(locale, QStringLiteral("cmkwizard"), QStringLiteral("_"), dir))
            return true;
    }
    return false;
}
} // namespace

void installTranslations(const QString &language) {
    static QTranslator *appTranslator = nullptr;
    static QTranslator *qtTranslator = nullptr;
    // Each remove/install posts a LanguageChange to every widget: pages retranslate themselves in place.
    if (appTranslator) {
        QCoreApplication::removeTranslator(appTranslator);
        delete appTranslator;
        appTranslator = nullptr;
    }
    if (qtTranslator) {
        QCoreApplication::removeTranslator(qtTranslator);
        delete qtTranslator;
        qtTranslator = nullptr;
    }
    // --lang or the menu wins; otherwise the system's languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
    QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    appTranslator = new QTranslator;
    if (!loadCatalogue(appTranslator, locale)) {
        // No catalogue for this language (German, or the C locale of a CI machine): the interface is English,
        // which still needs the English plural forms ("1 region", "2 regions").
        if (!appTranslator->load(QStringLiteral(":/i18n/cmkwizard_en.qm")))
            qWarning("cmkwizard: the English catalogue is missing from the resources");
        if (!language.isEmpty())
            locale = QLocale(QLocale::English, QLocale::UnitedStates);
    }
    // Dates, numbers and sizes follow the interface's language when it was chosen, else the system's formats.
    QLocale::setDefault(locale);
    g_installedLanguage =
        appTranslator->language().section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0);
    if (g_installedLanguage.isEmpty())
        g_installedLanguage = QStringLiteral("en");
    QCoreApplication::installTranslator(appTranslator);
    // Qt's own strings (QWizard's buttons, QMessageBox, context menus) from Qt's catalogue
    // (qt6-translations-l10n on Debian).
    qtTranslator = new QTranslator;
    if (qtTranslator->load(QLocale(g_installedLanguage), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else if (g_installedLanguage != QLatin1String("en"))
        qWarning("cmkwizard: Qt's catalogue qtbase_%s.qm is not in %s", qPrintable(g_installedLanguage),
                 qPrintable(QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
}

QString installedLanguage() {
    return g_installedLanguage;
}

QString languageFromArguments(const QStringList &arguments) {
    QString value;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (arg == QLatin1String("--lang") && i + 1 < arguments.size())
            value = arguments.at(i + 1);
        else if (arg.startsWith(QLatin1String("--lang=")))
            value = arg.mid(7);
    }
    value = value.toLower();
    return value == QLatin1String("fr") || value == QLatin1String("en") ? value : QString();
}

AppContext::AppContext(const GlobalOptions &options)
    : m_options(options) {}

cmk::AuthConfig AppContext::authConfig() const {
    QString clientId = m_options.clientId;
    if (clientId.isEmpty())
        clientId = cmk::AuthConfig::savedClientId();
    QString authority = m_options.authority;
    if (m_sandbox) {
        // The embedded sandbox is its own Entra ID; any client id will do there.
        authority = m_sandbox->baseUrl().toString(QUrl::StripTrailingSlash);
        if (clientId.isEmpty())
            clientId = QStringLiteral("cmkwizard-sandbox");
    }
    cmk::AuthConfig config = cmk::AuthConfig::forAuthority(authority, m_options.tenant, clientId);
    // Tokens are for the cloud's Resource Manager, also behind an authority of no known cloud.
    if (!m_sandbox && !cmk::AuthConfig::presetForAuthority(authority)) {
        if (const auto cloud = cmk::AuthConfig::cloudPreset(m_options.cloud))
            config.armResource = cloud->armResource;
    }
    return config;
}

bool AppContext::openInBrowser(const QUrl &url) {
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return QDesktopServices::openUrl(url);
    // Headless subcommands have no QGuiApplication: hand the URL to the desktop's opener when there is one.
    const QString browser = qEnvironmentVariable("BROWSER");
    if (!browser.isEmpty())
        return QProcess::startDetached(browser, {url.toString(QUrl::FullyEncoded)});
#if defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), {url.toString(QUrl::FullyEncoded)});
#elif defined(Q_OS_WIN)
    return QProcess::startDetached(QStringLiteral("rundll32"), {QStringLiteral("url.dll,FileProtocolHandler"),
                                                                url.toString(QUrl::FullyEncoded)});
#else
    const QString opener = QStandardPaths::findExecutable(QStringLiteral("xdg-open"));
    if (opener.isEmpty() ||
        (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")))
        return false;
    return QProcess::startDetached(opener, {url.toString(QUrl::FullyEncoded)});
#endif
}

AppContext::~AppContext() = default;

bool AppContext::initialize(QString *error) {
    QUrl endpoint = m_options.armEndpoint;
    if (m_options.sandbox) {
        m_sandbox = std::make_unique<armsandbox::Sandbox>();
        armsandbox::SandboxOptions sandboxOptions;
        QString why;
        if (!m_sandbox->start(sandboxOptions, &why)) {
            *error = tr("Could not start the embedded sandbox: %1").arg(why);
            return false;
        }
        endpoint = m_sandbox->baseUrl();
    }
    m_client = std::make_unique<cmk::ArmClient>();
    m_client->setEndpoint(endpoint);

    // Scripts hand a token over in CMKWIZARD_ACCESS_TOKEN; everything else uses the cached sign-in.
    const QString environmentToken = qEnvironmentVariable("CMKWIZARD_ACCESS_TOKEN");
    if (!environmentToken.isEmpty()) {
        m_tokens = std::make_unique<cmk::StaticTokenProvider>(environmentToken);
    } else {
        m_tokenStore = std::make_unique<cmk::TokenStore>();
        auto session = std::make_unique<cmk::AuthSession>(authConfig(), m_tokenStore.get());
        session->setNetworkAccessManager(m_client->networkAccessManager());
        session->setBrowserOpener(&openInBrowser);
        m_auth = session.get();
        m_tokens = std::move(session);
        // The keychain read is quick; a refresh of an expired token may take a round trip.
        bool restored = false;
        m_auth->restore([&restored](bool) { restored = true; });
        QElapsedTimer clock;
        clock.start();
        while (!restored && clock.elapsed() < 40000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    m_client->setTokenProvider(m_tokens.get());
    return true;
}

} // namespace cmkapp
