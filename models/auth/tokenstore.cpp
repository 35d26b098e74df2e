#include "auth/tokenstore.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

#ifdef CMK_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

Q_LOGGING_CATEGORY(lcTokenStore, "cmk.auth.store", QtWarningMsg)

namespace cmk {

namespace {
const char KeychainServiceName[] = "cmkwizard";
}

TokenStore::TokenStore(const QString &key, QObject *parent)
    : QObject(parent)
    , m_key(key) {
#ifdef CMK_HAVE_KEYCHAIN
    if (qEnvironmentVariable("CMKWIZARD_TOKEN_STORE").compare(QLatin1String("memory"), Qt::CaseInsensitive) ==
        0) {
        m_notice =
            tr("Your sign-in is kept in memory only (CMKWIZARD_TOKEN_STORE=memory); you will have to sign "
               "in again next time.");
        m_backend = Backend::Memory;
    } else {
        m_backend = Backend::Keychain;
    }
#else
    m_backend = Backend::Memory;
    m_notice =
        tr("This build of cmkwizard has no keychain support: your sign-in is kept in memory only and you "
           "will have to sign in again next time.");
#endif
}

TokenStore::~TokenStore() = default;

void TokenStore::fallBackToMemory(const QString &reason) {
    if (m_backend == Backend::Memory)
        return;
    m_backend = Backend::Memory;
    // The reason comes from the keychain library (e.g. "No D-Bus session"); it never contains a secret.
    qCInfo(lcTokenStore, "keychain unavailable, keeping the token cache in memory: %s", qPrintable(reason));
    m_notice =
        tr("No system keychain is available (%1). Your sign-in is kept in memory only and you will have "
           "to sign in again next time.")
            .arg(reason);
    Q_EMIT persistenceUnavailable(m_notice);
}

void TokenStore::load(const std::function<void(const QByteArray &)> &done) {
#ifdef CMK_HAVE_KEYCHAIN
    if (m_backend == Backend::Keychain) {
        auto *job = new QKeychain::ReadPasswordJob(QLatin1String(KeychainServiceName), this);
        job->setInsecureFallback(false);
        job->setAutoDelete(true);
        job->setKey(m_key);
        connect(job, &QKeychain::Job::finished, this, [this, job, done] {
            if (job->error() == QKeychain::NoError) {
                m_memory = job->binaryData();
                done(m_memory);
                return;
            }
            if (job->error() == QKeychain::EntryNotFound) {
                done(m_memory);
                return;
            }
            fallBackToMemory(job->errorString());
            done(m_memory);
        });
        job->start();
        return;
    }
#endif
    done(m_memory);
}

void TokenStore::save(const QByteArray &data) {
    m_memory = data;
#ifdef CMK_HAVE_KEYCHAIN
    if (m_backend == Backend::Keychain) {
        auto *job = new QKeychain::WritePasswordJob(QLatin1String(KeychainServiceName), this);
        job->setInsecureFallback(false);
        job->setAutoDelete(true);
        job->setKey(m_key);
        job->setBinaryData(data);
        ++m_pendingJobs;
        connect(job, &QKeychain::Job::finished, this, [this, job] {
            --m_pendingJobs;
            if (job->error() == QKeychain::NoBackendAvailable || job->error() == QKeychain::NotImplemented ||
                job->error() == QKeychain::AccessDenied || job->error() == QKeychain::OtherError)
                fallBackToMemory(job->errorString());
            else if (job->error() != QKeychain::NoError)
                Q_EMIT storageError(
                    tr("Could not save your sign-in in the keychain: %1").arg(job->errorString()));
        });
        job->start();
    }
#endif
}

void TokenStore::clear() {
    m_memory.clear();
#ifdef CMK_HAVE_KEYCHAIN
    if (m_backend == Backend::Keychain) {
        auto *job = new QKeychain::DeletePasswordJob(QLatin1String(KeychainServiceName), this);
        job->setInsecureFallback(false);
        job->setAutoDelete(true);
        job->setKey(m_key);
        ++m_pendingJobs;
        connect(job, &QKeychain::Job::finished, this, [this, job] {
            --m_pendingJobs;
            if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound &&
                job->error() != QKeychain::NoBackendAvailable)
                Q_EMIT storageError(
                    tr("Could not remove your sign-in from the keychain: %1").arg(job->errorString()));
        });
        job->start();
    }
#endif
}

void TokenStore::flush(int timeoutMs) {
    if (m_pendingJobs == 0)
        return;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer poll;
    connect(&poll, &QTimer::timeout, &loop, [&] {
        if (m_pendingJobs == 0)
            loop.quit();
    });
    deadline.start(timeoutMs);
    poll.start(10);
    loop.exec();
}

} // namespace cmk
