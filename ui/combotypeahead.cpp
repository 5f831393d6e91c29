#include "combotypeahead.h"

#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>

namespace Ui {

ComboTypeAhead::ComboTypeAhead(QComboBox *combo)
    : QObject(combo)
    , m_combo(combo)
{
    combo->installEventFilter(this);
}

void ComboTypeAhead::reset(QComboBox *combo)
{
    if (auto *typeAhead = combo->findChild<ComboTypeAhead *>(QString(), Qt::FindDirectChildrenOnly)) {
        typeAhead->m_typed.clear();
        typeAhead->m_sinceLastKey.invalidate();
    }
}

int ComboTypeAhead::find() const
{
    const int count = m_combo->count();
    const int current = std::max(0, m_combo->currentIndex());
    // "ss": the next item after the current one that starts with "s".
    const bool sameLetter = m_typed.size() > 1 && m_typed.count(m_typed.front()) == m_typed.size();
    const QString prefix = sameLetter ? m_typed.left(1) : m_typed;
    const int first = sameLetter ? 1 : 0;
    for (int step = first; step < first + count; ++step) {
        const int row = (current + step) % count;
        if (m_combo->itemText(row).startsWith(prefix, Qt::CaseInsensitive))
            return row;
    }
    return -1;
}

bool ComboTypeAhead::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_combo || event->type() != QEvent::KeyPress || m_combo->isEditable() ||
        m_combo->count() == 0)
        return QObject::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const QString text = key->text();
    // Space opens the list, as in QComboBox; shortcuts and keys without text are its own too.
    if (text.isEmpty() || !text.at(0).isPrint() || text.at(0).isSpace() ||
        (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)))
        return QObject::eventFilter(watched, event);
    const bool continuing =
        m_sinceLastKey.isValid() && m_sinceLastKey.elapsed() <= QApplication::keyboardInputInterval();
    m_typed = continuing ? m_typed + text : text;
    m_sinceLastKey.start();
    if (const int row = find(); row >= 0 && row != m_combo->currentIndex()) {
        m_combo->setCurrentIndex(row);
        Q_EMIT m_combo->activated(row);
    }
    return true;
}

} // namespace Ui
