// Any EHR error body must be read without crashing; what was read must survive a
// write and a second read.
#include <cstdint>
#include <cstdlib>

#include "fhir/operationoutcome.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto read = Fhir::readOperationOutcome(input);
    if (read.outcome.has_value() == !read.error.isEmpty())
        std::abort(); // exactly one of outcome and error
    if (!read.outcome)
        return 0;
    const auto again = Fhir::readOperationOutcome(read.outcome->toJson());
    if (!again.outcome || again.outcome->toFindings() != read.outcome->toFindings())
        std::abort();
    return 0;
}
