#include "appcontext.h"

#include "armclient.h"
#include "armsandbox.h"
#include "tokenprovider.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cmkapp {

void addGlobalOptions(QCommandLineParser &parser)
{
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
    parser.addOption({QStringLiteral("sandbox"),
                      QCoreApplication::translate(
                          "main", "Start the embedded armsandbox with the demo data and use it instead of Azure.")});
    parser.addOption({QStringLiteral("lang"),
                      QCoreApplication::translate("main", "Language of the interface: fr or en."),
                      QStringLiteral("fr|en")});
}

bool readGlobalOptions(const QCommandLineParser &parser, GlobalOptions &out, QString *error)
{
    if (parser.isSet(QStringLiteral("arm-endpoint"))) {
        const QUrl url(parser.value(QStringLiteral("arm-endpoint")), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
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
    return true;
}

void installTranslations(const QString &language)
{
    static QTranslator *appTranslator = nullptr;
    static QTranslator *qtTranslator = nullptr;
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
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    appTranslator = new QTranslator;
    if (appTranslator->load(locale, QStringLiteral("cmkwizard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
    qtTranslator = new QTranslator;
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
}

AppContext::AppContext(const GlobalOptions &options) : m_options(options) {}

AppContext::~AppContext() = default;

bool AppContext::initialize(QString *error)
{
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
    // Scripts can hand a token over; the sign-in flow replaces this provider when it is available.
    m_tokens = std::make_unique<cmk::StaticTokenProvider>(qEnvironmentVariable("CMKWIZARD_ACCESS_TOKEN"));
    m_client = std::make_unique<cmk::ArmClient>();
    m_client->setEndpoint(endpoint);
    m_client->setTokenProvider(m_tokens.get());
    return true;
}

} // namespace cmkapp
