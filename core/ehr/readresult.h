#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Ehr {

/**
 * How a read (search, metadata) went. Readers never retry; the caller (the
 * offline cache, the form) decides whether to fall back to what it has.
 */
struct ReadStatus
{
    enum class Kind
    {
        Ok,
        Unreachable,  ///< no answer, timeout, 5xx, 429: the EHR is down or busy
        Unauthorized, ///< 401/403
        Failed,       ///< the EHR answered with an error or with something unreadable
        Blocked,      ///< nothing was sent: insecure URL, TLS failure, no EHR configured
        Cancelled,
    };
    Kind kind = Kind::Ok;
    int httpStatus = 0;
    QString errorString;

    bool ok() const { return kind == Kind::Ok; }
};

/// The resources of a search, every page followed.
struct ResourceList
{
    ReadStatus status;
    QList<QJsonObject> resources;
    std::optional<qint64> total; ///< Bundle.total of the first page, when the EHR gave it
};

/// Typed search results; resources[i] is the EHR's JSON of items[i] (for caches).
template<typename T>
struct ListResult
{
    ReadStatus status;
    QList<T> items;
    QList<QJsonObject> resources;
    bool ok() const { return status.ok(); }
};

} // namespace Ehr
