#include "token.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryFile>

namespace Sandbox::Token {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::Token", text);
}
} // namespace

QString generate()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool equalsConstantTime(const QByteArray &a, const QByteArray &b)
{
    // Hashing first gives two equal-length values, so neither the length nor the
    // first difference of the real token shows in the time taken.
    const QByteArray ha = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray hb = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < ha.size(); ++i)
        difference |= static_cast<unsigned char>(ha.at(i) ^ hb.at(i));
    return difference == 0;
}

Common::Result<QString> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Common::makeError(
            QStringLiteral("unreadable"),
            tr("cannot read the token file %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const QString token = QString::fromUtf8(file.readLine(64 * 1024)).trimmed();
    if (token.isEmpty())
        return Common::makeError(QStringLiteral("token-empty"),
                                 tr("the token file %1 is empty").arg(QDir::toNativeSeparators(path)));
    return token;
}

Common::Result<QString> writeNewFile(const QString &dir, const QString &token)
{
    // QTemporaryFile creates the file exclusively with owner-only permissions.
    QTemporaryFile file(dir + QStringLiteral("/superbill-sandbox-token-XXXXXX"));
    file.setAutoRemove(false);
    if (!file.open())
        return Common::makeError(QStringLiteral("unwritable"),
                                 tr("cannot create a token file in %1: %2")
                                     .arg(QDir::toNativeSeparators(dir), file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(token.toUtf8() + '\n') < 0 || !file.flush()) {
        const Common::Error error =
            Common::makeError(QStringLiteral("unwritable"),
                              tr("cannot write the token file %1: %2")
                                  .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
        file.remove();
        return error;
    }
    return file.fileName();
}

} // namespace Sandbox::Token
