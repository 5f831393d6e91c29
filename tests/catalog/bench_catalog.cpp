// Search-as-you-type over a catalog of 20,000 generated codes with the shipped synonym table: the
// time of one search per keystroke (median and 99th percentile by query length, for code-like,
// word-like and clerk-like queries with synonyms, typos and numbers), the time to load the catalog
// (SQLite read + index build) and to build the index alone; reading a 5 MB quote-heavy code file;
// and the hit rates of the labelled query sets on the training catalog. Prints figures; asserts
// nothing.

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdio>
#include <random>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include "catalog/codecatalog.h"
#include "catalog/csvreader.h"
#include "labelledqueries.h"

namespace {

constexpr int CodeCount = 20000;
constexpr int MaxQueryLength = 12;

const char *const Procedures[] = {
    "Arthroscopy",     "Arthroplasty", "Arthrocentesis", "Biopsy",     "Excision",     "Incision",
    "Drainage",        "Repair",       "Reconstruction", "Injection",  "Aspiration",   "Removal",
    "Insertion",       "Replacement",  "Fixation",       "Amputation", "Debridement",  "Destruction",
    "Imaging",         "Ultrasound",   "Radiography",    "Endoscopy",  "Colonoscopy",  "Catheterization",
    "Transplantation", "Anesthesia",   "Evaluation",     "Ligation",   "Manipulation", "Decompression",
    "Fusion",          "Osteotomy",    "Tenotomy",       "Neurolysis"};
const char *const Sites[] = {
    "knee",     "hip",     "shoulder", "elbow",     "wrist",  "ankle",   "foot",     "hand",   "finger",
    "toe",      "spine",   "neck",     "scalp",     "face",   "eyelid",  "nose",     "ear",    "lip",
    "tongue",   "thyroid", "breast",   "chest",     "lung",   "heart",   "liver",    "kidney", "bladder",
    "uterus",   "ovary",   "prostate", "colon",     "rectum", "stomach", "pancreas", "skin",   "tendon",
    "ligament", "bursa",   "meniscus", "cartilage", "artery", "vein",    "nerve",    "muscle", "bone"};
const char *const Qualifiers[] = {"open",    "percutaneous", "laparoscopic", "endoscopic", "simple",
                                  "complex", "partial",      "total",        "bilateral",  "unilateral",
                                  "initial", "subsequent",   "major",        "minor",      "superficial",
                                  "deep",    "anterior",     "posterior",    "medial",     "lateral"};
const char *const Details[] = {"with ultrasound guidance",
                               "without imaging guidance",
                               "each additional lesion",
                               "first 30 minutes",
                               "single view",
                               "two or more views",
                               "with contrast",
                               "without contrast",
                               "including biopsy",
                               "with graft",
                               "under 2 cm",
                               "over 5 cm",
                               "with interpretation and report",
                               "per session",
                               "not otherwise specified"};

template<typename T, std::size_t N>
const char *pick(std::mt19937 &random, const T (&list)[N])
{
    return list[std::uniform_int_distribution<std::size_t>(0, N - 1)(random)];
}

QByteArray generatedCsv()
{
    std::mt19937 random(20260314);
    QByteArray csv("code,display,version\n");
    // Mostly Category I numbers, with anesthesia, Category II and III codes mixed in, as in real files.
    for (int i = 0; i < CodeCount; ++i) {
        QByteArray code;
        if (i % 20 == 0)
            code = QByteArray::number(100 + i / 20).rightJustified(5, '0');
        else if (i % 50 == 1)
            code = QByteArray::number(1000 + i / 50).rightJustified(4, '0') + 'F';
        else if (i % 50 == 2)
            code = QByteArray::number(i / 50).rightJustified(4, '0') + 'T';
        else
            code = QByteArray::number(10000 + i * 4 + i % 3);
        QByteArray display = QByteArray(pick(random, Procedures)) + ", " + pick(random, Qualifiers) + ' ' +
                             pick(random, Sites);
        if (random() % 2)
            display += QByteArray(" and ") + pick(random, Sites);
        display += QByteArray("; ") + pick(random, Details);
        csv += code + ",\"" + display + "\",2026\n";
    }
    return csv;
}

// What clerks type, one keystroke at a time.
const QStringList &codeQueries()
{
    static const QStringList queries = {
        QStringLiteral("20610"), QStringLiteral("10044"), QStringLiteral("00142"), QStringLiteral("1040F"),
        QStringLiteral("0123T"), QStringLiteral("99999"), QStringLiteral("5"),     QStringLiteral("7310")};
    return queries;
}

const QStringList &wordQueries()
{
    static const QStringList queries = {
        QStringLiteral("arthroscopy knee"),   QStringLiteral("knee arthro"),
        QStringLiteral("injection shoulder"), QStringLiteral("biopsy skin"),
        QStringLiteral("ultrasound guid"),    QStringLiteral("colonoscopy"),
        QStringLiteral("total hip"),          QStringLiteral("lateral menisc"),
        QStringLiteral("ANESTHÉSIA neck"),    QStringLiteral("centesis"),
        QStringLiteral("zqxvwy plorp"),       QStringLiteral("with contrast")};
    return queries;
}

// As clerks and clinicians type: synonyms, abbreviations, a typo, numbers, a denied word.
const QStringList &clerkQueries()
{
    static const QStringList queries = {QStringLiteral("knee injection"),  QStringLiteral("flu shot"),
                                        QStringLiteral("x-ray shoulder"),  QStringLiteral("colonscopy"),
                                        QStringLiteral("est pt 15 min"),   QStringLiteral("i&d abscess"),
                                        QStringLiteral("us guided hip"),   QStringLiteral("ct w/o contrast"),
                                        QStringLiteral("lac repair 3 cm"), QStringLiteral("bx skin"),
                                        QStringLiteral("arthrocentisis"),  QStringLiteral("ekg")};
    return queries;
}

// Every prefix of 1..12 characters of each query.
QStringList keystrokes(const QStringList &queries)
{
    QStringList typed;
    for (const QString &query : queries) {
        for (int length = 1; length <= std::min<int>(MaxQueryLength, int(query.size())); ++length)
            typed.append(query.left(length));
    }
    return typed;
}

struct Fixture
{
    QTemporaryDir dir;
    QString path;
    double importMs = 0;
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto index = std::size_t(p * double(samples.size() - 1) + 0.5);
    return samples[std::min(index, samples.size() - 1)];
}

void BM_LoadCatalog(benchmark::State &state)
{
    for (auto _ : state) {
        Catalog::CodeCatalog catalog;
        const bool opened = catalog.open(fixture().path);
        benchmark::DoNotOptimize(opened);
        if (!opened || catalog.size() != CodeCount)
            state.SkipWithError("the generated catalog did not load");
    }
}
BENCHMARK(BM_LoadCatalog)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_BuildIndex(benchmark::State &state)
{
    Catalog::CodeCatalog catalog;
    catalog.open(fixture().path);
    const Catalog::CodeEntries entries = catalog.index()->entries();
    const Catalog::Synonyms &synonyms = Catalog::SynonymFile::shipped();
    for (auto _ : state) {
        Catalog::SearchIndex index(entries, synonyms);
        benchmark::DoNotOptimize(index.size());
    }
}
BENCHMARK(BM_BuildIndex)->Unit(benchmark::kMillisecond)->Iterations(10);

// A code file in which every description is quote-heavy: doubled quotes inside the quoted part, then
// quotes between blanks after it, as hand edits and broken exports leave them. The reader was
// quadratic in the length of such a field (a 200 KB file took 7 s); MB/s should stay flat from
// 1 MB to 5 MB and from short fields to long ones.
QByteArray quoteHeavyCsv(qsizetype bytes, qsizetype fieldBytes)
{
    QByteArray csv("code,display,version\n");
    for (int row = 0; csv.size() < bytes; ++row) {
        csv += QByteArray::number(10000 + row % 90000) + ",\"Joint \"\"injection\"\", \"\"knee\"\"\"";
        for (qsizetype field = 0; field < fieldBytes; field += 4)
            csv += " \" \"";
        csv += ",2026\n";
    }
    return csv;
}

// Arguments: file size in MB, field length in KB.
void BM_ReadQuoteHeavyCsv(benchmark::State &state)
{
    const QByteArray csv =
        quoteHeavyCsv(qsizetype(state.range(0)) * 1024 * 1024, qsizetype(state.range(1)) * 1024);
    for (auto _ : state) {
        const Catalog::CsvTable table = Catalog::CsvReader::read(csv);
        benchmark::DoNotOptimize(table.records.size());
    }
    state.SetBytesProcessed(state.iterations() * csv.size());
}
BENCHMARK(BM_ReadQuoteHeavyCsv)
    ->Args({1, 1})
    ->Args({5, 1})
    ->Args({5, 256})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// One iteration is one keystroke; the percentiles come from timing each one.
void keystrokeBenchmark(benchmark::State &state, const QStringList &queries)
{
    Catalog::CodeCatalog catalog;
    catalog.open(fixture().path);
    const QStringList typed = keystrokes(queries);
    std::vector<double> micros;
    qsizetype next = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        const auto found = catalog.search(typed.at(next), Catalog::CodeCatalog::DefaultLimit);
        const auto end = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(found.size());
        micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
        next = (next + 1) % typed.size();
    }
    state.counters["p50_us"] = percentile(micros, 0.50);
    state.counters["p99_us"] = percentile(micros, 0.99);
    state.counters["max_us"] = percentile(micros, 1.0);
}

