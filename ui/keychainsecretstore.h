#pragma once

#include <QHash>

#include "auth/secretstore.h"

namespace Ui {

/**
 * Secrets in the system keychain (QtKeychain, service "Superbill Desk"),
 * never in QSettings, a file or a log; QtKeychain's plain-text fallback is
 * off. When there is no keychain (or it fails) secrets are kept in memory
 * for this session only, and note() says so and why.
 */
class KeychainSecretStore : public Auth::SecretStore
{
    Q_OBJECT

public:
    enum class Backend
    {
        Keychain,    ///< the system keychain, falling back to the session when there is none
        SessionOnly, ///< memory only (tests, or a user who declines the keychain)
    };

    explicit KeychainSecretStore(Backend backend = Backend::Keychain, QObject *parent = nullptr);

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const QString &value, WriteDone done) override;
    void remove(const QString &key, WriteDone done) override;
    bool isPersistent() const override { return m_backend == Backend::Keychain && m_problem.isEmpty(); }
    QString note() const override;

private:
    bool inMemory() const { return !isPersistent(); }
    void keychainFailed(const QString &why);

    Backend m_backend;
    QString m_problem;
    QHash<QString, QString> m_session;
};

} // namespace Ui
