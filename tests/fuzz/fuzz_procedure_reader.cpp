// Whatever bytes arrive, the reader answers without crashing and as it does through QJsonDocument,
// what it could read can be written, the writer's bytes are those QJsonDocument writes, and they
// survive a second read unchanged.
#include <cstdint>
#include <cstdlib>

#include <QJsonDocument>

#include "fhir/procedurereader.h"
#include "fhir/procedurewriter.h"
#include "rules/validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto read = Fhir::ProcedureReader::read(input);
    // Read without QJsonDocument or not, the answer is the full reader's; QJsonDocument's refusals stand.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(input, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        if (read.entry)
            std::abort();
    } else {
        const auto full = Fhir::ProcedureReader::read(document.object());
        if (full.entry != read.entry || full.problems != read.problems ||
            full.recordedDialect != read.recordedDialect)
            std::abort();
    }
    if (!read.entry) {
        if (read.problems.isEmpty())
            std::abort(); // a refusal must always say why
        return 0;
    }
    Rules::Validator::check(*read.entry);
    for (const auto dialect : {Fhir::Dialect::EhrVendor, Fhir::Dialect::R4Strict}) {
        const Fhir::ProcedureWriter writer(dialect);
        const auto written = writer.toBytes(*read.entry, false);
        if (!written || QJsonDocument::fromJson(*written).toJson(QJsonDocument::Compact) != *written)
            std::abort();
        const auto again = Fhir::ProcedureReader::read(*written);
        if (!again.entry || writer.toBytes(*again.entry, false).valueOr({}) != *written)
            std::abort();
    }
    return 0;
}