void BM_KeystrokeCode(benchmark::State &state)
{
    keystrokeBenchmark(state, codeQueries());
}
BENCHMARK(BM_KeystrokeCode)->Unit(benchmark::kMicrosecond);

void BM_KeystrokeWords(benchmark::State &state)
{
    keystrokeBenchmark(state, wordQueries());
}
BENCHMARK(BM_KeystrokeWords)->Unit(benchmark::kMicrosecond);

void BM_KeystrokeClerk(benchmark::State &state)
{
    keystrokeBenchmark(state, clerkQueries());
}
BENCHMARK(BM_KeystrokeClerk)->Unit(benchmark::kMicrosecond);

// The table for the README: per query length, every keystroke of every query, many rounds.
void printKeystrokeTable()
{
    Catalog::CodeCatalog catalog;
    catalog.open(fixture().path);
    constexpr int Rounds = 60;
    std::printf(
        "\nOne search per keystroke, %d codes, %lld synonyms in use, limit %d, %d rounds (microseconds)\n",
        CodeCount, static_cast<long long>(catalog.index()->synonymCount()),
        Catalog::CodeCatalog::DefaultLimit, Rounds);
    std::printf("%-7s %10s %10s %10s %10s %10s %10s\n", "length", "code p50", "code p99", "words p50",
                "words p99", "clerk p50", "clerk p99");
    const QStringList *kinds[] = {&codeQueries(), &wordQueries(), &clerkQueries()};
    std::vector<double> all[3];
    for (int length = 1; length <= MaxQueryLength; ++length) {
        std::vector<double> byKind[3];
        for (int kind = 0; kind < 3; ++kind) {
            for (const QString &query : *kinds[kind]) {
                if (query.size() < length)
                    continue;
                const QString typed = query.left(length);
                for (int round = 0; round < Rounds; ++round) {
                    QElapsedTimer timer;
                    timer.start();
                    const auto found = catalog.search(typed, Catalog::CodeCatalog::DefaultLimit);
                    const double us = double(timer.nsecsElapsed()) / 1000.0;
                    benchmark::DoNotOptimize(found.size());
                    byKind[kind].push_back(us);
                }
            }
            all[kind].insert(all[kind].end(), byKind[kind].begin(), byKind[kind].end());
        }
        auto cell = [](const std::vector<double> &v, double p) {
            return v.empty() ? QByteArray("-") : QByteArray::number(percentile(v, p), 'f', 1);
        };
        std::printf("%-7d %10s %10s %10s %10s %10s %10s\n", length, cell(byKind[0], 0.5).constData(),
                    cell(byKind[0], 0.99).constData(), cell(byKind[1], 0.5).constData(),
                    cell(byKind[1], 0.99).constData(), cell(byKind[2], 0.5).constData(),
                    cell(byKind[2], 0.99).constData());
    }
    std::printf("%-7s %10.1f %10.1f %10.1f %10.1f %10.1f %10.1f\n", "all", percentile(all[0], 0.5),
                percentile(all[0], 0.99), percentile(all[1], 0.5), percentile(all[1], 0.99),
                percentile(all[2], 0.5), percentile(all[2], 0.99));
    std::vector<double> every;
    for (const auto &kind : all)
        every.insert(every.end(), kind.begin(), kind.end());
    std::printf("Every keystroke: median %.1f us, 99th percentile %.1f us (goal: 20 and 200)\n",
                percentile(every, 0.5), percentile(every, 0.99));
}

