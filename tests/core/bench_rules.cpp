// Validates and serialises procedure lines; prints lines per second (items_per_second, per CPU
// second), then each figure beside its goal and as a ratio to validating alone, measured in the
// same run. Run: build/release/tests/core/bench_rules   (or scripts/bench.sh)
#include <benchmark/benchmark.h>
#include <map>
#include <string>
#include <tuple>

#include <QTimeZone>

#include "../common/benchgoal.h"
#include "fhir/procedurereader.h"
#include "fhir/procedurewriter.h"
#include "rules/validator.h"

namespace {

constexpr int LinesPerIteration = 100000;

QList<Model::ProcedureEntry> makeLines()
{
    const QTimeZone chicago("America/Chicago");
    const QStringList codes{QStringLiteral("20610"), QStringLiteral("99213"), QStringLiteral("00400"),
                            QStringLiteral("3074F"), QStringLiteral("0042T")};
    QList<Model::ProcedureEntry> lines;
    lines.reserve(LinesPerIteration);
    for (int i = 0; i < LinesPerIteration; ++i) {
        Model::ProcedureEntry entry;
        entry.status = QStringLiteral("completed");
        entry.category = Model::Coding{QLatin1String(Model::Systems::Snomed),
                                       {},
                                       QStringLiteral("387713003"),
                                       QStringLiteral("Surgical procedure")};
        entry.code = {QLatin1String(Model::Systems::Cpt), QStringLiteral("2026"), codes.at(i % codes.size()),
                      QStringLiteral("Procedure description")};
        entry.subject =
            Model::Reference::to(QStringLiteral("Patient"), QStringLiteral("Patient-%1").arg(i % 500));
        entry.encounter =
            Model::Reference::to(QStringLiteral("Encounter"), QStringLiteral("Encounter-%1").arg(i));
        const QDateTime start(QDate(2026, 3, 1).addDays(i % 28), QTime(8, 0).addSecs(60 * (i % 600)),
                              chicago);
        if (entry.code.code == u"00400")
            entry.performedPeriod = {start, start.addSecs(75 * 60)};
        else
            entry.performedDateTime = start;
        entry.recordedDate = start.addSecs(2 * 3600);
        entry.reasonReferences = {{QStringLiteral("Condition/C-%1").arg(i % 97)},
                                  {QStringLiteral("Condition/C-%1").arg(i % 89 + 100)}};
        entry.fillDefaults();
        lines.append(entry);
    }
    return lines;
}

const QList<Model::ProcedureEntry> &lines()
{
    static const QList<Model::ProcedureEntry> generated = makeLines();
    return generated;
}

Rules::ValidationContext serverLikeContext()
{
    Rules::ValidationContext context;
    context.now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    context.patientExists = true;
    context.encounter = Rules::EncounterFacts{};
    QSet<QString> conditions;
    for (int i = 0; i < 200; ++i)
        conditions.insert(QStringLiteral("C-%1").arg(i));
    context.patientConditionIds = conditions;
    return context;
}

const QList<QByteArray> &documents()
{
    static const QList<QByteArray> written = [] {
        QList<QByteArray> result;
        for (const auto &line : lines())
            result.append(*Fhir::ProcedureWriter().toBytes(line, false));
        return result;
    }();
    return written;
}

/// Runs perItem over every item in each iteration; the rate is items per CPU second.
template<typename Item, typename PerItem>
void overEach(benchmark::State &state, const QList<Item> &items, PerItem perItem)
{
    for (auto _ : state) {
        qsizetype sum = 0;
        for (const auto &item : items)
            sum += perItem(item);
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * items.size());
}

void validate(benchmark::State &state)
{
    const Rules::ValidationContext context = serverLikeContext();
    overEach(state, lines(), [&](const Model::ProcedureEntry &line) {
        return Rules::Validator::check(line, context).size();
    });
}

void serialise(benchmark::State &state)
{
    const Fhir::ProcedureWriter writer;
    overEach(state, lines(),
             [&](const Model::ProcedureEntry &line) { return writer.toBytes(line, false)->size(); });
}

void read(benchmark::State &state)
{
    documents(); // written before the clock starts
    overEach(state, documents(), [](const QByteArray &document) {
        return qsizetype(Fhir::ProcedureReader::read(document).entry.has_value());
    });
}

void validateAndSerialise(benchmark::State &state)
{
    const Rules::ValidationContext context = serverLikeContext();
    const Fhir::ProcedureWriter writer;
    overEach(state, lines(), [&](const Model::ProcedureEntry &line) -> qsizetype {
        if (Model::hasErrors(Rules::Validator::check(line, context)))
            return 0;
        return writer.toBytes(line, false)->size();
    });
}

void readValidateAndSerialise(benchmark::State &state)
{
    const Rules::ValidationContext context = serverLikeContext();
    const Fhir::ProcedureWriter writer;
    documents(); // written before the clock starts
    overEach(state, documents(), [&](const QByteArray &document) -> qsizetype {
        const auto read = Fhir::ProcedureReader::read(document);
        if (!read.entry || Model::hasErrors(Rules::Validator::check(*read.entry, context)))
            return 0;
        return writer.toBytes(*read.entry, false)->size();
    });
}

/// The console table as usual, keeping each benchmark's lines per second for the summary.
class RateReporter : public benchmark::ConsoleReporter
{
public:
    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &run : runs)
            m_rates[run.run_name.function_name] = run.counters.at("items_per_second").value;
        ConsoleReporter::ReportRuns(runs);
    }
    double rate(const std::string &name) const
    {
        const auto found = m_rates.find(name);
        return found == m_rates.end() ? 0 : found->second;
    }

private:
    std::map<std::string, double> m_rates;
};

} // namespace

BENCHMARK(validate)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(serialise)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(read)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(validateAndSerialise)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(readValidateAndSerialise)->Unit(benchmark::kMillisecond)->MinTime(2.0);

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    RateReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    const double validated = reporter.rate("validate");
    if (validated <= 0)
        return 0; // filtered out: no floor to compare with
    // The goals are in lines per CPU second; each is also shown against validating alone, its floor.
    for (const auto &[name, function, goal] :
         {std::tuple{"validate+serialise lines/s", "validateAndSerialise", 200000},
          std::tuple{"read+validate+serialise lines/s", "readValidateAndSerialise", 100000}}) {
        const double rate = reporter.rate(function);
        if (rate <= 0)
            continue;
        const QByteArray note = QByteArrayLiteral("(") + QByteArray::number(rate / validated, 'f', 2) +
                                " of validate alone, " + QByteArray::number(validated, 'f', 0) + " lines/s)";
        printGoal(name, rate, GoalKind::AtLeast, goal, "", note.constData());
    }
    return 0;
}
