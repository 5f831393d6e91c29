#include "fhirapi.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QUrlQuery>

#include "common/clock.h"
#include "fhir/datetime.h"
#include "fhir/identifiertoken.h"
#include "fhir/operationoutcome.h"
#include "logging.h"
#include "model/procedureentry.h"
#include "rules/documentcheck.h"

namespace Sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::FhirApi", text);
}

constexpr int DefaultPageSize = 20;
constexpr int MaxPageSize = 200;

const QString PatientType = QStringLiteral("Patient");
const QString EncounterType = QStringLiteral("Encounter");
const QString ConditionType = QStringLiteral("Condition");
const QString ProcedureType = QStringLiteral("Procedure");

bool isKnownType(const QString &type)
{
    return type == PatientType || type == EncounterType || type == ConditionType || type == ProcedureType;
}

/// "Patient-265" from "Patient-265" or "Patient/Patient-265".
QString referenceParameter(const QString &value, const QString &type)
{
    const QString prefix = type + u'/';
    return value.startsWith(prefix) ? value.mid(prefix.size()) : value;
}

/// Words of a name, case-folded; hyphenated and apostrophed parts count as words too.
QStringList nameWords(const QJsonObject &patient)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\\-']+"));
    QStringList words;
    for (const auto &nameValue : patient.value(QStringLiteral("name")).toArray()) {
        const QJsonObject name = nameValue.toObject();
        QStringList parts{name.value(QStringLiteral("family")).toString(),
                          name.value(QStringLiteral("text")).toString()};
        for (const auto &given : name.value(QStringLiteral("given")).toArray())
            parts.append(given.toString());
        for (const auto &part : std::as_const(parts)) {
            if (part.isEmpty())
                continue;
            const QString folded = part.toCaseFolded();
            words.append(folded);
            words.append(folded.split(separators, Qt::SkipEmptyParts));
        }
    }
    return words;
}

/// FHIR string search on a name: each comma-separated alternative is a set of
/// whitespace-separated terms that must each start some word of the name.
bool nameMatches(const QStringList &words, const QString &parameter)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    for (const auto &alternative : parameter.split(u',', Qt::SkipEmptyParts)) {
        const QStringList terms = alternative.toCaseFolded().split(whitespace, Qt::SkipEmptyParts);
        if (terms.isEmpty())
            continue;
        const bool all = std::all_of(terms.cbegin(), terms.cend(), [&words](const QString &term) {
            return std::any_of(words.cbegin(), words.cend(),
                               [&term](const QString &word) { return word.startsWith(term); });
        });
        if (all)
            return true;
    }
    return false;
}

/// The FHIR date search prefixes this server understands.
enum class Comparator
{
    Eq,
    Ne,
    Gt,
    Lt,
    Ge,
    Le
};

struct DateFilter
{
    Comparator comparator = Comparator::Eq;
    QString localPrefix; ///< a date (or part of one) compared with the encounter's local date
    QDateTime instant;   ///< a full date-time compared with the encounter's start
};

std::optional<DateFilter> parseDateFilter(const QString &text)
{
    static const QList<std::pair<QString, Comparator>> prefixes{
        {QStringLiteral("eq"), Comparator::Eq}, {QStringLiteral("ne"), Comparator::Ne},
        {QStringLiteral("gt"), Comparator::Gt}, {QStringLiteral("lt"), Comparator::Lt},
        {QStringLiteral("ge"), Comparator::Ge}, {QStringLiteral("le"), Comparator::Le}};
    static const QRegularExpression datePart(QStringLiteral("^\\d{4}(-\\d{2}(-\\d{2})?)?$"));
    DateFilter filter;
    QString value = text;
    for (const auto &[prefix, comparator] : prefixes) {
        if (value.startsWith(prefix)) {
            filter.comparator = comparator;
            value = value.mid(prefix.size());
            break;
        }
    }
    if (datePart.match(value).hasMatch()) {
        filter.localPrefix = value;
        return filter;
    }
    const auto parsed = ::Fhir::parseDateTime(value);
    if (!parsed || !::Fhir::hasExplicitOffset(*parsed))
        return std::nullopt;
    filter.instant = *parsed;
    return filter;
}

