#pragma once

#include <optional>

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Model {

namespace Systems {
inline constexpr auto Cpt = "http://www.ama-assn.org/go/cpt";
inline constexpr auto Snomed = "http://snomed.info/sct";
inline constexpr auto Rfc3986 = "urn:ietf:rfc:3986";
inline constexpr auto UsCoreProcedureProfile =
    "http://hl7.org/fhir/us/core/StructureDefinition/us-core-procedure";
} // namespace Systems

namespace Status {
inline constexpr auto Completed = "completed";
inline constexpr auto EnteredInError = "entered-in-error";
} // namespace Status

struct Coding
{
    QString system;
    QString version;
    QString code;
    QString display;

    bool isEmpty() const
    {
        return system.isEmpty() && version.isEmpty() && code.isEmpty() && display.isEmpty();
    }
    friend bool operator==(const Coding &, const Coding &) = default;
};

/// True for a FHIR id: 1 to 64 of A-Z, a-z, 0-9, "-" and ".", and nothing else.
bool isFhirId(QStringView id);

/// A FHIR literal reference such as "Patient/Patient-265".
struct Reference
{
    QString reference;

    static Reference to(const QString &type, const QString &id) { return {type + u'/' + id}; }
    /// "Patient" for "Patient/Patient-265"; empty when the reference has no type part.
    QString type() const;
    /// "Patient-265" for "Patient/Patient-265"; empty when the reference has no id part.
    QString id() const;
    /// True for exactly "<type>/<id>" with a FHIR id ([A-Za-z0-9\-\.]{1,64}).
    bool isLiteralTo(QStringView expectedType) const;
    bool isEmpty() const { return reference.isEmpty(); }
    friend bool operator==(const Reference &, const Reference &) = default;
};

struct Identifier
{
    QString system;
    QString value;

    bool isEmpty() const { return system.isEmpty() && value.isEmpty(); }
    friend bool operator==(const Identifier &, const Identifier &) = default;
};

/// An anesthesia time span. Each end is a QDateTime with an offset or a time zone.
struct Period
{
    QDateTime start;
    QDateTime end;

    bool isEmpty() const { return !start.isValid() && !end.isValid(); }
    /// Whole minutes from start to end, or nullopt when either end is missing.
    std::optional<qint64> minutes() const;
    friend bool operator==(const Period &, const Period &) = default;
};

/**
 * One superbill procedure line as the person entered it, or as a Procedure
 * resource said it. Values are kept as given, valid or not, so that the
 * validator can say what is wrong with them; date-times without a zone keep
 * Qt::LocalTime as their time spec, which the validator reports.
 */
struct ProcedureEntry
{
    QString id; ///< assigned by the EHR
    QStringList profiles;
    QString status;
    std::optional<Coding> category;
    Coding code; ///< the CPT coding (code.coding[0])
    Reference subject;
    Reference encounter;
    QDateTime performedDateTime;
    Period performedPeriod;
    QDateTime recordedDate;
    QList<Reference> reasonReferences; ///< linked diagnoses, in the order given
    QList<Identifier> identifiers;

    /// The identifier this client gave the line (system urn:ietf:rfc:3986), if any.
    std::optional<Identifier> clientIdentifier() const;
    bool usesPeriod() const { return !performedPeriod.isEmpty(); }

    /// What the app fills in when the user gives nothing: status completed, the
    /// US Core profile, a fresh urn:uuid client identifier.
    void fillDefaults();

    static Identifier newClientIdentifier();

    friend bool operator==(const ProcedureEntry &, const ProcedureEntry &) = default;
};

} // namespace Model

Q_DECLARE_METATYPE(Model::ProcedureEntry)
