#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QComboBox;

namespace Ui {

/**
 * Type-ahead for a closed, non-editable combo box: the letters typed within the keyboard input
 * interval pick the first item, from the current one on, whose text starts with them; the same
 * letter again goes on to the next item that starts with it. QComboBox's own type-ahead starts a
 * new search after the current item, so a first letter that the current item already starts with
 * moved away from it: "s" on a suggested "Surgical procedure" chose "Social service procedure".
 * Unlike QComboBox's, it does not make the combo box's popup list to search in.
 */
class ComboTypeAhead : public QObject
{
    Q_OBJECT

public:
    explicit ComboTypeAhead(QComboBox *combo);

    /// Forgets the letters typed so far into combo, when it has a ComboTypeAhead.
    static void reset(QComboBox *combo);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The item to show for the letters typed so far, or -1.
    int find() const;

    QComboBox *m_combo;
    QString m_typed;
    QElapsedTimer m_sinceLastKey;
};

} // namespace Ui
