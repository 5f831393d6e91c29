#include "encountersummary.h"

#include <QJsonArray>

#include "fhir/datetime.h"
#include "fhir/extensions.h"
#include "fhir/resourcecheck.h"
#include "model/ehrcodes.h"
#include "model/procedureentry.h"

namespace Ehr {

namespace {

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

std::optional<Model::BillingState> closedStateFromRefusal(const Model::Findings &findings)
{
    for (const auto &finding : findings) {
        if (finding.code == Model::EhrCode::EncounterSignedOff)
            return Model::BillingState::SignedOff;
        if (finding.code == Model::EhrCode::EncounterBilled)
            return Model::BillingState::Billed;
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
    facts.state = state;
    return facts;
}

Common::Result<EncounterSummary> EncounterSummary::fromFhir(const QJsonObject &resource)
{
    const auto id = Fhir::resourceIdOfType(resource, QStringLiteral("Encounter"));
    if (!id)
        return id.error();
    EncounterSummary encounter;
    encounter.id = *id;
    const Model::Reference subject{
        resource.value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString()};
    encounter.patientId = subject.type() == u"Patient" ? subject.id() : QString();
    encounter.state.status =
        Model::encounterStatusFromCode(resource.value(QStringLiteral("status")).toString());
    encounter.state.billing =
        Model::billingStateFromCode(Fhir::extensionValueCode(resource, Fhir::Urls::EncounterStateExtension));
    encounter.timeZone = Fhir::extensionValueCode(resource, Fhir::Urls::TimezoneExtension);
    const QString start =
        resource.value(QStringLiteral("period")).toObject().value(QStringLiteral("start")).toString();
    if (!start.isEmpty())
        encounter.start = Fhir::parseDateTime(start).valueOr(QDateTime());
    encounter.type = typeText(resource);
    return encounter;
}

} // namespace Ehr
