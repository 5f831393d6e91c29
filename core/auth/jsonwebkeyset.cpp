#include "jsonwebkeyset.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include "libcrypto.h"

namespace Auth {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::JsonWebKeySet)
};

using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, decltype(OSSL_PARAM_BLD_free)>;
using Params = std::unique_ptr<OSSL_PARAM, decltype(OSSL_PARAM_free)>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, decltype(EVP_PKEY_CTX_free)>;
using BigNumber = std::unique_ptr<BIGNUM, decltype(BN_free)>;

QByteArray member(const QJsonObject &jwk, const char *name)
{
    return fromBase64Url(jwk.value(QLatin1String(name)).toString().toLatin1()).value_or(QByteArray());
}

OpenSslKey fromParams(const char *type, OSSL_PARAM_BLD *builder)
{
    const Params params(OSSL_PARAM_BLD_to_param(builder), OSSL_PARAM_free);
    const KeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY *key = nullptr;
    if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return {};
    return OpenSslKey(key);
}

OpenSslKey ecKey(const QJsonObject &jwk)
{
    const QByteArray x = member(jwk, "x");
    const QByteArray y = member(jwk, "y");
    if (jwk.value(QStringLiteral("crv")).toString() != u"P-384" || x.size() != 48 || y.size() != 48)
        return {};
    // The uncompressed point: 0x04 || X || Y.
    const QByteArray point = QByteArray(1, '\x04') + x + y;
    const ParamBuilder builder(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
    if (!builder ||
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "secp384r1", 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         size_t(point.size())) != 1)
        return {};
    return fromParams("EC", builder.get());
}

OpenSslKey rsaKey(const QJsonObject &jwk)
{
    const QByteArray n = member(jwk, "n");
    const QByteArray e = member(jwk, "e");
    if (n.isEmpty() || e.isEmpty())
        return {};
    const BigNumber modulus(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), int(n.size()), nullptr), BN_free);
    const BigNumber exponent(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()), int(e.size()), nullptr), BN_free);
    const ParamBuilder builder(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
    if (!modulus || !exponent || !builder ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1)
        return {};
    return fromParams("RSA", builder.get());
}

bool fits(const OpenSslKey &key, JwsAlgorithm algorithm)
{
    return algorithm == JwsAlgorithm::ES384 ? key.isEc() : key.isRsa();
}

} // namespace

Common::Result<JsonWebKeySet> JsonWebKeySet::fromJson(const QJsonObject &set, const QString &source)
{
    JsonWebKeySet result;
    for (const auto &value : set.value(QStringLiteral("keys")).toArray()) {
        const QJsonObject jwk = value.toObject();
        const QString use = jwk.value(QStringLiteral("use")).toString();
        if (!use.isEmpty() && use != u"sig")
            continue;
        const QString type = jwk.value(QStringLiteral("kty")).toString();
        Key key;
        key.keyId = jwk.value(QStringLiteral("kid")).toString();
        key.algorithm = jwsAlgorithmFromName(jwk.value(QStringLiteral("alg")).toString());
        key.key = type == u"EC" ? ecKey(jwk) : type == u"RSA" ? rsaKey(jwk) : OpenSslKey();
        if (!key.key.isNull())
            result.m_keys.append(key);
    }
    if (result.m_keys.isEmpty())
        return Common::makeError(QStringLiteral("jwks"),
                                 Text::tr("no usable signing key (EC P-384 or RSA) in the JWK set"), source);
    return result;
}

Common::Result<JsonWebKeySet> JsonWebKeySet::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Common::makeError(QStringLiteral("jwks"),
                                 Text::tr("cannot read the JWK set: %1").arg(file.errorString()), path);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(1024 * 1024), &error);
    if (!document.isObject())
        return Common::makeError(
            QStringLiteral("jwks"),
            Text::tr("not a JSON object ({\"keys\": [...]}): %1").arg(error.errorString()), path);
    return fromJson(document.object(), path);
}

QList<OpenSslKey> JsonWebKeySet::candidates(const QString &keyId, JwsAlgorithm algorithm) const
{
    QList<OpenSslKey> found;
    for (const Key &key : m_keys) {
        if (!fits(key.key, algorithm) || (key.algorithm && *key.algorithm != algorithm))
            continue;
        if (keyId.isEmpty() || key.keyId == keyId)
            found.append(key.key);
    }
    return found;
}

} // namespace Auth
