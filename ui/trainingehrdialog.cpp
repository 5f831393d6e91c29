#include "trainingehrdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Ui {

TrainingEhrDialog::TrainingEhrDialog(const QUrl &address, const QString &token, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("trainingEhrDialog"));
    setWindowTitle(tr("Training EHR address and token"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto *addressEdit = new QLineEdit(address.toString(), this);
    addressEdit->setObjectName(QStringLiteral("trainingAddressEdit"));
    addressEdit->setReadOnly(true);
    addressEdit->setMinimumWidth(420);
    form->addRow(tr("Address"), addressEdit);
    m_tokenEdit = new QLineEdit(token, this);
    m_tokenEdit->setObjectName(QStringLiteral("trainingTokenEdit"));
    m_tokenEdit->setReadOnly(true);
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Token"), m_tokenEdit);
    layout->addLayout(form);

    auto *tokenRow = new QHBoxLayout;
    m_showToken = new QCheckBox(tr("S&how the token"), this);
    m_showToken->setObjectName(QStringLiteral("showTokenCheck"));
    connect(m_showToken, &QCheckBox::toggled, this, [this](bool shown) {
        m_tokenEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    });
    tokenRow->addWidget(m_showToken);
    tokenRow->addStretch();
    auto *copy = new QPushButton(tr("&Copy the token"), this);
    copy->setObjectName(QStringLiteral("copyTokenButton"));
    tokenRow->addWidget(copy);
    layout->addLayout(tokenRow);
    auto *copied = new QLabel(this);
    copied->setObjectName(QStringLiteral("tokenCopiedLabel"));
    copied->setProperty("role", QStringLiteral("hint"));
    layout->addWidget(copied);
    connect(copy, &QPushButton::clicked, this, [token, copied] {
        QApplication::clipboard()->setText(token);
        copied->setText(
            tr("Copied. It changes each time the app starts; paste it where it is needed, not in a "
               "shared document."));
    });

    auto *example = new QLabel(this);
    example->setObjectName(QStringLiteral("cliExampleLabel"));
    example->setTextInteractionFlags(Qt::TextSelectableByMouse);
    example->setWordWrap(true);
    example->setText(tr("In a terminal, with the token in a file only you can read:\n"
                        "superbill-cli queue list --ehr %1 --token-file TOKEN-FILE\n"
                        "superbill-cli drill check DRILL.json --ehr %1 --token-file TOKEN-FILE")
                         .arg(address.toString()));
    layout->addWidget(example);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace Ui
