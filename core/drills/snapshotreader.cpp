#include "snapshotreader.h"

#include <memory>

#include <QCoreApplication>
#include <QUrlQuery>

#include "ehr/conditionsummary.h"
#include "ehr/ehrclient.h"

namespace Drills {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Drills::SnapshotReader", text);
}

/// One read in progress: finishes when the last request has answered, or at the first failure.
struct Reading
{
    EhrSnapshot snapshot;
    SnapshotReader::Done done;
    int outstanding = 0;
    bool finished = false;

    void fail(const QString &what, const Ehr::ReadStatus &status)
    {
        if (finished)
            return;
        finished = true;
        done(Common::makeError(
            status.kind == Ehr::ReadStatus::Kind::Unauthorized ? QStringLiteral("unauthorized")
                                                               : QStringLiteral("unreachable"),
            tr("Reading %1 from the EHR failed: %2")
                .arg(what, status.errorString.isEmpty() ? tr("HTTP status %1").arg(status.httpStatus)
                                                        : status.errorString)));
    }
    void oneDone()
    {
        if (finished || --outstanding > 0)
            return;
        finished = true;
        done(snapshot);
    }
};

} // namespace

void SnapshotReader::read(Ehr::EhrClient &client, const Drill &drill, const QObject *context, Done done)
{
    auto reading = std::make_shared<Reading>();
    reading->done = std::move(done);
    const QStringList encounters = drill.encounters();
    const QStringList patients = drill.patients();
    reading->outstanding = int(encounters.size() + patients.size()) + 1;

    for (const QString &encounter : encounters) {
        reading->snapshot.procedures.insert(encounter, {});
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("encounter"), encounter);
        query.addQueryItem(QStringLiteral("_count"), QStringLiteral("200"));
        client.search(QStringLiteral("Procedure"), query, context,
                      [reading, encounter](const Ehr::ResourceList &list) {
                          if (!list.status.ok()) {
                              reading->fail(tr("the Procedures of %1").arg(encounter), list.status);
                              return;
                          }
                          reading->snapshot.procedures.insert(encounter, list.resources);
                          reading->oneDone();
                      });
    }
    for (const QString &patient : patients) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("patient"), patient);
        client.search(QStringLiteral("Condition"), query, context,
                      [reading, patient](const Ehr::ResourceList &list) {
                          if (!list.status.ok()) {
                              reading->fail(tr("the diagnoses of %1").arg(patient), list.status);
                              return;
                          }
                          for (const QJsonObject &resource : list.resources) {
                              if (const auto condition = Ehr::ConditionSummary::fromFhir(resource))
                                  reading->snapshot.diagnosisCodes.insert(condition->id, condition->code);
                          }
                          reading->oneDone();
                      });
    }
    client.search(QStringLiteral("$sandbox-refusals"), {}, context, [reading](const Ehr::ResourceList &list) {
        // Any EHR but the training one has no such operation; its refusals stay unknown.
        if (list.status.kind == Ehr::ReadStatus::Kind::Failed)
            reading->snapshot.refusals.reset();
        else if (!list.status.ok()) {
            reading->fail(tr("the refused lines"), list.status);
            return;
        } else
            reading->snapshot.refusals = list.resources;
        reading->oneDone();
    });
}

} // namespace Drills
