#pragma once

#include <QComboBox>

namespace Ui {

/**
 * A combo box as wide as its minimum contents length, whatever its items: the size
 * QComboBox::AdjustToMinimumContentsLengthWithIcon gives, for lists of long labels (diagnoses,
 * encounters) that would otherwise widen the form. Setting that policy makes the combo box's popup
 * list at once (a dozen hidden widgets); this one makes it when first opened, as QComboBox does.
 * Its items have no icons.
 */
class CompactComboBox : public QComboBox
{
public:
    explicit CompactComboBox(int minimumContentsLength, QWidget *parent = nullptr)
        : QComboBox(parent)
    {
        setMinimumContentsLength(minimumContentsLength);
    }

    // The policy keeps room for an icon beside the minimum contents length, in both hints.
    QSize minimumSizeHint() const override
    {
        return QComboBox::minimumSizeHint() + QSize(iconSize().width() + 4, 0);
    }
    QSize sizeHint() const override { return minimumSizeHint(); }
};

} // namespace Ui
