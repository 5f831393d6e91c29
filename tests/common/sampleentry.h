#pragma once

#include <QFile>

#include "fhir/procedurereader.h"
#include "model/procedureentry.h"

/// The vendor's example line (tests/data) with a fresh client identifier and the defaults the app fills.
inline Model::ProcedureEntry sampleEntry()
{
    QFile file(QStringLiteral(SUPERBILL_TEST_DATA "/procedure/vendor-example.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read tests/data/procedure/vendor-example.json");
    auto entry = Fhir::ProcedureReader::read(file.readAll()).entry.value();
    entry.id.clear();
    entry.fillDefaults();
    return entry;
}
