// A stand-in for a person's browser, for SUPERBILL_BROWSER in tests: opens the sign-in page it is
// given, ticks what the page ticks (less TEST_BROWSER_UNTICK), signs in as the first training user,
// and follows the redirect back to the app's loopback listener. TEST_BROWSER_STATE replaces the state
// the page carries (a forged answer). It prints what it did (to TEST_BROWSER_LOG when set) and exits 0
// once the app answered.
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>
#include <QUrlQuery>

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
    QUrl location;
};

Answer fetch(QNetworkAccessManager &manager, const QUrl &url, const QByteArray &form = {})
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nullptr;
    if (form.isNull()) {
        reply = manager.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = manager.post(request, form);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.location = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
    delete reply;
    return answer;
}

QString unescape(QString text)
{
    return text.replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

QByteArray encode(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields)
        body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' +
                QUrl::toPercentEncoding(value);
    return body;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QFile log(qEnvironmentVariable("TEST_BROWSER_LOG"));
    if (log.fileName().isEmpty() || !log.open(QIODevice::Append))
        log.open(stdout, QIODevice::WriteOnly);
    QTextStream out(&log);
    if (app.arguments().size() != 2) {
        out << "usage: testbrowser URL\n";
        return 2;
    }
    QNetworkAccessManager manager;
    Answer page = fetch(manager, QUrl(app.arguments().at(1)));
    QUrl redirect = page.location;
    if (page.status == 200) {
        static const QRegularExpression input(
            QStringLiteral("<input[^>]*name=\"([^\"]*)\"[^>]*value=\"([^\"]*)\""));
        static const QRegularExpression action(QStringLiteral("<form[^>]*action=\"([^\"]*)\""));
        const QString html = QString::fromUtf8(page.body);
        const QString untick = qEnvironmentVariable("TEST_BROWSER_UNTICK");
        QList<std::pair<QString, QString>> fields;
        auto matches = input.globalMatch(html);
        while (matches.hasNext()) {
            const auto match = matches.next();
            const QString name = unescape(match.captured(1));
            const QString value = unescape(match.captured(2));
            if (!(name == u"grant" && value == untick))
                fields.append({name, value});
        }
        fields.append({QStringLiteral("user"), QStringLiteral("training-clerk")});
        fields.append({QStringLiteral("decision"), QStringLiteral("approve")});
        const Answer approved =
            fetch(manager, QUrl(unescape(action.match(html).captured(1))), encode(fields));
        if (approved.status != 302) {
            out << "sign-in page refused: " << approved.status << '\n';
            return 1;
        }
        redirect = approved.location;
    } else if (page.status != 302) {
        out << "authorize answered " << page.status << '\n';
        return 1;
    }
    if (const QString forged = qEnvironmentVariable("TEST_BROWSER_STATE"); !forged.isEmpty()) {
        QUrlQuery query(redirect);
        query.removeAllQueryItems(QStringLiteral("state"));
        query.addQueryItem(QStringLiteral("state"), forged);
        redirect.setQuery(query);
    }
    const Answer back = fetch(manager, redirect);
    out << "app answered " << back.status << ": " << QString::fromUtf8(back.body) << '\n';
    return back.status == 0 ? 1 : 0;
}
