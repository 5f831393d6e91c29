#include "opensslkey.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>

#include "libcrypto.h"

namespace Auth {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::OpenSslKey)
};

constexpr int Es384PartSize = 48; // bytes of R and of S for P-384

using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(EVP_MD_CTX_free)>;
using Signature = std::unique_ptr<ECDSA_SIG, decltype(ECDSA_SIG_free)>;
using BigNumber = std::unique_ptr<BIGNUM, decltype(BN_free)>;

const EVP_MD *digestOf(JwsAlgorithm algorithm)
{
    return algorithm == JwsAlgorithm::RS256 ? EVP_sha256() : EVP_sha384();
}

bool suits(const OpenSslKey &key, JwsAlgorithm algorithm)
{
    if (algorithm == JwsAlgorithm::ES384)
        return key.isEc() && EVP_PKEY_get_bits(key.get()) == 384;
    return key.isRsa() && EVP_PKEY_get_bits(key.get()) >= 2048;
}

QByteArray bigNumberParameter(EVP_PKEY *key, const char *name, int padTo = 0)
{
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1)
        return {};
    const BigNumber number(raw, BN_free);
    const int size = std::max(padTo, BN_num_bytes(number.get()));
    QByteArray bytes(size, Qt::Uninitialized);
    BN_bn2binpad(number.get(), reinterpret_cast<unsigned char *>(bytes.data()), size);
    return bytes;
}

