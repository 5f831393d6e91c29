#include "keychainsecretstore.h"

#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "superbill.ui.keychain")

namespace Ui {

namespace {
const auto Service = QStringLiteral("Superbill Desk");
} // namespace

KeychainSecretStore::KeychainSecretStore(Backend backend, QObject *parent)
    : Auth::SecretStore(parent)
    , m_backend(backend)
{
}

QString KeychainSecretStore::note() const
{
    if (isPersistent())
        return tr("Stored in the system keychain.");
    if (m_problem.isEmpty())
        return tr("Kept for this session only; it is not saved anywhere.");
    return tr("No keychain is available (%1): kept for this session only and never written to disk.")
        .arg(m_problem);
}

void KeychainSecretStore::keychainFailed(const QString &why)
{
    // The reason names the backend, never the secret.
    qCWarning(lcKeychain) << "system keychain unavailable; secrets are kept for this session only:" << why;
    m_problem = why;
    emit persistenceChanged();
}

void KeychainSecretStore::read(const QString &key, ReadDone done)
{
    if (inMemory()) {
        if (m_session.contains(key))
            done(m_session.value(key));
        else
            done(Common::makeError(QLatin1String(NotFound), tr("nothing stored")));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, done] {
        if (job->error() == QKeychain::NoError) {
            done(job->textData());
            return;
        }
        if (job->error() != QKeychain::EntryNotFound)
            keychainFailed(job->errorString());
        read(key, done);
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, WriteDone done)
{
    m_session.insert(key, value); // also what this session uses should the keychain fail
    if (inMemory()) {
        done({});
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, job, done] {
        if (job->error() == QKeychain::NoError) {
            done({});
            return;
        }
        keychainFailed(job->errorString());
        done(Common::makeError(QStringLiteral("keychain"), note()));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, WriteDone done)
{
    m_session.remove(key);
    if (inMemory()) {
        done({});
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, done] {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound) {
            done({});
            return;
        }
        keychainFailed(job->errorString());
        done(Common::makeError(QStringLiteral("keychain"), note()));
    });
    job->start();
}

} // namespace Ui
