#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

#include "fhir/identifiertoken.h"

using Fhir::IdentifierToken;

Q_DECLARE_METATYPE(std::optional<QString>)

namespace {

QJsonObject resourceWith(const QString &system, const QString &value)
{
    QJsonObject identifier{{QStringLiteral("value"), value}};
    if (!system.isEmpty())
        identifier.insert(QStringLiteral("system"), system);
    return {{QStringLiteral("identifier"), QJsonArray{identifier}}};
}

} // namespace

/// One reading of FHIR identifier tokens for the EHR client and the training EHR.
class TestIdentifierToken : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void roundTripsThroughAQuery_data();
    void roundTripsThroughAQuery();
    void matches_data();
    void matches();
    void ifNoneExist_data();
    void ifNoneExist();
};

void TestIdentifierToken::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::optional<QString>>("system");
    QTest::addColumn<QString>("value");
    QTest::newRow("system and value")
        << "urn:ietf:rfc:3986|urn:uuid:1" << std::optional<QString>(QStringLiteral("urn:ietf:rfc:3986"))
        << "urn:uuid:1";
    QTest::newRow("value only: any system") << "MRN-1" << std::optional<QString>() << "MRN-1";
    QTest::newRow("no system") << "|MRN-1" << std::optional<QString>(QString()) << "MRN-1";
    QTest::newRow("any value of a system")
        << "urn:x|" << std::optional<QString>(QStringLiteral("urn:x")) << "";
    QTest::newRow("a bar in the value, unescaped")
        << "urn:x|a|b" << std::optional<QString>(QStringLiteral("urn:x")) << "a|b";
    QTest::newRow("escaped bar in the system")
        << "urn:x\\|y|v" << std::optional<QString>(QStringLiteral("urn:x|y")) << "v";
    QTest::newRow("escaped comma, dollar, backslash")
        << "s|a\\,b\\$c\\\\d" << std::optional<QString>(QStringLiteral("s")) << "a,b$c\\d";
    QTest::newRow("a lone backslash stays")
        << "s|C:\\x" << std::optional<QString>(QStringLiteral("s")) << "C:\\x";
    QTest::newRow("empty") << "" << std::optional<QString>() << "";
}

void TestIdentifierToken::parse()
{
    QFETCH(QString, text);
    QFETCH(std::optional<QString>, system);
    QFETCH(QString, value);
    const IdentifierToken token = IdentifierToken::parse(text);
    QCOMPARE(token.system, system);
    QCOMPARE(token.value, value);
}

void TestIdentifierToken::roundTripsThroughAQuery_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("value");
    QTest::newRow("uuid") << "urn:ietf:rfc:3986"
                          << "urn:uuid:8b1c2f6e-0000-4000-8000-000000000001";
    QTest::newRow("ampersand") << "urn:ietf:rfc:3986"
                               << "urn:test:line&encounter=Encounter-806";
    QTest::newRow("hash, plus, percent") << "urn:ietf:rfc:3986"
                                         << "urn:test:#1+50%25off";
    QTest::newRow("bars and backslashes") << "urn:a|b\\"
                                          << "v|w\\|x,y$z";
    QTest::newRow("space and unicode") << "urn:x"
                                       << "Grüße 1";
    QTest::newRow("empty system") << ""
                                  << "MRN-1";
}

void TestIdentifierToken::roundTripsThroughAQuery()
{
    // What the client writes and the HTTP layer decodes reads back as the same identifier.
    QFETCH(QString, system);
    QFETCH(QString, value);
    const IdentifierToken written = IdentifierToken::of({system, value});
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("identifier"), QString::fromLatin1(written.toQueryValue()));
    const QString decoded = query.queryItemValue(QStringLiteral("identifier"), QUrl::FullyDecoded);
    QCOMPARE(IdentifierToken::parse(decoded), written);

    const auto header = IdentifierToken::fromIfNoneExist(written.toIfNoneExist());
    QVERIFY2(header.ok(), qPrintable(header.ok() ? QString() : header.error().message));
    QCOMPARE(*header, written);
    QVERIFY(!written.toQueryValue().contains('&'));
    QVERIFY(!written.toQueryValue().contains('#'));
}

void TestIdentifierToken::matches_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same system and value") << "s|v"
                                           << "s"
                                           << "v" << true;
    QTest::newRow("other system") << "s|v"
                                  << "t"
                                  << "v" << false;
    QTest::newRow("other value") << "s|v"
                                 << "s"
                                 << "w" << false;
    QTest::newRow("value only, any system") << "v"
                                            << "t"
                                            << "v" << true;
    QTest::newRow("no system wanted, has one") << "|v"
                                               << "s"
                                               << "v" << false;
    QTest::newRow("no system wanted, has none") << "|v"
                                                << ""
                                                << "v" << true;
    QTest::newRow("any value of the system") << "s|"
                                             << "s"
                                             << "anything" << true;
    QTest::newRow("any value of another system") << "s|"
                                                 << "t"
                                                 << "anything" << false;
    QTest::newRow("empty token matches nothing") << ""
                                                 << "s"
                                                 << "v" << false;
    QTest::newRow("case matters") << "s|V"
                                  << "s"
                                  << "v" << false;
}

void TestIdentifierToken::matches()
{
    QFETCH(QString, token);
    QFETCH(QString, system);
    QFETCH(QString, value);
    QFETCH(bool, matches);
    const IdentifierToken parsed = IdentifierToken::parse(token);
    QCOMPARE(parsed.matches(system, value), matches);
    QCOMPARE(parsed.matchesAnyOf(resourceWith(system, value)), matches);
}

void TestIdentifierToken::ifNoneExist_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("ok");
    QTest::newRow("system and value") << QByteArray("identifier=urn:ietf:rfc:3986%7Curn:uuid:1") << true;
    QTest::newRow("value only") << QByteArray("identifier=urn:uuid:1") << true;
    QTest::newRow("system without value") << QByteArray("identifier=urn:ietf:rfc:3986|") << false;
    QTest::newRow("empty value") << QByteArray("identifier=") << false;
    QTest::newRow("another parameter") << QByteArray("patient=Patient-265") << false;
    QTest::newRow("two parameters") << QByteArray("identifier=a&identifier=b") << false;
}

void TestIdentifierToken::ifNoneExist()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, ok);
    const auto token = IdentifierToken::fromIfNoneExist(header);
    QCOMPARE(token.ok(), ok);
    if (!ok) {
        QCOMPARE(token.error().path, QStringLiteral("If-None-Exist"));
        QVERIFY(token.error().message.contains(QStringLiteral("identifier=")));
    }
}

QTEST_GUILESS_MAIN(TestIdentifierToken)
#include "tst_identifiertoken.moc"
