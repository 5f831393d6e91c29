#include "secretstore.h"

namespace Auth {

void MemorySecretStore::read(const QString &key, ReadDone done)
{
    if (!m_values.contains(key)) {
        done(Common::makeError(QLatin1String(NotFound), tr("nothing stored")));
        return;
    }
    done(m_values.value(key));
}

void MemorySecretStore::write(const QString &key, const QString &value, WriteDone done)
{
    m_values.insert(key, value);
    done({});
}

void MemorySecretStore::remove(const QString &key, WriteDone done)
{
    m_values.remove(key);
    done({});
}

QString MemorySecretStore::note() const
{
    return tr("The sign-in is kept for this session only; it is not saved anywhere.");
}

} // namespace Auth