bool compare(int order, Comparator comparator)
{
    switch (comparator) {
    case Comparator::Eq:
        return order == 0;
    case Comparator::Ne:
        return order != 0;
    case Comparator::Gt:
        return order > 0;
    case Comparator::Lt:
        return order < 0;
    case Comparator::Ge:
        return order >= 0;
    case Comparator::Le:
        return order <= 0;
    }
    return false;
}

bool dateMatches(const EncounterInfo &info, const DateFilter &filter)
{
    if (filter.instant.isValid()) {
        const qint64 difference = filter.instant.msecsTo(info.start);
        return compare(difference == 0 ? 0 : (difference > 0 ? 1 : -1), filter.comparator);
    }
    // The clinic's own calendar day: 2026-03-14 in Chicago is the day the clerk sees.
    const QString local = ::Fhir::formatDateTime(info.start).left(filter.localPrefix.size());
    return compare(local.compare(filter.localPrefix), filter.comparator);
}

QString pageToken(qsizetype offset)
{
    return QString::fromLatin1(
        QByteArray::number(offset).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qsizetype> pageOffset(const QString &token)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    bool ok = false;
    const qlonglong offset = decoded.decoded.toLongLong(&ok);
    if (!ok || offset < 0)
        return std::nullopt;
    return offset;
}

QJsonObject link(const QString &relation, const QUrl &url)
{
    return {{QStringLiteral("relation"), relation},
            {QStringLiteral("url"), url.toString(QUrl::FullyEncoded)}};
}

const QSet<QString> &searchParameters(const QString &type)
{
    static const QHash<QString, QSet<QString>> parameters{
        {PatientType, {QStringLiteral("name"), QStringLiteral("identifier"), QStringLiteral("_id")}},
        {EncounterType,
         {QStringLiteral("patient"), QStringLiteral("subject"), QStringLiteral("status"),
          QStringLiteral("date"), QStringLiteral("_id")}},
        {ConditionType,
         {QStringLiteral("patient"), QStringLiteral("subject"), QStringLiteral("encounter"),
          QStringLiteral("_id")}},
        {ProcedureType,
         {QStringLiteral("patient"), QStringLiteral("subject"), QStringLiteral("encounter"),
          QStringLiteral("identifier"), QStringLiteral("_id"), QStringLiteral("_summary")}},
    };
    static const QSet<QString> none;
    const auto it = parameters.constFind(type);
    return it == parameters.cend() ? none : *it;
}

/// Issues listed in one OperationOutcome; thousands of unknown elements once made a 14 MB answer.
constexpr qsizetype MaxOutcomeIssues = 100;

/// The findings as an OperationOutcome answer: errors first, at most MaxOutcomeIssues of them, the rest
/// counted in one last issue.
HttpResponse findingsAnswer(int status, Model::Findings findings)
{
    const QString ehrCode = Model::firstErrorCode(findings);
    std::stable_partition(findings.begin(), findings.end(),
                          [](const Model::Finding &finding) { return finding.isError(); });
    const Model::Findings unlisted = findings.mid(MaxOutcomeIssues);
    findings.resize(std::min(findings.size(), MaxOutcomeIssues));
    ::Fhir::OperationOutcome outcome = ::Fhir::OperationOutcome::fromFindings(findings);
    if (!unlisted.isEmpty()) {
        const auto errors = std::count_if(unlisted.cbegin(), unlisted.cend(),
                                          [](const Model::Finding &finding) { return finding.isError(); });
        ::Fhir::OutcomeIssue summary;
        summary.severity = QStringLiteral("information");
        summary.code = QStringLiteral("informational");
        summary.detailsText =
            tr("%1 more findings (%2 of them errors) are not listed; fix the ones above and send again.")
                .arg(unlisted.size())
                .arg(errors);
        outcome.issues.append(summary);
    }
    HttpResponse response = FhirApi::json(status, outcome.toJson());
    response.ehrCode = ehrCode;
    return response;
}

} // namespace

FhirApi::FhirApi(const DemoData *data, ProcedureStore *store)
    : m_data(data)
    , m_store(store)
    , m_clock(&Common::Clock::system())
{
}

void FhirApi::setClock(const Common::Clock *clock)
{
    m_clock = Common::Clock::orSystem(clock);
}

