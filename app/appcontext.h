#pragma once

// What every entry point (GUI and headless subcommands) shares: global options, the ARM client, the token
// provider and, with --sandbox, the in-process armsandbox.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QUrl>
#include <memory>

namespace armsandbox {
class Sandbox;
}
namespace cmk {
class ArmClient;
struct AuthConfig;
class AuthSession;
class TokenProvider;
class TokenStore;
} // namespace cmk

namespace cmkapp {

/// Exit codes of every subcommand.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitInvalidInput = 2, ExitArmError = 3, ExitAuthError = 4 };

struct GlobalOptions {
    /// The cloud ("public", "usgov", "china"): --cloud, else the cloud of an explicit --authority, else the
    /// one saved by the last --cloud, else "public". Its authority and Resource Manager go together.
    QString cloud{QStringLiteral("public")};
    QUrl armEndpoint{QStringLiteral("https://management.azure.com")};
    QString authority{QStringLiteral("https://login.microsoftonline.com")};
    QString tenant{QStringLiteral("organizations")};
    QString clientId;
    QString language; ///< "fr", "en" or empty (system locale)
    bool sandbox = false;
    QString draftPath; ///< --draft, for the GUI and for create/export
};

/// Adds the global options (--cloud, --arm-endpoint, --authority, --tenant, --client-id, --sandbox, --lang)
/// to a parser.
void addGlobalOptions(QCommandLineParser &parser);
/// Reads them back; returns false with a reason for bad values. An explicit --cloud is remembered in the
/// settings ("auth/cloud") for the next runs; --authority and --arm-endpoint override its parts.
bool readGlobalOptions(const QCommandLineParser &parser, GlobalOptions &out, QString *error);
/// The cloud saved by the last --cloud ("public", "usgov", "china"), empty when none.
QString savedCloud();

/// Installs the app's translator and Qt's own French catalogue for `language` ("fr", "en", or empty for the
/// system locale). Can be called again to switch live.
void installTranslations(const QString &language);
/// The language of the interface after installTranslations(): "fr" or "en" (the fallback for any other).
QString installedLanguage();
/// The value of --lang in raw command-line arguments ("fr", "en"), empty when absent or invalid. Option
/// descriptions are translated when the parser is built, so the language must be known before parsing.
QString languageFromArguments(const QStringList &arguments);

class AppContext {
    Q_DECLARE_TR_FUNCTIONS(AppContext)
public:
    explicit AppContext(const GlobalOptions &options);
    ~AppContext();

    /// Starts the embedded sandbox when asked, sets up the token provider and the ARM client.
    bool initialize(QString *error);

    const GlobalOptions &options() const { return m_options; }
    /// Sign-in settings from the options: authority (the sandbox's own with --sandbox), tenant, client id
    /// (--client-id, else the settings).
    cmk::AuthConfig authConfig() const;
    /// The system browser: QDesktopServices in the GUI; $BROWSER or xdg-open for headless commands.
    static bool openInBrowser(const QUrl &url);
    cmk::ArmClient *armClient() const { return m_client.get(); }
    cmk::TokenProvider *tokenProvider() const { return m_tokens.get(); }
    /// The cached sign-in (also the token provider), nullptr when CMKWIZARD_ACCESS_TOKEN supplies the token.
    cmk::AuthSession *authSession() const { return m_auth; }
    armsandbox::Sandbox *sandbox() const { return m_sandbox.get(); }

private:
    GlobalOptions m_options;
    std::unique_ptr<armsandbox::Sandbox> m_sandbox;
    std::unique_ptr<cmk::TokenStore> m_tokenStore;
    std::unique_ptr<cmk::TokenProvider> m_tokens;
    cmk::AuthSession *m_auth = nullptr; ///< owned by m_tokens when set
    std::unique_ptr<cmk::ArmClient> m_client;
};

} // namespace cmkapp
