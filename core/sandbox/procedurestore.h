#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include "fhir/identifiertoken.h"

namespace Sandbox {

/// What the store indexes of a Procedure, besides the resource itself.
struct StoredProcedureKeys
{
    QString patientId;
    QString encounterId;
    QString code;
    QDateTime performedStart;
    QList<std::pair<QString, QString>> identifiers; ///< (system, value)
};

struct ProcedureQuery
{
    QString patientId;                ///< empty: any
    QString encounterId;              ///< empty: any
    Fhir::IdentifierToken identifier; ///< no filter when it is unrestricted
};

/**
 * The Procedures the training EHR has accepted, in SQLite: a file when the
 * trainer's session must survive a restart, or an in-memory database. One
 * store per server, used from the server's thread only.
 */
class ProcedureStore
{
public:
    ProcedureStore();
    ~ProcedureStore();
    ProcedureStore(const ProcedureStore &) = delete;
    ProcedureStore &operator=(const ProcedureStore &) = delete;

    /// Opens (and creates or migrates) the database; an empty path means in memory.
    bool open(const QString &path, QString *error);
    void close();

    qsizetype count() const;
    /// Stores the resource under a new id ("Procedure-<n>"), setting id and meta; nullopt on failure.
    std::optional<QJsonObject> insert(QJsonObject resource, const StoredProcedureKeys &keys,
                                      const QDateTime &now, QString *error);
    std::optional<QJsonObject> find(const QString &id) const;
    QList<QJsonObject> search(const ProcedureQuery &query) const;
    qsizetype countMatching(const ProcedureQuery &query) const;
    /// The id of a Procedure with the same patient, encounter, code and performed start, if any.
    std::optional<QString> findDuplicate(const StoredProcedureKeys &keys) const;
    bool clear(QString *error);

private:
    bool migrate(QString *error);
    QSqlDatabase database() const;

    QString m_connectionName;
    qint64 m_nextSeq = 1;
};

} // namespace Sandbox
