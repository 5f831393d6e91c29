#pragma once

#include <optional>

#include <QByteArray>

#include "procedurereader.h"

namespace Fhir {

/**
 * The common case of ProcedureReader::read(), read straight from the bytes: a Procedure in the
 * plain shape this app writes, strings, objects and arrays of the elements a superbill uses, with
 * nothing the reader would report. Anything else (another kind of value, an unknown or repeated
 * key, a byte or escape it does not take, a value the full reader would warn about) gives nullopt,
 * and the document goes the full way through QJsonDocument. So what it accepts reads exactly as
 * the full reader reads it, and nothing is accepted that the full reader refuses; building the
 * QJsonDocument cost more than validating and writing the line again.
 */
std::optional<ProcedureReadResult> readPlainProcedure(const QByteArray &json);

} // namespace Fhir
