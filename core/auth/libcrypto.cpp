#include "libcrypto.h"

#include <QCoreApplication>
#include <QLibrary>

namespace Auth {

namespace {

struct Loaded
{
    QLibrary library;
    QString error;
};

Loaded &loaded()
{
    // Loaded once, by whichever thread needs it first; never unloaded (OpenSSL keeps global state).
    static Loaded *const once = [] {
        auto *result = new Loaded;
        result->library.setFileNameAndVersion(QStringLiteral("crypto"), 3);
        if (!result->library.load())
            result->error = QCoreApplication::translate(
                                "Auth::OpenSslKey", "OpenSSL's libcrypto (version 3) cannot be loaded: %1")
                                .arg(result->library.errorString());
        return result;
    }();
    return *once;
}

} // namespace

QString libcryptoError()
{
    return loaded().error;
}

void *Libcrypto::symbol(const char *name)
{
    Loaded &library = loaded();
    return library.error.isEmpty() ? reinterpret_cast<void *>(library.library.resolve(name)) : nullptr;
}

} // namespace Auth
