#include "faultinjector.h"

#include <algorithm>

#include <QCoreApplication>
#include <QRegularExpression>

#include "fhirapi.h"
#include "rules/errorcatalog.h"

namespace Sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::FaultInjector", text);
}

constexpr int MaxCount = 1000;

double clampRate(double rate)
{
    return std::clamp(rate, 0.0, 1.0);
}

/// The status the EHR answers a refusal with, by what the code means.
int refusalStatus(Rules::ErrorClass errorClass)
{
    switch (errorClass) {
    case Rules::ErrorClass::Retry:
        return 503;
    case Rules::ErrorClass::Authorization:
        return 403;
    case Rules::ErrorClass::NeedsCorrection:
    case Rules::ErrorClass::AlreadyRecorded:
    case Rules::ErrorClass::Warning:
        break;
    }
    return 422;
}

QString refusalIssueType(Rules::ErrorClass errorClass)
{
    switch (errorClass) {
    case Rules::ErrorClass::Retry:
        return QStringLiteral("transient");
    case Rules::ErrorClass::Authorization:
        return QStringLiteral("forbidden");
    case Rules::ErrorClass::AlreadyRecorded:
        return QStringLiteral("duplicate");
    case Rules::ErrorClass::NeedsCorrection:
    case Rules::ErrorClass::Warning:
        break;
    }
    return QStringLiteral("processing");
}

} // namespace

HttpResponse FaultDecision::response() const
{
    switch (kind) {
    case Kind::Fail: {
        HttpResponse response = FhirApi::outcome(httpStatus, QStringLiteral("transient"), ehrCode,
                                                 ehrCode == u"500003" ? tr("The insert operation failed.")
                                                                      : tr("A dependent operation failed."));
        if (retryAfter)
            response.addHeader("Retry-After", "1");
        return response;
    }
    case Kind::Unauthorized: {
        HttpResponse response = FhirApi::outcome(401, QStringLiteral("login"), {},
                                                 tr("The access token has expired; sign in again."));
        response.addHeader("WWW-Authenticate", "Bearer realm=\"superbill-sandbox\", error=\"invalid_token\", "
                                               "error_description=\"The access token expired\"");
        return response;
    }
    case Kind::Refuse: {
        const Rules::ErrorInfo info = Rules::ErrorCatalog::instance().lookup(ehrCode);
        return FhirApi::outcome(httpStatus, refusalIssueType(info.errorClass), ehrCode, info.message);
    }
    case Kind::None:
    case Kind::Drop:
    case Kind::Hang:
        break;
    }
    return {};
}

FaultInjector::FaultInjector(quint32 seed, const FaultSettings &settings)
    : m_random(seed)
{
    setSettings(settings);
}

void FaultInjector::setSettings(const FaultSettings &settings)
{
    m_settings = settings;
    m_settings.failRate = clampRate(settings.failRate);
    m_settings.dropRate = clampRate(settings.dropRate);
    m_settings.hangRate = clampRate(settings.hangRate);
    m_settings.latencyMs = std::max(0, settings.latencyMs);
    m_settings.failEvery = std::clamp(settings.failEvery, 0, MaxCount);
    m_settings.dropEveryWrite = std::clamp(settings.dropEveryWrite, 0, MaxCount);
    m_requests = 0;
    m_writes = 0;
}

bool FaultInjector::deterministicFault(bool forWrite, FaultDecision *decision)
{
    const qint64 request = m_requests++;
    const qint64 write = forWrite ? m_writes++ : -1;
    if (m_settings.tokenExpired || m_settings.signInEnded) {
        decision->kind = FaultDecision::Kind::Unauthorized;
        return true;
    }
    if (forWrite && !m_settings.refuseNextWrite.isEmpty()) {
        decision->kind = FaultDecision::Kind::Refuse;
        decision->ehrCode = std::exchange(m_settings.refuseNextWrite, QString());
        decision->httpStatus =
            refusalStatus(Rules::ErrorCatalog::instance().lookup(decision->ehrCode).errorClass);
        decision->usedOneTimeFault = true;
        return true;
    }
    if (m_settings.failEvery > 0 && request % m_settings.failEvery == 0) {
        decision->kind = FaultDecision::Kind::Fail;
        // Alternate the two faults a write can meet, so a class sees both; a read fails on a dependency.
        const bool insertFailed = forWrite && (request / m_settings.failEvery) % 2 == 0;
        decision->httpStatus = insertFailed ? 500 : 503;
        decision->ehrCode = insertFailed ? QStringLiteral("500003") : QStringLiteral("500008");
        decision->retryAfter = true;
        return true;
    }
    if (forWrite && m_settings.dropEveryWrite > 0 && write % m_settings.dropEveryWrite == 0) {
        decision->kind = FaultDecision::Kind::Drop;
        return true;
    }
    return false;
}

