#pragma once

#include <QLabel>
#include <QList>

namespace Ui {

/**
 * A word-wrapped QLabel that works out its size hints, and its height for a width, once per text and
 * width. Each layout pass asks a wrapped label for them several times (its minimum and its preferred
 * height, in each box layout up to the window), and QLabel lays the whole text out again for every
 * question, rich text as a QTextDocument: most of what a keystroke that shows or hides a field's
 * message cost. The last few texts are remembered, as labels that describe a field's state go back
 * and forth between a few texts (the code's kind, the form's summary) as a line is typed and sent.
 */
class WrappedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit WrappedLabel(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    int heightForWidth(int width) const override;

protected:
    bool event(QEvent *event) override;

private:
    struct Height
    {
        int width = 0;
        int height = 0;
    };

    struct Measurement
    {
        QString text;
        QSize hint;
        QSize minimum;
        QList<Height> heights;
    };

    /// The measurements of the text shown now: found, or started empty in place of the oldest.
    Measurement &measurement() const;

    mutable QList<Measurement> m_measurements; ///< the most recently shown text last
};

} // namespace Ui
