#include "tokenendpoint.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkRequest>

#include "authlog.h"
#include "ehr/networkjob.h"

namespace Auth::TokenEndpoint {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::TokenEndpoint)
};

} // namespace

QByteArray formEncode(const FormFields &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

void post(QNetworkAccessManager *manager, const QUrl &endpoint, const FormFields &fields,
          const ScopeSet &requested, QObject *context, Callback done, std::chrono::milliseconds timeout)
{
    QNetworkRequest request(endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray(QByteArrayLiteral("SuperbillDesk/") + QByteArrayLiteral(SUPERBILL_VERSION)));
    auto *job = new Ehr::NetworkJob(manager, request, "POST", formEncode(fields), timeout, context);
    QObject::connect(job, &Ehr::NetworkJob::finished, context,
                     [job, done, requested, endpoint](const Ehr::JobResult &result) {
                         job->deleteLater();
                         if (!result.answered()) {
                             qCInfo(lcAuth) << "token endpoint" << endpoint.path() << "did not answer";
                             done(Common::makeError(
                                 QStringLiteral("unreachable"),
                                 Text::tr("the token endpoint %1 did not answer: %2")
                                     .arg(endpoint.toDisplayString(QUrl::RemoveQuery), result.errorString)));
                             return;
                         }
                         if (result.httpStatus != 200) {
                             const Common::Error error = tokenErrorFrom(result.httpStatus, result.body);
                             qCInfo(lcAuth) << "token endpoint refused:" << result.httpStatus << error.code;
                             done(error);
                             return;
                         }
                         const QJsonDocument document = QJsonDocument::fromJson(result.body);
                         if (!document.isObject()) {
                             done(Common::makeError(QStringLiteral("invalid_response"),
                                                    Text::tr("the token endpoint's answer is not JSON")));
                             return;
                         }
                         done(TokenResponse::fromJson(document.object(), requested));
                     });
    job->start();
}

} // namespace Auth::TokenEndpoint
