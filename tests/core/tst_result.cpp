#include <QTest>

#include "common/result.h"

using Common::Error;
using Common::Result;
using Common::Status;

namespace {

Result<int> parsePort(const QString &text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return Common::makeError(QStringLiteral("bad-port"), QStringLiteral("not a port number"),
                                 QStringLiteral("--port"));
    return port;
}

Status requireEven(int value)
{
    if (value % 2 != 0)
        return Common::makeError(QStringLiteral("odd"), QStringLiteral("%1 is odd").arg(value));
    return {};
}

} // namespace

class TestResult : public QObject
{
    Q_OBJECT

private slots:
    void valueIsReturned();
    void errorCarriesCodePathAndMessage();
    void statusDefaultsToSuccess();
    void valueCanBeMovedOut();
    void loopOverATemporaryResultIsSafe();
};

void TestResult::valueIsReturned()
{
    const auto port = parsePort(QStringLiteral("8080"));
    QVERIFY(port.ok());
    QVERIFY(bool(port));
    QCOMPARE(*port, 8080);
    QCOMPARE(port.valueOr(1), 8080);
}

void TestResult::errorCarriesCodePathAndMessage()
{
    const auto port = parsePort(QStringLiteral("eighty"));
    QVERIFY(!port.ok());
    QCOMPARE(port.error().code, QStringLiteral("bad-port"));
    QCOMPARE(port.error().path, QStringLiteral("--port"));
    QCOMPARE(port.error().text(), QStringLiteral("--port: not a port number"));
    QCOMPARE(port.valueOr(1), 1);
}

void TestResult::statusDefaultsToSuccess()
{
    QVERIFY(requireEven(4).ok());
    const Status odd = requireEven(3);
    QVERIFY(!odd);
    QCOMPARE(odd.error().text(), QStringLiteral("3 is odd"));
}

void TestResult::valueCanBeMovedOut()
{
    Result<QStringList> words = QStringList{QStringLiteral("a"), QStringLiteral("b")};
    const QStringList taken = std::move(words).value();
    QCOMPARE(taken.size(), 2);
}

void TestResult::loopOverATemporaryResultIsSafe()
{
    // The temporary Result ends before the loop body runs: *words() must hand over the list itself.
    const auto words = [] { return Result<QStringList>(QStringList(1000, QStringLiteral("word"))); };
    qsizetype seen = 0;
    for (const QString &word : *words())
        seen += word.size();
    QCOMPARE(seen, 4000);
}

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