HttpResponse FhirApi::json(int status, const QJsonObject &body)
{
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse FhirApi::outcome(int status, const QString &issueType, const QString &ehrCode,
                              const QString &text, const QString &expression)
{
    const auto outcome =
        ::Fhir::OperationOutcome::single(QStringLiteral("error"), issueType, ehrCode, text, expression);
    HttpResponse response = json(status, outcome.toJson());
    response.ehrCode = ehrCode;
    return response;
}

HttpResponse FhirApi::handle(const HttpRequest &request)
{
    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    const auto methodNotAllowed = [&request](const QByteArray &allow) {
        HttpResponse response =
            outcome(405, QStringLiteral("not-supported"), {},
                    tr("%1 is not supported here; use %2.")
                        .arg(QString::fromLatin1(request.method), QString::fromLatin1(allow)));
        response.addHeader("Allow", allow);
        return response;
    };
    const auto notFound = [&request]() {
        return outcome(404, QStringLiteral("not-found"), {},
                       tr("There is no resource or operation at %1.")
                           .arg(request.path.isEmpty() ? tr("the base") : request.path));
    };

    if (segments.size() == 1 && segments.at(0) == u"metadata")
        return get ? metadata() : methodNotAllowed("GET");
    if (segments.isEmpty() || !isKnownType(segments.at(0)))
        return notFound();
    const QString &type = segments.at(0);
    if (segments.size() == 1) {
        if (get)
            return search(type, request);
        if (post && type == ProcedureType)
            return createProcedure(request);
        return methodNotAllowed(type == ProcedureType ? "GET, POST" : "GET");
    }
    if (segments.size() == 2) {
        if (segments.at(1) == u"_search")
            return notFound();
        return get ? read(type, segments.at(1)) : methodNotAllowed("GET");
    }
    if (segments.size() == 4 && segments.at(2) == u"_history") {
        if (!get)
            return methodNotAllowed("GET");
        // Resources here are never updated: version 1 is the only version.
        if (segments.at(3) != u"1")
            return outcome(404, QStringLiteral("not-found"), {},
                           tr("%1/%2 has no version %3.").arg(type, segments.at(1), segments.at(3)));
        return read(type, segments.at(1));
    }
    return notFound();
}

QString FhirApi::resourceUrl(const QString &type, const QString &id) const
{
    return m_baseUrl.toString() + u'/' + type + u'/' + id;
}

HttpResponse FhirApi::metadata() const
{
    const auto searchParam = [](const QString &name, const QString &type) {
        return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("type"), type}};
    };
    const auto readSearch = QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("read")}},
                                       QJsonObject{{QStringLiteral("code"), QStringLiteral("search-type")}}};
    const auto resource = [&](const QString &type, const QJsonArray &params) {
        return QJsonObject{{QStringLiteral("type"), type},
                           {QStringLiteral("interaction"), readSearch},
                           {QStringLiteral("searchParam"), params}};
    };
    QJsonObject procedure =
        resource(ProcedureType, {searchParam(QStringLiteral("patient"), QStringLiteral("reference")),
                                 searchParam(QStringLiteral("encounter"), QStringLiteral("reference")),
                                 searchParam(QStringLiteral("identifier"), QStringLiteral("token")),
                                 searchParam(QStringLiteral("_summary"), QStringLiteral("token"))});
    procedure.insert(QStringLiteral("interaction"),
                     QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("read")}},
                                QJsonObject{{QStringLiteral("code"), QStringLiteral("vread")}},
                                QJsonObject{{QStringLiteral("code"), QStringLiteral("search-type")}},
                                QJsonObject{{QStringLiteral("code"), QStringLiteral("create")}}});
    procedure.insert(QStringLiteral("conditionalCreate"), true);
    procedure.insert(QStringLiteral("supportedProfile"),
                     QJsonArray{QLatin1String(Model::Systems::UsCoreProcedureProfile)});

    const QJsonArray resources{
        resource(PatientType, {searchParam(QStringLiteral("name"), QStringLiteral("string")),
                               searchParam(QStringLiteral("identifier"), QStringLiteral("token"))}),
        resource(EncounterType, {searchParam(QStringLiteral("patient"), QStringLiteral("reference")),
                                 searchParam(QStringLiteral("status"), QStringLiteral("token")),
                                 searchParam(QStringLiteral("date"), QStringLiteral("date"))}),
        resource(ConditionType, {searchParam(QStringLiteral("patient"), QStringLiteral("reference")),
                                 searchParam(QStringLiteral("encounter"), QStringLiteral("reference"))}),
        procedure,
    };
    const QJsonObject capability{
        {QStringLiteral("resourceType"), QStringLiteral("CapabilityStatement")},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("date"), QStringLiteral("2026-03-01")},
        {QStringLiteral("kind"), QStringLiteral("instance")},
        {QStringLiteral("software"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("Superbill Desk training EHR")},
                     {QStringLiteral("version"), QStringLiteral(SUPERBILL_VERSION)}}},
        {QStringLiteral("implementation"),
         QJsonObject{{QStringLiteral("description"),
                      QStringLiteral("Training EHR with fictional demo data; not a real EHR.")},
                     {QStringLiteral("url"), m_baseUrl.toString()}}},
        {QStringLiteral("fhirVersion"), QStringLiteral("4.0.1")},
        {QStringLiteral("format"),
         QJsonArray{QStringLiteral("application/fhir+json"), QStringLiteral("json")}},
        {QStringLiteral("rest"), QJsonArray{QJsonObject{{QStringLiteral("mode"), QStringLiteral("server")},
                                                        {QStringLiteral("security"), m_security},
                                                        {QStringLiteral("resource"), resources}}}},
    };
    return json(200, capability);
}

