#include "paths.h"

#include <QDir>
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

} // namespace Common
