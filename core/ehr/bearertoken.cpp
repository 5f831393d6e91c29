#include "bearertoken.h"

#include <QCoreApplication>

#include "common/printable.h"

namespace Ehr {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Ehr::BearerToken)
};

} // namespace

Common::Status checkBearerToken(const QString &token)
{
    for (qsizetype i = 0; i < token.size(); ++i) {
        const char16_t c = token.at(i).unicode();
        if (c > 0x20 && c < 0x7f)
            continue;
        const bool control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
        const QString what =
            control     ? Text::tr("a control character (%1)").arg(Common::printable(QString(token.at(i))))
            : c == 0x20 ? Text::tr("a space")
                        : Text::tr("a character outside ASCII");
        return Common::makeError(QStringLiteral("token-invalid"),
                                 Text::tr("The token contains %1 at character %2; a token is one line of "
                                          "visible ASCII characters. Copy it again from the EHR.")
                                     .arg(what)
                                     .arg(i + 1));
    }
    return {};
}

} // namespace Ehr
