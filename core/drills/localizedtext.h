#pragma once

#include <QJsonValue>
#include <QString>

#include "common/result.h"

namespace Drills {

/// A text a trainer wrote in English and, optionally, in Spanish.
struct LocalizedText
{
    QString en;
    QString es;

    /// The Spanish text for a language starting with "es" when there is one, else the English.
    QString text(const QString &language) const;
    bool isEmpty() const { return en.isEmpty(); }

    /// A string, or an object {"en": ..., "es": ...} with "en" required; path names it in errors.
    static Common::Result<LocalizedText> fromJson(const QJsonValue &value, const QString &path);

    friend bool operator==(const LocalizedText &, const LocalizedText &) = default;
};

} // namespace Drills
