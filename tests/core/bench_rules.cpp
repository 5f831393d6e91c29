// Validates and serialises procedure lines; prints lines per second (items_per_second).
// Run: build/release/tests/core/bench_rules   (or scripts/bench.sh)
#include <benchmark/benchmark.h>

#include <QTimeZone>

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

void validate(benchmark::State &state)
{
    const Rules::ValidationContext context = serverLikeContext();
    for (auto _ : state) {
        qsizetype findings = 0;
        for (const auto &line : lines())
            findings += Rules::Validator::check(line, context).size();
        benchmark::DoNotOptimize(findings);
    }
    state.SetItemsProcessed(state.iterations() * LinesPerIteration);
}

void validateAndSerialise(benchmark::State &state)
{
    const Rules::ValidationContext context = serverLikeContext();
    const Fhir::ProcedureWriter writer;
    for (auto _ : state) {
        qsizetype bytes = 0;
        for (const auto &line : lines()) {
            if (!Model::hasErrors(Rules::Validator::check(line, context)))
                bytes += writer.toBytes(line, false).size();
        }
        benchmark::DoNotOptimize(bytes);
    }
    state.SetItemsProcessed(state.iterations() * LinesPerIteration);
}

void readValidateAndSerialise(benchmark::State &state)
{
    const Fhir::ProcedureWriter writer;
    QList<QByteArray> documents;
    for (const auto &line : lines())
        documents.append(writer.toBytes(line, false));
    const Rules::ValidationContext context = serverLikeContext();
    for (auto _ : state) {
        qsizetype bytes = 0;
        for (const auto &document : std::as_const(documents)) {
            const auto read = Fhir::ProcedureReader::read(document);
            if (read.entry && !Model::hasErrors(Rules::Validator::check(*read.entry, context)))
                bytes += writer.toBytes(*read.entry, false).size();
        }
        benchmark::DoNotOptimize(bytes);
    }
    state.SetItemsProcessed(state.iterations() * LinesPerIteration);
}

} // namespace

BENCHMARK(validate)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(validateAndSerialise)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(readValidateAndSerialise)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_MAIN();
