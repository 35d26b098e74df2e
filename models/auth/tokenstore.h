#pragma once

// Where the token cache lives between runs: the OS keychain through QtKeychain (Secret Service, macOS
// Keychain, Windows Credential Manager). Where there is none (a headless session without a D-Bus secret
// service), the cache stays in memory for the life of the process and the user is told so. Tokens are never
// written to a plain file: QtKeychain's insecure fallback is switched off.

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <functional>

namespace cmk {

class TokenStore : public QObject {
    Q_OBJECT
public:
    enum class Backend { Keychain, Memory };
    Q_ENUM(Backend)

    /// `key` names the entry in the keychain (service "cmkwizard"). The environment variable
    /// CMKWIZARD_TOKEN_STORE=memory keeps everything in memory (tests, throw-away sessions).
    explicit TokenStore(const QString &key = QStringLiteral("msal-token-cache"), QObject *parent = nullptr);
    ~TokenStore() override;

    Backend backend() const { return m_backend; }
    /// True once the keychain was found missing (or was never compiled in) and memory is used instead.
    bool isPersistent() const { return m_backend == Backend::Keychain; }
    /// A sentence for the user about where the sign-in is kept; empty while the keychain works.
    QString persistenceNotice() const { return m_notice; }

    /// Reads the stored cache. `done(data)` gets an empty array when nothing is stored.
    void load(const std::function<void(const QByteArray &data)> &done);
    /// Replaces the stored cache. The memory copy is updated at once; the keychain write is asynchronous.
    void save(const QByteArray &data);
    /// Forgets the stored cache (sign-out).
    void clear();
    /// Waits (event loop) until queued keychain writes are done, e.g. before a command-line process exits.
    void flush(int timeoutMs = 5000);

Q_SIGNALS:
    /// The keychain could not be used; from now on the cache lives in memory only. `notice` is translated.
    void persistenceUnavailable(const QString &notice);
    /// A keychain write or delete failed for another reason (translated).
    void storageError(const QString &message);

private:
    void fallBackToMemory(const QString &reason);

    QString m_key;
    Backend m_backend = Backend::Memory;
    QByteArray m_memory;
    QString m_notice;
    int m_pendingJobs = 0;
};

} // namespace cmk
