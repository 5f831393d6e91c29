#include "drill.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include "fhir/datetime.h"
#include "rules/categories.h"
#include "rules/errorcatalog.h"

namespace Drills {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Drills::Drill", text);
}

const QSet<QString> ExplainedFields{
    QStringLiteral("code"),   QStringLiteral("category"),  QStringLiteral("performed"),
    QStringLiteral("period"), QStringLiteral("diagnoses"), QStringLiteral("missing"),
    QStringLiteral("order"),  QStringLiteral("refused"),   QStringLiteral("discarded")};

/// "Patient-265" from "Patient-265" or "Patient/Patient-265".
QString bareId(const QString &value, const QString &type)
{
    const QString prefix = type + u'/';
    return value.startsWith(prefix) ? value.mid(prefix.size()) : value;
}

/**
 * Reads one drill file, keeping the file name and the member path for every error, so a trainer sees
 * "knee.json: expect.procedures[0].performed: ..." instead of a drill that silently checks nothing.
 */
class Reader
{
public:
    Reader(QString fileName)
        : m_fileName(std::move(fileName))
    {
    }

    Common::Result<Drill> read(const QByteArray &json)
    {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return fail(QStringLiteral("json"), QString(),
                        tr("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
        if (!document.isObject())
            return fail(QStringLiteral("json"), QString(), tr("a drill is a JSON object"));
        const QJsonObject root = document.object();
        if (!onlyKnownMembers(root,
                              {QStringLiteral("drill"), QStringLiteral("title"),
                               QStringLiteral("instructions"), QStringLiteral("hints"), QStringLiteral("ehr"),
                               QStringLiteral("demoData"), QStringLiteral("setup"), QStringLiteral("expect")},
                              QString()))
            return *m_error;
        if (root.value(QStringLiteral("drill")).toInt(-1) != Drill::FormatVersion)
            return fail(QStringLiteral("format"), QStringLiteral("drill"),
                        tr("must be %1, the drill format this app reads").arg(Drill::FormatVersion));

        Drill drill;
        drill.filePath = m_fileName;
        drill.id = QFileInfo(m_fileName).completeBaseName();
        if (!text(root, QStringLiteral("title"), QStringLiteral("title"), &drill.title) ||
            !text(root, QStringLiteral("instructions"), QStringLiteral("instructions"), &drill.instructions))
            return *m_error;
        const QJsonValue hints = root.value(QStringLiteral("hints"));
        if (!hints.isUndefined() && !hints.isArray())
            return fail(QStringLiteral("invalid"), QStringLiteral("hints"), tr("a list of texts"));
        for (qsizetype i = 0; i < hints.toArray().size(); ++i) {
            const auto hint = LocalizedText::fromJson(hints.toArray().at(i), at(QStringLiteral("hints"), i));
            if (!hint)
                return withFile(hint.error());
            drill.hints.append(*hint);
        }
        if (!readEhr(root.value(QStringLiteral("ehr")), &drill))
            return *m_error;
        if (!readDemoData(root.value(QStringLiteral("demoData")), &drill))
            return *m_error;
        if (!readSetup(root.value(QStringLiteral("setup")), &drill))
            return *m_error;
        if (!readExpect(root.value(QStringLiteral("expect")), &drill))
            return *m_error;
        return drill;
    }

private:
    static QString at(const QString &path, qsizetype index)
    {
        return QStringLiteral("%1[%2]").arg(path).arg(index);
    }
    static QString member(const QString &path, const QString &name)
    {
        return path.isEmpty() ? name : path + u'.' + name;
    }

    Common::Error withFile(const Common::Error &error) const
    {
        return Common::makeError(error.code, error.message,
                                 error.path.isEmpty() ? m_fileName
                                                      : m_fileName + QStringLiteral(": ") + error.path);
    }

    Common::Error fail(const QString &code, const QString &path, const QString &message)
    {
        m_error = withFile(Common::makeError(code, message, path));
        return *m_error;
    }

    bool onlyKnownMembers(const QJsonObject &object, const QStringList &known, const QString &path)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key())) {
                fail(QStringLiteral("invalid"), member(path, it.key()),
                     tr("unknown member; expected one of %1").arg(known.join(QStringLiteral(", "))));
                return false;
            }
        }
        return true;
    }

    bool text(const QJsonObject &object, const QString &name, const QString &path, LocalizedText *target)
    {
        const auto value = LocalizedText::fromJson(object.value(name), path);
        if (!value) {
            m_error = withFile(value.error());
            return false;
        }
        *target = *value;
        return true;
    }

    bool string(const QJsonObject &object, const QString &name, const QString &path, QString *target,
                bool required = true)
    {
        const QJsonValue value = object.value(name);
        if (value.isUndefined() && !required)
            return true;
        if (!value.isString() || value.toString().trimmed().isEmpty()) {
            fail(QStringLiteral("invalid"), member(path, name), tr("a non-empty text is required"));
            return false;
        }
        *target = value.toString().trimmed();
        return true;
    }

    bool dateTime(const QJsonObject &object, const QString &name, const QString &path, QDateTime *target)
    {
        QString text;
        if (!string(object, name, path, &text))
            return false;
        const Common::Result<QDateTime> parsed = ::Fhir::parseDateTime(text);
        if (!parsed.ok() || !::Fhir::hasExplicitOffset(*parsed) || !parsed->isValid()) {
            fail(QStringLiteral("invalid"), member(path, name),
                 tr("\"%1\" is not a date-time with an offset, such as 2026-03-14T10:30:00-05:00").arg(text));
            return false;
        }
        *target = *parsed;
        return true;
    }

    bool explanations(const QJsonObject &object, const QString &path, Explanations *target)
    {
        const QJsonValue value = object.value(QStringLiteral("why"));
        if (value.isUndefined())
            return true;
        const QString whyPath = member(path, QStringLiteral("why"));
        if (!value.isObject()) {
            fail(QStringLiteral("invalid"), whyPath,
                 tr("an object of texts by field, such as {\"code\": \"...\"}"));
            return false;
        }
        const QJsonObject why = value.toObject();
        for (auto it = why.begin(); it != why.end(); ++it) {
            if (!ExplainedFields.contains(it.key())) {
                QStringList fields(ExplainedFields.cbegin(), ExplainedFields.cend());
                fields.sort();
                fail(QStringLiteral("invalid"), member(whyPath, it.key()),
                     tr("unknown field; explain one of %1").arg(fields.join(QStringLiteral(", "))));
                return false;
            }
            const auto text = LocalizedText::fromJson(it.value(), member(whyPath, it.key()));
            if (!text) {
                m_error = withFile(text.error());
                return false;
            }
            target->insert(it.key(), *text);
        }
        return true;
    }

    bool readEhr(const QJsonValue &value, Drill *drill)
    {
        const QString path = QStringLiteral("ehr");
        if (value.isUndefined())
            return true;
        QJsonObject object;
        if (value.isString())
            object.insert(QStringLiteral("behaviour"), value);
        else if (value.isObject())
            object = value.toObject();
        else {
            fail(QStringLiteral("invalid"), path,
                 tr("a behaviour name, or {\"behaviour\": ..., \"code\": ...}"));
            return false;
        }
        if (!onlyKnownMembers(
                object,
                {QStringLiteral("behaviour"), QStringLiteral("code"), QStringLiteral("normalAfterQueued")},
                path))
            return false;
        const QString name = object.value(QStringLiteral("behaviour")).toString();
        const auto behaviour = Sandbox::behaviourFromName(name);
        if (!behaviour) {
            QStringList names;
            for (const auto known : Sandbox::trainingBehaviours())
                names.append(Sandbox::behaviourName(known));
            fail(QStringLiteral("invalid"), member(path, QStringLiteral("behaviour")),
                 tr("\"%1\" is not one of %2").arg(name, names.join(QStringLiteral(", "))));
            return false;
        }
        drill->ehr.behaviour = *behaviour;
        if (*behaviour == Sandbox::TrainingBehaviour::RefuseNextLine) {
            if (!string(object, QStringLiteral("code"), path, &drill->ehr.refuseCode))
                return false;
            if (!Rules::ErrorCatalog::instance().contains(drill->ehr.refuseCode)) {
                fail(QStringLiteral("invalid"), member(path, QStringLiteral("code")),
                     tr("%1 is not an EHR code this app knows").arg(drill->ehr.refuseCode));
                return false;
            }
        } else if (object.contains(QStringLiteral("code"))) {
            fail(QStringLiteral("invalid"), member(path, QStringLiteral("code")),
                 tr("only refuse-next-line takes a code"));
            return false;
        }
        const QJsonValue after = object.value(QStringLiteral("normalAfterQueued"));
        if (!after.isUndefined()) {
            if (*behaviour == Sandbox::TrainingBehaviour::Normal || !after.isDouble() || after.toInt() < 1 ||
                after.toInt() > 100 || after.toDouble() != double(after.toInt())) {
                fail(QStringLiteral("invalid"), member(path, QStringLiteral("normalAfterQueued")),
                     tr("a number of lines from 1 to 100, for an EHR that does not behave normally"));
                return false;
            }
            drill->normalAfterQueued = after.toInt();
        }
        return true;
    }

    bool readDemoData(const QJsonValue &value, Drill *drill)
    {
        if (value.isUndefined())
            return true;
        if (!value.isString() || value.toString().trimmed().isEmpty()) {
            fail(QStringLiteral("invalid"), QStringLiteral("demoData"),
                 tr("a folder, relative to the drill file, in the resources/sandbox format"));
            return false;
        }
        const QDir base = QFileInfo(m_fileName).absoluteDir();
        drill->demoDataDir = QDir::cleanPath(base.absoluteFilePath(value.toString()));
        if (!QFileInfo(drill->demoDataDir).isDir()) {
            fail(QStringLiteral("not-found"), QStringLiteral("demoData"),
                 tr("the folder %1 does not exist").arg(drill->demoDataDir));
            return false;
        }
        return true;
    }

    bool readSetup(const QJsonValue &value, Drill *drill)
    {
        const QString path = QStringLiteral("setup");
        if (value.isUndefined())
            return true;
        if (!value.isObject()) {
            fail(QStringLiteral("invalid"), path, tr("an object such as {\"procedures\": [...]}"));
            return false;
        }
        if (!onlyKnownMembers(value.toObject(), {QStringLiteral("procedures")}, path))
            return false;
        const QJsonValue procedures = value.toObject().value(QStringLiteral("procedures"));
        const QString listPath = member(path, QStringLiteral("procedures"));
        if (!procedures.isArray()) {
            fail(QStringLiteral("invalid"), listPath, tr("a list of FHIR Procedure resources"));
            return false;
        }
        for (qsizetype i = 0; i < procedures.toArray().size(); ++i) {
            const QJsonObject procedure = procedures.toArray().at(i).toObject();
            if (procedure.value(QStringLiteral("resourceType")).toString() != u"Procedure") {
                fail(QStringLiteral("invalid"), at(listPath, i), tr("a FHIR Procedure resource"));
                return false;
            }
            drill->setupProcedures.append(procedure);
        }
        return true;
    }

    bool readExpect(const QJsonValue &value, Drill *drill)
    {
        const QString path = QStringLiteral("expect");
        if (!value.isObject()) {
            fail(QStringLiteral("invalid"), path,
                 tr("an object with procedures, refused or discarded: what counts as right"));
            return false;
        }
        const QJsonObject expect = value.toObject();
        if (!onlyKnownMembers(expect,
                              {QStringLiteral("procedures"), QStringLiteral("refused"),
                               QStringLiteral("discarded"), QStringLiteral("nothingElse"),
                               QStringLiteral("ordered")},
                              path))
            return false;
        const auto list = [&](const QString &name, QJsonArray *items) {
            const QJsonValue listValue = expect.value(name);
            if (listValue.isUndefined())
                return true;
            if (!listValue.isArray()) {
                fail(QStringLiteral("invalid"), member(path, name), tr("a list"));
                return false;
            }
            *items = listValue.toArray();
            return true;
        };
        QJsonArray procedures, refused, discarded;
        if (!list(QStringLiteral("procedures"), &procedures) || !list(QStringLiteral("refused"), &refused) ||
            !list(QStringLiteral("discarded"), &discarded))
            return false;
        if (procedures.isEmpty() && refused.isEmpty() && discarded.isEmpty()) {
            fail(QStringLiteral("invalid"), path,
                 tr("name at least one procedure, refused line or discarded line"));
            return false;
        }
        const QJsonValue nothingElse = expect.value(QStringLiteral("nothingElse"));
        if (!nothingElse.isUndefined() && !nothingElse.isBool()) {
            fail(QStringLiteral("invalid"), member(path, QStringLiteral("nothingElse")), tr("true or false"));
            return false;
        }
        drill->nothingElse = nothingElse.toBool(true);
        const QJsonValue ordered = expect.value(QStringLiteral("ordered"));
        if (!ordered.isUndefined() && !ordered.isBool()) {
            fail(QStringLiteral("invalid"), member(path, QStringLiteral("ordered")), tr("true or false"));
            return false;
        }
        drill->ordered = ordered.toBool(true);
        for (qsizetype i = 0; i < procedures.size(); ++i) {
            ExpectedProcedure expected;
            if (!readProcedure(procedures.at(i), at(member(path, QStringLiteral("procedures")), i),
                               &expected))
                return false;
            drill->procedures.append(expected);
        }
        for (qsizetype i = 0; i < refused.size(); ++i) {
            const QString itemPath = at(member(path, QStringLiteral("refused")), i);
            const QJsonObject object = refused.at(i).toObject();
            ExpectedRefusal expected;
            if (!onlyKnownMembers(object,
                                  {QStringLiteral("encounter"), QStringLiteral("code"),
                                   QStringLiteral("ehrCode"), QStringLiteral("why")},
                                  itemPath) ||
                !string(object, QStringLiteral("encounter"), itemPath, &expected.encounterId) ||
                !string(object, QStringLiteral("code"), itemPath, &expected.code) ||
                !string(object, QStringLiteral("ehrCode"), itemPath, &expected.ehrCode) ||
                !explanations(object, itemPath, &expected.why))
                return false;
            expected.encounterId = bareId(expected.encounterId, QStringLiteral("Encounter"));
            drill->refusals.append(expected);
        }
        for (qsizetype i = 0; i < discarded.size(); ++i) {
            const QString itemPath = at(member(path, QStringLiteral("discarded")), i);
            const QJsonObject object = discarded.at(i).toObject();
            ExpectedDiscard expected;
            if (!onlyKnownMembers(
                    object, {QStringLiteral("encounter"), QStringLiteral("code"), QStringLiteral("why")},
                    itemPath) ||
                !string(object, QStringLiteral("encounter"), itemPath, &expected.encounterId) ||
                !string(object, QStringLiteral("code"), itemPath, &expected.code) ||
                !explanations(object, itemPath, &expected.why))
                return false;
            expected.encounterId = bareId(expected.encounterId, QStringLiteral("Encounter"));
            drill->discards.append(expected);
        }
        return true;
    }

    bool readProcedure(const QJsonValue &value, const QString &path, ExpectedProcedure *expected)
    {
        if (!value.isObject()) {
            fail(QStringLiteral("invalid"), path, tr("an object with patient, encounter, code ..."));
            return false;
        }
        const QJsonObject object = value.toObject();
        if (!onlyKnownMembers(object,
                              {QStringLiteral("patient"), QStringLiteral("encounter"), QStringLiteral("code"),
                               QStringLiteral("category"), QStringLiteral("performed"),
                               QStringLiteral("period"), QStringLiteral("diagnoses"), QStringLiteral("why")},
                              path) ||
            !string(object, QStringLiteral("patient"), path, &expected->patientId) ||
            !string(object, QStringLiteral("encounter"), path, &expected->encounterId) ||
            !string(object, QStringLiteral("code"), path, &expected->code) ||
            !string(object, QStringLiteral("category"), path, &expected->category, false) ||
            !explanations(object, path, &expected->why))
            return false;
        expected->patientId = bareId(expected->patientId, QStringLiteral("Patient"));
        expected->encounterId = bareId(expected->encounterId, QStringLiteral("Encounter"));
        if (!expected->category.isEmpty() && !Rules::findCategory(expected->category)) {
            fail(QStringLiteral("invalid"), member(path, QStringLiteral("category")),
                 tr("%1 is not one of the EHR's SNOMED categories").arg(expected->category));
            return false;
        }
        const bool hasPerformed = object.contains(QStringLiteral("performed"));
        const bool hasPeriod = object.contains(QStringLiteral("period"));
        if (hasPerformed == hasPeriod) {
            fail(QStringLiteral("invalid"), path,
                 tr("give either performed or period (anesthesia start and end)"));
            return false;
        }
        if (hasPerformed && !dateTime(object, QStringLiteral("performed"), path, &expected->performed))
            return false;
        if (hasPeriod) {
            const QString periodPath = member(path, QStringLiteral("period"));
            const QJsonObject period = object.value(QStringLiteral("period")).toObject();
            if (!onlyKnownMembers(period, {QStringLiteral("start"), QStringLiteral("end")}, periodPath) ||
                !dateTime(period, QStringLiteral("start"), periodPath, &expected->periodStart) ||
                !dateTime(period, QStringLiteral("end"), periodPath, &expected->periodEnd))
                return false;
            if (expected->periodEnd < expected->periodStart) {
                fail(QStringLiteral("invalid"), periodPath, tr("the end is before the start"));
                return false;
            }
        }
        const QJsonValue diagnoses = object.value(QStringLiteral("diagnoses"));
        if (!diagnoses.isUndefined()) {
            const QString diagnosesPath = member(path, QStringLiteral("diagnoses"));
            if (!diagnoses.isArray()) {
                fail(QStringLiteral("invalid"), diagnosesPath, tr("a list of Condition ids, in order"));
                return false;
            }
            expected->checkDiagnoses = true;
            for (qsizetype i = 0; i < diagnoses.toArray().size(); ++i) {
                const QString id = diagnoses.toArray().at(i).toString();
                if (id.trimmed().isEmpty()) {
                    fail(QStringLiteral("invalid"), at(diagnosesPath, i), tr("a Condition id"));
                    return false;
                }
                expected->diagnoses.append(bareId(id.trimmed(), QStringLiteral("Condition")));
            }
        }
        return true;
    }

    QString m_fileName;
    std::optional<Common::Error> m_error;
};

} // namespace

