#include "requestlog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>

#include "common/printable.h"
#include "logging.h"

namespace Sandbox {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::RequestLog", text);
}

constexpr qsizetype MaxTargetLength = 300;
} // namespace

RequestLog::RequestLog() = default;
RequestLog::~RequestLog() = default;

Common::Status RequestLog::open(const QString &path)
{
    m_file.reset();
    if (path.isEmpty())
        return {};
    auto file = std::make_unique<QFile>(path);
    // Created for the owner only from the start: no moment in which others could open it.
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text,
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Common::makeError(QStringLiteral("unwritable"),
                                 tr("cannot open the request log %1: %2")
                                     .arg(QDir::toNativeSeparators(path), file->errorString()));
    m_file = std::move(file);
    return {};
}

QString RequestLog::describeTarget(const QString &path, const QStringList &parameterNames)
{
    // Ids of patients, their encounters and their diagnoses are patient data; Procedure ids are the server's
    // own.
    static const QStringList redactedTypes{QStringLiteral("Patient"), QStringLiteral("Encounter"),
                                           QStringLiteral("Condition")};
    QStringList segments = path.split(u'/');
    for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
        if (redactedTypes.contains(segments.at(i)) && !segments.at(i + 1).isEmpty()) {
            segments[i + 1] = QStringLiteral("{id}");
            ++i;
        }
    }
    QString target = segments.join(u'/');
    if (!parameterNames.isEmpty())
        target += u'?' + parameterNames.join(u'&');
    if (target.size() > MaxTargetLength)
        target = target.left(MaxTargetLength) + QStringLiteral("...");
    return target;
}

void RequestLog::write(const QByteArray &method, const QString &target, const QString &outcome,
                       const QString &ehrCode, qint64 durationMs)
{
    if (!m_enabled)
        return;
    const QString line = Common::printable(QStringLiteral("%1 %2 %3 %4 %5ms")
                                               .arg(QString::fromLatin1(method), target, outcome,
                                                    ehrCode.isEmpty() ? QStringLiteral("-") : ehrCode)
                                               .arg(durationMs));
    if (!m_file) {
        qCInfo(lcSandboxRequests).noquote() << line;
        return;
    }
    m_file->write(
        (QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' ' + line + u'\n').toUtf8());
    m_file->flush();
}

} // namespace Sandbox
