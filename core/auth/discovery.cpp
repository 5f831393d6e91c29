#include "discovery.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkRequest>

#include "authlog.h"
#include "ehr/ehrclient.h"
#include "ehr/networkjob.h"

namespace Auth::Discovery {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::Discovery)
};

constexpr std::chrono::seconds Timeout{30};

QUrl below(const QUrl &base, const QString &path)
{
    QUrl url = base.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    url.setPath(url.path() + u'/' + path);
    return url;
}

void get(QNetworkAccessManager *manager, const QUrl &url, const QByteArray &accept, QObject *context,
         std::function<void(const Ehr::JobResult &)> done)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", accept);
    auto *job = new Ehr::NetworkJob(manager, request, "GET", {}, Timeout, context);
    QObject::connect(job, &Ehr::NetworkJob::finished, context, [job, done](const Ehr::JobResult &result) {
        job->deleteLater();
        done(result);
    });
    job->start();
}

QString whatCame(const Ehr::JobResult &result)
{
    if (!result.answered())
        return result.errorString;
    return Text::tr("HTTP %1").arg(result.httpStatus);
}

} // namespace

QUrl wellKnownUrl(const QUrl &fhirBase)
{
    return below(fhirBase, QStringLiteral(".well-known/smart-configuration"));
}

void discover(QNetworkAccessManager *manager, const QUrl &fhirBase, QObject *context, Callback done)
{
    if (const Common::Status secure = Ehr::EhrClient::checkTransportSecurity(fhirBase); !secure) {
        QMetaObject::invokeMethod(
            context, [done, secure] { done(secure.error()); }, Qt::QueuedConnection);
        return;
    }
    const QUrl wellKnown = wellKnownUrl(fhirBase);
    get(manager, wellKnown, "application/json", context,
        [manager, fhirBase, wellKnown, context, done](const Ehr::JobResult &result) {
            QString wellKnownProblem;
            if (result.answered() && result.httpStatus == 200) {
                const QJsonDocument document = QJsonDocument::fromJson(result.body);
                auto configuration = document.isObject()
                                         ? SmartConfiguration::fromWellKnown(document.object(), wellKnown)
                                         : Common::Result<SmartConfiguration>(Common::makeError(
                                               QStringLiteral("smart-configuration"), Text::tr("not JSON")));
                if (configuration) {
                    qCInfo(lcAuth) << "SMART configuration from .well-known";
                    done(configuration);
                    return;
                }
                wellKnownProblem = configuration.error().message;
            } else {
                wellKnownProblem = whatCame(result);
            }
            if (result.transport == Ehr::JobResult::Transport::TlsError ||
                result.transport == Ehr::JobResult::Transport::Blocked) {
                done(Common::makeError(QStringLiteral("blocked"), result.errorString));
                return;
            }
            const QUrl metadata = below(fhirBase, QStringLiteral("metadata"));
            get(manager, metadata, "application/fhir+json", context,
                [metadata, wellKnownProblem, done](const Ehr::JobResult &result) {
                    if (!result.answered() || result.httpStatus != 200) {
                        done(Common::makeError(
                            result.answered() ? QStringLiteral("no-smart") : QStringLiteral("unreachable"),
                            Text::tr("SMART discovery failed: .well-known/smart-configuration gave %1, and "
                                     "metadata gave %2")
                                .arg(wellKnownProblem, whatCame(result))));
                        return;
                    }
                    const auto configuration = SmartConfiguration::fromCapabilityStatement(
                        QJsonDocument::fromJson(result.body).object(), metadata);
                    if (configuration)
                        qCInfo(lcAuth) << "SMART configuration from the CapabilityStatement";
                    done(configuration);
                });
        });
}

} // namespace Auth::Discovery
