#include "validator.h"

#include <QCoreApplication>
#include <QTimeZone>

#include "categories.h"
#include "fhir/datetime.h"
#include "model/ehrcodes.h"

namespace Rules {

namespace {

namespace Code = Model::EhrCode;

namespace Path {
const auto Status = QStringLiteral("Procedure.status");
const auto CategorySystem = QStringLiteral("Procedure.category.coding[0].system");
const auto CategoryCode = QStringLiteral("Procedure.category.coding[0].code");
const auto CodeSystem = QStringLiteral("Procedure.code.coding[0].system");
const auto CodeCode = QStringLiteral("Procedure.code.coding[0].code");
const auto CodeDisplay = QStringLiteral("Procedure.code.coding[0].display");
const auto Subject = QStringLiteral("Procedure.subject.reference");
const auto Encounter = QStringLiteral("Procedure.encounter.reference");
const auto PerformedDateTime = QStringLiteral("Procedure.performedDateTime");
const auto PerformedPeriod = QStringLiteral("Procedure.performedPeriod");
const auto PeriodStart = QStringLiteral("Procedure.performedPeriod.start");
const auto PeriodEnd = QStringLiteral("Procedure.performedPeriod.end");
const auto Recorded = QStringLiteral("Procedure.recordedDate");
} // namespace Path

// A little slack for clocks that disagree by a few minutes.
constexpr qint64 FutureToleranceSecs = 5 * 60;
constexpr qint64 SecsPerDay = 24 * 60 * 60;

// One check per row of docs/rules.md; where the vendor's page is vague, the choice made there
// (marked "decision") is what is checked here, so change both together.
class Checker
{
    // The findings are the validator's messages: one translation context for lupdate and tr().
    Q_DECLARE_TR_FUNCTIONS(Rules::Validator)

public:
    Checker(const Model::ProcedureEntry &entry, const ValidationContext &context)
        : m_entry(entry)
        , m_context(context)
    {
        if (m_context.codeFlags && !m_entry.code.code.isEmpty())
            m_flags = m_context.codeFlags(m_entry.code.code);
    }

    Model::Findings run()
    {
        checkStatus();
        checkCategory();
        checkCode();
        checkSubject();
        checkEncounter();
        checkPerformed();
        checkRecorded();
        checkReasons();
        checkDuplicate();
        return m_findings;
    }

    bool needsPeriod() const
    {
        const CodeKind kind = CodeClassifier::classify(m_entry.code.code);
        return kind == CodeKind::CptAnesthesia ||
               (m_flags && m_flags->anesthesia && CodeClassifier::isCpt(kind));
    }

private:
    void error(const QString &code, const QString &path, const QString &message)
    {
        m_findings.append({code, Model::Severity::Error, path, message});
    }

    void warning(const QString &code, const QString &path, const QString &message)
    {
        m_findings.append({code, Model::Severity::Warning, path, message});
    }

    /// When the line starts: the performed time, or the anesthesia start.
    static QDateTime startOf(const Model::ProcedureEntry &entry)
    {
        return entry.usesPeriod() ? entry.performedPeriod.start : entry.performedDateTime;
    }

