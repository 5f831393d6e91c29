#include <QTest>

#include "catalog/codecatalog.h"
#include "fhir/procedurewriter.h"
#include "superbill/superbilltemplate.h"
#include "superbillsheet.h"

namespace {

const auto Oa = QStringLiteral("c-oa");
const auto Pain = QStringLiteral("c-pain");

} // namespace

/// The superbill form without its widgets: ticks, pointers, checks, and what the outbox says.
class TestSuperbillSheet : public QObject
{
    Q_OBJECT

private:
    Catalog::CodeCatalog m_catalog;
    Ui::SuperbillSheet m_sheet;
    Ui::EncounterContext m_encounter;
    QDateTime m_now;

    int rowOf(const QString &code) const
    {
        for (int i = 0; i < m_sheet.rowCount(); ++i) {
            if (m_sheet.row(i).code == code)
                return i;
        }
        return -1;
    }

    /// An outbox line as the sender leaves it, for the entry of a row.
    Outbox::OutboxLine lineOf(int row, qint64 id, Outbox::LineState state)
    {
        m_sheet.check(row, m_now);
        const Model::ProcedureEntry entry = m_sheet.row(row).check.entry;
        Outbox::OutboxLine line;
        line.id = id;
        line.identifier = *entry.clientIdentifier();
        line.encounterId = m_encounter.encounterId;
        line.code = entry.code.code;
        line.entryJson = Fhir::ProcedureWriter(Fhir::Dialect::EhrVendor).toBytes(entry, false).valueOr({});
        line.state = state;
        return line;
    }

private slots:
    void initTestCase() { QVERIFY(m_catalog.loadTrainingCatalog()); }

    void init()
    {
        m_sheet = {};
        m_sheet.setTemplate(
            Superbill::trainingTemplate(), [this](const QString &code) { return m_catalog.lookup(code); },
            m_catalog.flagsLookup());
        m_encounter = {};
        m_encounter.patientId = QStringLiteral("Patient-265");
        m_encounter.encounterId = QStringLiteral("Encounter-805");
        m_encounter.timeZone = QTimeZone("America/Chicago");
        m_encounter.start = QDateTime(QDate(2026, 3, 14), QTime(9, 30), m_encounter.timeZone);
        m_encounter.diagnoses = {{Oa, QStringLiteral("M17.11"), {}}, {Pain, QStringLiteral("M25.561"), {}}};
        m_encounter.diagnosesKnown = true;
        m_sheet.setEncounter(m_encounter);
        m_now = QDateTime(QDate(2026, 3, 14), QTime(18, 0), Qt::UTC);
    }

    void rowsFollowTheTemplate()
    {
        QCOMPARE(m_sheet.rowCount(), int(Superbill::trainingTemplate().codeCount()));
        const Ui::SheetRow &visit = m_sheet.row(rowOf(QStringLiteral("99213")));
        QCOMPARE(visit.section, QStringLiteral("Office visits"));
        QCOMPARE(visit.label, QStringLiteral("Established, low"));
        QVERIFY(visit.display.startsWith(QStringLiteral("Office visit, established patient")));
        QCOMPARE(visit.performed, m_encounter.start);
        QVERIFY(m_sheet.row(rowOf(QStringLiteral("00400"))).needsPeriod);
        QCOMPARE(m_sheet.rowsStartingWith(QStringLiteral("2")), QList<int>{rowOf(QStringLiteral("20610"))});
        QCOMPARE(m_sheet.rowsStartingWith(QStringLiteral("992")).size(), 9);
    }

    void pointersFollowTheLetteredDiagnoses()
    {
        const int row = rowOf(QStringLiteral("20610"));
        QVERIFY(m_sheet.setTicked(row, true));
        QCOMPARE(m_sheet.pointers(row), QString()); // nothing lettered yet
        m_sheet.setDiagnoses({Oa, Pain});
        QCOMPARE(m_sheet.pointers(row), QStringLiteral("A")); // none typed: A
        m_sheet.check(row, m_now);
        QCOMPARE(m_sheet.row(row).check.entry.reasonReferences.value(0).id(), Oa);
        m_sheet.setDiagnosisIds(row, {Pain, Oa});
        QCOMPARE(m_sheet.pointers(row), QStringLiteral("BA"));
        m_sheet.setDiagnoses({Pain, Oa});
        QCOMPARE(m_sheet.pointers(row), QStringLiteral("AB"));
        m_sheet.setDiagnoses({Oa});
        QCOMPARE(m_sheet.row(row).diagnosisIds, QStringList{Oa});
    }

