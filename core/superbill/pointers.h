#pragma once

#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

namespace Superbill {

/**
 * Diagnosis pointers as on a superbill and the CMS-1500 claim (box 21 and 24E): the superbill's
 * diagnoses are lettered A, B, C… in their order, and each line points at some of them by letter,
 * the first letter its primary diagnosis.
 */
namespace Pointers {

/// One letter each, so that a pointer is one keystroke.
constexpr qsizetype MaxDiagnoses = 26;

/// 'A' for 0; a null QChar beyond MaxDiagnoses.
QChar letter(qsizetype index);
/// 0 for 'A' or 'a'; -1 for anything that is not a letter.
qsizetype index(QChar letter);
/// "AB" for the linked diagnoses {"c1", "c2"} when diagnoses is {"c1", "c2", ...}; a linked id that is
/// not among diagnoses is left out.
QString text(const QStringList &linked, const QStringList &diagnoses);

} // namespace Pointers

} // namespace Superbill
