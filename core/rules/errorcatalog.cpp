#include "errorcatalog.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

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

} // namespace Rules
