#include <QFile>
#include <QTest>

#include "../common/resultcheck.h"
#include "auth/libcrypto.h"
#include "auth/signingkey.h"

namespace {

/// Whether libcrypto is mapped into this process (Linux: /proc/self/maps).
bool libcryptoMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        qFatal("cannot read /proc/self/maps: %s", qPrintable(maps.errorString()));
    return maps.readAll().contains("/libcrypto.so");
}

} // namespace

/// OpenSSL's libcrypto is not linked: it is loaded when a key is first used, and the keys work as
/// when it was linked (tst_jws checks them against OpenSSL's own command).
class TestLibcrypto : public QObject
{
    Q_OBJECT

private slots:
    void isLoadedWhenAKeyIsFirstUsed()
    {
        QVERIFY2(!libcryptoMapped(), "libcrypto was loaded before any key was used");
        const auto key = Auth::SigningKey::generate(Auth::JwsAlgorithm::ES384);
        QVERIFY_OK(key);
        QVERIFY(libcryptoMapped());
        QVERIFY(Auth::libcryptoError().isEmpty());
        const auto signature = key->sign("header.payload");
        QVERIFY_OK(signature);
        QCOMPARE(signature->size(), 96); // raw R||S of P-384
    }

    void everyFunctionIsFound_data()
    {
        QTest::addColumn<QByteArray>("name");
        for (const char *name : Auth::Libcrypto::FunctionNames)
            QTest::newRow(name) << QByteArray(name);
    }

    void everyFunctionIsFound()
    {
        QFETCH(QByteArray, name);
        QVERIFY(Auth::Libcrypto::symbol(name.constData()) != nullptr);
        QVERIFY(Auth::Libcrypto::symbol("EVP_no_such_function") == nullptr);
    }
};

QTEST_GUILESS_MAIN(TestLibcrypto)
#include "tst_libcrypto.moc"
