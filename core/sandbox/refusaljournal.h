#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include "httpmessage.h"

namespace Sandbox {

/**
 * The Procedures the training EHR refused, oldest first, so that a drill can
 * check that a line was refused with the code it expects: nothing of a
 * refusal is stored anywhere else. Each entry is the Procedure as it was
 * sent, with meta.tag (system Fhir::Urls::SandboxRefusalTag) naming each EHR
 * code of the answer and meta.lastUpdated the time. Kept in memory, emptied
 * by a reset, and capped so that a client looping on a refusal cannot grow it
 * without end.
 */
class RefusalJournal
{
public:
    static constexpr qsizetype MaxEntries = 1000;

    /// Notes the answer to a POST of a Procedure when it refused it with EHR codes.
    void note(const HttpRequest &request, const HttpResponse &response, const QDateTime &now);
    void clear() { m_entries.clear(); }
    const QList<QJsonObject> &entries() const { return m_entries; }

    /// The answer to GET $sandbox-refusals: a searchset Bundle of the entries.
    HttpResponse bundle() const;

private:
    QList<QJsonObject> m_entries;
};

} // namespace Sandbox
