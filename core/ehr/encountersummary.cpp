#include "encountersummary.h"

#include <QCoreApplication>
#include <QJsonArray>

#include "fhir/datetime.h"
#include "fhir/extensions.h"
#include "model/ehrcodes.h"
#include "model/procedureentry.h"

namespace Ehr {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Ehr::EncounterSummary)
};

QString typeText(const QJsonObject &resource)
{
    const QJsonObject type = resource.value(QStringLiteral("type")).toArray().first().toObject();
    const QString text = type.value(QStringLiteral("text")).toString();
    if (!text.isEmpty())
        return text;
    const QJsonObject coding = type.value(QStringLiteral("coding")).toArray().first().toObject();
    const QString display = coding.value(QStringLiteral("display")).toString();
    return display.isEmpty() ? coding.value(QStringLiteral("code")).toString() : display;
}

} // namespace

QString billingStateName(BillingState state)
{
    switch (state) {
    case BillingState::Open:
        return QStringLiteral("open");
    case BillingState::SignedOff:
        return QStringLiteral("signed-off");
    case BillingState::Billed:
        return QStringLiteral("billed");
    case BillingState::PartiallyBilled:
        return QStringLiteral("partially-billed");
    case BillingState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

BillingState billingStateFromName(const QString &name)
{
    if (name == u"open")
        return BillingState::Open;
    if (name == u"signed-off")
        return BillingState::SignedOff;
    if (name == u"billed")
        return BillingState::Billed;
    if (name == u"partially-billed")
        return BillingState::PartiallyBilled;
    return BillingState::Unknown;
}

std::optional<BillingState> closedStateFromRefusal(const Model::Findings &findings)
{
    for (const auto &finding : findings) {
        if (finding.code == Model::EhrCode::EncounterSignedOff)
            return BillingState::SignedOff;
        if (finding.code == Model::EhrCode::EncounterBilled)
            return BillingState::Billed;
    }
    return std::nullopt;
}

QTimeZone EncounterSummary::zone() const
{
    return timeZone.isEmpty() ? QTimeZone() : QTimeZone(timeZone.toUtf8());
}

Rules::EncounterFacts EncounterSummary::facts() const
{
    Rules::EncounterFacts facts;
    facts.exists = true;
    facts.patientId = patientId;
    facts.signedOff = state == BillingState::SignedOff || status == u"finished" || status == u"cancelled" ||
                      status == u"entered-in-error";
    facts.billed = state == BillingState::Billed || state == BillingState::PartiallyBilled;
    return facts;
}

bool EncounterSummary::acceptsProcedures() const
{
    return facts().acceptsProcedures();
}

std::optional<EncounterSummary> EncounterSummary::fromFhir(const QJsonObject &resource, QString *error)
{
    const QString type = resource.value(QStringLiteral("resourceType")).toString();
    if (type != u"Encounter") {
        if (error)
            *error = Text::tr("resourceType is \"%1\", not Encounter").arg(type);
        return std::nullopt;
    }
    EncounterSummary encounter;
    encounter.id = resource.value(QStringLiteral("id")).toString();
    if (encounter.id.isEmpty()) {
        if (error)
            *error = Text::tr("Encounter without an id");
        return std::nullopt;
    }
    const Model::Reference subject{
        resource.value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString()};
    encounter.patientId = subject.type() == u"Patient" ? subject.id() : QString();
    encounter.status = resource.value(QStringLiteral("status")).toString();
    encounter.state =
        billingStateFromName(Fhir::extensionValueCode(resource, Fhir::Urls::EncounterStateExtension));
    encounter.timeZone = Fhir::extensionValueCode(resource, Fhir::Urls::TimezoneExtension);
    const QString start =
        resource.value(QStringLiteral("period")).toObject().value(QStringLiteral("start")).toString();
    if (!start.isEmpty()) {
        const Fhir::DateTimeParse parsed = Fhir::parseDateTime(start);
        if (parsed.ok())
            encounter.start = parsed.value;
    }
    encounter.type = typeText(resource);
    return encounter;
}

} // namespace Ehr
