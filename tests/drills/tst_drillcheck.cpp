#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include "../common/sandboxfixture.h"
#include "../sandbox/sandboxtestclient.h"
#include "drills/drillchecker.h"
#include "drills/snapshotreader.h"
#include "ehr/ehrclient.h"
#include "fhir/extensions.h"
#include "sandbox/trainingbehaviour.h"

namespace {

/// A drill: Okafor's knee injection, 20610 at 10:30 with both knee diagnoses, and a reason for the code.
Drills::Drill kneeDrill()
{
    const auto drill = Drills::readDrill(R"({"drill": 1, "title": "Knee", "instructions": "Inject",
        "expect": {"procedures": [{"patient": "Patient-265", "encounter": "Encounter-805", "code": "20610",
            "category": "387713003", "performed": "2026-03-14T10:30:00-05:00",
            "diagnoses": ["Condition-Problem-I-1332", "Condition-Problem-I-1333"],
            "why": {"code": {"en": "the note says no ultrasound", "es": "la nota dice que no hubo ecografía"}}}]}})",
                                         QStringLiteral("knee.json"));
    if (!drill)
        qFatal("%s", qPrintable(drill.error().text()));
    return *drill;
}

QJsonObject procedure(const QString &id, const QString &code, const QString &performed,
                      const QStringList &diagnoses = {QStringLiteral("Condition-Problem-I-1332"),
                                                      QStringLiteral("Condition-Problem-I-1333")},
                      const QString &category = QStringLiteral("387713003"))
{
    QJsonArray reasons;
    for (const QString &diagnosis : diagnoses)
        reasons.append(
            QJsonObject{{QStringLiteral("reference"), QString(QStringLiteral("Condition/") + diagnosis)}});
    QJsonObject resource{
        {QStringLiteral("resourceType"), QStringLiteral("Procedure")},
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), QStringLiteral("completed")},
        {QStringLiteral("code"),
         QJsonObject{{QStringLiteral("coding"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("system"), QStringLiteral("http://www.ama-assn.org/go/cpt")},
                          {QStringLiteral("code"), code},
                          {QStringLiteral("display"), QStringLiteral("A procedure")}}}}}},
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/Patient-265")}}},
        {QStringLiteral("encounter"),
         QJsonObject{{QStringLiteral("reference"), QStringLiteral("Encounter/Encounter-805")}}},
        {QStringLiteral("reasonReference"), reasons}};
    if (!category.isEmpty())
        resource.insert(QStringLiteral("category"),
                        QJsonObject{{QStringLiteral("coding"),
                                     QJsonArray{QJsonObject{
                                         {QStringLiteral("system"), QStringLiteral("http://snomed.info/sct")},
                                         {QStringLiteral("code"), category}}}}});
    if (performed.contains(u'/')) {
        const QStringList period = performed.split(u'/');
        resource.insert(
            QStringLiteral("performedPeriod"),
            QJsonObject{{QStringLiteral("start"), period.at(0)}, {QStringLiteral("end"), period.at(1)}});
    } else {
        resource.insert(QStringLiteral("performedDateTime"), performed);
    }
    return resource;
}

Drills::EhrSnapshot snapshotOf(const QList<QJsonObject> &procedures)
{
    Drills::EhrSnapshot snapshot;
    snapshot.procedures.insert(QStringLiteral("Encounter-805"), procedures);
    snapshot.refusals = QList<QJsonObject>{};
    snapshot.diagnosisCodes = {{QStringLiteral("Condition-Problem-I-1332"), QStringLiteral("M17.11")},
                               {QStringLiteral("Condition-Problem-I-1333"), QStringLiteral("M25.561")}};
    return snapshot;
}

Outbox::OutboxLine line(const QString &code, Outbox::LineState state)
{
    Outbox::OutboxLine line;
    line.encounterId = QStringLiteral("Encounter-805");
    line.code = code;
    line.state = state;
    return line;
}

QStringList wrongTexts(const Drills::CheckReport &report)
{
    return report.mistakes();
}

} // namespace

