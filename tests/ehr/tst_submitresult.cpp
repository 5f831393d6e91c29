#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "ehr/submitresult.h"

using Ehr::JobResult;
using Ehr::SubmitResult;
using Kind = Ehr::SubmitResult::Kind;
using Transport = Ehr::JobResult::Transport;

namespace {

QByteArray outcome(const QString &code, const QString &text = {}, const QString &expression = {})
{
    QJsonObject details{{QStringLiteral("coding"), QJsonArray{QJsonObject{{QStringLiteral("code"), code}}}}};
    if (!text.isEmpty())
        details.insert(QStringLiteral("text"), text);
    QJsonObject issue{{QStringLiteral("severity"), QStringLiteral("error")},
                      {QStringLiteral("code"), QStringLiteral("invalid")},
                      {QStringLiteral("details"), details}};
    if (!expression.isEmpty())
        issue.insert(QStringLiteral("expression"), QJsonArray{expression});
    return QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
                                     {QStringLiteral("issue"), QJsonArray{issue}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestSubmitResult : public QObject
{
    Q_OBJECT

private slots:
    void classifies_data();
    void classifies();
    void rejectedFindingsKeepPathAndCatalogMessage();
    void conditionalHitMustBeThisLine_data();
    void conditionalHitMustBeThisLine();
    void retryAfter_data();
    void retryAfter();
    void resourceId_data();
    void resourceId();
};

void TestSubmitResult::classifies_data()
{
    QTest::addColumn<int>("transport");
    QTest::addColumn<QNetworkReply::NetworkError>("networkError");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("ehrId");
    QTest::addColumn<QString>("ehrCode");
    QTest::addColumn<bool>("outcomeUnknown");

    const auto answered = int(Transport::Answered);
    const auto none = QNetworkReply::NoError;
    const QByteArray stored = "{\"resourceType\":\"Procedure\",\"id\":\"proc-9\"}";
    QTest::newRow("201 created") << answered << none << 201 << stored << int(Kind::Created) << "proc-9"
                                 << "" << false;
    QTest::newRow("200 conditional hit")
        << answered << none << 200 << stored << int(Kind::AlreadyRecorded) << "proc-9"
        << "" << false;
    QTest::newRow("500002 duplicate")
        << answered << none << 400 << outcome(QStringLiteral("500002")) << int(Kind::AlreadyRecorded) << ""
        << "500002" << false;
    QTest::newRow("422 signed off") << answered << none << 422 << outcome(QStringLiteral("500009"))
                                    << int(Kind::Rejected) << ""
                                    << "500009" << false;
    QTest::newRow("400 PRO005") << answered << none << 400 << outcome(QStringLiteral("PRO005"))
                                << int(Kind::Rejected) << ""
                                << "PRO005" << false;
    QTest::newRow("400 without outcome")
        << answered << none << 400 << QByteArray("oops") << int(Kind::Rejected) << ""
        << "" << false;
    QTest::newRow("500 insert failed")
        << answered << none << 500 << outcome(QStringLiteral("500003")) << int(Kind::Retryable) << ""
        << "500003" << false;
    QTest::newRow("503 dependency") << answered << none << 503 << outcome(QStringLiteral("500008"))
                                    << int(Kind::Retryable) << ""
                                    << "500008" << false;
    QTest::newRow("502 bare gateway") << answered << none << 502 << QByteArray() << int(Kind::Retryable) << ""
                                      << "" << true;
    QTest::newRow("429") << answered << none << 429 << QByteArray() << int(Kind::Retryable) << ""
                         << "" << false;
    QTest::newRow("500 validation") << answered << none << 500 << outcome(QStringLiteral("500001"))
                                    << int(Kind::Rejected) << ""
                                    << "500001" << false;
    QTest::newRow("401") << answered << none << 401 << QByteArray() << int(Kind::Unauthorized) << ""
                         << "" << false;
    QTest::newRow("403") << answered << none << 403 << QByteArray() << int(Kind::Unauthorized) << ""
                         << "" << false;
    QTest::newRow("connection refused")
        << int(Transport::NetworkError) << QNetworkReply::ConnectionRefusedError << 0 << QByteArray()
        << int(Kind::Retryable) << ""
        << "" << false;
    QTest::newRow("closed unanswered") << int(Transport::NetworkError) << QNetworkReply::RemoteHostClosedError
                                       << 0 << QByteArray() << int(Kind::Retryable) << ""
                                       << "" << true;
    QTest::newRow("timeout") << int(Transport::Timeout) << QNetworkReply::OperationCanceledError << 0
                             << QByteArray() << int(Kind::Retryable) << ""
                             << "" << true;
    QTest::newRow("tls") << int(Transport::TlsError) << QNetworkReply::SslHandshakeFailedError << 0
                         << QByteArray() << int(Kind::Blocked) << ""
                         << "" << false;
    QTest::newRow("200 html login page")
        << answered << none << 200 << QByteArray("<html><body>Sign in to continue</body></html>")
        << int(Kind::Retryable) << ""
        << "" << true;
    QTest::newRow("201 html page") << answered << none << 201 << QByteArray("<!DOCTYPE html><html></html>")
                                   << int(Kind::Retryable) << ""
                                   << "" << true;
    QTest::newRow("201 json without id")
        << answered << none << 201 << QByteArray("{\"resourceType\":\"Procedure\"}") << int(Kind::Created)
        << ""
        << "" << false;
    QTest::newRow("201 empty body") << answered << none << 201 << QByteArray() << int(Kind::Created) << ""
                                    << "" << false;
    QTest::newRow("204 odd") << answered << none << 204 << QByteArray() << int(Kind::Retryable) << ""
                             << "" << true;
}

void TestSubmitResult::classifies()
{
    QFETCH(int, transport);
    QFETCH(QNetworkReply::NetworkError, networkError);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, ehrId);
    QFETCH(QString, ehrCode);
    QFETCH(bool, outcomeUnknown);

    JobResult job;
    job.transport = Transport(transport);
    job.networkError = networkError;
    job.httpStatus = status;
    job.body = body;
    job.errorString = QStringLiteral("network says no");
    const SubmitResult result = SubmitResult::fromJob(job);
    QCOMPARE(Ehr::submitKindName(result.kind), Ehr::submitKindName(Kind(kind)));
    QCOMPARE(result.ehrId, ehrId);
    QCOMPARE(result.ehrCode, ehrCode);
    QCOMPARE(result.outcomeUnknown, outcomeUnknown);
    QCOMPARE(result.httpStatus, status);
    if (result.kind != Kind::Created && result.kind != Kind::AlreadyRecorded)
        QVERIFY(!result.errorString.isEmpty());
    if (result.kind == Kind::Rejected)
        QVERIFY(!result.findings.isEmpty());
}

void TestSubmitResult::rejectedFindingsKeepPathAndCatalogMessage()
{
    JobResult job;
    job.transport = Transport::Answered;
    job.httpStatus = 422;
    job.body = outcome(QStringLiteral("500034"), {}, QStringLiteral("Procedure.code.coding[0].code"));
    const SubmitResult result = SubmitResult::fromJob(job);
    QCOMPARE(result.kind, Kind::Rejected);
    QCOMPARE(result.findings.size(), 1);
    QCOMPARE(result.findings.first().path, QStringLiteral("Procedure.code.coding[0].code"));
    QVERIFY2(!result.findings.first().message.isEmpty(), "the catalog's message fills an issue without text");
    QVERIFY(result.errorString.contains(QStringLiteral("500034")));
}

void TestSubmitResult::conditionalHitMustBeThisLine_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("ehrId");
    const auto procedure = [](const char *identifiers) -> QByteArray {
        return QByteArray(R"({"resourceType":"Procedure","id":"p-7")") + identifiers + "}";
    };
    QTest::newRow("this line")
        << procedure(R"(,"identifier":[{"system":"urn:ietf:rfc:3986","value":"urn:uuid:1"}])")
        << int(Kind::AlreadyRecorded) << "p-7";
    QTest::newRow("this line among others")
        << procedure(R"(,"identifier":[{"system":"urn:x","value":"9"},)"
                     R"({"system":"urn:ietf:rfc:3986","value":"urn:uuid:1"}])")
        << int(Kind::AlreadyRecorded) << "p-7";
    QTest::newRow("no identifiers kept") << procedure("") << int(Kind::AlreadyRecorded) << "p-7";
    QTest::newRow("another line")
        << procedure(R"(,"identifier":[{"system":"urn:ietf:rfc:3986","value":"urn:uuid:2"}])")
        << int(Kind::Rejected) << "";
    QTest::newRow("not a procedure") << QByteArray(R"({"resourceType":"Patient","id":"p-7"})")
                                     << int(Kind::Rejected) << "";
}

void TestSubmitResult::conditionalHitMustBeThisLine()
{
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, ehrId);
    JobResult job;
    job.transport = Transport::Answered;
    job.httpStatus = 200;
    job.body = body;
    const Model::Identifier sent{QStringLiteral("urn:ietf:rfc:3986"), QStringLiteral("urn:uuid:1")};
    const SubmitResult result = SubmitResult::fromJob(job, sent);
    QCOMPARE(Ehr::submitKindName(result.kind), Ehr::submitKindName(Kind(kind)));
    QCOMPARE(result.ehrId, ehrId);
    if (result.kind == Kind::Rejected) {
        QVERIFY(!result.findings.isEmpty());
        QVERIFY2(result.errorString.contains(QStringLiteral("not this line")),
                 qPrintable(result.errorString));
    }
}

