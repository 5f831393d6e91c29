#pragma once

#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>

#include "outbox/outboxline.h"
#include "sandbox/server.h"

/// The Procedure the training EHR holds with the line's identifier, read over HTTP with the EHR's
/// token as any client would; an empty object when there is none, or more than one.
inline QJsonObject procedureInTrainingEhr(const Sandbox::Server &ehr, const Outbox::OutboxLine &line)
{
    QUrl url = ehr.baseUrl();
    url.setPath(url.path() + QStringLiteral("/Procedure"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("identifier"), line.identifier.system + u'|' + line.identifier.value);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + ehr.options().token.toUtf8());
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(5000))
        return {};
    const QJsonArray entries =
        QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("entry")).toArray();
    if (entries.size() != 1)
        return {};
    return entries.first().toObject().value(QStringLiteral("resource")).toObject();
}
