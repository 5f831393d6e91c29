#include "drillchecker.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include "fhir/extensions.h"
#include "fhir/procedurereader.h"
#include "rules/categories.h"

namespace Drills {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Drills::Checker", text);
}

/// A recorded Procedure as the check compares it.
struct Recorded
{
    QString id;
    QString code;
    QString category;
    QDateTime performed;
    QDateTime periodStart;
    QDateTime periodEnd;
    QStringList diagnoses;
};

Recorded recordedFrom(const QJsonObject &resource)
{
    Recorded recorded;
    recorded.id = resource.value(QStringLiteral("id")).toString();
    const auto read = ::Fhir::ProcedureReader::read(resource);
    if (!read.entry)
        return recorded;
    const Model::ProcedureEntry &entry = *read.entry;
    recorded.code = entry.code.code;
    recorded.category = entry.category ? entry.category->code : QString();
    recorded.performed = entry.performedDateTime;
    recorded.periodStart = entry.performedPeriod.start;
    recorded.periodEnd = entry.performedPeriod.end;
    for (const auto &reason : entry.reasonReferences)
        recorded.diagnoses.append(reason.id());
    return recorded;
}

/// The same instant written with the same offset: 10:30-05:00 is not 09:30-06:00 on the clinic's wall.
bool sameTime(const QDateTime &a, const QDateTime &b)
{
    return a.isValid() && b.isValid() && a == b && a.offsetFromUtc() == b.offsetFromUtc();
}