void TestSubmitResult::retryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("seconds");
    QTest::newRow("seconds") << QByteArray("120") << 120;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("http date") << QByteArray("Sat, 14 Mar 2026 15:00:30 GMT") << 30;
    QTest::newRow("past date") << QByteArray("Sat, 14 Mar 2026 14:00:00 GMT") << 0;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("fraction") << QByteArray("1.5") << -1;
    QTest::newRow("rfc 850 date") << QByteArray("Saturday, 14-Mar-26 15:00:30 GMT") << 30;
    QTest::newRow("asctime date") << QByteArray("Sat Mar 14 15:00:30 2026") << 30;
    // Longer than a day is read as a day; the sender caps it further (BackoffPolicy::maxRetryAfter).
    QTest::newRow("huge") << QByteArray("18446744073709552") << 86400;
    QTest::newRow("beyond 64 bits") << QByteArray("99999999999999999999999") << 86400;
    QTest::newRow("far date") << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT") << 86400;
}

void TestSubmitResult::retryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(int, seconds);
    const auto parsed = Ehr::parseRetryAfter(header, QDateTime(QDate(2026, 3, 14), QTime(15, 0), Qt::UTC));
    if (seconds < 0) {
        QVERIFY(!parsed);
    } else {
        QVERIFY(parsed);
        QCOMPARE(parsed->count(), seconds);
    }
}

void TestSubmitResult::resourceId_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<QString>("id");
    QTest::newRow("body") << QByteArray("{\"id\":\"a1\"}") << QByteArray() << "a1";
    QTest::newRow("location history")
        << QByteArray() << QByteArray("http://h/fhir/Procedure/77/_history/1") << "77";
    QTest::newRow("location plain") << QByteArray() << QByteArray("Procedure/78") << "78";
    QTest::newRow("nothing") << QByteArray() << QByteArray() << "";
}

void TestSubmitResult::resourceId()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, location);
    QFETCH(QString, id);
    QCOMPARE(Ehr::resourceIdOf(body, location), id);
}

QTEST_GUILESS_MAIN(TestSubmitResult)
#include "tst_submitresult.moc"
