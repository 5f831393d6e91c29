#include "codefileparser.h"

#include <array>
#include <optional>

#include <QCoreApplication>
#include <QHash>

#include "foldtext.h"

namespace Catalog {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Catalog::CodeFileParser)
};

enum class Column
{
    Code,
    Display,
    Version,
    Anesthesia,
    Dental,
    AddOn,
    Inactive
};
constexpr int ColumnCount = 7;

// Header spellings seen in code files, folded and without separators ("CPT Code" -> "cptcode").
// Display names come in order of preference, for files with both a short and a long description.
const QHash<QString, Column> &columnNames()
{
    static const QHash<QString, Column> names = [] {
        QHash<QString, Column> map;
        for (const char *name :
             {"code", "cpt", "cptcode", "procedurecode", "hcpcs", "hcpcscode", "cdt", "cdtcode"})
            map.insert(QLatin1String(name), Column::Code);
        for (const char *name : {"display", "description", "longdescription", "descriptor",
                                 "mediumdescription", "shortdescription", "desc", "name", "text", "title"})
            map.insert(QLatin1String(name), Column::Display);
        for (const char *name : {"version", "year", "codeversion", "codesystemversion", "edition"})
            map.insert(QLatin1String(name), Column::Version);
        for (const char *name : {"anesthesia", "anaesthesia", "isanesthesia"})
            map.insert(QLatin1String(name), Column::Anesthesia);
        for (const char *name : {"dental", "isdental"})
            map.insert(QLatin1String(name), Column::Dental);
        for (const char *name : {"addon", "isaddon", "addoncode"})
            map.insert(QLatin1String(name), Column::AddOn);
        for (const char *name : {"inactive", "isinactive", "deleted", "retired"})
            map.insert(QLatin1String(name), Column::Inactive);
        return map;
    }();
    return names;
}

QString headerKey(const QString &name)
{
    return foldText(name).remove(u' ');
}

int displayPreference(const QString &key)
{
    static const QStringList order = {QStringLiteral("display"),
                                      QStringLiteral("description"),
                                      QStringLiteral("longdescription"),
                                      QStringLiteral("descriptor"),
                                      QStringLiteral("mediumdescription"),
                                      QStringLiteral("shortdescription"),
                                      QStringLiteral("desc"),
                                      QStringLiteral("name"),
                                      QStringLiteral("text"),
                                      QStringLiteral("title")};
    const qsizetype index = order.indexOf(key);
    return index < 0 ? int(order.size()) : int(index);
}

QString columnLabel(Column column)
{
    switch (column) {
    case Column::Code:
        return QStringLiteral("code");
    case Column::Display:
        return QStringLiteral("display");
    case Column::Version:
        return QStringLiteral("version");
    case Column::Anesthesia:
        return QStringLiteral("anesthesia");
    case Column::Dental:
        return QStringLiteral("dental");
    case Column::AddOn:
        return QStringLiteral("add-on");
    case Column::Inactive:
        return QStringLiteral("inactive");
    }
    return {};
}

bool allDigits(QStringView text)
{
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return !text.isEmpty();
}

// A first field that is, or was meant to be, a code: the row is data, not a header.
bool looksLikeCode(const QString &field)
{
    const QString code = normalizedCode(field);
    return Rules::CodeClassifier::classify(code) != Rules::CodeKind::Malformed || allDigits(code);
}

enum class FlagValue
{
    Absent,
    Yes,
    No,
    Invalid
};

FlagValue parseFlag(const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v.isEmpty())
        return FlagValue::Absent;
    for (const char *yes : {"1", "y", "yes", "true", "x", "t"}) {
        if (v == QLatin1String(yes))
            return FlagValue::Yes;
    }
    for (const char *no : {"0", "n", "no", "false", "f", "-"}) {
        if (v == QLatin1String(no))
            return FlagValue::No;
    }
    return FlagValue::Invalid;
}

using ColumnMap = std::array<int, ColumnCount>; // field index per Column, -1 when absent

QString field(const CsvRecord &record, const ColumnMap &columns, Column column)
{
    const int index = columns[size_t(column)];
    return index >= 0 && index < record.fields.size() ? record.fields.at(index) : QString();
}

