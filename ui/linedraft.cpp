#include "linedraft.h"

#include <cstdlib>

#include <QChar>
#include <QSet>

#include "rules/categories.h"

namespace Ui {

QString DiagnosisOption::label() const
{
    if (code.isEmpty() && display.isEmpty())
        return id;
    if (display.isEmpty())
        return code;
    if (code.isEmpty())
        return display;
    return code + QStringLiteral(" — ") + display;
}

const DiagnosisOption *EncounterContext::diagnosis(const QString &id) const
{
    for (const auto &option : diagnoses) {
        if (option.id == id)
            return &option;
    }
    return nullptr;
}

Model::ProcedureEntry LineDraft::toEntry(const EncounterContext &encounter, bool withPeriod) const
{
    Model::ProcedureEntry entry;
    entry.id = ehrId;
    entry.status = status;
    if (!categoryCode.isEmpty()) {
        Model::Coding category{QLatin1String(Model::Systems::Snomed), {}, categoryCode, {}};
        if (const auto *known = Rules::findCategory(categoryCode))
            category.display = known->display;
        entry.category = category;
    }
    entry.code = {QLatin1String(Model::Systems::Cpt), version, code.trimmed(), display.trimmed()};
    if (!encounter.patientId.isEmpty())
        entry.subject = Model::Reference::to(QStringLiteral("Patient"), encounter.patientId);
    if (!encounter.encounterId.isEmpty())
        entry.encounter = Model::Reference::to(QStringLiteral("Encounter"), encounter.encounterId);
    if (withPeriod)
        entry.performedPeriod = {periodStart, periodEnd};
    else
        entry.performedDateTime = performed;
    entry.recordedDate = recorded;
    for (const auto &id : diagnosisIds)
        entry.reasonReferences.append(Model::Reference::to(QStringLiteral("Condition"), id));
    entry.identifiers = identifiers;
    entry.fillDefaults();
    return entry;
}

LineDraft LineDraft::fromEntry(const Model::ProcedureEntry &entry, const QTimeZone &zone)
{
    const auto inZone = [&zone](const QDateTime &value) {
        return value.isValid() && zone.isValid() ? value.toTimeZone(zone) : value;
    };
    LineDraft draft;
    draft.code = entry.code.code;
    draft.display = entry.code.display;
    draft.version = entry.code.version;
    draft.categoryCode = entry.category ? entry.category->code : QString();
    draft.status = entry.status;
    draft.performed = inZone(entry.performedDateTime);
    draft.periodStart = inZone(entry.performedPeriod.start);
    draft.periodEnd = inZone(entry.performedPeriod.end);
    draft.recorded = inZone(entry.recordedDate);
    for (const auto &reason : entry.reasonReferences)
        draft.diagnosisIds.append(reason.id().isEmpty() ? reason.reference : reason.id());
    draft.identifiers = entry.identifiers;
    draft.ehrId = entry.id;
    return draft;
}

namespace {

/// The Validator context for this encounter (facts, diagnoses, catalog flags, now).
Rules::ValidationContext validationContext(const EncounterContext &encounter,
                                           const Rules::CodeFlagsLookup &codeFlags, const QDateTime &nowUtc)
{
    Rules::ValidationContext context;
    context.now = nowUtc;
    if (encounter.isValid())
        context.encounter = encounter.facts;
    for (const auto &option : encounter.diagnoses) {
        if (!option.code.isEmpty())
            context.conditionNames.insert(option.id, option.code);
    }
    if (encounter.diagnosesKnown) {
        QSet<QString> ids;
        for (const auto &option : encounter.diagnoses)
            ids.insert(option.id);
        context.patientConditionIds = ids;
    }
    context.codeFlags = codeFlags;
    return context;
}

} // namespace

LineCheck checkLine(const LineDraft &draft, const EncounterContext &encounter,
                    const Rules::CodeFlagsLookup &codeFlags, const QDateTime &nowUtc,
                    const QList<Model::ProcedureEntry> &encounterLines)
{
    Rules::ValidationContext context = validationContext(encounter, codeFlags, nowUtc);
    context.encounterLines = encounterLines;
    LineCheck check;
    check.needsPeriod = Rules::Validator::needsPeriod(draft.toEntry(encounter, false), context);
    check.entry = draft.toEntry(encounter, check.needsPeriod);
    check.findings = Rules::Validator::check(check.entry, context);
    return check;
}

qint64 estimatedTimeUnits(qint64 minutes, int unitMinutes)
{
    if (minutes <= 0 || unitMinutes <= 0)
        return 0;
    return (minutes + unitMinutes - 1) / unitMinutes;
}

namespace {

/// "−05:00" for an offset in seconds (a true minus sign).
QString signedOffset(int offset)
{
    const int minutes = std::abs(offset) / 60;
    const QChar sign = offset < 0 ? QChar(0x2212) : QChar(u'+');
    return sign + QStringLiteral("%1:%2")
                      .arg(minutes / 60, 2, 10, QChar(u'0'))
                      .arg(minutes % 60, 2, 10, QChar(u'0'));
}

/// The zone's letters for that instant ("CDT"), or empty where it has none.
QString abbreviationOf(const QDateTime &value)
{
    if (value.timeSpec() != Qt::TimeZone)
        return value.timeSpec() == Qt::UTC || value.offsetFromUtc() == 0 ? QStringLiteral("UTC") : QString();
    const QString abbreviation = value.timeZone().abbreviation(value);
    // Zones without a letter abbreviation repeat the offset ("GMT-5"); that adds nothing.
    if (!abbreviation.isEmpty() && !abbreviation.startsWith(QLatin1String("GMT")) &&
        !abbreviation.startsWith(QLatin1String("UTC")) && abbreviation.at(0).isLetter())
        return abbreviation;
    return value.offsetFromUtc() == 0 ? QStringLiteral("UTC") : QString();
}

} // namespace

QString offsetText(const QDateTime &value)
{
    if (!value.isValid())
        return {};
    const QString abbreviation = abbreviationOf(value);
    const QString offset = signedOffset(value.offsetFromUtc());
    return abbreviation.isEmpty() ? offset : offset + u' ' + abbreviation;
}

QString zoneName(const QDateTime &value)
{
    if (!value.isValid())
        return {};
    const QString abbreviation = abbreviationOf(value);
    return abbreviation.isEmpty() ? QStringLiteral("UTC") + signedOffset(value.offsetFromUtc())
                                  : abbreviation;
}

} // namespace Ui