    void checkDuplicate()
    {
        const QDateTime start = startOf(m_entry);
        if (m_entry.code.code.isEmpty() || !start.isValid())
            return;
        for (const auto &other : m_context.encounterLines) {
            if (other.code.code.compare(m_entry.code.code, Qt::CaseInsensitive) != 0 ||
                startOf(other) != start)
                continue;
            // A warning, not an error: the same code at the same time can be right (both knees).
            warning(Code::DuplicateRecord, Path::CodeCode,
                    tr("%1 at %2 is already on this encounter; the EHR may refuse it as a duplicate. Submit "
                       "it again only if it was done twice.")
                        .arg(m_entry.code.code, start.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
            return;
        }
    }

    void checkStatus()
    {
        if (m_entry.status.isEmpty())
            error(Code::MissingStatus, Path::Status,
                  tr("Status is missing; use completed or entered-in-error."));
        else if (m_entry.status != QLatin1String(Model::Status::Completed) &&
                 m_entry.status != QLatin1String(Model::Status::EnteredInError))
            error(Code::InvalidStatus, Path::Status,
                  tr("Status \"%1\" is not allowed; use completed or entered-in-error.").arg(m_entry.status));
    }

    void checkCategory()
    {
        if (!m_entry.category || m_entry.category->isEmpty())
            return;
        const Model::Coding &category = *m_entry.category;
        if (category.system != QLatin1String(Model::Systems::Snomed))
            error(Code::ValidationFailed, Path::CategorySystem,
                  tr("Category must be coded in SNOMED CT (%1).").arg(QLatin1String(Model::Systems::Snomed)));
        else if (!findCategory(category.code))
            error(Code::ValidationFailed, Path::CategoryCode,
                  tr("Category %1 is not one of the EHR's procedure categories.").arg(category.code));
    }

    void checkCode()
    {
        const Model::Coding &code = m_entry.code;
        if (code.code.isEmpty()) {
            error(Code::InvalidProcedureCode, Path::CodeCode, tr("A CPT code is required."));
        } else {
            const CodeKind kind = CodeClassifier::classify(code.code);
            if (kind == CodeKind::CdtDental || (m_flags && m_flags->dental))
                error(Code::DentalCptNotAllowed, Path::CodeCode,
                      tr("%1 is a dental code; dental codes cannot be on this superbill.").arg(code.code));
            else if (kind == CodeKind::HcpcsLevelII)
                error(Code::InvalidProcedureCode, Path::CodeCode,
                      tr("%1 is an HCPCS Level II code; the EHR accepts only CPT codes.").arg(code.code));
            else if (kind == CodeKind::Malformed)
                error(Code::InvalidProcedureCode, Path::CodeCode,
                      tr("\"%1\" is not a CPT code (five digits, or four digits and F, T or U).")
                          .arg(code.code));
            else if (m_flags && m_flags->inactive)
                warning(Code::CodeInactive, Path::CodeCode,
                        tr("%1 is inactive in the code catalog; check that it is still billable.")
                            .arg(code.code));
        }
        if (code.system.isEmpty())
            error(Code::InvalidProcedureCode, Path::CodeSystem,
                  tr("The code system is missing; it must be CPT (%1).")
                      .arg(QLatin1String(Model::Systems::Cpt)));
        else if (code.system != QLatin1String(Model::Systems::Cpt))
            error(Code::InvalidProcedureCode, Path::CodeSystem,
                  tr("Code system %1 is not accepted; only CPT (%2) is.")
                      .arg(code.system, QLatin1String(Model::Systems::Cpt)));
        if (code.display.trimmed().isEmpty())
            error(Code::CptDescriptionRequired, Path::CodeDisplay, tr("The CPT code needs its description."));
    }

    void checkSubject()
    {
        if (m_entry.subject.isEmpty()) {
            error(Code::InvalidSubject, Path::Subject, tr("The patient is missing."));
            return;
        }
        if (!m_entry.subject.isLiteralTo(QStringLiteral("Patient"))) {
            error(Code::InvalidSubject, Path::Subject,
                  tr("\"%1\" is not a patient reference like Patient/123.").arg(m_entry.subject.reference));
            return;
        }
        if (m_context.patientExists == false)
            error(Code::PatientNotFound, Path::Subject,
                  tr("Patient %1 does not exist in the EHR.").arg(m_entry.subject.id()));
    }

    void checkEncounter()
    {
        if (m_entry.encounter.isEmpty()) {
            error(Code::InvalidEncounter, Path::Encounter, tr("The encounter is missing."));
            return;
        }
        if (!m_entry.encounter.isLiteralTo(QStringLiteral("Encounter"))) {
            error(Code::InvalidEncounter, Path::Encounter,
                  tr("\"%1\" is not an encounter reference like Encounter/123.")
                      .arg(m_entry.encounter.reference));
            return;
        }
        if (!m_context.encounter)
            return;
        const EncounterFacts &facts = *m_context.encounter;
        const QString id = m_entry.encounter.id();
        if (!facts.exists) {
            error(Code::EncounterNotFound, Path::Encounter,
                  tr("Encounter %1 does not exist in the EHR.").arg(id));
        } else if (!facts.patientId.isEmpty() && m_entry.subject.isLiteralTo(QStringLiteral("Patient")) &&
                   facts.patientId != m_entry.subject.id()) {
            error(Code::EncounterNotFound, Path::Encounter,
                  tr("Encounter %1 is not an encounter of patient %2.").arg(id, m_entry.subject.id()));
        } else {
            checkEncounterState(id, facts.state);
        }
    }

    void checkEncounterState(const QString &id, const Model::EncounterState &state)
    {
        switch (state.admission()) {
        case Model::ProcedureAdmission::Accepted:
            break;
        case Model::ProcedureAdmission::Billed:
            error(Code::EncounterBilled, Path::Encounter,
                  tr("Encounter %1 is already billed; procedures can no longer be added to it.").arg(id));
            break;
        case Model::ProcedureAdmission::SignedOff:
            error(Code::EncounterSignedOff, Path::Encounter,
                  tr("Encounter %1 is signed off; procedures can no longer be added to it.").arg(id));
            break;
        case Model::ProcedureAdmission::NotInProgress:
            error(Code::EncounterSignedOff, Path::Encounter,
                  tr("Encounter %1 has status \"%2\"; procedures can be added only while it is in progress.")
                      .arg(id, Model::encounterStatusCode(state.status)));
            break;
        }
    }

    /// An error for a wall-clock time the value's zone skips; true when there was one.
    bool reportSkippedTime(const QDateTime &value, const QString &path)
    {
        if (!Fhir::isSkippedLocalTime(value))
            return false;
        error(Code::InvalidPerformed, path,
              tr("%1 %2 does not exist in %3: the clocks were put forward at that hour. Check the time.")
                  .arg(value.date().toString(Qt::ISODate), value.time().toString(QStringLiteral("HH:mm")),
                       QString::fromUtf8(value.timeZone().id())));
        return true;
    }

    void warnIfRepeatedTime(const QDateTime &value, const QString &path)
    {
        if (Fhir::isRepeatedLocalTime(value))
            warning(Code::LocalTimeRepeated, path,
                    tr("%1 %2 happens twice in %3 (the clocks were put back); it is sent as %4. Check that "
                       "this is the right one of the two.")
                        .arg(value.date().toString(Qt::ISODate),
                             value.time().toString(QStringLiteral("HH:mm")),
                             QString::fromUtf8(value.timeZone().id()), Fhir::formatDateTime(value)));
    }

    void requireOffset(const QDateTime &value, const QString &path)
    {
        if (value.isValid() && !Fhir::hasExplicitOffset(value))
            error(Code::InvalidPerformed, path,
                  tr("The time has no timezone offset; give one, e.g. -05:00."));
    }

    void warnIfFuture(const QDateTime &value, const QString &path)
    {
        if (m_context.now.isValid() && value.isValid() && Fhir::hasExplicitOffset(value) &&
            m_context.now.secsTo(value) > FutureToleranceSecs)
            warning(Code::PerformedInFuture, path,
                    tr("This time is in the future; check the date and the time zone."));
    }

    void checkPerformed()
    {
        const CodeKind kind = CodeClassifier::classify(m_entry.code.code);
        if (needsPeriod()) {
            checkAnesthesiaPeriod();
            return;
        }
        if (m_entry.usesPeriod()) {
            // A period on a code whose kind is unknown is checked for shape only.
            if (!CodeClassifier::isCpt(kind)) {
                checkPeriodShape(Code::InvalidPerformed);
                return;
            }
            error(Code::InvalidPerformed, Path::PerformedDateTime,
                  tr("%1 is not an anesthesia code: give performedDateTime, the start of the procedure, "
                     "instead of a period.")
                      .arg(m_entry.code.code));
            return;
        }
        if (reportSkippedTime(m_entry.performedDateTime, Path::PerformedDateTime))
            return;
        if (!m_entry.performedDateTime.isValid()) {
            error(Code::InvalidPerformed, Path::PerformedDateTime,
                  tr("The performed date and time is required."));
            return;
        }
        requireOffset(m_entry.performedDateTime, Path::PerformedDateTime);
        warnIfRepeatedTime(m_entry.performedDateTime, Path::PerformedDateTime);
        warnIfFuture(m_entry.performedDateTime, Path::PerformedDateTime);
    }

    void checkAnesthesiaPeriod()
    {
        if (!m_entry.usesPeriod()) {
            error(Code::AnestheticPeriodRequired, Path::PerformedPeriod,
                  tr("%1 is an anesthesia code: give the anesthesia start and end (performedPeriod) "
                     "instead of a single time.")
                      .arg(m_entry.code.code));
            return;
        }
        checkPeriodShape(Code::AnestheticPeriodRequired);
    }

    void checkPeriodShape(const QString &missingCode)
    {
        const Model::Period &period = m_entry.performedPeriod;
        if (!reportSkippedTime(period.start, Path::PeriodStart) && !period.start.isValid())
            error(missingCode, Path::PeriodStart, tr("The anesthesia start time is required."));
        if (!reportSkippedTime(period.end, Path::PeriodEnd) && !period.end.isValid())
            error(missingCode, Path::PeriodEnd, tr("The anesthesia end time is required."));
        requireOffset(period.start, Path::PeriodStart);
        requireOffset(period.end, Path::PeriodEnd);
        warnIfRepeatedTime(period.start, Path::PeriodStart);
        warnIfRepeatedTime(period.end, Path::PeriodEnd);
        if (!period.start.isValid() || !period.end.isValid())
            return;
        const qint64 seconds = period.start.secsTo(period.end);
        if (seconds < 0)
            error(Code::InvalidPeriodRange, Path::PeriodEnd, tr("The end is before the start."));
        else if (seconds == 0)
            warning(Code::AnesthesiaZeroMinutes, Path::PeriodEnd, tr("Start and end are the same time."));
        else if (seconds > SecsPerDay)
            warning(Code::AnesthesiaOverADay, Path::PeriodEnd,
                    tr("The anesthesia lasted %1 hours; check the start and end.").arg(seconds / 3600));
        warnIfFuture(period.start, Path::PeriodStart);
    }

    QDateTime performedStart() const
    {
        return m_entry.usesPeriod() ? m_entry.performedPeriod.start : m_entry.performedDateTime;
    }

    void checkRecorded()
    {
        const QDateTime &recorded = m_entry.recordedDate;
        // Otherwise the writer would leave out a recorded date the person did give.
        if (reportSkippedTime(recorded, Path::Recorded) || !recorded.isValid())
            return;
        if (!Fhir::hasExplicitOffset(recorded)) {
            error(Code::InvalidPerformed, Path::Recorded,
                  tr("The recorded date has no timezone offset; give one."));
            return;
        }
        warnIfRepeatedTime(recorded, Path::Recorded);
        const QDateTime performed = performedStart();
        if (performed.isValid() && Fhir::hasExplicitOffset(performed) && recorded < performed)
            warning(Code::RecordedBeforePerformed, Path::Recorded,
                    tr("The recorded date is before the procedure was performed."));
        warnIfFuture(recorded, Path::Recorded);
    }

    void checkReasons()
    {
        QSet<QString> seen;
        for (qsizetype i = 0; i < m_entry.reasonReferences.size(); ++i) {
            const Model::Reference &reason = m_entry.reasonReferences.at(i);
            // Only a finding needs the path: most lines have none, and it costs a string each.
            const auto path = [i] { return reasonReferencePath(i); };
            if (!reason.isLiteralTo(u"Condition")) {
                error(Code::InvalidReason, path(),
                      reason.isEmpty() ? tr("The linked diagnosis is empty.")
                                       : tr("\"%1\" is not a diagnosis reference like Condition/123.")
                                             .arg(reason.reference));
                continue;
            }
            const QString id = reason.id();
            if (seen.contains(id)) {
                // Named as a person knows it (its code) when the caller can say.
                error(Code::DuplicateIcd, path(),
                      tr("Diagnosis %1 is linked twice.").arg(m_context.conditionNames.value(id, id)));
                continue;
            }
            seen.insert(id);
            if (m_context.patientConditionIds && !m_context.patientConditionIds->contains(id))
                error(Code::ReferencedIcdMissing, path(),
                      tr("Diagnosis %1 is not among the patient's diagnoses.").arg(id));
        }
    }

    const Model::ProcedureEntry &m_entry;
    const ValidationContext &m_context;
    std::optional<CodeFlags> m_flags;
    Model::Findings m_findings;
};

} // namespace

Model::Findings Validator::check(const Model::ProcedureEntry &entry, const ValidationContext &context)
{
    return Checker(entry, context).run();
}

bool Validator::needsPeriod(const Model::ProcedureEntry &entry, const ValidationContext &context)
{
    return Checker(entry, context).needsPeriod();
}

QString reasonReferencePath(qsizetype index)
{
    return QStringLiteral("Procedure.reasonReference[%1].reference").arg(index);
}

} // namespace Rules
