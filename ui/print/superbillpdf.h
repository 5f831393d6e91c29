#pragma once

#include <QString>

#include "common/result.h"
#include "superbill/practice.h"
#include "superbillprintout.h"

class QPagedPaintDevice;

namespace Print {

/// The printed superbill as rich text (the subset of HTML QTextDocument lays out).
QString superbillHtml(const SuperbillPrintout &printout);

/// Lays the superbill out on a paged device: a QPdfWriter, or a printer the app chose. Needs a
/// QGuiApplication (fonts); superbill-cli makes an offscreen one.
void printSuperbill(const SuperbillPrintout &printout, QPagedPaintDevice *device);

/// Writes a PDF of the superbill on Letter or A4 paper; the file is replaced only once it is whole.
Common::Status writeSuperbillPdf(const SuperbillPrintout &printout, const QString &path,
                                 Superbill::Paper paper);

} // namespace Print
