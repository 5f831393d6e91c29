#pragma once

#include <functional>

#include <QUrl>

#include "common/result.h"
#include "smartconfiguration.h"

class QNetworkAccessManager;
class QObject;

namespace Auth {

/**
 * SMART discovery: GET [base]/.well-known/smart-configuration, and when that
 * gives nothing usable, the OAuth URIs of GET [base]/metadata. No token is
 * sent; both are public by the SMART and FHIR specifications.
 */
namespace Discovery {

using Callback = std::function<void(const Common::Result<SmartConfiguration> &)>;

/// Calls done on context's thread (never when context is gone).
void discover(QNetworkAccessManager *manager, const QUrl &fhirBase, QObject *context, Callback done);

/// [base]/.well-known/smart-configuration (the base without a trailing slash).
QUrl wellKnownUrl(const QUrl &fhirBase);

} // namespace Discovery

} // namespace Auth
