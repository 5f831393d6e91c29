#include "linedetailsdialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

#include "common/printable.h"
#include "outboxlinesmodel.h"
#include "rules/categories.h"

namespace Ui {

namespace {

QLabel *makeValue(const QString &objectName, const QString &text, QWidget *parent)
{
    // What the line holds may have come from the EHR: its control characters are escaped.
    auto *label = new QLabel(Common::printable(text), parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

LineDetailsDialog::LineDetailsDialog(const Outbox::OutboxLine &line, const EncounterContext &encounter,
                                     QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("lineDetailsDialog"));
    const auto entry = line.entry();
    setWindowTitle(tr("Line %1 (read-only)").arg(line.code));
    resize(560, 420);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout->addLayout(form);

    const bool ownEncounter = encounter.encounterId == line.encounterId;
    const QTimeZone zone = ownEncounter && encounter.timeZone.isValid() ? encounter.timeZone : QTimeZone();
    form->addRow(tr("Code"),
                 makeValue(QStringLiteral("lineDetailsCodeLabel"),
                           entry ? entry->code.code + QStringLiteral(" — ") + entry->code.display : line.code,
                           this));
    if (entry) {
        const Rules::ProcedureCategory *category =
            entry->category ? Rules::findCategory(entry->category->code) : nullptr;
        form->addRow(tr("Category"),
                     makeValue(QStringLiteral("lineDetailsCategoryLabel"),
                               category ? QCoreApplication::translate("Rules::Categories",
                                                                      category->display.toUtf8().constData())
                                        : tr("None"),
                               this));
        form->addRow(tr("Performed"),
                     makeValue(QStringLiteral("lineDetailsPerformedLabel"),
                               performedText(entry->usesPeriod() ? entry->performedPeriod.start
                                                                 : entry->performedDateTime,
                                             entry->usesPeriod() ? entry->performedPeriod.end : QDateTime(),
                                             zone, QLocale()),
                               this));
        form->addRow(tr("Status"), makeValue(QStringLiteral("lineDetailsStatusLabel"), entry->status, this));
    }
    const LineStatus status = lineStatus(line, QDateTime::currentDateTimeUtc());
    form->addRow(
        tr("In the EHR"),
        makeValue(QStringLiteral("lineDetailsStateLabel"),
                  status.detail.isEmpty() ? status.text : status.text + QStringLiteral(" · ") + status.detail,
                  this));

    auto *diagnoses = new QListWidget(this);
    diagnoses->setObjectName(QStringLiteral("lineDetailsDiagnosisList"));
    diagnoses->setAccessibleName(tr("Linked diagnoses, in order"));
    if (entry) {
        int position = 0;
        for (const auto &reason : entry->reasonReferences) {
            const auto *option = ownEncounter ? encounter.diagnosis(reason.id()) : nullptr;
            diagnoses->addItem(QStringLiteral("%1.  %2")
                                   .arg(++position)
                                   .arg(Common::printable(option ? option->label() : reason.id())));
        }
    }
    if (diagnoses->count() == 0)
        diagnoses->addItem(tr("No diagnosis linked"));
    form->addRow(tr("Diagnoses"), diagnoses);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    diagnoses->setFocus(Qt::OtherFocusReason);
}

} // namespace Ui