class Parser
{
public:
    Parser(const CsvTable &table, const ImportOptions &options)
        : m_table(table)
        , m_options(options)
    {
        m_columns.fill(-1);
        m_result.encoding = table.encoding;
        m_result.delimiter = table.delimiter;
    }

    ParsedCodeFile run()
    {
        for (const CsvProblem &note : m_table.notes)
            warning(note.line, {}, note.message);
        if (m_table.records.isEmpty()) {
            m_result.refusal = Text::tr("The file has no codes in it.");
            return m_result;
        }
        qsizetype first = 0;
        if (!readHeader(m_table.records.constFirst()))
            return m_result;
        if (m_result.hasHeader)
            first = 1;
        else
            positionalColumns(m_table.records);
        for (qsizetype i = first; i < m_table.records.size(); ++i)
            readRow(m_table.records.at(i));
        if (m_result.rowsRead == 0)
            m_result.refusal = Text::tr("The file has a header but no codes.");
        return m_result;
    }

private:
    void error(int line, const QString &code, const QString &reason)
    {
        m_result.issues.append({line, code, reason, ImportIssue::Severity::Error});
    }

    void warning(int line, const QString &code, const QString &reason)
    {
        m_result.issues.append({line, code, reason, ImportIssue::Severity::Warning});
    }

    // False when the file cannot be imported at all.
    bool readHeader(const CsvRecord &record)
    {
        if (record.fields.isEmpty() || looksLikeCode(record.fields.constFirst()))
            return true;
        const auto &names = columnNames();
        ColumnMap columns{};
        columns.fill(-1);
        std::array<int, ColumnCount> preference{};
        preference.fill(1 << 20);
        QStringList ignored;
        bool anyKnown = false;
        for (int i = 0; i < record.fields.size(); ++i) {
            const QString key = headerKey(record.fields.at(i));
            const auto found = names.constFind(key);
            if (found == names.cend()) {
                if (!record.fields.at(i).isEmpty())
                    ignored.append(record.fields.at(i));
                continue;
            }
            anyKnown = true;
            const auto slot = size_t(*found);
            const int rank = *found == Column::Display ? displayPreference(key) : 0;
            if (columns[slot] < 0 || rank < preference[slot]) {
                if (columns[slot] >= 0)
                    ignored.append(record.fields.at(columns[slot]));
                columns[slot] = i;
                preference[slot] = rank;
            } else {
                ignored.append(record.fields.at(i));
            }
        }
        if (!anyKnown)
            return true; // a bad data row, reported as such
        m_result.hasHeader = true;
        if (columns[size_t(Column::Code)] < 0 || columns[size_t(Column::Display)] < 0) {
            m_result.refusal = Text::tr("The header on line %1 needs a code column and a description column "
                                        "(e.g. \"code\" and \"display\" or \"description\").")
                                   .arg(record.line);
            return false;
        }
        m_columns = columns;
        if (!ignored.isEmpty())
            warning(record.line, {},
                    Text::tr("Columns not used: %1.").arg(ignored.join(QStringLiteral(", "))));
        return true;
    }

    void positionalColumns(const QList<CsvRecord> &records)
    {
        m_columns[size_t(Column::Code)] = 0;
        m_columns[size_t(Column::Display)] = 1;
        m_columns[size_t(Column::Version)] = 2;
        for (const CsvRecord &record : records) {
            if (record.fields.size() > 3) {
                warning(0, {},
                        Text::tr("The file has no header: columns are read as code, description, version; "
                                 "further columns are not used. Add a header line to import flag columns."));
                return;
            }
        }
    }

    std::optional<bool> flag(const CsvRecord &record, Column column, const QString &code, bool &ok)
    {
        const QString value = field(record, m_columns, column);
        switch (parseFlag(value)) {
        case FlagValue::Absent:
            return std::nullopt;
        case FlagValue::Yes:
            return true;
        case FlagValue::No:
            return false;
        case FlagValue::Invalid:
            break;
        }
        error(record.line, code,
              Text::tr("The %1 column says \"%2\"; use 1 or 0, yes or no, true or false, or leave it empty.")
                  .arg(columnLabel(column), value));
        ok = false;
        return std::nullopt;
    }

