#include "localizedtext.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Drills {

QString LocalizedText::text(const QString &language) const
{
    if (language.startsWith(QLatin1String("es")) && !es.isEmpty())
        return es;
    return en;
}

Common::Result<LocalizedText> LocalizedText::fromJson(const QJsonValue &value, const QString &path)
{
    const auto invalid = [&path] {
        return Common::makeError(
            QStringLiteral("invalid"),
            QCoreApplication::translate(
                "Drills::LocalizedText",
                "give a text, or {\"en\": \"...\", \"es\": \"...\"} with the English one"),
            path);
    };
    if (value.isString()) {
        if (value.toString().trimmed().isEmpty())
            return invalid();
        return LocalizedText{value.toString(), {}};
    }
    if (!value.isObject())
        return invalid();
    const QJsonObject object = value.toObject();
    const QJsonValue en = object.value(QStringLiteral("en"));
    const QJsonValue es = object.value(QStringLiteral("es"));
    if (!en.isString() || en.toString().trimmed().isEmpty() || (!es.isUndefined() && !es.isString()))
        return invalid();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != u"en" && it.key() != u"es")
            return Common::makeError(
                QStringLiteral("invalid"),
                QCoreApplication::translate("Drills::LocalizedText", "unknown language \"%1\"; use en and es")
                    .arg(it.key()),
                path);
    }
    return LocalizedText{en.toString(), es.toString()};
}

} // namespace Drills
