#include "identifiertoken.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

namespace Fhir {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Fhir::IdentifierToken)
};

bool isEscaped(QChar c)
{
    return c == u'\\' || c == u'|' || c == u',' || c == u'$';
}

QString escaped(const QString &part)
{
    QString out;
    out.reserve(part.size());
    for (const QChar c : part) {
        if (isEscaped(c))
            out += u'\\';
        out += c;
    }
    return out;
}

} // namespace

IdentifierToken IdentifierToken::of(const Model::Identifier &identifier)
{
    return {identifier.system, identifier.value};
}

IdentifierToken IdentifierToken::parse(const QString &text)
{
    // Split at the first '|' that is not escaped, removing the escapes on the way; a backslash
    // before any other character is kept as it is, as servers that do not escape would send it.
    QString parts[2];
    int part = 0;
    bool bar = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size() && isEscaped(text.at(i + 1))) {
            parts[part] += text.at(++i);
        } else if (c == u'|' && !bar) {
            bar = true;
            part = 1;
        } else {
            parts[part] += c;
        }
    }
    if (!bar)
        return {std::nullopt, parts[0]};
    return {parts[0], parts[1]};
}

Common::Result<IdentifierToken> IdentifierToken::fromIfNoneExist(const QByteArray &header)
{
    const auto items = QUrlQuery(QString::fromUtf8(header)).queryItems(QUrl::FullyDecoded);
    if (items.size() != 1 || items.at(0).first != u"identifier")
        return Common::makeError(QStringLiteral("invalid"),
                                 Text::tr("If-None-Exist must be identifier=<system>|<value>."),
                                 QStringLiteral("If-None-Exist"));
    IdentifierToken token = parse(items.at(0).second);
    if (token.value.isEmpty())
        return Common::makeError(QStringLiteral("invalid"),
                                 Text::tr("If-None-Exist must be identifier=<system>|<value>, with a value."),
                                 QStringLiteral("If-None-Exist"));
    return token;
}

QString IdentifierToken::toParameter() const
{
    return system ? escaped(*system) + u'|' + escaped(value) : escaped(value);
}

QByteArray IdentifierToken::toQueryValue() const
{
    // ':', '/' and the separating '|' stay readable in URLs and logs (a '|' inside a part is already
    // escaped); everything that means something in a query, such as '&', '#', '+' or '%', is encoded.
    return QUrl::toPercentEncoding(toParameter(), ":/|");
}

QByteArray IdentifierToken::toIfNoneExist() const
{
    return QByteArrayLiteral("identifier=") + toQueryValue();
}

bool IdentifierToken::matches(const QString &identifierSystem, const QString &identifierValue) const
{
    if (system && identifierSystem != *system)
        return false;
    return value.isEmpty() ? system.has_value() : identifierValue == value;
}

bool IdentifierToken::matchesAnyOf(const QJsonObject &resource) const
{
    const QJsonArray identifiers = resource.value(QStringLiteral("identifier")).toArray();
    return std::any_of(identifiers.begin(), identifiers.end(), [this](const QJsonValue &item) {
        const QJsonObject identifier = item.toObject();
        return matches(identifier.value(QStringLiteral("system")).toString(),
                       identifier.value(QStringLiteral("value")).toString());
    });
}

} // namespace Fhir
