#include "tokenstore.h"

#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcToken, "superbill.ui.token")

namespace Ui {

namespace {
const auto Service = QStringLiteral("Superbill Desk");
const auto Key = QStringLiteral("ehr-bearer-token");
} // namespace

TokenStore::TokenStore(Backend backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_state(backend == Backend::SessionOnly ? State::SessionOnly : State::Unknown)
{
}

TokenStore::~TokenStore() = default;

QString TokenStore::statusText() const
{
    switch (m_state) {
    case State::Keychain:
        return tr("Stored in the system keychain.");
    case State::SessionOnly:
        return m_problem.isEmpty()
                   ? tr("Kept for this session only; it is not saved anywhere.")
                   : tr("No keychain is available (%1): the token is kept for this session only and never "
                        "written to disk.")
                         .arg(m_problem);
    case State::Unknown:
        break;
    }
    return tr("Checking the system keychain…");
}

void TokenStore::load()
{
    if (m_backend == Backend::SessionOnly)
        return;
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(Key);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::NoError) {
            m_token = job->textData();
            m_state = State::Keychain;
        } else if (job->error() == QKeychain::EntryNotFound) {
            m_state = State::Keychain;
        } else {
            keychainFailed(job->errorString());
        }
        Q_EMIT stateChanged();
    });
    job->start();
}

void TokenStore::setToken(const QString &token)
{
    m_token = token;
    if (m_backend == Backend::SessionOnly || m_state == State::SessionOnly) {
        Q_EMIT stateChanged();
        return;
    }
    QKeychain::Job *job = nullptr;
    if (token.isEmpty()) {
        auto *remove = new QKeychain::DeletePasswordJob(Service, this);
        remove->setKey(Key);
        job = remove;
    } else {
        auto *write = new QKeychain::WritePasswordJob(Service, this);
        write->setKey(Key);
        write->setTextData(token);
        job = write;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
            m_state = State::Keychain;
        else
            keychainFailed(job->errorString());
        Q_EMIT stateChanged();
    });
    job->start();
}

void TokenStore::keychainFailed(const QString &why)
{
    // The reason names the backend, never the secret.
    qCWarning(lcToken) << "system keychain unavailable; the token is kept for this session only:" << why;
    m_problem = why;
    m_state = State::SessionOnly;
}

} // namespace Ui
