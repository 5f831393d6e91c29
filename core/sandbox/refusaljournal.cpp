#include "refusaljournal.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "fhir/datetime.h"
#include "fhir/extensions.h"
#include "fhir/operationoutcome.h"
#include "fhirapi.h"

namespace Sandbox {

void RefusalJournal::note(const HttpRequest &request, const HttpResponse &response, const QDateTime &now)
{
    if (request.method != "POST" || request.path != u"Procedure" || response.status < 400 ||
        response.ehrCode.isEmpty())
        return;
    QJsonObject procedure = QJsonDocument::fromJson(request.body).object();
    if (procedure.value(QStringLiteral("resourceType")).toString() != u"Procedure")
        return;
    QStringList codes;
    if (const auto outcome = ::Fhir::readOperationOutcome(response.body); outcome.ok()) {
        for (const auto &issue : outcome->issues)
            codes += issue.detailCodes;
    }
    if (codes.isEmpty())
        codes.append(response.ehrCode);
    codes.removeDuplicates();
    QJsonArray tags;
    for (const QString &code : std::as_const(codes))
        tags.append(QJsonObject{{QStringLiteral("system"), QLatin1String(::Fhir::Urls::SandboxRefusalTag)},
                                {QStringLiteral("code"), code}});
    procedure.remove(QStringLiteral("id"));
    procedure.insert(QStringLiteral("meta"),
                     QJsonObject{{QStringLiteral("lastUpdated"), ::Fhir::formatDateTime(now.toUTC())},
                                 {QStringLiteral("tag"), tags}});
    if (m_entries.size() >= MaxEntries)
        m_entries.removeFirst();
    m_entries.append(procedure);
}

HttpResponse RefusalJournal::bundle() const
{
    QJsonArray entries;
    for (const QJsonObject &procedure : m_entries)
        entries.append(QJsonObject{
            {QStringLiteral("resource"), procedure},
            {QStringLiteral("search"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("match")}}}});
    QJsonObject bundle{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("type"), QStringLiteral("searchset")},
                       {QStringLiteral("total"), m_entries.size()}};
    if (!entries.isEmpty())
        bundle.insert(QStringLiteral("entry"), entries);
    return FhirApi::json(200, bundle);
}

} // namespace Sandbox
