#include "errorcatalog.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include "model/ehrcodes.h"

static void initCoreResources()
{
    Q_INIT_RESOURCE(superbill_core_data);
}

namespace Rules {

Q_LOGGING_CATEGORY(lcErrorCatalog, "superbill.rules.errorcatalog")

namespace {

ErrorClass classFromName(const QString &name)
{
    for (const auto errorClass : {ErrorClass::NeedsCorrection, ErrorClass::Retry, ErrorClass::AlreadyRecorded,
                                  ErrorClass::Authorization, ErrorClass::Warning}) {
        if (errorClassName(errorClass) == name)
            return errorClass;
    }
    return ErrorClass::NeedsCorrection;
}

QList<ErrorInfo> readCodes(const QJsonArray &array)
{
    QList<ErrorInfo> result;
    for (const auto &item : array) {
        const QJsonObject json = item.toObject();
        result.append({json.value(QStringLiteral("code")).toString(),
                       json.value(QStringLiteral("name")).toString(),
                       json.value(QStringLiteral("message")).toString(),
                       json.value(QStringLiteral("resource")).toString(),
                       classFromName(json.value(QStringLiteral("class")).toString()), true});
    }
    return result;
}

} // namespace

QString errorClassName(ErrorClass errorClass)
{
    switch (errorClass) {
    case ErrorClass::NeedsCorrection:
        return QStringLiteral("needs-correction");
    case ErrorClass::Retry:
        return QStringLiteral("retry");
    case ErrorClass::AlreadyRecorded:
        return QStringLiteral("already-recorded");
    case ErrorClass::Authorization:
        return QStringLiteral("authorization");
    case ErrorClass::Warning:
        return QStringLiteral("warning");
    }
    return QStringLiteral("needs-correction");
}

const ErrorCatalog &ErrorCatalog::instance()
{
    static const ErrorCatalog catalog;
    return catalog;
}

ErrorCatalog::ErrorCatalog()
{
    initCoreResources();
    QFile file(QStringLiteral(":/superbill/errors/ehr-error-codes.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        // Compiled in, so this only happens with a broken build; lookups still answer.
        qCCritical(lcErrorCatalog) << "error code catalog missing from the build:" << file.errorString();
        return;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    m_ehrCodes = readCodes(root.value(QStringLiteral("codes")).toArray());
    m_appCodes = readCodes(root.value(QStringLiteral("appCodes")).toArray());
    m_all = m_ehrCodes + m_appCodes;
    // QMultiHash returns the latest insertion first, so insert backwards to keep page order.
    for (qsizetype i = m_all.size() - 1; i >= 0; --i)
        m_byCode.insert(m_all.at(i).code, i);
}

ErrorInfo ErrorCatalog::lookup(const QString &code) const
{
    const auto it = m_byCode.constFind(code);
    if (it != m_byCode.cend())
        return m_all.at(it.value());
    ErrorInfo unknown;
    unknown.code = code;
    unknown.name = QStringLiteral("UNKNOWN");
    unknown.message =
        code.isEmpty()
            ? QCoreApplication::translate("Rules::ErrorCatalog", "The EHR reported an error without a code.")
            : QCoreApplication::translate(
                  "Rules::ErrorCatalog",
                  "The EHR reported error code %1, which this version of Superbill Desk "
                  "does not know. Ask the EHR administrator what it means.")
                  .arg(code);
    return unknown;
}

QList<ErrorInfo> ErrorCatalog::meanings(const QString &code) const
{
    QList<ErrorInfo> result;
    for (auto it = m_byCode.constFind(code); it != m_byCode.cend() && it.key() == code; ++it)
        result.append(m_all.at(it.value()));
    return result;
}

QString ErrorCatalog::describe(const QString &code) const
{
    const ErrorInfo info = lookup(code);
    return info.code + u' ' + info.name + QStringLiteral(": ") + info.message;
}

QString ErrorCatalog::whatToDo(const QString &code)
{
    static const QHash<QString, const char *> actions{
        {Model::EhrCode::InvalidProcedureCode,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog",
                           "Type a CPT code, or words from its description and pick it from the list.")},
        {Model::EhrCode::CptDescriptionRequired,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog",
                           "Type the description, or pick the code from the list to fill it.")},
        {Model::EhrCode::DentalCptNotAllowed,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog",
                           "Remove the dental code; dental work is billed elsewhere.")},
        {Model::EhrCode::AnestheticPeriodRequired,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog", "Give the anesthesia start and end.")},
        {Model::EhrCode::InvalidPeriodRange,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog", "Correct the end time, or the start.")},
        {Model::EhrCode::DuplicateIcd,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog", "Unlink the second one (Delete in the list).")},
        {Model::EhrCode::ReferencedIcdMissing,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog", "Link one of the patient's own diagnoses instead.")},
        {Model::EhrCode::EncounterSignedOff,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog",
                           "Ask the clinician to reopen the encounter, or put the line on an open one.")},
        {Model::EhrCode::EncounterBilled,
         QT_TRANSLATE_NOOP(
             "Rules::ErrorCatalog",
             "Ask the billing office to reopen the encounter, or put the line on an open one.")},
        {Model::EhrCode::DuplicateRecord,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog",
                           "Check the lines already sent; submit it again only if it was done twice.")},
        {Model::EhrCode::EncounterNotFound,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog",
                           "Pick the encounter again from the patient's list (F5 reloads it).")},
        {Model::EhrCode::PatientNotFound,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog", "Search for the patient again (Ctrl+F).")},
        {Model::EhrCode::InvalidPerformed,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog", "Check the date and the time.")},
        {Model::EhrCode::RecordedBeforePerformed,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog", "Check the performed and the recorded times.")},
        {Model::EhrCode::AnesthesiaZeroMinutes,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog", "Give the time the anesthesia ended.")},
        {Model::EhrCode::CodeInactive,
         QT_TRANSLATE_NOOP("Rules::ErrorCatalog",
                           "Use the current code, or ask whether this one is still billable.")},
    };
    const char *action = actions.value(code);
    return action ? QCoreApplication::translate("Rules::ErrorCatalog", action) : QString();
}

} // namespace Rules