// JWS carries R||S; OpenSSL signs and verifies the DER SEQUENCE of two INTEGERs.
QByteArray derFromRaw(const QByteArray &raw)
{
    if (raw.size() != 2 * Es384PartSize)
        return {};
    const auto *bytes = reinterpret_cast<const unsigned char *>(raw.constData());
    Signature signature(ECDSA_SIG_new(), ECDSA_SIG_free);
    BIGNUM *r = BN_bin2bn(bytes, Es384PartSize, nullptr);
    BIGNUM *s = BN_bin2bn(bytes + Es384PartSize, Es384PartSize, nullptr);
    if (!signature || !r || !s || ECDSA_SIG_set0(signature.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    const int size = i2d_ECDSA_SIG(signature.get(), nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_ECDSA_SIG(signature.get(), &out);
    return der;
}

QByteArray rawFromDer(const QByteArray &der)
{
    const auto *in = reinterpret_cast<const unsigned char *>(der.constData());
    const Signature signature(d2i_ECDSA_SIG(nullptr, &in, der.size()), ECDSA_SIG_free);
    if (!signature)
        return {};
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(signature.get(), &r, &s);
    QByteArray raw(2 * Es384PartSize, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(r, out, Es384PartSize) != Es384PartSize ||
        BN_bn2binpad(s, out + Es384PartSize, Es384PartSize) != Es384PartSize)
        return {};
    return raw;
}

} // namespace

QString jwsAlgorithmName(JwsAlgorithm algorithm)
{
    switch (algorithm) {
    case JwsAlgorithm::ES384:
        return QStringLiteral("ES384");
    case JwsAlgorithm::RS384:
        return QStringLiteral("RS384");
    case JwsAlgorithm::RS256:
        return QStringLiteral("RS256");
    }
    return {};
}

std::optional<JwsAlgorithm> jwsAlgorithmFromName(const QString &name)
{
    for (const auto algorithm : {JwsAlgorithm::ES384, JwsAlgorithm::RS384, JwsAlgorithm::RS256}) {
        if (name == jwsAlgorithmName(algorithm))
            return algorithm;
    }
    return std::nullopt;
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

OpenSslKey::OpenSslKey(EVP_PKEY *adopted)
    : m_key(adopted, EVP_PKEY_free)
{
}

bool OpenSslKey::isEc() const
{
    return m_key && EVP_PKEY_is_a(m_key.get(), "EC");
}

bool OpenSslKey::isRsa() const
{
    return m_key && EVP_PKEY_is_a(m_key.get(), "RSA");
}

QString OpenSslKey::lastError()
{
    if (const QString missing = libcryptoError(); !missing.isEmpty())
        return missing;
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return Text::tr("unknown OpenSSL error");
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

Common::Result<QByteArray> OpenSslKey::sign(JwsAlgorithm algorithm, const QByteArray &input) const
{
    if (!suits(*this, algorithm))
        return Common::makeError(QStringLiteral("key-algorithm"),
                                 Text::tr("this key cannot sign %1; %2 needs %3")
                                     .arg(jwsAlgorithmName(algorithm), jwsAlgorithmName(algorithm),
                                          algorithm == JwsAlgorithm::ES384
                                              ? Text::tr("an EC P-384 key")
                                              : Text::tr("an RSA key of 2048 bits "
                                                         "or more")));
    const DigestContext context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    size_t size = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
    if (!context ||
        EVP_DigestSignInit(context.get(), nullptr, digestOf(algorithm), nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &size, data, size_t(input.size())) != 1)
        return Common::makeError(QStringLiteral("sign"), Text::tr("cannot sign: %1").arg(lastError()));
    QByteArray signature(qsizetype(size), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &size, data,
                       size_t(input.size())) != 1)
        return Common::makeError(QStringLiteral("sign"), Text::tr("cannot sign: %1").arg(lastError()));
    signature.resize(qsizetype(size));
    if (algorithm != JwsAlgorithm::ES384)
        return signature;
    QByteArray raw = rawFromDer(signature);
    if (raw.isEmpty())
        return Common::makeError(QStringLiteral("sign"), Text::tr("cannot read the ECDSA signature"));
    return raw;
}

bool OpenSslKey::verify(JwsAlgorithm algorithm, const QByteArray &input, const QByteArray &signature) const
{
    if (!suits(*this, algorithm))
        return false;
    const QByteArray encoded = algorithm == JwsAlgorithm::ES384 ? derFromRaw(signature) : signature;
    if (encoded.isEmpty())
        return false;
    const DigestContext context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const bool valid =
        context &&
        EVP_DigestVerifyInit(context.get(), nullptr, digestOf(algorithm), nullptr, m_key.get()) == 1 &&
        EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(encoded.constData()),
                         size_t(encoded.size()), reinterpret_cast<const unsigned char *>(input.constData()),
                         size_t(input.size())) == 1;
    ERR_clear_error();
    return valid;
}

QJsonObject OpenSslKey::publicJwk() const
{
    const auto text = [](const QByteArray &bytes) { return QString::fromLatin1(base64Url(bytes)); };
    if (isEc()) {
        return {
            {QStringLiteral("kty"), QStringLiteral("EC")},
            {QStringLiteral("crv"), QStringLiteral("P-384")},
            {QStringLiteral("x"), text(bigNumberParameter(get(), OSSL_PKEY_PARAM_EC_PUB_X, Es384PartSize))},
            {QStringLiteral("y"), text(bigNumberParameter(get(), OSSL_PKEY_PARAM_EC_PUB_Y, Es384PartSize))}};
    }
    if (isRsa()) {
        return {{QStringLiteral("kty"), QStringLiteral("RSA")},
                {QStringLiteral("n"), text(bigNumberParameter(get(), OSSL_PKEY_PARAM_RSA_N))},
                {QStringLiteral("e"), text(bigNumberParameter(get(), OSSL_PKEY_PARAM_RSA_E))}};
    }
    return {};
}

QString OpenSslKey::thumbprint() const
{
    // RFC 7638: the required members only, in lexicographic order, no white space.
    const QJsonObject jwk = publicJwk();
    QJsonObject required;
    for (const char *name : {"crv", "e", "kty", "n", "x", "y"}) {
        const QString key = QString::fromLatin1(name);
        if (jwk.contains(key))
            required.insert(key, jwk.value(key));
    }
    // QJsonObject keeps its keys sorted, which is the order RFC 7638 asks for.
    const QByteArray canonical = QJsonDocument(required).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(base64Url(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)));
}

} // namespace Auth
