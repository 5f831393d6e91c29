#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "auth/jsonwebkeyset.h"
#include "auth/jwt.h"
#include "auth/signingkey.h"

using Auth::JwsAlgorithm;

namespace {

const QString DataDir = QStringLiteral(SUPERBILL_TEST_DATA "/auth/");

QByteArray readData(const QString &name)
{
    QFile file(DataDir + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Auth::SigningKey testKey(const QString &name)
{
    const auto key = Auth::SigningKey::fromPem(readData(name), name);
    return key ? *key : Auth::SigningKey();
}

/// DER INTEGER of an unsigned big-endian number, written here rather than by OpenSSL, so that the
/// command-line check does not lean on the code it checks.
QByteArray derInteger(QByteArray bytes)
{
    while (bytes.size() > 1 && bytes.at(0) == 0 && !(bytes.at(1) & 0x80))
        bytes.remove(0, 1);
    if (bytes.at(0) & 0x80)
        bytes.prepend('\0');
    return QByteArray(1, 0x02) + char(bytes.size()) + bytes;
}

QByteArray derFromRaw(const QByteArray &raw)
{
    const QByteArray body = derInteger(raw.left(raw.size() / 2)) + derInteger(raw.mid(raw.size() / 2));
    return QByteArray(1, 0x30) + char(body.size()) + body;
}

/// The two INTEGERs of a DER ECDSA signature, each padded to 48 bytes.
QByteArray rawFromDer(const QByteArray &der)
{
    QByteArray raw;
    int at = 2; // SEQUENCE tag and (short) length
    for (int part = 0; part < 2; ++part) {
        const int length = der.at(at + 1);
        QByteArray value = der.mid(at + 2, length);
        while (value.size() > 48 && value.at(0) == 0)
            value.remove(0, 1);
        raw += QByteArray(48 - value.size(), '\0') + value;
        at += 2 + length;
    }
    return raw;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

struct OpenSslRun
{
    int exitCode = -1;
    QByteArray output;
};

OpenSslRun runOpenSsl(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    OpenSslRun run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitCode();
    run.output = process.readAll();
    return run;
}

} // namespace

/// JWS signatures (ES384, RS384) and JWKs, checked against OpenSSL's own command-line tool.
class TestJws : public QObject
{
    Q_OBJECT

private slots:
    void opensslVerifiesOurSignatures_data();
    void opensslVerifiesOurSignatures();
    void rs384MatchesOpenSslByteForByte();
    void es384SignatureFromOpenSslVerifies();
    void jwtRoundTripsThroughTheJwks_data();
    void jwtRoundTripsThroughTheJwks();
    void tamperedOrUnsignedTokensAreRefused();
    void thumbprintFollowsRfc7638();
    void keyFileIsPrivateAndNeverOverwritten();
    void refusesUnusableKeys();
};

void TestJws::opensslVerifiesOurSignatures_data()
{
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<bool>("ecdsa");
    QTest::newRow("ES384") << QStringLiteral("es384-key.pem") << true;
    QTest::newRow("RS384") << QStringLiteral("rs384-key.pem") << false;
}

void TestJws::opensslVerifiesOurSignatures()
{
    QFETCH(QString, keyFile);
    QFETCH(bool, ecdsa);
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("the openssl command is not installed (Debian package openssl)");
    const Auth::SigningKey key = testKey(keyFile);
    QVERIFY(!key.isNull());
    QCOMPARE(key.algorithm(), ecdsa ? JwsAlgorithm::ES384 : JwsAlgorithm::RS384);
    const auto jwt = Auth::Jwt::sign({{QStringLiteral("iss"), QStringLiteral("superbill-cli")}}, key);
    QVERIFY2(jwt.ok(), qPrintable(jwt.ok() ? QString() : jwt.error().message));
    const QList<QByteArray> parts = jwt->split('.');
    QCOMPARE(parts.size(), 3);
    const QByteArray signature = *Auth::fromBase64Url(parts.at(2));
    if (ecdsa)
        QCOMPARE(signature.size(), 96); // R||S, 48 bytes each: JWS form, not DER

    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("input"));
    const QString signatureFile = dir.filePath(QStringLiteral("signature"));
    const QString publicKey = dir.filePath(QStringLiteral("public.pem"));
    QVERIFY(writeFile(input, parts.at(0) + '.' + parts.at(1)));
    QVERIFY(writeFile(signatureFile, ecdsa ? derFromRaw(signature) : signature));
    QCOMPARE(runOpenSsl({QStringLiteral("pkey"), QStringLiteral("-in"), DataDir + keyFile,
                         QStringLiteral("-pubout"), QStringLiteral("-out"), publicKey})
                 .exitCode,
             0);
    const OpenSslRun verify =
        runOpenSsl({QStringLiteral("dgst"), QStringLiteral("-sha384"), QStringLiteral("-verify"), publicKey,
                    QStringLiteral("-signature"), signatureFile, input});
    QVERIFY2(verify.output.contains("Verified OK"), verify.output.constData());
    QCOMPARE(verify.exitCode, 0);
}

void TestJws::rs384MatchesOpenSslByteForByte()
{
    const Auth::SigningKey key = testKey(QStringLiteral("rs384-key.pem"));
    const auto signature = key.sign(readData(QStringLiteral("vector-input.txt")));
    QVERIFY(signature.ok());
    QCOMPARE(*signature, readData(QStringLiteral("rs384-vector.sig")));
}

void TestJws::es384SignatureFromOpenSslVerifies()
{
    const Auth::SigningKey key = testKey(QStringLiteral("es384-key.pem"));
    const auto keys = Auth::JsonWebKeySet::fromJson(key.publicJwks());
    QVERIFY(keys.ok());
    const QByteArray input = readData(QStringLiteral("vector-input.txt"));
    const QByteArray raw = rawFromDer(readData(QStringLiteral("es384-vector.der")));
    QCOMPARE(raw.size(), 96);
    QCOMPARE(keys->keys().size(), 1);
    const Auth::OpenSslKey publicKey = keys->keys().first().key;
    QVERIFY(publicKey.verify(JwsAlgorithm::ES384, input, raw));
    QVERIFY(!publicKey.verify(JwsAlgorithm::ES384, input + ' ', raw));
    // The DER form itself is not a JWS signature.
    QVERIFY(!publicKey.verify(JwsAlgorithm::ES384, input, readData(QStringLiteral("es384-vector.der"))));
}

void TestJws::jwtRoundTripsThroughTheJwks_data()
{
    QTest::addColumn<JwsAlgorithm>("algorithm");
    QTest::newRow("ES384") << JwsAlgorithm::ES384;
    QTest::newRow("RS384") << JwsAlgorithm::RS384;
    QTest::newRow("RS256") << JwsAlgorithm::RS256;
}

void TestJws::jwtRoundTripsThroughTheJwks()
{
    QFETCH(JwsAlgorithm, algorithm);
    const auto key = Auth::SigningKey::generate(algorithm);
    QVERIFY(key.ok());
    const QJsonObject jwks = key->publicJwks();
    const QJsonObject jwk = jwks.value(QStringLiteral("keys")).toArray().first().toObject();
    QCOMPARE(jwk.value(QStringLiteral("kid")).toString(), key->keyId());
    QCOMPARE(jwk.value(QStringLiteral("alg")).toString(), Auth::jwsAlgorithmName(algorithm));
    QCOMPARE(jwk.value(QStringLiteral("use")).toString(), QStringLiteral("sig"));
    QVERIFY(!jwk.contains(QStringLiteral("d"))); // never the private part

    const auto compact = Auth::Jwt::sign({{QStringLiteral("sub"), QStringLiteral("x")}}, *key);
    QVERIFY(compact.ok());
    const auto jwt = Auth::Jwt::parse(*compact);
    QVERIFY(jwt.ok());
    QCOMPARE(jwt->keyId(), key->keyId());
    QCOMPARE(jwt->claims().value(QStringLiteral("sub")).toString(), QStringLiteral("x"));
    const auto keys =
        Auth::JsonWebKeySet::fromJson(QJsonDocument::fromJson(QJsonDocument(jwks).toJson()).object());
    QVERIFY(keys.ok());
    QVERIFY(jwt->verifiedBy(*keys));
    const auto other = Auth::SigningKey::generate(algorithm);
    QVERIFY(!jwt->verifiedBy(*Auth::JsonWebKeySet::fromJson(other->publicJwks())));
}

void TestJws::tamperedOrUnsignedTokensAreRefused()
{
    const Auth::SigningKey key = testKey(QStringLiteral("es384-key.pem"));
    const auto keys = *Auth::JsonWebKeySet::fromJson(key.publicJwks());
    const QByteArray compact =
        *Auth::Jwt::sign({{QStringLiteral("scope"), QStringLiteral("system/Patient.rs")}}, key);
    QList<QByteArray> parts = compact.split('.');

    QList<QByteArray> widened = parts;
    widened[1] = Auth::base64Url(R"({"scope":"system/*.cruds"})");
    QVERIFY(!Auth::Jwt::parse(widened.join('.'))->verifiedBy(keys));

    QList<QByteArray> unsigned_ = parts;
    unsigned_[0] = Auth::base64Url(R"({"alg":"none","typ":"JWT"})");
    unsigned_[2].clear();
    QVERIFY(!Auth::Jwt::parse(unsigned_.join('.'))->verifiedBy(keys));

    // The same key named for an algorithm of another kind.
    QList<QByteArray> confused = parts;
    confused[0] = Auth::base64Url(R"({"alg":"RS384","typ":"JWT"})");
    QVERIFY(!Auth::Jwt::parse(confused.join('.'))->verifiedBy(keys));

    QVERIFY(!Auth::Jwt::parse("not.a-token").ok());
    QVERIFY(!Auth::Jwt::parse("a.b.c").ok());
}

void TestJws::thumbprintFollowsRfc7638()
{
    // RFC 7638 §3.1.
    const QJsonObject jwk{
        {QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("n"),
         QStringLiteral(
             "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_"
             "BJECPebWK"
             "RXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQM"
             "icAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2Nc"
             "Rwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw")},
        {QStringLiteral("e"), QStringLiteral("AQAB")},
        {QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("kid"), QStringLiteral("2011-04-29")}};
    const auto keys = Auth::JsonWebKeySet::fromJson({{QStringLiteral("keys"), QJsonArray{jwk}}});
    QVERIFY(keys.ok());
    QCOMPARE(keys->keys().first().key.thumbprint(),
             QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
}

void TestJws::keyFileIsPrivateAndNeverOverwritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key.pem"));
    const auto key = Auth::SigningKey::generate(JwsAlgorithm::ES384);
    QVERIFY(key->writeNewFile(path).ok());
    QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pem = file.readAll();
    file.close();

    const auto again = Auth::SigningKey::generate(JwsAlgorithm::ES384);
    const auto refused = again->writeNewFile(path);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("never overwritten")),
             qPrintable(refused.error().message));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), pem);

    const auto read = Auth::SigningKey::readFile(path);
    QVERIFY(read.ok());
    QVERIFY(read->warning.isEmpty());
    QCOMPARE(read->key.keyId(), key->keyId());
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    const auto readable = Auth::SigningKey::readFile(path);
    QVERIFY(readable.ok());
    QVERIFY(readable->warning.contains(QStringLiteral("chmod 600")));
}

void TestJws::refusesUnusableKeys()
{
    QVERIFY(!Auth::SigningKey::fromPem("-----BEGIN PRIVATE KEY-----\nnonsense\n-----END PRIVATE KEY-----\n",
                                       QStringLiteral("x.pem"))
                 .ok());
    const auto missing = Auth::SigningKey::readFile(QStringLiteral("/nonexistent/key.pem"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().path, QStringLiteral("/nonexistent/key.pem"));
    QVERIFY(!Auth::JsonWebKeySet::fromJson({{QStringLiteral("keys"), QJsonArray{}}}).ok());
}

QTEST_GUILESS_MAIN(TestJws)
#include "tst_jws.moc"
