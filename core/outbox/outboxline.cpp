#include "outboxline.h"

#include <QJsonObject>

#include "fhir/procedurereader.h"

namespace Outbox {

QString lineStateName(LineState state)
{
    switch (state) {
    case LineState::Pending:
        return QStringLiteral("pending");
    case LineState::Sending:
        return QStringLiteral("sending");
    case LineState::Sent:
        return QStringLiteral("sent");
    case LineState::NeedsCorrection:
        return QStringLiteral("needs-correction");
    case LineState::Discarded:
        return QStringLiteral("discarded");
    }
    return {};
}

std::optional<LineState> lineStateFromName(const QString &name)
{
    for (const auto state : {LineState::Pending, LineState::Sending, LineState::Sent,
                             LineState::NeedsCorrection, LineState::Discarded}) {
        if (lineStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

std::optional<Model::ProcedureEntry> OutboxLine::entry() const
{
    return Fhir::ProcedureReader::read(entryJson).entry;
}

QList<Model::ProcedureEntry> entriesOnEncounter(const QList<OutboxLine> &lines, const QString &encounterId,
                                                qint64 exceptId)
{
    QList<Model::ProcedureEntry> entries;
    for (const auto &line : lines) {
        const bool onItsWay = line.state == LineState::Sent || line.state == LineState::Pending ||
                              line.state == LineState::Sending;
        if (line.id == exceptId || line.encounterId != encounterId || !onItsWay)
            continue;
        // What a duplicate is made of (the code and when the line starts) is in the listing's own
        // columns; a listing carries no FHIR JSON.
        Model::ProcedureEntry listed;
        listed.code.code = line.code;
        listed.code.display = line.display;
        listed.performedDateTime = line.performedStart;
        entries.append(listed);
    }
    return entries;
}

} // namespace Outbox
