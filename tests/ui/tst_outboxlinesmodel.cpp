#include <memory>

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "../common/sentlinehistory.h"
#include "common/clock.h"
#include "linedraft.h"
#include "outbox/outboxstore.h"
#include "outboxlinesmodel.h"

namespace {

const QDateTime Now(QDate(2026, 3, 14), QTime(18, 0), Qt::UTC);

Model::ProcedureEntry entry(const QString &encounterId, const QString &code)
{
    Ui::EncounterContext context;
    context.patientId = QStringLiteral("Patient-265");
    context.encounterId = encounterId;
    Ui::LineDraft draft;
    draft.code = code;
    draft.display = QStringLiteral("A procedure");
    draft.performed = QDateTime(QDate(2026, 3, 14), QTime(10, 0), QTimeZone("America/Chicago"));
    return draft.toEntry(context, false);
}

} // namespace

class TestOutboxLinesModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Common::ManualClock> m_clock;
    std::unique_ptr<Outbox::OutboxStore> m_store;

    qint64 enqueue(const QString &encounterId, const QString &code)
    {
        const auto id = m_store->enqueue(entry(encounterId, code));
        if (!id)
            qFatal("enqueue failed: %s", qPrintable(id.error().message));
        return *id;
    }

    void attempt(qint64 id, const Outbox::AttemptRecord &record)
    {
        QCOMPARE(m_store->claim(id).valueOr(false), true);
        const Common::Status recorded = m_store->recordAttempt(id, record);
        QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().message));
    }

    void markSent(qint64 id, const QString &ehrId = QStringLiteral("Procedure-1"))
    {
        Outbox::AttemptRecord sent;
        sent.newState = Outbox::LineState::Sent;
        sent.result = QStringLiteral("created");
        sent.ehrId = ehrId;
        attempt(id, sent);
    }

    /// The model on the test's store and clock; for Filter::Encounter, Encounter-805's lines.
    void attach(Ui::OutboxLinesModel &model)
    {
        model.setClock(m_clock.get());
        model.setStore(m_store.get());
        model.setEncounterId(QStringLiteral("Encounter-805"));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = std::make_unique<Common::ManualClock>(Now);
        m_store = std::make_unique<Outbox::OutboxStore>();
        m_store->setClock(m_clock.get());
        QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("outbox.sqlite"))));
    }

    void cleanup()
    {
        m_store.reset();
        m_clock.reset();
        m_dir.reset();
    }

    void encounterViewShowsThatEncountersLines()
    {
        Ui::OutboxLinesModel model(Ui::OutboxLinesModel::Filter::Encounter);
        attach(model);
        enqueue(QStringLiteral("Encounter-805"), QStringLiteral("99213"));
        enqueue(QStringLiteral("Encounter-900"), QStringLiteral("20610"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, Ui::OutboxLinesModel::CodeColumn).data().toString(), QStringLiteral("99213"));
        QCOMPARE(model.index(0, Ui::OutboxLinesModel::StateColumn).data().toString(),
                 QStringLiteral("Queued"));
        QCOMPARE(model.index(0, Ui::OutboxLinesModel::DescriptionColumn).data().toString(),
                 QStringLiteral("A procedure"));
        QVERIFY(model.index(0, Ui::OutboxLinesModel::PerformedColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("10:00")));
    }

    void refreshReadsOnlyWhatItShows()
    {
        // 50,000 lines sent in other encounters: the table of one encounter, and the queue of open
        // lines, list none of them and parse no stored Procedure (all of theirs are unreadable).
        QVERIFY(addSentHistory(*m_store, 50000, QStringLiteral("not json")));
        const qint64 waiting = enqueue(QStringLiteral("Encounter-805"), QStringLiteral("99213"));
        const qint64 sent = enqueue(QStringLiteral("Encounter-805"), QStringLiteral("20610"));
        markSent(sent);
        // The rows come from the line's own columns: even its stored Procedure is not read.
        QVERIFY(QSqlQuery(m_store->database().connection())
                    .exec(QStringLiteral("UPDATE lines SET entry_json = 'x'")));

        Ui::OutboxLinesModel encounter(Ui::OutboxLinesModel::Filter::Encounter);
        attach(encounter);
        QCOMPARE(encounter.rowCount(), 2);
        QCOMPARE(encounter.index(0, 0).data(Ui::OutboxLinesModel::LineIdRole).toLongLong(), waiting);
        QCOMPARE(encounter.index(1, 0).data(Ui::OutboxLinesModel::LineIdRole).toLongLong(), sent);
        QCOMPARE(encounter.index(1, Ui::OutboxLinesModel::DescriptionColumn).data().toString(),
                 QStringLiteral("A procedure"));
        QVERIFY(
            encounter.index(1, Ui::OutboxLinesModel::PerformedColumn).data().toString().contains(u"10:00"));

        Ui::OutboxLinesModel queue(Ui::OutboxLinesModel::Filter::Attention);
        attach(queue);
        QCOMPARE(queue.rowCount(), 1);
        QCOMPARE(queue.index(0, 0).data(Ui::OutboxLinesModel::LineIdRole).toLongLong(), waiting);
    }

    void rowsFollowTheLineState()
    {
        Ui::OutboxLinesModel model(Ui::OutboxLinesModel::Filter::Encounter);
        attach(model);
        const qint64 id = enqueue(QStringLiteral("Encounter-805"), QStringLiteral("99213"));

        Outbox::AttemptRecord retry;
        retry.newState = Outbox::LineState::Pending;
        retry.nextAttemptAt = Now.addSecs(90);
        retry.result = QStringLiteral("retryable");
        retry.error = QStringLiteral("the EHR did not answer");
        attempt(id, retry);
        QCOMPARE(model.index(0, Ui::OutboxLinesModel::StateColumn).data().toString(),
                 QStringLiteral("Waiting to retry"));
        const QString detail = model.index(0, Ui::OutboxLinesModel::DetailColumn).data().toString();
        QVERIFY2(detail.contains(Now.addSecs(90).toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
                 qPrintable(detail));
        QVERIFY(detail.contains(QStringLiteral("the EHR did not answer")));

        // Text from the EHR is shown with its control characters escaped.
        Outbox::AttemptRecord hostile = retry;
        hostile.error = QStringLiteral("proxy said \x1b[2J\r\nOK");
        attempt(id, hostile);
        const QString escaped = model.index(0, Ui::OutboxLinesModel::DetailColumn).data().toString();
        QVERIFY2(escaped.contains(QStringLiteral("proxy said \\x1b[2J\\x0d\\x0aOK")), qPrintable(escaped));

        m_clock->advance(91 * 1000);
        Outbox::AttemptRecord rejected;
        rejected.newState = Outbox::LineState::NeedsCorrection;
        rejected.result = QStringLiteral("rejected");
        rejected.findings = {{QStringLiteral("500034"), Model::Severity::Error,
                              QStringLiteral("Procedure.code.coding[0].code"),
                              QStringLiteral("Dental codes are\nnot allowed")}};
        attempt(id, rejected);
        QCOMPARE(model.index(0, Ui::OutboxLinesModel::StateColumn).data().toString(),
                 QStringLiteral("Needs correction"));
        const QString refused = model.index(0, Ui::OutboxLinesModel::DetailColumn).data().toString();
        QVERIFY(refused.contains(QStringLiteral("500034")));
        QVERIFY2(refused.contains(QStringLiteral("are\\x0anot allowed")), qPrintable(refused));

        QVERIFY(m_store->retry(id));
        markSent(id, QStringLiteral("Procedure-9"));
        QCOMPARE(model.index(0, Ui::OutboxLinesModel::StateColumn).data().toString(), QStringLiteral("Sent"));
        QCOMPARE(model.index(0, Ui::OutboxLinesModel::DetailColumn).data().toString(),
                 QStringLiteral("Procedure/Procedure-9"));
    }

    void attentionViewListsWhatIsNotSent()
    {
        Ui::OutboxLinesModel model(Ui::OutboxLinesModel::Filter::Attention);
        attach(model);
        const qint64 waiting = enqueue(QStringLiteral("Encounter-805"), QStringLiteral("99213"));
        const qint64 done = enqueue(QStringLiteral("Encounter-900"), QStringLiteral("20610"));
        const qint64 dropped = enqueue(QStringLiteral("Encounter-900"), QStringLiteral("36415"));
        QCOMPARE(model.rowCount(), 3);
        markSent(done);
        QVERIFY(m_store->discard(dropped, QStringLiteral("test")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.lineAt(0)->id, waiting);
        // Without the patient directory's copy there is no name to show; never an internal id.
        QCOMPARE(model.index(0, Ui::OutboxLinesModel::EncounterColumn).data().toString(),
                 QStringLiteral("Encounter not in the offline copy"));
        QCOMPARE(model.index(0, Ui::OutboxLinesModel::PatientColumn).data().toString(),
                 QStringLiteral("Patient not in the offline copy"));
    }

    void aLineOfAnotherEncounterLeavesTheViewAlone()
    {
        Ui::OutboxLinesModel model(Ui::OutboxLinesModel::Filter::Encounter);
        attach(model);
        enqueue(QStringLiteral("Encounter-805"), QStringLiteral("99213"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        const qint64 other = enqueue(QStringLiteral("Encounter-900"), QStringLiteral("20610"));
        markSent(other);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, Ui::OutboxLinesModel::CodeColumn).data().toString(), QStringLiteral("99213"));
    }

    void aLineThatLeavesTheViewIsRemovedWithoutAReset()
    {
        Ui::OutboxLinesModel model(Ui::OutboxLinesModel::Filter::Attention);
        attach(model);
        const qint64 first = enqueue(QStringLiteral("Encounter-805"), QStringLiteral("99213"));
        const qint64 second = enqueue(QStringLiteral("Encounter-900"), QStringLiteral("20610"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        markSent(first);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.lineAt(0)->id, second);
        QCOMPARE(model.index(0, Ui::OutboxLinesModel::CodeColumn).data().toString(), QStringLiteral("20610"));
    }
};

QTEST_MAIN(TestOutboxLinesModel)
#include "tst_outboxlinesmodel.moc"
