#pragma once

#include <functional>

#include <QHash>
#include <QObject>
#include <QString>

#include "common/result.h"

namespace Auth {

/**
 * Where a refresh token is kept between runs: the system keychain in the
 * desktop app (ui/KeychainSecretStore, QtKeychain), memory only otherwise.
 * Calls finish asynchronously or at once; a read of a missing entry ends with
 * an Error whose code is NotFound. Values are never logged.
 */
class SecretStore : public QObject
{
    Q_OBJECT

public:
    static constexpr auto NotFound = "not-found";

    using ReadDone = std::function<void(const Common::Result<QString> &)>;
    using WriteDone = std::function<void(const Common::Status &)>;

    using QObject::QObject;

    virtual void read(const QString &key, ReadDone done) = 0;
    virtual void write(const QString &key, const QString &value, WriteDone done) = 0;
    virtual void remove(const QString &key, WriteDone done) = 0;
    /// False when what is written lasts for this session only (no keychain); note() says why.
    virtual bool isPersistent() const = 0;
    /// For a person: where secrets are kept, and why only for the session when there is no keychain.
    virtual QString note() const = 0;

Q_SIGNALS:
    /// isPersistent() or note() changed (the keychain turned out to be missing).
    void persistenceChanged();
};

/// Secrets in memory, for this session only: tests, and machines without a keychain.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const QString &value, WriteDone done) override;
    void remove(const QString &key, WriteDone done) override;
    bool isPersistent() const override { return false; }
    QString note() const override;

private:
    QHash<QString, QString> m_values;
};

} // namespace Auth
