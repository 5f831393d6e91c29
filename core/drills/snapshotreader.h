#pragma once

#include <functional>

#include "common/result.h"
#include "drillchecker.h"

class QObject;

namespace Ehr {
class EhrClient;
}

namespace Drills {

/**
 * Reads from an EHR what checking a drill needs, over its FHIR API: the
 * Procedures of each of the drill's encounters, the diagnoses of its patients
 * (to name them by ICD-10 code) and, from a training EHR, the Procedures it
 * refused ($sandbox-refusals; another EHR has none, and refusals are then
 * left unchecked). The same path serves the app and superbill-cli, so both
 * check exactly what the EHR holds.
 */
class SnapshotReader
{
public:
    using Done = std::function<void(const Common::Result<EhrSnapshot> &)>;

    /// Calls done once, on context's thread (never when context is gone). The outbox is left unset.
    static void read(Ehr::EhrClient &client, const Drill &drill, const QObject *context, Done done);
};

} // namespace Drills