// How often the code a person means is first, and in the first three, on the training catalog.
void printHitRates()
{
    Catalog::CodeCatalog catalog;
    if (!catalog.loadTrainingCatalog())
        return;
    std::printf("\nLabelled queries on the training catalog (%lld codes, %lld synonyms in use)\n",
                static_cast<long long>(catalog.size()),
                static_cast<long long>(catalog.index()->synonymCount()));
    for (const char *name : {"search-queries.csv", "search-queries-holdout.csv"}) {
        const QList<LabelledQuery> queries =
            readLabelledQueries(QStringLiteral(SUPERBILL_TEST_DATA "/catalog/") + QLatin1String(name));
        const HitRate rate = measureHitRate(catalog, queries);
        std::printf("%-28s %3d queries: hit rate at 1 %5.1f%%, at 3 %5.1f%%\n", name, rate.queries,
                    rate.percentAtOne(), rate.percentAtThree());
        for (const QString &miss : rate.misses)
            std::printf("    miss: %s\n", qPrintable(miss));
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Fixture &f = fixture();
    if (!f.dir.isValid())
        return 1;
    f.path = f.dir.filePath(QStringLiteral("bench.sqlite"));
    {
        Catalog::CodeCatalog catalog;
        if (!catalog.open(f.path))
            return 1;
        const QByteArray csv = generatedCsv();
        QElapsedTimer timer;
        timer.start();
        const Catalog::ImportReport report = catalog.importData(csv, QStringLiteral("generated.csv"));
        f.importMs = double(timer.nsecsElapsed()) / 1e6;
        if (report.refused || report.imported != CodeCount) {
            std::fprintf(stderr, "generated catalog: %s\n", qPrintable(report.summary()));
            return 1;
        }
        std::printf("Generated %d codes (%lld bytes of CSV); first import into SQLite: %.1f ms\n", CodeCount,
                    static_cast<long long>(csv.size()), f.importMs);
    }
    printKeystrokeTable();
    printHitRates();
    std::printf("\n");
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
