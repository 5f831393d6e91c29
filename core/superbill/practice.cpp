#include "practice.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>

#include "common/paths.h"

namespace Superbill {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Superbill::PracticeDetails)
};

const auto NameKey = QStringLiteral("practice/name");
const auto AddressKey = QStringLiteral("practice/address");
const auto PaperKey = QStringLiteral("print/paper");

} // namespace

QString paperName(Paper paper)
{
    return paper == Paper::A4 ? QStringLiteral("a4") : QStringLiteral("letter");
}

std::optional<Paper> paperFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == u"letter")
        return Paper::Letter;
    if (key == u"a4")
        return Paper::A4;
    return std::nullopt;
}

QString PracticeDetails::filePath()
{
    return QDir(Common::configDirectory()).filePath(QStringLiteral("practice.ini"));
}

PracticeDetails PracticeDetails::load()
{
    const QSettings file(filePath(), QSettings::IniFormat);
    PracticeDetails details;
    details.name = file.value(NameKey).toString();
    details.address = file.value(AddressKey).toString();
    details.paper = paperFromName(file.value(PaperKey).toString()).value_or(Paper::Letter);
    return details;
}

Common::Status PracticeDetails::save() const
{
    QDir().mkpath(Common::configDirectory());
    QSettings file(filePath(), QSettings::IniFormat);
    file.setValue(NameKey, name);
    file.setValue(AddressKey, address);
    file.setValue(PaperKey, paperName(paper));
    file.sync();
    if (file.status() != QSettings::NoError)
        return Common::makeError(QStringLiteral("settings-write"),
                                 Text::tr("cannot write the practice details"), filePath());
    return {};
}

} // namespace Superbill
