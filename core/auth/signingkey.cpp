#include "signingkey.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

#include "libcrypto.h"

namespace Auth {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::SigningKey)
};

using Bio = std::unique_ptr<BIO, decltype(BIO_free)>;

constexpr qint64 MaxKeyFileSize = 64 * 1024;

} // namespace

SigningKey::SigningKey(OpenSslKey key, JwsAlgorithm algorithm)
    : m_key(std::move(key))
    , m_algorithm(algorithm)
    , m_keyId(m_key.thumbprint())
{
}

Common::Result<SigningKey> SigningKey::generate(JwsAlgorithm algorithm)
{
    EVP_PKEY *key = nullptr;
    switch (algorithm) {
    // What OpenSSL's EVP_EC_gen() and EVP_RSA_gen() macros expand to, with the types they pass.
    case JwsAlgorithm::ES384:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
        break;
    case JwsAlgorithm::RS384:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(3072));
        break;
    case JwsAlgorithm::RS256:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
        break;
    }
    if (!key)
        return Common::makeError(QStringLiteral("keygen"),
                                 Text::tr("cannot make a new key: %1").arg(OpenSslKey::lastError()));
    return SigningKey(OpenSslKey(key), algorithm);
}

Common::Result<SigningKey> SigningKey::fromPem(const QByteArray &pem, const QString &path,
                                               JwsAlgorithm rsaAlgorithm)
{
    const Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), BIO_free);
    // No passphrase callback: an encrypted key cannot be used unattended, and OpenSSL must not prompt.
    EVP_PKEY *raw = bio ? PEM_read_bio_PrivateKey(
                              bio.get(), nullptr, [](char *, int, int, void *) { return -1; }, nullptr)
                        : nullptr;
    if (!raw)
        return Common::makeError(
            QStringLiteral("key-unreadable"),
            Text::tr("not an unencrypted PEM private key (%1); make one with superbill-cli auth keygen")
                .arg(OpenSslKey::lastError()),
            path);
    OpenSslKey key(raw);
    if (key.isEc() && EVP_PKEY_get_bits(raw) == 384)
        return SigningKey(key, JwsAlgorithm::ES384);
    if (key.isRsa() && EVP_PKEY_get_bits(raw) >= 2048)
        return SigningKey(key, rsaAlgorithm);
    return Common::makeError(QStringLiteral("key-algorithm"),
                             Text::tr("the key is neither EC P-384 (ES384) nor RSA of 2048 bits or more "
                                      "(RS384), the two kinds SMART Backend Services accepts"),
                             path);
}

Common::Result<SigningKey::KeyFile> SigningKey::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Common::makeError(QStringLiteral("key-unreadable"),
                                 Text::tr("cannot read the key file: %1").arg(file.errorString()), path);
    if (file.size() > MaxKeyFileSize)
        return Common::makeError(QStringLiteral("key-unreadable"),
                                 Text::tr("this file is too large to be a private key"), path);
    KeyFile read;
    if (file.permissions() &
        (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther))
        read.warning =
            Text::tr("%1: other users can read the private key; restrict it with chmod 600").arg(path);
    QByteArray pem = file.readAll();
    auto key = fromPem(pem, path);
    pem.fill('\0');
    if (!key)
        return key.error();
    read.key = *key;
    return read;
}

Common::Status SigningKey::writeNewFile(const QString &path) const
{
    const Bio bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return Common::makeError(QStringLiteral("key-write"),
                                 Text::tr("cannot encode the key: %1").arg(OpenSslKey::lastError()), path);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    QFile file(path);
    // NewOnly fails on an existing file (O_EXCL), and the file is created owner-only from the start.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Common::makeError(QStringLiteral("key-write"),
                                 file.exists()
                                     ? Text::tr("the file exists already; a key is never overwritten "
                                                "(choose another name, or remove the old key once "
                                                "the EHR no longer uses it)")
                                     : Text::tr("cannot create the key file: %1").arg(file.errorString()),
                                 path);
    if (file.write(data, size) != size || !file.flush()) {
        const QString why = file.errorString();
        file.remove();
        return Common::makeError(QStringLiteral("key-write"),
                                 Text::tr("cannot write the key file: %1").arg(why), path);
    }
    return {};
}

QJsonObject SigningKey::publicJwk() const
{
    QJsonObject jwk = m_key.publicJwk();
    jwk.insert(QStringLiteral("kid"), m_keyId);
    jwk.insert(QStringLiteral("alg"), jwsAlgorithmName(m_algorithm));
    jwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
    return jwk;
}

QJsonObject SigningKey::publicJwks() const
{
    return {{QStringLiteral("keys"), QJsonArray{publicJwk()}}};
}

} // namespace Auth
