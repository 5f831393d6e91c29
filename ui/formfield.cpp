#include "formfield.h"

#include "fhir/dialect.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Ui {

FormField fieldForPath(const QString &path, int *diagnosisIndex)
{
    if (diagnosisIndex)
        *diagnosisIndex = -1;
    const QString p = path.trimmed();
    const auto starts = [&p](const char *prefix) {
        const QLatin1String text(prefix);
        return p == text || p.startsWith(text + u'.') || p.startsWith(text + u'[');
    };
    if (starts("Procedure.reasonReference")) {
        static const QRegularExpression index(QStringLiteral("^Procedure\\.reasonReference\\[(\\d+)\\]"));
        const auto match = index.match(p);
        if (match.hasMatch() && diagnosisIndex)
            *diagnosisIndex = match.captured(1).toInt();
        return FormField::Diagnoses;
    }
    if (starts("Procedure.code.coding[0].display") || starts("Procedure.code.text"))
        return FormField::Description;
    if (starts("Procedure.code"))
        return FormField::Code;
    if (starts("Procedure.category"))
        return FormField::Category;
    if (starts("Procedure.status"))
        return FormField::Status;
    if (starts("Procedure.performedPeriod.end"))
        return FormField::PeriodEnd;
    if (starts("Procedure.performedPeriod"))
        return FormField::PeriodStart;
    if (starts("Procedure.performedDateTime") || starts("Procedure.performed"))
        return FormField::Performed;
    // The recorded date is the only extension this app writes (dialect r4-strict).
    if (starts("Procedure.recordedDate") || starts("Procedure.recorded") || starts("Procedure.extension") ||
        p.contains(QLatin1String(Fhir::RecordedExtensionUrl)))
        return FormField::Recorded;
    if (starts("Procedure.subject"))
        return FormField::Patient;
    if (starts("Procedure.encounter"))
        return FormField::Encounter;
    return FormField::None;
}

QString fieldLabel(FormField field)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Ui::FormField", text); };
    switch (field) {
    case FormField::None:
        return tr("Line");
    case FormField::Patient:
        return tr("Patient");
    case FormField::Encounter:
        return tr("Encounter");
    case FormField::Code:
        return tr("CPT code");
    case FormField::Description:
        return tr("Description");
    case FormField::Category:
        return tr("Category");
    case FormField::Status:
        return tr("Status");
    case FormField::Performed:
        return tr("Performed");
    case FormField::PeriodStart:
        return tr("Anesthesia start");
    case FormField::PeriodEnd:
        return tr("Anesthesia end");
    case FormField::Recorded:
        return tr("Recorded");
    case FormField::Diagnoses:
        return tr("Diagnoses");
    }
    return {};
}

} // namespace Ui
