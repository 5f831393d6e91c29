#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "common/result.h"
#include "model/procedureentry.h"

namespace Fhir {

/**
 * A FHIR token search on identifier, the one definition the EHR client (which writes searches
 * and If-None-Exist) and the training EHR (which reads them) share: "system|value", "|value"
 * (identifiers without a system), "value" (any system) or "system|" (any value of that system).
 * A '|', ',', '$' or '\' inside a part is escaped with '\' as FHIR search requires, and the
 * whole is percent-encoded on the wire, so a value from a file cannot end the parameter or
 * change what it matches.
 */
struct IdentifierToken
{
    std::optional<QString> system; ///< nullopt: any system; empty: identifiers that have none
    QString value;                 ///< empty: any value of `system`

    /// Exactly this identifier (its system, its value).
    static IdentifierToken of(const Model::Identifier &identifier);
    /// A parameter value the HTTP layer has already percent-decoded.
    static IdentifierToken parse(const QString &text);
    /// An If-None-Exist header, "identifier=<token>" percent-encoded as a URL query. Refused when
    /// it names another parameter, or has no value (a bare "system|" would match every record).
    static Common::Result<IdentifierToken> fromIfNoneExist(const QByteArray &header);

    /// "system|value" with FHIR's escapes, not yet percent-encoded.
    QString toParameter() const;
    /// toParameter() percent-encoded, for a URL query.
    QByteArray toQueryValue() const;
    /// "identifier=<toQueryValue()>", for the If-None-Exist header of a conditional create.
    QByteArray toIfNoneExist() const;

    /// True when neither system nor value narrows the search: it would match every identifier.
    bool isUnrestricted() const { return !system && value.isEmpty(); }
    bool matches(const QString &identifierSystem, const QString &identifierValue) const;
    /// True when one of the resource's identifier[] elements matches.
    bool matchesAnyOf(const QJsonObject &resource) const;

    friend bool operator==(const IdentifierToken &, const IdentifierToken &) = default;
};

} // namespace Fhir