    void readRow(const CsvRecord &record)
    {
        ++m_result.rowsRead;
        const QString written = field(record, m_columns, Column::Code);
        const QString code = normalizedCode(written);
        if (!record.problem.isEmpty()) {
            reject(code);
            error(record.line, written, record.problem);
            return;
        }
        if (code.isEmpty()) {
            error(record.line, {}, Text::tr("The row has no code."));
            return;
        }
        const Rules::CodeKind kind = Rules::CodeClassifier::classify(code);
        if (kind == Rules::CodeKind::Malformed) {
            reject(code);
            if (allDigits(code) && code.size() < 5)
                error(record.line, written,
                      Text::tr(
                          "\"%1\" is not a five-character code; a spreadsheet may have dropped leading zeros "
                          "(%2?). Format the code column as text and export again.")
                          .arg(written, code.rightJustified(5, u'0')));
            else
                error(record.line, written,
                      Text::tr("\"%1\" is not a CPT or CDT code (five digits, or four digits and F, T or U; "
                               "or D and four digits).")
                          .arg(written));
            return;
        }
        if (kind == Rules::CodeKind::HcpcsLevelII) {
            reject(code);
            error(record.line, code,
                  Text::tr("HCPCS Level II code: the EHR accepts only CPT codes, so it is not imported."));
            return;
        }
        const QString display = field(record, m_columns, Column::Display).simplified();
        if (display.isEmpty()) {
            reject(code);
            error(record.line, code,
                  Text::tr("The description is empty; the EHR requires one for every code."));
            return;
        }
        QString version = field(record, m_columns, Column::Version);
        if (version.isEmpty())
            version = m_options.defaultVersion;

        CodeEntry entry = CodeEntry::classified(code, display, version);
        bool ok = true;
        if (const auto value = flag(record, Column::Anesthesia, code, ok))
            entry.flags.anesthesia = *value;
        if (const auto value = flag(record, Column::Dental, code, ok))
            entry.flags.dental = *value;
        if (const auto value = flag(record, Column::AddOn, code, ok))
            entry.flags.addOn = *value;
        if (const auto value = flag(record, Column::Inactive, code, ok))
            entry.flags.inactive = *value;
        if (!ok) {
            reject(code);
            return;
        }

        if (const auto seen = m_seen.constFind(code); seen != m_seen.cend()) {
            const ParsedCodeRow &earlier = m_result.rows.at(*seen);
            if (earlier.entry == entry) {
                warning(record.line, code, Text::tr("Repeats line %1; imported once.").arg(earlier.line));
            } else {
                error(record.line, code,
                      Text::tr("Line %1 already has this code with another description or flags; "
                               "this row is not imported.")
                          .arg(earlier.line));
            }
            return;
        }
        m_seen.insert(code, m_result.rows.size());
        if (!version.isEmpty() && (m_result.highestVersion.isEmpty() ||
                                   CodeFileParser::compareVersions(version, m_result.highestVersion) > 0))
            m_result.highestVersion = version;
        m_result.rows.append({record.line, entry});
    }

    void reject(const QString &code)
    {
        if (!m_seen.contains(code))
            m_result.rejectedCodes.insert(code);
    }

    const CsvTable &m_table;
    const ImportOptions &m_options;
    ColumnMap m_columns{};
    ParsedCodeFile m_result;
    QHash<QString, qsizetype> m_seen; // code -> index in m_result.rows
};

} // namespace

ParsedCodeFile CodeFileParser::parse(const QByteArray &data, const ImportOptions &options)
{
    return parse(CsvReader::read(data), options);
}

ParsedCodeFile CodeFileParser::parse(const CsvTable &table, const ImportOptions &options)
{
    return Parser(table, options).run();
}

int CodeFileParser::compareVersions(const QString &a, const QString &b)
{
    if (allDigits(a) && allDigits(b)) {
        const QString x = a.rightJustified(b.size(), u'0');
        const QString y = b.rightJustified(a.size(), u'0');
        return x.compare(y);
    }
    return a.compare(b, Qt::CaseInsensitive);
}

} // namespace Catalog
