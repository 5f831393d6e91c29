#pragma once

#include <QObject>
#include <QString>

#include "keychainsecretstore.h"

namespace Ui {

/**
 * The EHR bearer token (sign-in method "Bearer token"): kept in the system
 * keychain through KeychainSecretStore, and in memory for this session. When
 * no keychain is available the token is kept for the session only, and
 * statusText() says so. It is never written to QSettings, a file or a log.
 */
class TokenStore : public QObject
{
    Q_OBJECT

public:
    using Backend = KeychainSecretStore::Backend;
    enum class State
    {
        Unknown,
        Keychain,
        SessionOnly
    };

    explicit TokenStore(Backend backend = Backend::Keychain, QObject *parent = nullptr);
    ~TokenStore() override;

    /// The token for requests; empty when none is known.
    QString token() const { return m_token; }
    State state() const;
    /// A sentence for the settings dialog: where the token is kept.
    QString statusText() const;

    /// Reads the keychain (Backend::Keychain); emits stateChanged() when done, also when nothing was found.
    void load();
    /// Keeps the token for this session at once and writes it to the keychain; emits stateChanged().
    void setToken(const QString &token);

Q_SIGNALS:
    void stateChanged();

private:
    KeychainSecretStore m_secrets;
    bool m_known = false;
    QString m_token;
};

} // namespace Ui
