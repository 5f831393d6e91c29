#pragma once

#include <QJsonObject>
#include <QString>

#include "common/result.h"

namespace Fhir {

/// Success when the resource's resourceType is `type`; otherwise an error saying what it is.
Common::Status checkResourceType(const QJsonObject &resource, const QString &type);

/// The id of a resource of this type; an error when it is of another type or has no id.
Common::Result<QString> resourceIdOfType(const QJsonObject &resource, const QString &type);

} // namespace Fhir
