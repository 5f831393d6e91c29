#pragma once

#include <optional>

#include <QString>

#include "common/result.h"

namespace Superbill {

/// The paper a superbill is printed on.
enum class Paper
{
    Letter,
    A4
};

QString paperName(Paper paper); ///< "letter", "a4"
std::optional<Paper> paperFromName(const QString &name);

/**
 * What a printed superbill says about the practice (its name and address) and the paper it is
 * printed on. Kept in the shared settings folder (practice.ini beside ehr.ini), so the app's
 * Settings and superbill-cli print the same header.
 */
struct PracticeDetails
{
    QString name;
    QString address; ///< lines separated by '\n'
    Paper paper = Paper::Letter;

    /// The saved details, or empty ones (Letter) when none were saved.
    static PracticeDetails load();
    Common::Status save() const;
    static QString filePath();

    friend bool operator==(const PracticeDetails &, const PracticeDetails &) = default;
};

} // namespace Superbill
