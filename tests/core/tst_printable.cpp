#include <QTest>

#include "common/printable.h"

/// Untrusted text shown on a terminal or in a message area: control characters escaped, nothing else.
class TestPrintable : public QObject
{
    Q_OBJECT

private slots:
    void escapes_data();
    void escapes();
};

void TestPrintable::escapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << "Encounter-805 is billed."
                           << "Encounter-805 is billed.";
    QTest::newRow("accents and other scripts")
        << QStringLiteral("Müller, José — 東京") << QStringLiteral("Müller, José — 東京");
    QTest::newRow("ESC colour sequence") << "\x1b[31mred\x1b[0m"
                                         << "\\x1b[31mred\\x1b[0m";
    QTest::newRow("NUL") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << "a\\x00b";
    QTest::newRow("CR and LF forge lines") << "ok\r\nvisit.json: valid"
                                           << "ok\\x0d\\x0avisit.json: valid";
    QTest::newRow("tab and bell") << "a\tb\a"
                                  << "a\\x09b\\x07";
    QTest::newRow("DEL and C1 CSI") << QString(QStringLiteral("x") + QChar(0x7f) + QChar(0x9b) +
                                               QStringLiteral("2J"))
                                    << "x\\x7f\\x9b2J";
    QTest::newRow("bidi override") << QString(QStringLiteral("abc") + QChar(0x202e) + QStringLiteral("fed"))
                                   << "abc\\u202efed";
    QTest::newRow("line separator") << QString(QStringLiteral("a") + QChar(0x2028) + QStringLiteral("b"))
                                    << "a\\u2028b";
    QTest::newRow("backslash doubled: a literal \\x0a is no line break") << "C:\\data\\x0a"
                                                                         << "C:\\\\data\\\\x0a";
    QTest::newRow("empty") << ""
                           << "";
}

void TestPrintable::escapes()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(Common::printable(text), shown);
    for (const QChar c : Common::printable(text))
        QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(shown));
}

QTEST_GUILESS_MAIN(TestPrintable)
#include "tst_printable.moc"
