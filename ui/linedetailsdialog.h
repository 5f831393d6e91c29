#pragma once

#include <QDialog>

#include "linedraft.h"
#include "outbox/outboxline.h"

namespace Ui {

/**
 * A line as it was sent (or as it waits), read-only: code and description, category, when it was
 * performed in the clinic's zone, status, its diagnoses by code and name, and what the EHR said.
 * For lines that can no longer change, such as sent ones and those of a closed encounter.
 */
class LineDetailsDialog : public QDialog
{
    Q_OBJECT

public:
    /// `encounter` names the diagnoses and the zone when it is the line's encounter.
    LineDetailsDialog(const Outbox::OutboxLine &line, const EncounterContext &encounter,
                      QWidget *parent = nullptr);
};

} // namespace Ui
