#include "refusecodedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "rules/errorcatalog.h"

namespace Ui {

RefuseCodeDialog::RefuseCodeDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("refuseCodeDialog"));
    setWindowTitle(tr("Refuse the next line"));
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("The training EHR refuses the next line sent to it with this code, as a real EHR "
                      "would; the lines after it are treated normally."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("refuseCodeFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter: code, name or words of the message"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("refuseCodeList"));
    m_list->setMinimumSize(560, 320);
    layout->addWidget(m_list, 1);

    // Procedure codes are the ones a line meets; the others are there for a trainer who wants them.
    QList<Rules::ErrorInfo> codes = Rules::ErrorCatalog::instance().ehrCodes();
    std::stable_sort(codes.begin(), codes.end(), [](const Rules::ErrorInfo &a, const Rules::ErrorInfo &b) {
        const auto rank = [](const Rules::ErrorInfo &info) {
            return info.resource == u"Procedure" ? 0 : info.resource == u"Any" ? 1 : 2;
        };
        return rank(a) < rank(b);
    });
    for (const auto &info : std::as_const(codes)) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1  %2 — %3").arg(info.code, info.name, info.message), m_list);
        item->setData(Qt::UserRole, info.code);
        item->setToolTip(tr("%1 · %2").arg(info.resource, Rules::errorClassName(info.errorClass)));
    }
    m_list->setCurrentRow(0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Refuse with this code"));
    m_ok->setObjectName(QStringLiteral("refuseCodeOkButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &RefuseCodeDialog::filter);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_ok->setEnabled(row >= 0); });
    m_filter->setFocus();
}

QString RefuseCodeDialog::code() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && !item->isHidden() ? item->data(Qt::UserRole).toString() : QString();
}

void RefuseCodeDialog::setCode(const QString &code)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == code)
            m_list->setCurrentRow(row);
    }
}

void RefuseCodeDialog::filter(const QString &text)
{
    const QString needle = text.trimmed();
    int first = -1;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const bool shown = needle.isEmpty() || item->text().contains(needle, Qt::CaseInsensitive);
        item->setHidden(!shown);
        if (shown && first < 0)
            first = row;
    }
    if (!m_list->currentItem() || m_list->currentItem()->isHidden())
        m_list->setCurrentRow(first);
    m_ok->setEnabled(first >= 0);
}

} // namespace Ui
