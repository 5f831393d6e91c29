#pragma once

#include <QLabel>
#include <QList>

namespace Ui {

/**
 * A word-wrapped QLabel that works out its height for a width once per text and width. Each layout
 * pass asks a wrapped label for it several times (its minimum and its preferred height, in each box
 * layout up to the window), and QLabel lays the whole text out again for every question, rich text
 * as a QTextDocument: most of what a keystroke that shows or hides a field's message cost.
 */
class WrappedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit WrappedLabel(QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    bool event(QEvent *event) override;

private:
    struct Height
    {
        int width = 0;
        int height = 0;
    };

    mutable QString m_measuredText;
    mutable QList<Height> m_heights;
};

} // namespace Ui
