#pragma once

#include <optional>

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include "common/result.h"

namespace Ehr {

/**
 * A diagnosis the form can link to a procedure line (reasonReference): the
 * Condition's id and its ICD-10-CM code and text, with the patient and the
 * encounter it was recorded for.
 */
struct ConditionSummary
{
    QString id;
    QString code;    ///< ICD-10-CM code, or the first code given when there is none
    QString display; ///< coding display, or code.text
    QString patientId;
    QString encounterId; ///< empty for a problem-list entry not tied to a visit

    static Common::Result<ConditionSummary> fromFhir(const QJsonObject &resource);

    friend bool operator==(const ConditionSummary &, const ConditionSummary &) = default;
};

} // namespace Ehr

Q_DECLARE_METATYPE(Ehr::ConditionSummary)
