// Whatever bytes arrive, the reader answers without crashing, and what it could read
// survives a write and a second read unchanged.
#include <cstdint>
#include <cstdlib>

#include "fhir/procedurereader.h"
#include "fhir/procedurewriter.h"
#include "rules/validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto read = Fhir::ProcedureReader::read(input);
    if (!read.entry) {
        if (read.problems.isEmpty())
            std::abort(); // a refusal must always say why
        return 0;
    }
    Rules::Validator::check(*read.entry);
    for (const auto dialect : {Fhir::Dialect::EhrVendor, Fhir::Dialect::R4Strict}) {
        const Fhir::ProcedureWriter writer(dialect);
        const QByteArray written = writer.toBytes(*read.entry, false);
        const auto again = Fhir::ProcedureReader::read(written);
        if (!again.entry || writer.toBytes(*again.entry, false) != written)
            std::abort();
    }
    return 0;
}