/// The checker compares what the EHR holds with a drill's expected result and names each mistake.
class TestDrillCheck : public QObject
{
    Q_OBJECT

private slots:
    void theRightResultScoresHundred()
    {
        const Drills::CheckReport report = Drills::checkDrill(
            kneeDrill(), snapshotOf({procedure(QStringLiteral("Procedure-1"), QStringLiteral("20610"),
                                               QStringLiteral("2026-03-14T10:30:00-05:00"))}));
        QVERIFY2(report.correct(), qPrintable(wrongTexts(report).join(u'\n')));
        QCOMPARE(report.percent(), 100);
        QCOMPARE(report.right(), 4); // code, category, performed, diagnoses
        QCOMPARE(report.items.at(0).text, QStringLiteral("code 20610 — right"));
        QCOMPARE(report.items.at(3).text, QStringLiteral("diagnoses M17.11, M25.561 — right"));
        QCOMPARE(report.toJson().value(QStringLiteral("percent")).toInt(), 100);
    }

    void eachWrongFieldIsNamedInPlainWords_data()
    {
        QTest::addColumn<QJsonObject>("recorded");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("mistake");
        const QString time = QStringLiteral("2026-03-14T10:30:00-05:00");
        QTest::newRow("code") << procedure(QStringLiteral("Procedure-1"), QStringLiteral("20611"), time)
                              << "en"
                              << "code 20611 — expected 20610: the note says no ultrasound";
        QTest::newRow("code, in Spanish")
            << procedure(QStringLiteral("Procedure-1"), QStringLiteral("20611"), time) << "es"
            << "code 20611 — expected 20610: la nota dice que no hubo ecografía";
        QTest::newRow("time") << procedure(QStringLiteral("Procedure-1"), QStringLiteral("20610"),
                                           QStringLiteral("2026-03-14T10:45:00-05:00"))
                              << "en"
                              << "performed 2026-03-14 10:45 -05:00 — expected 2026-03-14 10:30 -05:00";
        QTest::newRow("same instant, other offset")
            << procedure(QStringLiteral("Procedure-1"), QStringLiteral("20610"),
                         QStringLiteral("2026-03-14T09:30:00-06:00"))
            << "en"
            << "performed 2026-03-14 09:30 -06:00 — expected 2026-03-14 10:30 -05:00";
        QTest::newRow("diagnosis order")
            << procedure(
                   QStringLiteral("Procedure-1"), QStringLiteral("20610"), time,
                   {QStringLiteral("Condition-Problem-I-1333"), QStringLiteral("Condition-Problem-I-1332")})
            << "en"
            << "diagnoses M25.561, M17.11 — expected the order M17.11, M25.561 (the first is the main "
               "reason)";
        QTest::newRow("a diagnosis missing")
            << procedure(QStringLiteral("Procedure-1"), QStringLiteral("20610"), time,
                         {QStringLiteral("Condition-Problem-I-1332")})
            << "en"
            << "diagnoses M17.11 — expected M17.11, M25.561";
        QTest::newRow("category")
            << procedure(
                   QStringLiteral("Procedure-1"), QStringLiteral("20610"), time,
                   {QStringLiteral("Condition-Problem-I-1332"), QStringLiteral("Condition-Problem-I-1333")},
                   QStringLiteral("103693007"))
            << "en"
            << "category Diagnostic procedure (103693007) — expected Surgical procedure (387713003)";
        QTest::newRow("a period for a single time")
            << procedure(QStringLiteral("Procedure-1"), QStringLiteral("20610"),
                         QStringLiteral("2026-03-14T10:30:00-05:00/2026-03-14T10:40:00-05:00"))
            << "en"
            << "an anesthesia start and end were sent — expected a single performed time 2026-03-14 10:30 "
               "-05:00";
    }

    void eachWrongFieldIsNamedInPlainWords()
    {
        QFETCH(QJsonObject, recorded);
        QFETCH(QString, language);
        QFETCH(QString, mistake);
        const Drills::CheckReport report = Drills::checkDrill(kneeDrill(), snapshotOf({recorded}), language);
        QCOMPARE(wrongTexts(report), QStringList{mistake});
        QVERIFY(!report.correct());
        QCOMPARE(report.percent(), 75);
    }