    void writesAreTheTickedRowsInFormOrder()
    {
        m_sheet.setDiagnoses({Oa, Pain});
        for (const char *code : {"85025", "99213", "20610"})
            QVERIFY(m_sheet.setTicked(rowOf(QLatin1String(code)), true));
        m_sheet.checkAll(m_now);
        QVERIFY(m_sheet.rowsWithErrors().isEmpty());
        const QList<Outbox::LineWrite> writes = m_sheet.writes();
        QStringList codes;
        QSet<QString> identifiers;
        for (const auto &write : writes) {
            QCOMPARE(write.lineId, 0);
            codes << write.entry.code.code;
            identifiers.insert(write.entry.clientIdentifier()->value);
        }
        QCOMPARE(codes,
                 (QStringList{QStringLiteral("99213"), QStringLiteral("20610"), QStringLiteral("85025")}));
        QCOMPARE(identifiers.size(), 3);
        QCOMPARE(writes.at(2).entry.category->code, QStringLiteral("103693007"));
    }

    void outboxLinesLockRowsAndRefusedOnesComeBack()
    {
        m_sheet.setDiagnoses({Oa, Pain});
        const int visit = rowOf(QStringLiteral("99213"));
        const int joint = rowOf(QStringLiteral("20610"));
        m_sheet.setTicked(visit, true);
        m_sheet.setTicked(joint, true);
        m_sheet.setDiagnosisIds(joint, {Pain, Oa});
        const Outbox::OutboxLine sent = lineOf(visit, 1, Outbox::LineState::Sent);
        Outbox::OutboxLine refused = lineOf(joint, 2, Outbox::LineState::NeedsCorrection);
        refused.findings = {
            {QStringLiteral("500002"), Model::Severity::Error, {}, QStringLiteral("Duplicate")}};
        // A line entered with the line editor for a code that is not on the form.
        Model::ProcedureEntry other = m_sheet.row(visit).check.entry;
        other.code = {
            QLatin1String(Model::Systems::Cpt), {}, QStringLiteral("27447"), QStringLiteral("Knee")};
        other.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
        Outbox::OutboxLine queued;
        queued.id = 3;
        queued.identifier = *other.clientIdentifier();
        queued.code = QStringLiteral("27447");
        queued.entryJson = Fhir::ProcedureWriter(Fhir::Dialect::EhrVendor).toBytes(other, false).valueOr({});
        queued.state = Outbox::LineState::Pending;

        m_sheet.setEncounter(m_encounter); // opened again: only the outbox remembers
        m_sheet.syncOutbox({sent, refused, queued});
        QVERIFY(m_sheet.row(visit).isLocked());
        QVERIFY(!m_sheet.row(visit).ticked);
        QVERIFY(!m_sheet.setTicked(visit, true));
        QVERIFY(m_sheet.row(joint).isRefused());
        QVERIFY(m_sheet.row(joint).ticked);
        QCOMPARE(m_sheet.row(joint).diagnosisIds, (QStringList{Pain, Oa}));
        QCOMPARE(m_sheet.diagnoses(), (QStringList{Pain, Oa})); // lettered again from the line
        const int added = rowOf(QStringLiteral("27447"));
        QCOMPARE(m_sheet.row(added).section, Ui::SuperbillSheet::otherSection());
        QVERIFY(m_sheet.row(added).isLocked());

        // Submitting corrects the refused line rather than adding one.
        m_sheet.checkAll(m_now);
        const QList<Outbox::LineWrite> writes = m_sheet.writes();
        QCOMPARE(writes.size(), 1);
        QCOMPARE(writes.first().lineId, 2);
        QCOMPARE(writes.first().entry.clientIdentifier(), std::optional(refused.identifier));

        // A discarded line frees its row, with a new identifier when ticked again.
        refused.state = Outbox::LineState::Discarded;
        m_sheet.syncOutbox({sent, refused, queued});
        QVERIFY(!m_sheet.row(joint).ticked);
        QCOMPARE(m_sheet.row(joint).lineId, 0);
        QVERIFY(m_sheet.setTicked(joint, true));
        QVERIFY(m_sheet.row(joint).identifier != refused.identifier);
    }

    void codesAddedBySearchGoUnderOther()
    {
        const int onForm = m_sheet.addCode(*m_catalog.lookup(QStringLiteral("99213")));
        QCOMPARE(onForm, rowOf(QStringLiteral("99213")));
        const int rows = m_sheet.rowCount();
        const int added = m_sheet.addCode(*m_catalog.lookup(QStringLiteral("01402")));
        QCOMPARE(added, rows);
        QCOMPARE(m_sheet.row(added).section, Ui::SuperbillSheet::otherSection());
        QVERIFY(m_sheet.row(added).needsPeriod);
        m_sheet.setEncounter(m_encounter);
        QCOMPARE(m_sheet.rowCount(), rows); // another encounter starts from the template
    }
};

QTEST_MAIN(TestSuperbillSheet)
#include "tst_superbillsheet.moc"
