#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "common/result.h"
#include "common/sqlitedatabase.h"
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
    ProcedureStore(const ProcedureStore &) = delete;
    ProcedureStore &operator=(const ProcedureStore &) = delete;

    /// Opens (and creates owner-only, or migrates) the database; an empty path means in memory.
    Common::Status open(const QString &path);
    void close() { m_db.close(); }

    qsizetype count() const;
    /// Stores the resource under a new id ("Procedure-<n>"), setting id and meta.
    Common::Result<QJsonObject> insert(QJsonObject resource, const StoredProcedureKeys &keys,
                                       const QDateTime &now);
    std::optional<QJsonObject> find(const QString &id) const;
    QList<QJsonObject> search(const ProcedureQuery &query) const;
    qsizetype countMatching(const ProcedureQuery &query) const;
    /// The id of a Procedure with the same patient, encounter, code and performed start, if any.
    std::optional<QString> findDuplicate(const StoredProcedureKeys &keys) const;
    Common::Status clear();

private:
    Common::SqliteDatabase m_db;
    qint64 m_nextSeq = 1;
};

} // namespace Sandbox
