#pragma once

#include <chrono>
#include <optional>

#include <QMetaType>
#include <QString>

#include "common/result.h"
#include "jobresult.h"
#include "model/finding.h"
#include "model/procedureentry.h"

namespace Ehr {

/**
 * What one POST Procedure came to, in the terms the outbox acts on. Every
 * answer, or the lack of one, becomes exactly one of these; findings from an
 * OperationOutcome are mapped through Rules::ErrorCatalog (the EHR's text
 * kept, the catalog's message when the EHR gave none).
 */
struct SubmitResult
{
    enum class Kind
    {
        Created,         ///< 201: stored now, ehrId set
        AlreadyRecorded, ///< 200 to a conditional create (ehrId set), or DUPLICATE_RECORD (ehrId empty)
        Rejected,        ///< the EHR refused the content: a person must correct it; never retried as is
        Retryable,       ///< no answer, a timeout, 5xx, 429, or a retryable EHR code: try again later
        Unauthorized,    ///< 401/403: the token is missing, expired or lacks permission
        Blocked,         ///< nothing was sent: insecure URL, TLS failure, no EHR configured
    };

    Kind kind = Kind::Retryable;
    int httpStatus = 0;
    QString ehrId;
    Model::Findings findings;
    std::optional<std::chrono::seconds> retryAfter;
    QString errorString;         ///< one sentence for a person (empty for Created)
    QString ehrCode;             ///< the EHR code that decided the kind, if any
    bool outcomeUnknown = false; ///< the EHR may have stored it although no answer came back

    bool isFinal() const
    {
        return kind == Kind::Created || kind == Kind::AlreadyRecorded || kind == Kind::Rejected;
    }

    /// Interprets the answer to a POST Procedure of the line with this client identifier. A 2xx
    /// whose body is not FHIR JSON (a proxy's page) is retryable with an unknown outcome; a 200 that
    /// returns another line's Procedure (a conditional create that ignored the identifier) is refused.
    static SubmitResult fromJob(const JobResult &job, const std::optional<Model::Identifier> &sent = {});
};

QString submitKindName(SubmitResult::Kind kind);

/// The id of a stored resource from its JSON body, or else from a Location header
/// ("…/Procedure/123/_history/1" → "123").
QString resourceIdOf(const QByteArray &body, const QByteArray &location);

/// The findings of an OperationOutcome body with the catalog's message where the EHR gave no text,
/// or why the body is not an OperationOutcome.
Common::Result<Model::Findings> outcomeFindings(const QByteArray &body);

} // namespace Ehr

Q_DECLARE_METATYPE(Ehr::SubmitResult)
