#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>

#include "common/result.h"
#include "rules/codeclassifier.h"

namespace Catalog {
class CodeCatalog;
}

namespace Superbill {

/// One code of the paper form, with what the form prints beside it.
struct TemplateCode
{
    QString code;              ///< upper case, as in the catalog
    QString label;             ///< as printed on the form; empty: the catalog's description
    QString categoryCode;      ///< the SNOMED CT category a ticked line gets; empty: none
    bool timeRequired = false; ///< the line needs its start and end (anesthesia, timed sedation)

    friend bool operator==(const TemplateCode &, const TemplateCode &) = default;
};

/// A titled block of the form ("Office visits", "Laboratory").
struct TemplateSection
{
    QString title;
    QList<TemplateCode> codes;

    friend bool operator==(const TemplateSection &, const TemplateSection &) = default;
};

/**
 * A practice's superbill: its sections and codes in the order of the paper form. Read from and
 * written to the JSON format of the README ("format": "superbill-template", "version": 1), kept
 * in the code catalog's file once checked against the catalog.
 */
struct SuperbillTemplate
{
    static constexpr int FormatVersion = 1;

    QString name;
    QList<TemplateSection> sections;

    qsizetype codeCount() const;
    /// The code on the form, or nullptr.
    const TemplateCode *find(const QString &code) const;
    /// The JSON document, as `template export` writes it.
    QByteArray toJson() const;

    friend bool operator==(const SuperbillTemplate &, const SuperbillTemplate &) = default;
};

/// What reading a template file came to: the template when nothing is wrong, else every problem,
/// each with its place as FILE:LINE in Error::path.
struct TemplateReading
{
    std::optional<SuperbillTemplate> superbill;
    QList<Common::Error> errors;

    bool ok() const { return superbill.has_value(); }
};

/**
 * Reads a template and checks it: the format, then every code against the catalog (unknown,
 * inactive, dental and non-CPT codes are refused, and so is a time requirement on a code the EHR
 * takes no start and end for). Without a catalog (codeFlags empty) only the format is checked.
 */
TemplateReading readTemplate(const QByteArray &json, const QString &fileName,
                             const Rules::CodeFlagsLookup &codeFlags);

/// The training template shipped with the app: a family-practice form of codes from the
/// training catalog.
SuperbillTemplate trainingTemplate();

/// The template the practice imported into this catalog, else the training template.
Common::Result<SuperbillTemplate> templateInUse(const Catalog::CodeCatalog &catalog);

/// Reads, checks against the catalog and stores a template in the catalog's file. On any problem
/// nothing is stored and every problem is in the reading's errors.
TemplateReading importTemplate(Catalog::CodeCatalog &catalog, const QByteArray &json,
                               const QString &fileName);

} // namespace Superbill
