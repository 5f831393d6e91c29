// Whatever bytes a code file holds, the CSV reader answers without crashing, in time linear in the
// input (libFuzzer's -timeout catches a quadratic case), and keeps its promises: records in line
// order, no record of only empty fields, every field trimmed, a delimiter it can name.
#include <cstdint>
#include <cstdlib>

#include "catalog/codefileparser.h"
#include "catalog/csvreader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const Catalog::CsvTable table = Catalog::CsvReader::read(input);
    if (table.delimiter != u',' && table.delimiter != u'\t' && table.delimiter != u';')
        std::abort();
    int previousLine = 0;
    for (const Catalog::CsvRecord &record : table.records) {
        if (record.line <= previousLine || record.fields.isEmpty())
            std::abort();
        previousLine = record.line;
        bool anyText = false;
        for (const QString &field : record.fields) {
            if (field != field.trimmed())
                std::abort();
            anyText = anyText || !field.isEmpty();
        }
        if (!anyText)
            std::abort();
    }
    // The importer reads the same table: every row is imported or reported, never lost.
    const Catalog::ParsedCodeFile parsed = Catalog::CodeFileParser::parse(table);
    if (parsed.refusal.isEmpty() &&
        (parsed.rows.size() > parsed.rowsRead || parsed.rowsRead > parsed.rows.size() + parsed.issues.size()))
        std::abort();
    return 0;
}
