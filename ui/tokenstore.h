#pragma once

#include <QObject>
#include <QString>

namespace Ui {

/**
 * The EHR bearer token: kept in the system keychain (QtKeychain), and in
 * memory for this session. When no keychain is available the token is kept
 * for the session only, and statusText() says so. It is never written to
 * QSettings, a file or a log; QtKeychain's plain-text fallback is off.
 */
class TokenStore : public QObject
{
    Q_OBJECT

public:
    enum class Backend
    {
        Keychain,    ///< the system keychain, falling back to the session when there is none
        SessionOnly, ///< memory only (tests, or a user who declines the keychain)
    };
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
    State state() const { return m_state; }
    /// A sentence for the settings dialog: where the token is kept.
    QString statusText() const;

    /// Reads the keychain (Backend::Keychain); emits stateChanged() when done, also when nothing was found.
    void load();
    /// Keeps the token for this session at once and writes it to the keychain; emits stateChanged().
    void setToken(const QString &token);

Q_SIGNALS:
    void stateChanged();

private:
    void keychainFailed(const QString &why);

    Backend m_backend;
    State m_state = State::Unknown;
    QString m_token;
    QString m_problem;
};

} // namespace Ui