HttpResponse FhirApi::read(const QString &type, const QString &id) const
{
    std::optional<QJsonObject> resource;
    if (type == PatientType) {
        if (const QJsonObject *found = m_data->patient(id))
            resource = *found;
    } else if (type == EncounterType) {
        if (const QJsonObject *found = m_data->encounter(id))
            resource = *found;
    } else if (type == ConditionType) {
        if (const QJsonObject *found = m_data->condition(id))
            resource = *found;
    } else if (type == ProcedureType) {
        resource = m_store->find(id);
    }
    if (!resource)
        return outcome(404, QStringLiteral("not-found"), {}, tr("%1/%2 does not exist.").arg(type, id));
    HttpResponse response = json(200, *resource);
    if (type == ProcedureType)
        response.addHeader("ETag", "W/\"1\"");
    return response;
}

HttpResponse FhirApi::search(const QString &type, const HttpRequest &request) const
{
    const auto badParameter = [](const QString &name, const QString &why) {
        return outcome(400, QStringLiteral("invalid"), {}, tr("Search parameter %1: %2").arg(name, why),
                       name);
    };
    QList<QJsonObject> matches;
    const QStringList ids = request.queryValues(QStringLiteral("_id"));
    const auto idMatches = [&ids](const QJsonObject &resource) {
        const QString id = resource.value(QStringLiteral("id")).toString();
        return std::all_of(ids.cbegin(), ids.cend(),
                           [&id](const QString &wanted) { return wanted.split(u',').contains(id); });
    };

    if (type == PatientType) {
        const QStringList names = request.queryValues(QStringLiteral("name"));
        const QStringList identifiers = request.queryValues(QStringLiteral("identifier"));
        for (const auto &patient : m_data->patients()) {
            if (!idMatches(patient))
                continue;
            const QStringList words = nameWords(patient);
            const bool nameOk = std::all_of(names.cbegin(), names.cend(), [&words](const QString &name) {
                return nameMatches(words, name);
            });
            const bool identifierOk =
                std::all_of(identifiers.cbegin(), identifiers.cend(), [&patient](const QString &identifier) {
                    return ::Fhir::IdentifierToken::parse(identifier).matchesAnyOf(patient);
                });
            if (nameOk && identifierOk)
                matches.append(patient);
        }
        const auto familyAndGiven = [](const QJsonObject &patient) {
            const QJsonObject name = patient.value(QStringLiteral("name")).toArray().at(0).toObject();
            QString key = name.value(QStringLiteral("family")).toString().toCaseFolded();
            for (const auto &given : name.value(QStringLiteral("given")).toArray())
                key += u' ' + given.toString().toCaseFolded();
            return key;
        };
        std::stable_sort(matches.begin(), matches.end(), [&](const QJsonObject &a, const QJsonObject &b) {
            return familyAndGiven(a) < familyAndGiven(b);
        });
    } else if (type == EncounterType) {
        QStringList patients = request.queryValues(QStringLiteral("patient"));
        patients += request.queryValues(QStringLiteral("subject"));
        QList<DateFilter> dates;
        for (const auto &text : request.queryValues(QStringLiteral("date"))) {
            const auto filter = parseDateFilter(text);
            if (!filter)
                return badParameter(
                    QStringLiteral("date"),
                    tr("\"%1\" is not a date (2026-03-14) or a date-time with an offset, optionally "
                       "after eq, ne, gt, lt, ge or le.")
                        .arg(text));
            dates.append(*filter);
        }
        const QStringList statuses = request.queryValues(QStringLiteral("status"));
        QList<const QJsonObject *> found;
        for (const auto &encounter : m_data->encounters()) {
            const EncounterInfo *info =
                m_data->encounterInfo(encounter.value(QStringLiteral("id")).toString());
            if (!info || !idMatches(encounter))
                continue;
            const bool patientOk =
                std::all_of(patients.cbegin(), patients.cend(), [&](const QString &patient) {
                    return referenceParameter(patient, PatientType) == info->patientId;
                });
            const bool statusOk = std::all_of(statuses.cbegin(), statuses.cend(), [&](const QString &status) {
                return status.split(u',').contains(Model::encounterStatusCode(info->state.status));
            });
            const bool dateOk = std::all_of(dates.cbegin(), dates.cend(), [&](const DateFilter &filter) {
                return dateMatches(*info, filter);
            });
            if (patientOk && statusOk && dateOk)
                found.append(&encounter);
        }
        // Most recent first, as a clerk picks today's encounter.
        std::stable_sort(found.begin(), found.end(), [this](const QJsonObject *a, const QJsonObject *b) {
            const EncounterInfo *ia = m_data->encounterInfo(a->value(QStringLiteral("id")).toString());
            const EncounterInfo *ib = m_data->encounterInfo(b->value(QStringLiteral("id")).toString());
            return ia->start > ib->start;
        });
        for (const QJsonObject *encounter : std::as_const(found))
            matches.append(*encounter);
    } else if (type == ConditionType) {
        QStringList patients = request.queryValues(QStringLiteral("patient"));
        patients += request.queryValues(QStringLiteral("subject"));
        const QStringList encounters = request.queryValues(QStringLiteral("encounter"));
        for (const auto &condition : m_data->conditions()) {
            if (!idMatches(condition))
                continue;
            const QString id = condition.value(QStringLiteral("id")).toString();
            const bool patientOk =
                std::all_of(patients.cbegin(), patients.cend(), [&](const QString &patient) {
                    return referenceParameter(patient, PatientType) == m_data->conditionPatient(id);
                });
            const bool encounterOk =
                std::all_of(encounters.cbegin(), encounters.cend(), [&](const QString &encounter) {
                    return referenceParameter(encounter, EncounterType) == m_data->conditionEncounter(id);
                });
            if (patientOk && encounterOk)
                matches.append(condition);
        }
    } else {
        ProcedureQuery query;
        QStringList patients = request.queryValues(QStringLiteral("patient"));
        patients += request.queryValues(QStringLiteral("subject"));
        if (patients.size() > 1 || request.queryValues(QStringLiteral("encounter")).size() > 1 ||
            request.queryValues(QStringLiteral("identifier")).size() > 1)
            return badParameter(QStringLiteral("patient, encounter, identifier"),
                                tr("give each at most once on Procedure searches."));
        query.patientId = referenceParameter(patients.value(0), PatientType);
        query.encounterId =
            referenceParameter(request.queryValue(QStringLiteral("encounter")), EncounterType);
        const QString identifier = request.queryValue(QStringLiteral("identifier"));
        if (!identifier.isEmpty())
            query.identifier = ::Fhir::IdentifierToken::parse(identifier);
        const QString summary = request.queryValue(QStringLiteral("_summary"));
        if (summary == u"count") {
            QJsonObject bundle{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                               {QStringLiteral("type"), QStringLiteral("searchset")},
                               {QStringLiteral("total"), m_store->countMatching(query)}};
            return json(200, bundle);
        }
        if (!summary.isEmpty() && summary != u"false")
            return badParameter(QStringLiteral("_summary"), tr("only count is supported."));
        matches = m_store->search(query);
        if (!ids.isEmpty())
            matches.removeIf([&idMatches](const QJsonObject &procedure) { return !idMatches(procedure); });
    }
    return bundle(type, matches, request);
}

