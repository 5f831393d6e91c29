#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/result.h"
#include "localizedtext.h"
#include "sandbox/trainingbehaviour.h"

namespace Drills {

/// Explanations a trainer gives for a field ("code", "category", "performed", "period", "diagnoses",
/// "missing", "refused", "discarded"), shown when that field is wrong.
using Explanations = QHash<QString, LocalizedText>;

/// A Procedure that must be recorded on an encounter.
struct ExpectedProcedure
{
    QString patientId;
    QString encounterId;
    QString code;
    QString category;      ///< SNOMED code; empty: not checked
    QDateTime performed;   ///< a single time (with its offset), or
    QDateTime periodStart; ///< an anesthesia start and
    QDateTime periodEnd;   ///< end
    QStringList diagnoses; ///< Condition ids, in order
    bool checkDiagnoses = false;
    Explanations why;

    bool usesPeriod() const { return periodStart.isValid(); }
};

/// A line the EHR must refuse with a code.
struct ExpectedRefusal
{
    QString encounterId;
    QString code;
    QString ehrCode;
    Explanations why;
};

/// A line that must end discarded (and never recorded).
struct ExpectedDiscard
{
    QString encounterId;
    QString code;
    Explanations why;
};

/**
 * One scored exercise: what the trainee reads, how the training EHR behaves
 * meanwhile, what is put in place first, and the result that counts as
 * right. Read from a small JSON file (resources/drills/README.md describes
 * the format); the id is the file's name without ".json".
 */
struct Drill
{
    static constexpr int FormatVersion = 1;

    QString id;
    QString filePath;
    LocalizedText title;
    LocalizedText instructions;
    QList<LocalizedText> hints;
    Sandbox::BehaviourChoice ehr;
    /// The EHR behaves normally again once the trainee has entered this many lines; 0: not by itself.
    int normalAfterQueued = 0;
    /// The drill's own demo data folder (absolute); empty: the built-in data.
    QString demoDataDir;
    /// Procedures recorded before the trainee starts (FHIR JSON as POSTed).
    QList<QJsonObject> setupProcedures;

    QList<ExpectedProcedure> procedures;
    QList<ExpectedRefusal> refusals;
    QList<ExpectedDiscard> discards;
    /// Nothing but the expected Procedures may be recorded on the drill's encounters.
    bool nothingElse = true;
    /// The expected Procedures of an encounter must be recorded in the order listed (not when lines
    /// wait together in the queue and go out in parallel).
    bool ordered = true;

    /// Every encounter the expected result names, in first-named order.
    QStringList encounters() const;
    /// The patient of each encounter the expected procedures name.
    QStringList patients() const;
};

/// Reads a drill; fileName (its path) names the file in errors and gives the id.
Common::Result<Drill> readDrill(const QByteArray &json, const QString &fileName);
Common::Result<Drill> loadDrill(const QString &path);

/// The drills of the folders (the built-in ":/superbill/drills" and a trainer's), sorted by id; a file
/// that cannot be read is left out and named in problems.
struct DrillList
{
    QList<Drill> drills;
    QList<Common::Error> problems;
};
DrillList loadDrills(const QStringList &folders);

/// The built-in drills' folder in the resources.
QString builtInDrillsFolder();

} // namespace Drills