    void missingAndExtraProceduresAreNamed()
    {
        const Drills::CheckReport none = Drills::checkDrill(kneeDrill(), snapshotOf({}));
        QCOMPARE(wrongTexts(none), QStringList{QStringLiteral(
                                       "no Procedure 20610 is recorded on Encounter-805 — expected one")});
        QCOMPARE(none.percent(), 0);

        const Drills::CheckReport twice = Drills::checkDrill(
            kneeDrill(), snapshotOf({procedure(QStringLiteral("Procedure-1"), QStringLiteral("20610"),
                                               QStringLiteral("2026-03-14T10:30:00-05:00")),
                                     procedure(QStringLiteral("Procedure-2"), QStringLiteral("20610"),
                                               QStringLiteral("2026-03-14T10:35:00-05:00"))}));
        QCOMPARE(wrongTexts(twice), QStringList{QStringLiteral(
                                        "20610 (Procedure-2) is recorded on Encounter-805 — not expected")});
    }

    void orderOfProceduresOnAnEncounter()
    {
        auto drill = Drills::readDrill(R"({"drill": 1, "title": "Two", "instructions": "Two lines",
            "expect": {"procedures": [
              {"patient": "Patient-265", "encounter": "Encounter-805", "code": "99213", "performed": "2026-03-14T09:30:00-05:00"},
              {"patient": "Patient-265", "encounter": "Encounter-805", "code": "20610", "performed": "2026-03-14T10:30:00-05:00"}]}})",
                                       QStringLiteral("two.json"));
        QVERIFY(drill.ok());
        const auto snapshot = snapshotOf({procedure(QStringLiteral("Procedure-1"), QStringLiteral("20610"),
                                                    QStringLiteral("2026-03-14T10:30:00-05:00")),
                                          procedure(QStringLiteral("Procedure-2"), QStringLiteral("99213"),
                                                    QStringLiteral("2026-03-14T09:30:00-05:00"))});
        QCOMPARE(wrongTexts(Drills::checkDrill(*drill, snapshot)),
                 QStringList{QStringLiteral("order on Encounter-805: 20610, 99213 — expected 99213, 20610")});
        drill->ordered = false;
        QVERIFY(Drills::checkDrill(*drill, snapshot).correct());
    }

    void refusalsDiscardsAndTheQueue()
    {
        auto drill = Drills::readDrill(R"({"drill": 1, "title": "Refused", "instructions": "Discard it",
            "ehr": {"behaviour": "refuse-next-line", "code": "500009"},
            "expect": {"refused": [{"encounter": "Encounter-805", "code": "99213", "ehrCode": "500009"}],
                       "discarded": [{"encounter": "Encounter-805", "code": "99213",
                                      "why": {"discarded": "a signed-off visit takes no new lines"}}]}})",
                                       QStringLiteral("refused.json"));
        QVERIFY2(drill.ok(), drill.ok() ? "" : qPrintable(drill.error().text()));
        Drills::EhrSnapshot snapshot = snapshotOf({});
        // Unknown refusals and outbox: neither right nor wrong.
        snapshot.refusals.reset();
        Drills::CheckReport report = Drills::checkDrill(*drill, snapshot);
        QCOMPARE(report.checked(), 0);
        QVERIFY(!report.correct());

        QJsonObject refused =
            procedure({}, QStringLiteral("99213"), QStringLiteral("2026-03-14T11:00:00-05:00"));
        refused.insert(
            QStringLiteral("meta"),
            QJsonObject{{QStringLiteral("tag"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("system"), QLatin1String(Fhir::Urls::SandboxRefusalTag)},
                             {QStringLiteral("code"), QStringLiteral("500002")}}}}});
        snapshot.refusals = QList<QJsonObject>{refused};
        snapshot.outbox =
            QList<Outbox::OutboxLine>{line(QStringLiteral("99213"), Outbox::LineState::NeedsCorrection)};
        report = Drills::checkDrill(*drill, snapshot);
        QCOMPARE(
            wrongTexts(report),
            (QStringList{QStringLiteral("99213 on Encounter-805 was refused with 500002 — expected 500009"),
                         QStringLiteral("the 99213 on Encounter-805 line is still waiting for correction — "
                                        "expected it discarded: a signed-off visit takes no new lines")}));

        refused[QStringLiteral("meta")] = QJsonObject{
            {QStringLiteral("tag"),
             QJsonArray{QJsonObject{{QStringLiteral("system"), QLatin1String(Fhir::Urls::SandboxRefusalTag)},
                                    {QStringLiteral("code"), QStringLiteral("500009")}}}}};
        snapshot.refusals = QList<QJsonObject>{refused};
        snapshot.outbox =
            QList<Outbox::OutboxLine>{line(QStringLiteral("99213"), Outbox::LineState::Discarded)};
        report = Drills::checkDrill(*drill, snapshot);
        QVERIFY2(report.correct(), qPrintable(wrongTexts(report).join(u'\n')));
        QCOMPARE(report.percent(), 100);

        // Forced in after all: the EHR holds it.
        snapshot.procedures[QStringLiteral("Encounter-805")] = {
            procedure(QStringLiteral("Procedure-7"), QStringLiteral("99213"),
                      QStringLiteral("2026-03-14T11:05:00-05:00"))};
        snapshot.outbox = QList<Outbox::OutboxLine>{line(QStringLiteral("99213"), Outbox::LineState::Sent)};
        QCOMPARE(wrongTexts(Drills::checkDrill(*drill, snapshot)),
                 QStringList{
                     QStringLiteral("99213 on Encounter-805 was recorded by the EHR (Procedure-7) — expected "
                                    "the line discarded: a signed-off visit takes no new lines")});
    }

    void aLineStillWaitingIsUnfinishedWork()
    {
        Drills::EhrSnapshot snapshot =
            snapshotOf({procedure(QStringLiteral("Procedure-1"), QStringLiteral("20610"),
                                  QStringLiteral("2026-03-14T10:30:00-05:00"))});
        snapshot.outbox =
            QList<Outbox::OutboxLine>{line(QStringLiteral("20610"), Outbox::LineState::Sent),
                                      line(QStringLiteral("20610"), Outbox::LineState::NeedsCorrection)};
        QCOMPARE(wrongTexts(Drills::checkDrill(kneeDrill(), snapshot)),
                 QStringList{QStringLiteral(
                     "the 20610 on Encounter-805 line is still waiting for correction — expected "
                     "every line of the drill sent or discarded")});
    }

    void theSnapshotComesFromATrainingEhr()
    {
        auto server = startTestSandbox(testServerOptions());
        QVERIFY(server);
        SandboxTestClient http(server->baseUrl());
        QCOMPARE(http.post(QStringLiteral("Procedure"),
                           toBytes(procedure({}, QStringLiteral("20611"),
                                             QStringLiteral("2026-03-14T10:30:00-05:00"))))
                     .status,
                 201);
        QVERIFY(Sandbox::applyBehaviour(
                    *server, {Sandbox::TrainingBehaviour::RefuseNextLine, QStringLiteral("500010")})
                    .ok());
        QCOMPARE(http.post(QStringLiteral("Procedure"),
                           toBytes(procedure({}, QStringLiteral("99213"),
                                             QStringLiteral("2026-03-14T11:00:00-05:00"))))
                     .status,
                 422);

        Ehr::EhrClient client;
        QVERIFY(client.setBaseUrl(server->baseUrl()));
        client.setTokenProvider([] { return QStringLiteral("test-token"); });
        std::optional<Common::Result<Drills::EhrSnapshot>> read;
        Drills::SnapshotReader::read(client, kneeDrill(), this,
                                     [&read](const auto &result) { read = result; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 30000);
        QVERIFY2(read->ok(), read->ok() ? "" : qPrintable(read->error().text()));
        QCOMPARE(read->value().procedures.value(QStringLiteral("Encounter-805")).size(), 1);
        QCOMPARE(read->value().refusals->size(), 1);
        QCOMPARE(read->value().diagnosisCodes.value(QStringLiteral("Condition-Problem-I-1332")),
                 QStringLiteral("M17.11"));
        QCOMPARE(Drills::checkDrill(kneeDrill(), read->value()).mistakes(),
                 QStringList{QStringLiteral("code 20611 — expected 20610: the note says no ultrasound")});

        // A refused token is an error, not an empty EHR.
        client.setTokenProvider([] { return QStringLiteral("wrong"); });
        read.reset();
        Drills::SnapshotReader::read(client, kneeDrill(), this,
                                     [&read](const auto &result) { read = result; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 30000);
        QVERIFY(!read->ok());
        QCOMPARE(read->error().code, QStringLiteral("unauthorized"));
    }
};

QTEST_GUILESS_MAIN(TestDrillCheck)
#include "tst_drillcheck.moc"