HttpResponse FhirApi::bundle(const QString &type, const QList<QJsonObject> &matches,
                             const HttpRequest &request) const
{
    int count = DefaultPageSize;
    const QString countText = request.queryValue(QStringLiteral("_count"));
    if (!countText.isEmpty()) {
        bool ok = false;
        count = countText.toInt(&ok);
        if (!ok || count < 0)
            return outcome(400, QStringLiteral("invalid"), {},
                           tr("_count must be a whole number of 0 or more, not \"%1\".").arg(countText),
                           QStringLiteral("_count"));
        count = std::min(count, MaxPageSize);
    }
    qsizetype offset = 0;
    const QString page = request.queryValue(QStringLiteral("_page"));
    if (!page.isEmpty()) {
        const auto decoded = pageOffset(page);
        if (!decoded)
            return outcome(400, QStringLiteral("invalid"), {},
                           tr("_page is not a page this server handed out; follow the Bundle's next link."),
                           QStringLiteral("_page"));
        offset = *decoded;
    }

    // Links repeat the parameters this server used, so following "next" continues the same search.
    const QSet<QString> &known = searchParameters(type);
    QUrlQuery kept;
    for (const auto &[name, value] : request.query) {
        if (known.contains(name))
            kept.addQueryItem(name, value);
    }
    kept.addQueryItem(QStringLiteral("_count"), QString::number(count));
    const auto pageUrl = [&](qsizetype pageOffset_) {
        QUrl url(m_baseUrl.toString() + u'/' + type);
        QUrlQuery query = kept;
        if (pageOffset_ > 0)
            query.addQueryItem(QStringLiteral("_page"), pageToken(pageOffset_));
        url.setQuery(query);
        return url;
    };

    QJsonArray links{link(QStringLiteral("self"), pageUrl(offset))};
    // A token may name any offset (the results can also shrink after a reset): clamp before adding, so
    // offset + count cannot overflow and "previous" leads back into the results.
    const qsizetype start = std::min<qsizetype>(offset, matches.size());
    const qsizetype end = std::min<qsizetype>(matches.size(), start + count);
    if (end < matches.size() && count > 0)
        links.append(link(QStringLiteral("next"), pageUrl(end)));
    if (start > 0 && count > 0)
        links.append(link(QStringLiteral("previous"), pageUrl(std::max<qsizetype>(0, start - count))));

    QJsonArray entries;
    for (qsizetype i = start; i < end; ++i) {
        const QJsonObject &resource = matches.at(i);
        entries.append(QJsonObject{
            {QStringLiteral("fullUrl"), resourceUrl(type, resource.value(QStringLiteral("id")).toString())},
            {QStringLiteral("resource"), resource},
            {QStringLiteral("search"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("match")}}}});
    }
    QJsonObject bundle{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("type"), QStringLiteral("searchset")},
                       {QStringLiteral("total"), matches.size()},
                       {QStringLiteral("link"), links}};
    if (!entries.isEmpty())
        bundle.insert(QStringLiteral("entry"), entries);
    return json(200, bundle);
}

