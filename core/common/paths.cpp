#include "paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Common {

namespace {
const auto FolderName = QStringLiteral("superbill-desk");
}

QString dataDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(FolderName);
}

QString configDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)).filePath(FolderName);
}

Status makePrivateDirectory(const QString &path)
{
    QStringList missing;
    for (QString folder = QDir::cleanPath(QDir(path).absolutePath()); !QFileInfo::exists(folder);) {
        missing.prepend(folder);
        const QString parent = QFileInfo(folder).absolutePath();
        if (parent == folder)
            break;
        folder = parent;
    }
    // QDir::mkpath() would create them with the umask's mode, usually readable by everyone.
    for (const QString &folder : std::as_const(missing)) {
        if (!QDir().mkdir(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner) &&
            !QFileInfo(folder).isDir())
            return makeError(QStringLiteral("cannot-create-folder"),
                             QCoreApplication::translate("Common::Paths", "cannot create the folder %1")
                                 .arg(QDir::toNativeSeparators(folder)),
                             folder);
    }
    if (!QFileInfo(path).isDir())
        return makeError(QStringLiteral("not-a-folder"),
                         QCoreApplication::translate("Common::Paths", "%1 is not a folder")
                             .arg(QDir::toNativeSeparators(path)),
                         path);
    return {};
}

} // namespace Common
