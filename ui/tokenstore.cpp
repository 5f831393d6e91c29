#include "tokenstore.h"

namespace Ui {

namespace {
const auto Key = QStringLiteral("ehr-bearer-token");
} // namespace

TokenStore::TokenStore(Backend backend, QObject *parent)
    : QObject(parent)
    , m_secrets(backend)
{
}

TokenStore::~TokenStore() = default;

TokenStore::State TokenStore::state() const
{
    if (!m_secrets.isPersistent())
        return State::SessionOnly;
    return m_known ? State::Keychain : State::Unknown;
}

QString TokenStore::statusText() const
{
    if (state() == State::Unknown)
        return tr("Checking the system keychain…");
    return m_secrets.note();
}

void TokenStore::load()
{
    if (!m_secrets.isPersistent())
        return;
    m_secrets.read(Key, [this](const Common::Result<QString> &stored) {
        if (stored)
            m_token = *stored;
        m_known = true;
        Q_EMIT stateChanged();
    });
}

void TokenStore::setToken(const QString &token)
{
    m_token = token;
    const auto stored = [this](const Common::Status &) {
        m_known = true;
        Q_EMIT stateChanged();
    };
    if (token.isEmpty())
        m_secrets.remove(Key, stored);
    else
        m_secrets.write(Key, token, stored);
}

} // namespace Ui