QStringList Drill::encounters() const
{
    QStringList ids;
    for (const auto &procedure : procedures)
        ids.append(procedure.encounterId);
    for (const auto &refusal : refusals)
        ids.append(refusal.encounterId);
    for (const auto &discard : discards)
        ids.append(discard.encounterId);
    ids.removeDuplicates();
    return ids;
}

QStringList Drill::patients() const
{
    QStringList ids;
    for (const auto &procedure : procedures)
        ids.append(procedure.patientId);
    ids.removeDuplicates();
    return ids;
}

Common::Result<Drill> readDrill(const QByteArray &json, const QString &fileName)
{
    return Reader(fileName).read(json);
}

Common::Result<Drill> loadDrill(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Common::makeError(QStringLiteral("unreadable"), file.errorString(), path);
    constexpr qint64 MaxDrillBytes = 1024 * 1024;
    if (file.size() > MaxDrillBytes)
        return Common::makeError(QStringLiteral("too-long"), tr("a drill file is at most 1 MiB"), path);
    return readDrill(file.readAll(), path);
}

DrillList loadDrills(const QStringList &folders)
{
    DrillList list;
    QSet<QString> ids;
    for (const QString &folder : folders) {
        if (folder.isEmpty())
            continue;
        QStringList files;
        QDirIterator it(folder, {QStringLiteral("*.json")}, QDir::Files);
        while (it.hasNext())
            files.append(it.next());
        files.sort();
        for (const QString &file : std::as_const(files)) {
            auto drill = loadDrill(file);
            if (!drill) {
                list.problems.append(drill.error());
                continue;
            }
            // A trainer's drill with a built-in drill's name would be hidden by it; say so.
            if (ids.contains(drill->id)) {
                list.problems.append(
                    Common::makeError(QStringLiteral("duplicate"),
                                      tr("another drill is already called %1").arg(drill->id), file));
                continue;
            }
            ids.insert(drill->id);
            list.drills.append(std::move(*drill));
        }
    }
    std::sort(list.drills.begin(), list.drills.end(),
              [](const Drill &a, const Drill &b) { return a.id < b.id; });
    return list;
}

QString builtInDrillsFolder()
{
    return QStringLiteral(":/superbill/drills");
}

} // namespace Drills
