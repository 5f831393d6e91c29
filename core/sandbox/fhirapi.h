#pragma once

#include <memory>

#include <QJsonObject>
#include <QUrl>

#include "demodata.h"
#include "httpmessage.h"
#include "procedurestore.h"

namespace Common {
class Clock;
}

namespace Sandbox {

/**
 * The FHIR R4 interactions of the training EHR, free of any HTTP library:
 * an HttpRequest in, an HttpResponse out. POST Procedure reads the body with
 * Rules::checkProcedureDocument given everything the EHR knows (the patient,
 * the encounter's state, the patient's diagnoses), then checks what only the
 * server can (the same procedure already recorded, conditional create), and
 * answers as the vendor's page says.
 */
class FhirApi
{
public:
    static constexpr qsizetype MaxBodySize = 1024 * 1024;

    FhirApi(const DemoData *data, ProcedureStore *store);

    void setData(const DemoData *data) { m_data = data; }
    /// Where "now" comes from for the rules and the stored times; not owned; nullptr: the system clock.
    void setClock(const Common::Clock *clock);
    void setBaseUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }
    /// rest.security of the CapabilityStatement (how to sign in).
    void setSecurity(const QJsonObject &security) { m_security = security; }

    HttpResponse handle(const HttpRequest &request);

    static HttpResponse outcome(int status, const QString &issueType, const QString &ehrCode,
                                const QString &text, const QString &expression = {});
    static HttpResponse json(int status, const QJsonObject &body);

private:
    HttpResponse metadata() const;
    HttpResponse read(const QString &type, const QString &id) const;
    HttpResponse search(const QString &type, const HttpRequest &request) const;
    HttpResponse createProcedure(const HttpRequest &request);
    HttpResponse bundle(const QString &type, const QList<QJsonObject> &matches,
                        const HttpRequest &request) const;

    QString resourceUrl(const QString &type, const QString &id) const;

    const DemoData *m_data;
    ProcedureStore *m_store;
    const Common::Clock *m_clock;
    QUrl m_baseUrl;
    QJsonObject m_security;
};

} // namespace Sandbox
