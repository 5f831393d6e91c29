// Any EHR error body must be read without crashing; what was read must survive a
// write and a second read.
#include <cstdint>
#include <cstdlib>

#include "fhir/operationoutcome.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto read = Fhir::readOperationOutcome(input);
    if (!read) {
        if (read.error().message.isEmpty())
            std::abort(); // a refusal must always say why
        return 0;
    }
    const auto again = Fhir::readOperationOutcome(read->toJson());
    if (!again || again->toFindings() != read->toFindings())
        std::abort();
    return 0;
}
