#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Superbill {

/**
 * Where each value of a JSON document starts, as a 1-based line number, keyed by its JSON
 * pointer ("/sections/0/codes/2"). QJsonDocument forgets positions, and a person fixing a
 * template needs FILE:LINE for every problem, not only for a syntax error.
 */
class JsonLines
{
public:
    /// Indexes a document that QJsonDocument has already accepted.
    explicit JsonLines(const QByteArray &json);

    /// The line of the value at pointer; 0 when there is none.
    int lineOf(const QString &pointer) const { return m_lines.value(pointer); }

    /// The 1-based line of a byte offset (e.g. QJsonParseError::offset).
    static int lineAt(const QByteArray &data, qsizetype offset);

private:
    void value(const QString &pointer);
    void skipSpace();
    QString string();

    const QByteArray &m_json;
    qsizetype m_pos = 0;
    int m_line = 1;
    QHash<QString, int> m_lines;
};

} // namespace Superbill
