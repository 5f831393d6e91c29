#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace Rules {

/// What the app does about an EHR error code.
enum class ErrorClass
{
    NeedsCorrection, ///< a person must change the entry; never retried as is
    Retry,           ///< a server-side fault; the same request may succeed later
    AlreadyRecorded, ///< the EHR already has the record
    Authorization,   ///< credentials are missing, wrong or lack permission
    Warning,         ///< this app's own advice; never sent by the EHR
};

QString errorClassName(ErrorClass errorClass);

struct ErrorInfo
{
    QString code;
    QString name;     ///< e.g. ANESTHETIC_PERIOD_REQUIRED
    QString message;  ///< the vendor's message, verbatim
    QString resource; ///< the FHIR resource (or area) the code belongs to
    ErrorClass errorClass = ErrorClass::NeedsCorrection;
    bool known = false;
};

/**
 * Every error code the EHR's API page lists (for all its resources), with the
 * vendor's name and message and the class this app gives it, read from the
 * data file resources/errors/ehr-error-codes.json compiled into the library.
 * The vendor lists a few codes twice with two meanings (CON003, VIT008,
 * VIT009); lookup() returns the first and meanings() all of them.
 */
class ErrorCatalog
{
public:
    static const ErrorCatalog &instance();

    /// Known codes as listed; an unknown code gets a readable message and NeedsCorrection,
    /// because retrying what nobody understands would repeat it forever.
    ErrorInfo lookup(const QString &code) const;
    QList<ErrorInfo> meanings(const QString &code) const;
    bool contains(const QString &code) const { return m_byCode.contains(code); }
    /// The EHR's codes in the order of the vendor's page (without this app's own).
    const QList<ErrorInfo> &ehrCodes() const { return m_ehrCodes; }
    const QList<ErrorInfo> &appCodes() const { return m_appCodes; }

    /// "500032 ANESTHETIC_PERIOD_REQUIRED: Period start and end ..." for logs and tooltips.
    QString describe(const QString &code) const;
    /// What a person does about a finding with this code, in a sentence ("Remove the dental code;
    /// dental work is billed elsewhere."), translated; empty when the finding's own message says it.
    static QString whatToDo(const QString &code);

private:
    ErrorCatalog();
    QList<ErrorInfo> m_ehrCodes;
    QList<ErrorInfo> m_appCodes;
    QMultiHash<QString, qsizetype> m_byCode; // index into all(), ehr codes first
    QList<ErrorInfo> m_all;
};

} // namespace Rules
