#include "formfield.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "fhir/dialect.h"

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
    switch (field) {
    case FormField::None:
        return QCoreApplication::translate("Ui::FormField", "Line");
    case FormField::Patient:
        return QCoreApplication::translate("Ui::FormField", "Patient");
    case FormField::Encounter:
        return QCoreApplication::translate("Ui::FormField", "Encounter");
    case FormField::Code:
        return QCoreApplication::translate("Ui::FormField", "CPT code");
    case FormField::Description:
        return QCoreApplication::translate("Ui::FormField", "Description");
    case FormField::Category:
        return QCoreApplication::translate("Ui::FormField", "Category");
    case FormField::Status:
        return QCoreApplication::translate("Ui::FormField", "Status");
    case FormField::Performed:
        return QCoreApplication::translate("Ui::FormField", "Performed");
    case FormField::PeriodStart:
        return QCoreApplication::translate("Ui::FormField", "Anesthesia start");
    case FormField::PeriodEnd:
        return QCoreApplication::translate("Ui::FormField", "Anesthesia end");
    case FormField::Recorded:
        return QCoreApplication::translate("Ui::FormField", "Recorded");
    case FormField::Diagnoses:
        return QCoreApplication::translate("Ui::FormField", "Diagnoses");
    }
    return {};
}

} // namespace Ui
