#include "superbillpdf.h"

#include <QCoreApplication>
#include <QFont>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace {

// The translation context of this file's messages, outside the module's namespace so that lupdate
// finds it even after a function with a qualified return type (Common::Status f()).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Print::SuperbillPdf)
};

} // namespace

namespace Print {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

QString cell(const QString &text, const QString &attributes = {})
{
    return QStringLiteral("<td%1>%2</td>")
        .arg(attributes.isEmpty() ? QString() : u' ' + attributes, escaped(text));
}

/// "<b>Label</b> value" in a cell of the given width.
QString field(const QString &label, const QString &value, int widthPercent)
{
    return QStringLiteral("<td width=\"%1%\"><b>%2</b> %3</td>")
        .arg(widthPercent)
        .arg(escaped(label), escaped(value));
}

/// A ruled table whose header row names the columns, each with its width in percent.
QString tableStart(const QList<QPair<QString, int>> &columns)
{
    QString html = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                  "style=\"border-color: #9aa5b1; border-style: solid\"><tr>");
    for (const auto &[title, width] : columns)
        html += QStringLiteral("<th align=\"left\" bgcolor=\"#e8edf3\" width=\"%1%\">%2</th>")
                    .arg(width)
                    .arg(escaped(title));
    return html + QStringLiteral("</tr>");
}

QString emptyRow(int columns, const QString &text)
{
    return QStringLiteral("<tr><td colspan=\"%1\">%2</td></tr>").arg(columns).arg(escaped(text));
}

} // namespace

QString superbillHtml(const SuperbillPrintout &printout)
{
    QString html = QStringLiteral("<html><body>");
    // The practice on the left, what the page is on the right, as on the paper form.
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td>"
                           "<div style=\"font-size: 14pt; font-weight: bold\">%1</div><div>%2</div></td>")
                .arg(escaped(printout.practiceName.isEmpty() ? Text::tr("(practice name: see Settings)")
                                                             : printout.practiceName),
                     escaped(printout.practiceAddress));
    html +=
        QStringLiteral("<td align=\"right\" valign=\"top\"><div style=\"font-size: 14pt; font-weight: bold\">"
                       "%1</div><div>%2</div></td></tr></table><hr>")
            .arg(escaped(Text::tr("SUPERBILL")), escaped(Text::tr("Printed %1").arg(printout.printedAt)));

    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><tr>") +
            field(Text::tr("Patient:"), printout.patientName, 40) +
            field(Text::tr("Date of birth:"),
                  QLocale::c().toString(printout.birthDate, QStringLiteral("d MMM yyyy")), 30) +
            field(Text::tr("MRN:"), printout.mrn, 30) + QStringLiteral("</tr><tr>") +
            field(Text::tr("Encounter:"), printout.encounterWhen, 40) +
            field(Text::tr("Type:"), printout.encounterType, 30) +
            field(Text::tr("Encounter id:"), printout.encounterId, 30) + QStringLiteral("</tr></table>");

    html += QStringLiteral("<h3>%1</h3>").arg(escaped(Text::tr("Diagnoses (ICD-10-CM)")));
    html += tableStart({{Text::tr("Pointer"), 10}, {Text::tr("ICD-10-CM"), 14}, {Text::tr("Diagnosis"), 76}});
    for (const PrintedDiagnosis &diagnosis : printout.diagnoses)
        html += QStringLiteral("<tr>") + cell(QString(diagnosis.letter), QStringLiteral("align=\"center\"")) +
                cell(diagnosis.code) + cell(diagnosis.display) + QStringLiteral("</tr>");
    if (printout.diagnoses.isEmpty())
        html += emptyRow(3, Text::tr("No diagnosis linked."));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3>").arg(escaped(Text::tr("Procedures (CPT)")));
    html += tableStart({{Text::tr("Code"), 8},
                        {Text::tr("Description"), 36},
                        {Text::tr("Time"), 24},
                        {Text::tr("Pointers"), 11},
                        {Text::tr("State"), 21}});
    for (const PrintedLine &line : printout.lines)
        html += QStringLiteral("<tr>") + cell(line.code) + cell(line.description) + cell(line.time) +
                cell(line.pointers, QStringLiteral("align=\"center\"")) + cell(line.state) +
                QStringLiteral("</tr>");
    if (printout.lines.isEmpty())
        html += emptyRow(5, Text::tr("No procedure line has been entered for this encounter."));
    html += QStringLiteral("</table>");
    const int count = int(printout.lines.size());
    html +=
        QStringLiteral("<p style=\"font-size: 7pt; color: #52606d\">%1 %2</p></body></html>")
            .arg(escaped(count == 1 ? Text::tr("1 procedure line.")
                                    : Text::tr("%n procedure lines.", nullptr, count)),
                 escaped(Text::tr("Pointers refer to the diagnoses above, the first letter to the primary "
                                  "one. Printed by Superbill Desk.")));
    return html;
}

void printSuperbill(const SuperbillPrintout &printout, QPagedPaintDevice *device)
{
    QTextDocument document;
    QFont font(QStringLiteral("DejaVu Sans"), 9);
    // Without shaping there are no ligatures ("ffi"), so the PDF's text can be searched and copied as typed.
    font.setStyleStrategy(QFont::PreferNoShaping);
    document.setDefaultFont(font);
    document.setHtml(superbillHtml(printout));
    document.print(device);
}

Common::Status writeSuperbillPdf(const SuperbillPrintout &printout, const QString &path,
                                 Superbill::Paper paper)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Common::makeError(QStringLiteral("print-write"),
                                 Text::tr("cannot write the PDF: %1").arg(file.errorString()), path);
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(paper == Superbill::Paper::A4 ? QPageSize::A4 : QPageSize::Letter));
        // QTextDocument::print() keeps a margin of 2 cm itself, and numbers the pages in it.
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        writer.setCreator(QStringLiteral("Superbill Desk"));
        writer.setTitle(Text::tr("Superbill"));
        printSuperbill(printout, &writer);
    }
    if (!file.commit())
        return Common::makeError(QStringLiteral("print-write"),
                                 Text::tr("cannot write the PDF: %1").arg(file.errorString()), path);
    return {};
}

} // namespace Print
