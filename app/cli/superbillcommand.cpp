#include <QEventLoop>
#include <QTimer>

#include "clicontext.h"
#include "common/clock.h"
#include "outbox/patientdirectory.h"
#include "superbill/practice.h"
#include "superbillpdf.h"

namespace Cli {

namespace {

const auto Usage = QStringLiteral("Usage: superbill-cli superbill print --encounter ID --out FILE.pdf "
                                  "[--paper letter|a4] [--ehr URL] [--db FILE]\n");

/// What the EHR (or, when it cannot answer, the offline copy) says about the encounter's people.
struct EncounterRecords
{
    Ehr::PatientSummary patient;
    Ehr::EncounterSummary encounter;
    QList<Ehr::ConditionSummary> conditions;
    bool fromCache = false;
    QDateTime cachedAt;
};

/// Asks the directory for the patient, their encounters and diagnoses at once and waits for all three,
/// at most maxSeconds; what has not come by then is taken from the offline copy.
EncounterRecords fetchRecords(Outbox::PatientDirectory &directory, const QString &patientId,
                              const QString &encounterId, int maxSeconds)
{
    EncounterRecords records;
    records.patient.id = patientId;
    records.encounter.id = encounterId;
    records.encounter.patientId = patientId;
    std::optional<Outbox::PatientResult> patients;
    std::optional<Outbox::EncounterResult> encounters;
    std::optional<Outbox::ConditionResult> conditions;
    QEventLoop loop;
    const auto allIn = [&] { return patients && encounters && conditions; };
    const auto arrived = [&] {
        if (allIn())
            loop.quit();
    };
    directory.searchPatients(patientId, &loop, [&](const Outbox::PatientResult &result) {
        patients = result;
        arrived();
    });
    directory.encountersOf(patientId, &loop, [&](const Outbox::EncounterResult &result) {
        encounters = result;
        arrived();
    });
    directory.conditionsOf(patientId, QString(), &loop, [&](const Outbox::ConditionResult &result) {
        conditions = result;
        arrived();
    });
    if (!allIn()) {
        QTimer::singleShot(std::chrono::seconds(maxSeconds), &loop, &QEventLoop::quit);
        loop.exec();
    }
    const Outbox::OfflineCache &cache = directory.cache();
    if (!patients)
        patients = Outbox::PatientResult{cache.searchPatients(patientId), true, {}, {}};
    if (!encounters)
        encounters = Outbox::EncounterResult{cache.encountersOf(patientId), true, {}, {}};
    if (!conditions)
        conditions = Outbox::ConditionResult{cache.conditionsOf(patientId), true, {}, {}};
    for (const auto &patient : patients->items) {
        if (patient.id == patientId)
            records.patient = patient;
    }
    for (const auto &encounter : encounters->items) {
        if (encounter.id == encounterId)
            records.encounter = encounter;
    }
    records.conditions = conditions->items;
    records.fromCache = patients->fromCache || encounters->fromCache || conditions->fromCache;
    for (const QDateTime &at : {patients->cachedAt, encounters->cachedAt, conditions->cachedAt}) {
        if (at.isValid() && (!records.cachedAt.isValid() || at < records.cachedAt))
            records.cachedAt = at;
    }
    return records;
}

int runPrint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints an encounter's superbill to a PDF: the practice's name and address (practice.ini, written\n"
        "by the app's Settings), the patient, the encounter, its diagnoses with their pointer letters and\n"
        "every line in the outbox with its code, description, time, pointers and state. Patient, encounter\n"
        "and diagnoses come from the EHR, or from the offline copy when it cannot be reached.\n"
        "Exit status: 0 printed, 1 nothing known about the encounter or the PDF cannot be written,\n"
        "2 usage error."));
    parser.addHelpOption();
    const QCommandLineOption encounterOption(QStringLiteral("encounter"),
                                             QStringLiteral("The encounter's id."), QStringLiteral("ID"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("The PDF to write."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption paperOption(QStringLiteral("paper"),
                                         QStringLiteral("letter or a4 (default: the practice's setting)."),
                                         QStringLiteral("SIZE"));
    parser.addOptions({encounterOption, outOption, paperOption});
    OutboxOptions options;
    options.json.setFlags(QCommandLineOption::HiddenFromHelp);
    options.dialect.setFlags(QCommandLineOption::HiddenFromHelp);
    options.maxTime.setDescription(
        QStringLiteral("Wait at most this many seconds for the EHR (default 120)."));
    options.addTo(parser, true);
    if (const auto exit = parseArguments(parser, arguments, QStringLiteral("superbill print")))
        return *exit;
    if (!parser.isSet(encounterOption) || !parser.isSet(outOption) ||
        !parser.positionalArguments().isEmpty()) {
        err() << "superbill print: give --encounter ID and --out FILE.pdf\n" << Usage << Qt::flush;
        return UsageError;
    }
    Superbill::PracticeDetails practice = Superbill::PracticeDetails::load();
    if (parser.isSet(paperOption)) {
        const auto paper = Superbill::paperFromName(parser.value(paperOption));
        if (!paper) {
            err() << "superbill print: --paper must be letter or a4" << Qt::endl;
            return UsageError;
        }
        practice.paper = *paper;
    }
    const auto settings = resolveSettings(parser, options, QStringLiteral("superbill print"));
    const auto maxSeconds = maxTimeSeconds(parser, options, QStringLiteral("superbill print"));
    if (!settings || !maxSeconds)
        return UsageError;
    const auto store = openStore(*settings, QStringLiteral("superbill print"));
    if (!store)
        return Failure;

    const QString encounterId = parser.value(encounterOption);
    const auto lines = store->lines({.encounterId = encounterId});
    if (!lines) {
        err() << "superbill print: " << shown(lines.error().text()) << Qt::endl;
        return Failure;
    }
    // Without an EHR address the client refuses every request and the offline copy answers.
    std::unique_ptr<Ehr::EhrClient> client =
        settings->ehrUrl.isEmpty()
            ? std::make_unique<Ehr::EhrClient>()
            : makeClient(parser, options, *settings, QStringLiteral("superbill print"));
    if (!client)
        return Failure;
    Outbox::PatientDirectory directory(client.get(), store.get());
    QString patientId = lines->isEmpty() ? QString() : lines->constFirst().patientId;
    if (patientId.isEmpty()) {
        if (const auto cached = directory.cache().encounter(encounterId))
            patientId = cached->patientId;
    }
    if (patientId.isEmpty()) {
        err() << "superbill print: " << shown(encounterId)
              << " has no lines in the outbox and is not in the offline copy; nothing to print" << Qt::endl;
        return Failure;
    }
    const EncounterRecords records = fetchRecords(directory, patientId, encounterId, *maxSeconds);

    Print::PrintSource source;
    source.practice = practice;
    source.patient = records.patient;
    source.encounter = records.encounter;
    source.conditions = records.conditions;
    source.lines = *lines;
    source.clinicZone = QTimeZone::systemTimeZone();
    source.now = Common::Clock::system().nowUtc();
    const Print::SuperbillPrintout printout = Print::makePrintout(source);
    const QString target = parser.value(outOption);
    if (const Common::Status written = Print::writeSuperbillPdf(printout, target, practice.paper); !written) {
        err() << "superbill print: " << shown(written.error().text()) << Qt::endl;
        return Failure;
    }
    out() << shown(target) << ": superbill of " << shown(encounterId) << ", " << printout.lines.size()
          << " lines, " << printout.diagnoses.size() << " diagnoses, "
          << (records.fromCache
                  ? QStringLiteral("patient and encounter from the offline copy%1")
                        .arg(records.cachedAt.isValid()
                                 ? QStringLiteral(" of ") + records.cachedAt.toString(Qt::ISODate)
                                 : QString())
                  : QStringLiteral("patient and encounter from the EHR"))
          << Qt::endl;
    return Success;
}

int runSuperbill(const QStringList &arguments)
{
    return runAction(arguments, QStringLiteral("superbill"), {{QStringLiteral("print"), runPrint}}, Usage);
}

} // namespace

Command superbillCommand()
{
    return {0, QStringLiteral("superbill"), QStringLiteral("Print an encounter's superbill to a PDF."),
            runSuperbill, true};
}

const CommandRegistrar superbillRegistrar(60, superbillCommand);

} // namespace Cli
