#include "pointers.h"

namespace Superbill::Pointers {

QChar letter(qsizetype index)
{
    if (index < 0 || index >= MaxDiagnoses)
        return {};
    return QChar(u'A' + char16_t(index));
}

qsizetype index(QChar letter)
{
    const char16_t upper = letter.toUpper().unicode();
    if (upper < u'A' || upper > u'Z')
        return -1;
    return upper - u'A';
}

QString text(const QStringList &linked, const QStringList &diagnoses)
{
    QString pointers;
    for (const QString &id : linked) {
        if (const QChar found = letter(diagnoses.indexOf(id)); !found.isNull())
            pointers += found;
    }
    return pointers;
}

} // namespace Superbill::Pointers