FaultDecision FaultInjector::next(bool forWrite)
{
    FaultDecision decision;
    decision.latencyMs = m_settings.latencyMs;
    // Always draw the same number of values so that one setting does not shift the others' sequence.
    const double draw = m_random.generateDouble();
    const quint32 detail = m_random.generate();
    if (deterministicFault(forWrite, &decision))
        return decision;
    const double failUpTo = m_settings.failRate;
    const double dropUpTo = failUpTo + m_settings.dropRate;
    const double hangUpTo = dropUpTo + m_settings.hangRate;
    if (draw < failUpTo) {
        decision.kind = FaultDecision::Kind::Fail;
        // An insert that failed only makes sense for a write; a read fails on a dependency.
        if (forWrite && (detail & 1u) == 0) {
            decision.httpStatus = 500;
            decision.ehrCode = QStringLiteral("500003");
        } else {
            decision.httpStatus = 503;
            decision.ehrCode = QStringLiteral("500008");
            decision.retryAfter = (detail & 2u) != 0;
        }
    } else if (draw < dropUpTo) {
        decision.kind = FaultDecision::Kind::Drop;
    } else if (draw < hangUpTo) {
        decision.kind = FaultDecision::Kind::Hang;
    }
    return decision;
}

QJsonObject faultSettingsToJson(const FaultSettings &settings)
{
    return {{QStringLiteral("failRate"), settings.failRate},
            {QStringLiteral("dropRate"), settings.dropRate},
            {QStringLiteral("hangRate"), settings.hangRate},
            {QStringLiteral("latencyMs"), settings.latencyMs},
            {QStringLiteral("failEvery"), settings.failEvery},
            {QStringLiteral("dropEveryWrite"), settings.dropEveryWrite},
            {QStringLiteral("tokenExpired"), settings.tokenExpired},
            {QStringLiteral("signInEnded"), settings.signInEnded},
            {QStringLiteral("refuseNextWrite"), settings.refuseNextWrite}};
}

Common::Result<FaultSettings> faultSettingsFromJson(const QJsonObject &body, FaultSettings current)
{
    const auto invalid = [](const QString &member, const QString &message) {
        return Common::makeError(QStringLiteral("invalid"), message, member);
    };
    for (const auto &[name, target] : {std::pair{QStringLiteral("failRate"), &current.failRate},
                                       std::pair{QStringLiteral("dropRate"), &current.dropRate},
                                       std::pair{QStringLiteral("hangRate"), &current.hangRate}}) {
        if (!body.contains(name))
            continue;
        const QJsonValue value = body.value(name);
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 1)
            return invalid(name, tr("Each rate is a number from 0 to 1."));
        *target = value.toDouble();
    }
    const auto whole = [&body](const QString &name, int maximum, int *target) {
        if (!body.contains(name))
            return true;
        const QJsonValue value = body.value(name);
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > maximum || number != double(int(number)))
            return false;
        *target = int(number);
        return true;
    };
    if (!whole(QStringLiteral("latencyMs"), FaultSettings::MaxLatencyMs, &current.latencyMs))
        return invalid(
            QStringLiteral("latencyMs"),
            tr("latencyMs is a number of milliseconds from 0 to %1.").arg(FaultSettings::MaxLatencyMs));
    for (const auto &[name, target] :
         {std::pair{QStringLiteral("failEvery"), &current.failEvery},
          std::pair{QStringLiteral("dropEveryWrite"), &current.dropEveryWrite}}) {
        if (!whole(name, MaxCount, target))
            return invalid(name, tr("%1 is a whole number from 0 to %2.").arg(name).arg(MaxCount));
    }
    for (const auto &[name, target] : {std::pair{QStringLiteral("tokenExpired"), &current.tokenExpired},
                                       std::pair{QStringLiteral("signInEnded"), &current.signInEnded}}) {
        if (!body.contains(name))
            continue;
        if (!body.value(name).isBool())
            return invalid(name, tr("%1 is true or false.").arg(name));
        *target = body.value(name).toBool();
    }
    if (body.contains(QStringLiteral("refuseNextWrite"))) {
        static const QRegularExpression codeForm(QStringLiteral("^[A-Z0-9]{3,12}$"));
        const QString code = body.value(QStringLiteral("refuseNextWrite")).toString();
        if (!code.isEmpty() && !codeForm.match(code).hasMatch())
            return invalid(QStringLiteral("refuseNextWrite"),
                           tr("refuseNextWrite is an EHR code such as 500009, or empty."));
        current.refuseNextWrite = code;
    }
    return current;
}

} // namespace Sandbox
