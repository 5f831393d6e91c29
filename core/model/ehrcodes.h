#pragma once

#include <QString>

/**
 * The EHR's error codes that this app's own code produces or reacts to, by name.
 * The full list, with messages and classes, is Rules::ErrorCatalog; codes SBD* are
 * this app's warnings and are never sent by the EHR.
 */
namespace Model::EhrCode {
inline const QString ValidationFailed = QStringLiteral("500001");
inline const QString DuplicateRecord = QStringLiteral("500002");
inline const QString InsertFailed = QStringLiteral("500003");
inline const QString DependencyFailure = QStringLiteral("500008");
inline const QString EncounterSignedOff = QStringLiteral("500009");
inline const QString EncounterBilled = QStringLiteral("500010");
inline const QString InvalidStatus = QStringLiteral("500018");
inline const QString PatientNotFound = QStringLiteral("500023");
inline const QString EncounterNotFound = QStringLiteral("500024");
inline const QString InvalidPeriodRange = QStringLiteral("500029");
inline const QString CptDescriptionRequired = QStringLiteral("500030");
inline const QString AnestheticPeriodRequired = QStringLiteral("500032");
inline const QString ReferenceNotFound = QStringLiteral("500033");
inline const QString DentalCptNotAllowed = QStringLiteral("500034");
inline const QString DuplicateIcd = QStringLiteral("500036");
inline const QString ReferencedIcdMissing = QStringLiteral("500037");
inline const QString MissingStatus = QStringLiteral("GEN011");
inline const QString InvalidProcedureCode = QStringLiteral("PRO001");
inline const QString InvalidSubject = QStringLiteral("PRO003");
inline const QString InvalidEncounter = QStringLiteral("PRO004");
inline const QString InvalidPerformed = QStringLiteral("PRO005");
inline const QString InvalidReason = QStringLiteral("PRO006");

inline const QString PerformedInFuture = QStringLiteral("SBD001");
inline const QString RecordedBeforePerformed = QStringLiteral("SBD002");
inline const QString AnesthesiaOverADay = QStringLiteral("SBD003");
inline const QString ElementIgnored = QStringLiteral("SBD004");
inline const QString AnesthesiaZeroMinutes = QStringLiteral("SBD005");
inline const QString CodeInactive = QStringLiteral("SBD006");
inline const QString CodeNotInCatalog = QStringLiteral("SBD007");
inline const QString LocalTimeRepeated = QStringLiteral("SBD008");
} // namespace Model::EhrCode