QString describeTime(const QDateTime &value)
{
    if (!value.isValid())
        return tr("none");
    const int offset = value.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return QStringLiteral("%1 %2%3:%4")
        .arg(value.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
             offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString describeCategory(const QString &code)
{
    if (code.isEmpty())
        return tr("none");
    const Rules::ProcedureCategory *category = Rules::findCategory(code);
    return category
               ? QStringLiteral("%1 (%2)").arg(
                     QCoreApplication::translate("Rules::Categories", qPrintable(category->display)), code)
               : code;
}

class Check
{
public:
    Check(const Drill &drill, const EhrSnapshot &snapshot, QString language)
        : m_drill(drill)
        , m_snapshot(snapshot)
        , m_language(std::move(language))
    {
    }

    CheckReport run()
    {
        for (const QString &encounter : m_drill.encounters())
            checkEncounter(encounter);
        for (const auto &refusal : m_drill.refusals)
            checkRefusal(refusal);
        for (const auto &discard : m_drill.discards)
            checkDiscard(discard);
        if (m_snapshot.outbox) {
            for (const QString &encounter : m_drill.encounters())
                checkQueue(encounter);
        }
        if (m_drill.nothingElse) {
            for (const QString &encounter : m_drill.encounters())
                checkNothingElse(encounter);
        }
        return m_report;
    }

private:
    QString why(const Explanations &explanations, const QString &field) const
    {
        const auto it = explanations.constFind(field);
        return it == explanations.cend() ? QString() : it->text(m_language);
    }

    void add(CheckItem::Verdict verdict, const QString &field, const QString &subject, QString text,
             const QString &explanation = {})
    {
        if (verdict == CheckItem::Verdict::Wrong && !explanation.isEmpty())
            text += QStringLiteral(": ") + explanation;
        m_report.items.append({verdict, field, subject, text});
    }

    void compare(bool right, const QString &field, const QString &subject, const QString &rightText,
                 const QString &wrongText, const Explanations &explanations)
    {
        if (right)
            add(CheckItem::Verdict::Right, field, subject, rightText);
        else
            add(CheckItem::Verdict::Wrong, field, subject, wrongText, why(explanations, field));
    }

    QString diagnosisList(const QStringList &ids) const
    {
        if (ids.isEmpty())
            return tr("none");
        QStringList names;
        for (const QString &id : ids)
            names.append(m_snapshot.diagnosisCodes.value(id, id));
        return names.join(QStringLiteral(", "));
    }

    static int matchScore(const ExpectedProcedure &expected, const Recorded &recorded)
    {
        int score = 0;
        if (recorded.code == expected.code)
            score += 8;
        if (expected.usesPeriod() ? sameTime(recorded.periodStart, expected.periodStart)
                                  : sameTime(recorded.performed, expected.performed))
            score += 4;
        if (expected.checkDiagnoses && recorded.diagnoses == expected.diagnoses)
            score += 2;
        if (recorded.category == expected.category)
            score += 1;
        return score;
    }

    void checkEncounter(const QString &encounter)
    {
        const QList<QJsonObject> stored = m_snapshot.procedures.value(encounter);
        QList<Recorded> recorded;
        for (const QJsonObject &resource : stored)
            recorded.append(recordedFrom(resource));
        QList<qsizetype> pairedIndex; // per expected procedure on this encounter, -1 when missing
        QList<const ExpectedProcedure *> expectedHere;
        for (const auto &expected : m_drill.procedures) {
            if (expected.encounterId == encounter)
                expectedHere.append(&expected);
        }
        QSet<qsizetype> used;
        for (const ExpectedProcedure *expected : std::as_const(expectedHere)) {
            qsizetype best = -1;
            int bestScore = -1;
            for (qsizetype i = 0; i < recorded.size(); ++i) {
                if (used.contains(i))
                    continue;
                const int score = matchScore(*expected, recorded.at(i));
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            pairedIndex.append(best);
            if (best >= 0)
                used.insert(best);
        }
        m_accounted[encounter] = used;
        m_recorded[encounter] = recorded;

        for (qsizetype i = 0; i < expectedHere.size(); ++i) {
            const ExpectedProcedure &expected = *expectedHere.at(i);
            const QString subject = tr("%1 on %2").arg(expected.code, encounter);
            if (pairedIndex.at(i) < 0) {
                add(CheckItem::Verdict::Wrong, QStringLiteral("missing"), subject,
                    tr("no Procedure %1 is recorded on %2 — expected one").arg(expected.code, encounter),
                    why(expected.why, QStringLiteral("missing")));
                continue;
            }
            compareProcedure(expected, recorded.at(pairedIndex.at(i)), subject);
        }
        if (m_drill.ordered)
            checkOrder(expectedHere, pairedIndex, encounter);
    }

    void compareProcedure(const ExpectedProcedure &expected, const Recorded &recorded, const QString &subject)
    {
        compare(recorded.code == expected.code, QStringLiteral("code"), subject,
                tr("code %1 — right").arg(recorded.code),
                tr("code %1 — expected %2")
                    .arg(recorded.code.isEmpty() ? tr("none") : recorded.code, expected.code),
                expected.why);
        if (!expected.category.isEmpty())
            compare(recorded.category == expected.category, QStringLiteral("category"), subject,
                    tr("category %1 — right").arg(describeCategory(recorded.category)),
                    tr("category %1 — expected %2")
                        .arg(describeCategory(recorded.category), describeCategory(expected.category)),
                    expected.why);
        if (expected.usesPeriod()) {
            if (!recorded.periodStart.isValid()) {
                add(CheckItem::Verdict::Wrong, QStringLiteral("period"), subject,
                    tr("a single performed time %1 was sent — expected an anesthesia start %2 and end %3")
                        .arg(describeTime(recorded.performed), describeTime(expected.periodStart),
                             describeTime(expected.periodEnd)),
                    why(expected.why, QStringLiteral("period")));
            } else {
                const bool right = sameTime(recorded.periodStart, expected.periodStart) &&
                                   sameTime(recorded.periodEnd, expected.periodEnd);
                compare(right, QStringLiteral("period"), subject,
                        tr("anesthesia %1 to %2 — right")
                            .arg(describeTime(recorded.periodStart), describeTime(recorded.periodEnd)),
                        tr("anesthesia %1 to %2 — expected %3 to %4")
                            .arg(describeTime(recorded.periodStart), describeTime(recorded.periodEnd),
                                 describeTime(expected.periodStart), describeTime(expected.periodEnd)),
                        expected.why);
            }
        } else if (!recorded.performed.isValid() && recorded.periodStart.isValid()) {
            add(CheckItem::Verdict::Wrong, QStringLiteral("performed"), subject,
                tr("an anesthesia start and end were sent — expected a single performed time %1")
                    .arg(describeTime(expected.performed)),
                why(expected.why, QStringLiteral("performed")));
        } else {
            compare(sameTime(recorded.performed, expected.performed), QStringLiteral("performed"), subject,
                    tr("performed %1 — right").arg(describeTime(recorded.performed)),
                    tr("performed %1 — expected %2")
                        .arg(describeTime(recorded.performed), describeTime(expected.performed)),
                    expected.why);
        }
        if (expected.checkDiagnoses) {
            QString wrong;
            if (recorded.diagnoses == expected.diagnoses) {
                wrong.clear();
            } else if (QSet<QString>(recorded.diagnoses.cbegin(), recorded.diagnoses.cend()) ==
                           QSet<QString>(expected.diagnoses.cbegin(), expected.diagnoses.cend()) &&
                       recorded.diagnoses.size() == expected.diagnoses.size()) {
                wrong = tr("diagnoses %1 — expected the order %2 (the first is the main reason)")
                            .arg(diagnosisList(recorded.diagnoses), diagnosisList(expected.diagnoses));
            } else {
                wrong = tr("diagnoses %1 — expected %2")
                            .arg(diagnosisList(recorded.diagnoses), diagnosisList(expected.diagnoses));
            }
            compare(wrong.isEmpty(), QStringLiteral("diagnoses"), subject,
                    tr("diagnoses %1 — right").arg(diagnosisList(recorded.diagnoses)), wrong, expected.why);
        }
    }

    void checkOrder(const QList<const ExpectedProcedure *> &expectedHere, const QList<qsizetype> &pairedIndex,
                    const QString &encounter)
    {
        if (expectedHere.size() < 2 || pairedIndex.contains(-1))
            return;
        const QList<Recorded> &recorded = m_recorded.value(encounter);
        QStringList expectedCodes, recordedCodes;
        QList<std::pair<qsizetype, QString>> byRecordedOrder;
        for (qsizetype i = 0; i < expectedHere.size(); ++i) {
            expectedCodes.append(expectedHere.at(i)->code);
            byRecordedOrder.append({pairedIndex.at(i), recorded.at(pairedIndex.at(i)).code});
        }
        std::sort(byRecordedOrder.begin(), byRecordedOrder.end());
        for (const auto &[index, code] : std::as_const(byRecordedOrder))
            recordedCodes.append(code);
        const bool inOrder = std::is_sorted(pairedIndex.cbegin(), pairedIndex.cend());
        compare(inOrder, QStringLiteral("order"), encounter,
                tr("order on %1: %2 — right").arg(encounter, recordedCodes.join(QStringLiteral(", "))),
                tr("order on %1: %2 — expected %3")
                    .arg(encounter, recordedCodes.join(QStringLiteral(", ")),
                         expectedCodes.join(QStringLiteral(", "))),
                expectedHere.first()->why);
    }

    void checkRefusal(const ExpectedRefusal &expected)
    {
        const QString subject = tr("%1 on %2").arg(expected.code, expected.encounterId);
        if (!m_snapshot.refusals) {
            add(CheckItem::Verdict::NotChecked, QStringLiteral("refused"), subject,
                tr("whether %1 was refused with %2 is not known: this EHR does not list its refusals")
                    .arg(subject, expected.ehrCode));
            return;
        }
        QStringList codesSeen;
        for (const QJsonObject &procedure : *m_snapshot.refusals) {
            const auto read = ::Fhir::ProcedureReader::read(procedure);
            if (!read.entry || read.entry->encounter.id() != expected.encounterId ||
                read.entry->code.code != expected.code)
                continue;
            for (const auto &tag :
                 procedure.value(QStringLiteral("meta")).toObject().value(QStringLiteral("tag")).toArray()) {
                if (tag.toObject().value(QStringLiteral("system")).toString() ==
                    QLatin1String(::Fhir::Urls::SandboxRefusalTag))
                    codesSeen.append(tag.toObject().value(QStringLiteral("code")).toString());
            }
        }
        codesSeen.removeDuplicates();
        if (codesSeen.contains(expected.ehrCode)) {
            add(CheckItem::Verdict::Right, QStringLiteral("refused"), subject,
                tr("%1 was refused with %2 — right").arg(subject, expected.ehrCode));
        } else if (!codesSeen.isEmpty()) {
            add(CheckItem::Verdict::Wrong, QStringLiteral("refused"), subject,
                tr("%1 was refused with %2 — expected %3")
                    .arg(subject, codesSeen.join(QStringLiteral(", ")), expected.ehrCode),
                why(expected.why, QStringLiteral("refused")));
        } else {
            add(CheckItem::Verdict::Wrong, QStringLiteral("refused"), subject,
                tr("%1 was never refused — expected the EHR to refuse it with %2")
                    .arg(subject, expected.ehrCode),
                why(expected.why, QStringLiteral("refused")));
        }
    }

    void checkDiscard(const ExpectedDiscard &expected)
    {
        const QString subject = tr("%1 on %2").arg(expected.code, expected.encounterId);
        const QString explanation = why(expected.why, QStringLiteral("discarded"));
        // Recorded by the EHR after all: that is the mistake, whatever the outbox says.
        const QList<Recorded> &recorded = m_recorded.value(expected.encounterId);
        QSet<qsizetype> &accounted = m_accounted[expected.encounterId];
        for (qsizetype i = 0; i < recorded.size(); ++i) {
            if (accounted.contains(i) || recorded.at(i).code != expected.code)
                continue;
            accounted.insert(i);
            add(CheckItem::Verdict::Wrong, QStringLiteral("discarded"), subject,
                tr("%1 was recorded by the EHR (%2) — expected the line discarded")
                    .arg(subject, recorded.at(i).id),
                explanation);
            return;
        }
        if (!m_snapshot.outbox) {
            add(CheckItem::Verdict::NotChecked, QStringLiteral("discarded"), subject,
                tr("%1 is not recorded by the EHR; whether its line was discarded is not known without the "
                   "outbox")
                    .arg(subject));
            return;
        }
        bool discarded = false;
        QString openState;
        for (const auto &line : *m_snapshot.outbox) {
            if (line.encounterId != expected.encounterId || line.code != expected.code)
                continue;
            if (line.state == Outbox::LineState::Discarded)
                discarded = true;
            else if (line.isOpen())
                openState = waitingText(line.state);
        }
        if (!openState.isEmpty())
            add(CheckItem::Verdict::Wrong, QStringLiteral("discarded"), subject,
                tr("the %1 line is still %2 — expected it discarded").arg(subject, openState), explanation);
        else if (discarded)
            add(CheckItem::Verdict::Right, QStringLiteral("discarded"), subject,
                tr("the %1 line was discarded — right").arg(subject));
        else
            add(CheckItem::Verdict::Wrong, QStringLiteral("discarded"), subject,
                tr("there is no %1 line — expected it entered, refused and discarded").arg(subject),
                explanation);
    }

    static QString waitingText(Outbox::LineState state)
    {
        return state == Outbox::LineState::NeedsCorrection ? tr("waiting for correction")
                                                           : tr("waiting to be sent");
    }

    /// A line of the drill still in the queue is unfinished work, unless the drill's answer is to discard it.
    void checkQueue(const QString &encounter)
    {
        for (const auto &line : *m_snapshot.outbox) {
            if (line.encounterId != encounter || !line.isOpen())
                continue;
            const bool toDiscard = std::any_of(
                m_drill.discards.cbegin(), m_drill.discards.cend(), [&line](const ExpectedDiscard &discard) {
                    return discard.encounterId == line.encounterId && discard.code == line.code;
                });
            if (toDiscard)
                continue;
            const QString subject = tr("%1 on %2").arg(line.code, encounter);
            add(CheckItem::Verdict::Wrong, QStringLiteral("queue"), subject,
                tr("the %1 line is still %2 — expected every line of the drill sent or discarded")
                    .arg(subject, waitingText(line.state)));
        }
    }

    void checkNothingElse(const QString &encounter)
    {
        const QList<Recorded> &recorded = m_recorded.value(encounter);
        const QSet<qsizetype> &accounted = m_accounted.value(encounter);
        for (qsizetype i = 0; i < recorded.size(); ++i) {
            if (accounted.contains(i))
                continue;
            add(CheckItem::Verdict::Wrong, QStringLiteral("extra"),
                tr("%1 on %2").arg(recorded.at(i).code, encounter),
                tr("%1 (%2) is recorded on %3 — not expected")
                    .arg(recorded.at(i).code, recorded.at(i).id, encounter));
        }
    }

    const Drill &m_drill;
    const EhrSnapshot &m_snapshot;
    QString m_language;
    CheckReport m_report;
    QHash<QString, QList<Recorded>> m_recorded;
    QHash<QString, QSet<qsizetype>> m_accounted;
};

QString verdictName(CheckItem::Verdict verdict)
{
    switch (verdict) {
    case CheckItem::Verdict::Right:
        return QStringLiteral("right");
    case CheckItem::Verdict::Wrong:
        return QStringLiteral("wrong");
    case CheckItem::Verdict::NotChecked:
        break;
    }
    return QStringLiteral("not-checked");
}

} // namespace

int CheckReport::right() const
{
    return int(std::count_if(items.cbegin(), items.cend(), [](const CheckItem &item) {
        return item.verdict == CheckItem::Verdict::Right;
    }));
}

int CheckReport::wrong() const
{
    return int(std::count_if(items.cbegin(), items.cend(), [](const CheckItem &item) {
        return item.verdict == CheckItem::Verdict::Wrong;
    }));
}

int CheckReport::percent() const
{
    const int total = checked();
    return total == 0 ? 0 : right() * 100 / total;
}

QStringList CheckReport::mistakes() const
{
    QStringList texts;
    for (const auto &item : items) {
        if (item.verdict == CheckItem::Verdict::Wrong)
            texts.append(item.text);
    }
    return texts;
}

QJsonObject CheckReport::toJson() const
{
    QJsonArray list;
    for (const auto &item : items)
        list.append(QJsonObject{{QStringLiteral("verdict"), verdictName(item.verdict)},
                                {QStringLiteral("field"), item.field},
                                {QStringLiteral("subject"), item.subject},
                                {QStringLiteral("text"), item.text}});
    return {{QStringLiteral("correct"), correct()},
            {QStringLiteral("percent"), percent()},
            {QStringLiteral("right"), right()},
            {QStringLiteral("wrong"), wrong()},
            {QStringLiteral("items"), list}};
}

CheckReport checkDrill(const Drill &drill, const EhrSnapshot &snapshot, const QString &language)
{
    return Check(drill, snapshot, language).run();
}

} // namespace Drills