HttpResponse FhirApi::createProcedure(const HttpRequest &request)
{
    if (request.body.size() > MaxBodySize)
        return outcome(
            413, QStringLiteral("too-long"), {},
            tr("The request body is %1 bytes; the limit is %2.").arg(request.body.size()).arg(MaxBodySize));
    const QByteArray mediaType = request.contentType.split(';').value(0).trimmed().toLower();
    if (mediaType != "application/fhir+json" && mediaType != "application/json")
        return outcome(415, QStringLiteral("not-supported"), {},
                       request.contentType.isEmpty()
                           ? tr("The Content-Type header is missing; send application/fhir+json.")
                           : tr("Content-Type %1 is not supported; send application/fhir+json.")
                                 .arg(QString::fromLatin1(mediaType)));

    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonObject resource = document.object();
    if (!document.isObject() || resource.value(QStringLiteral("resourceType")).toString() != ProcedureType) {
        // The reader says what is wrong and where, as it does for the CLI.
        return findingsAnswer(400, Rules::checkProcedureDocument(request.body).findings);
    }

    if (!request.ifNoneExist.isEmpty()) {
        const auto token = ::Fhir::IdentifierToken::fromIfNoneExist(request.ifNoneExist);
        if (!token)
            return outcome(400, QStringLiteral("invalid"), {}, token.error().message, token.error().path);
        const QList<QJsonObject> existing = m_store->search({{}, {}, *token});
        if (existing.size() > 1)
            return outcome(
                412, QStringLiteral("multiple-matches"), {},
                tr("%1 Procedures carry this identifier; the condition is ambiguous.").arg(existing.size()),
                QStringLiteral("If-None-Exist"));
        if (existing.size() == 1) {
            const QString id = existing.first().value(QStringLiteral("id")).toString();
            HttpResponse response = json(200, existing.first());
            response.addHeader("Location", (resourceUrl(ProcedureType, id) + u"/_history/1").toUtf8());
            response.addHeader("ETag", "W/\"1\"");
            return response;
        }
    }

    // Everything the EHR knows goes into the context, so every rule runs.
    Rules::ValidationContext context;
    context.now = m_clock->nowUtc();
    const Model::Reference subject{
        resource.value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString()};
    const Model::Reference encounter{
        resource.value(QStringLiteral("encounter")).toObject().value(QStringLiteral("reference")).toString()};
    if (subject.isLiteralTo(PatientType)) {
        context.patientExists = m_data->hasPatient(subject.id());
        if (*context.patientExists)
            context.patientConditionIds = m_data->conditionIdsOfPatient(subject.id());
    }
    if (encounter.isLiteralTo(EncounterType)) {
        Rules::EncounterFacts facts;
        if (const EncounterInfo *info = m_data->encounterInfo(encounter.id())) {
            facts.patientId = info->patientId;
            facts.state = info->state;
        } else {
            facts.exists = false;
        }
        context.encounter = facts;
    }
    const Rules::DocumentCheck check = Rules::checkProcedureDocument(request.body, context);
    if (!check.entry || Model::hasErrors(check.findings))
        return findingsAnswer(check.entry ? 422 : 400, check.findings);

    const Model::ProcedureEntry &entry = *check.entry;
    StoredProcedureKeys keys;
    keys.patientId = entry.subject.id();
    keys.encounterId = entry.encounter.id();
    keys.code = entry.code.code;
    keys.performedStart = entry.usesPeriod() ? entry.performedPeriod.start : entry.performedDateTime;
    for (const auto &identifier : entry.identifiers) {
        if (!identifier.value.isEmpty())
            keys.identifiers.append({identifier.system, identifier.value});
    }
    if (const auto duplicate = m_store->findDuplicate(keys))
        return outcome(422, QStringLiteral("duplicate"), QStringLiteral("500002"),
                       tr("This procedure is already recorded as %1: the same patient, encounter, code and "
                          "performed time.")
                           .arg(*duplicate),
                       QStringLiteral("Procedure"));

    const QDateTime now = m_clock->nowUtc();
    const auto stored = m_store->insert(resource, keys, now);
    if (!stored) {
        qCWarning(lcSandbox) << "storing a Procedure failed:" << stored.error().message;
        return outcome(500, QStringLiteral("exception"), QStringLiteral("500003"),
                       tr("The insert operation failed."));
    }
    const QString id = stored->value(QStringLiteral("id")).toString();
    HttpResponse response = json(201, *stored);
    response.addHeader("Location", (resourceUrl(ProcedureType, id) + u"/_history/1").toUtf8());
    response.addHeader("ETag", "W/\"1\"");
    response.addHeader(
        "Last-Modified",
        QLocale::c().toString(now.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1());
    response.storedId = id;
    return response;
}

} // namespace Sandbox
