#include "codefield.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>

#include "catalog/codecatalog.h"
#include "codecompletiondelegate.h"
#include "codecompletionmodel.h"
#include "rules/codeclassifier.h"
#include "windowshortcuts.h"

namespace Ui {

// Words the line form has always shown keep its translation context ("Ui::LineEditor"), so their
// translations stay with them.

namespace {

constexpr int CompletionLimit = 12;

bool isPlain(const QKeyEvent *key)
{
    return (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

bool isFavouriteKey(const QKeyEvent *key)
{
    return key->key() == Qt::Key_B && (key->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier;
}

} // namespace

CodeField::CodeField(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("codeField"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("cptCodeEdit"));
    m_edit->setAccessibleName(QCoreApplication::translate("Ui::LineEditor", "CPT code"));
    m_edit->setPlaceholderText(QCoreApplication::translate("Ui::LineEditor", "Code or words"));
    m_edit->setToolTip(tr("A CPT code, or words of its description. ↓ shows favourites and recent codes; "
                          "Ctrl+B stars the code."));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMaxLength(64);
    layout->addWidget(m_edit);
    setFocusProxy(m_edit);

    m_model = new CodeCompletionModel(this);
    m_completer = new QCompleter(m_model, this);
    m_completer->setObjectName(QStringLiteral("cptCompleter"));
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(CodeCompletionModel::CodeRole);
    m_completer->setMaxVisibleItems(CompletionLimit);
    m_completer->setWidget(m_edit);
    m_completer->popup()->setObjectName(QStringLiteral("cptCompleterPopup"));
    m_completer->popup()->setAccessibleName(tr("Matching codes"));
    m_completer->popup()->setMinimumWidth(520);
    m_completer->popup()->setItemDelegate(new CodeCompletionDelegate(m_completer->popup()));
    // Every row is one line: the list measures one row instead of each row again on every key.
    if (auto *list = qobject_cast<QListView *>(m_completer->popup()))
        list->setUniformItemSizes(true);

    connect(m_edit, &QLineEdit::textEdited, this, &CodeField::onTextEdited);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, &CodeField::choose);
    // A pop-up left open behind another field would fill this one on a later Enter or Tab.
    m_focusWatch = connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (popup()->isVisible() && now != m_edit && now != popup())
            popup()->hide();
    });
    m_edit->installEventFilter(this);
    popup()->installEventFilter(this);
    updateHint();
}

CodeField::~CodeField()
{
    // The children are destroyed after this object stops being a CodeField, and the focus leaving
    // them then must not reach this field's handlers.
    disconnect(m_focusWatch);
    m_edit->removeEventFilter(this);
    popup()->removeEventFilter(this);
}

QAbstractItemView *CodeField::popup() const
{
    return m_completer->popup();
}

void CodeField::setCatalog(Catalog::CodeCatalog *catalog)
{
    m_catalog = catalog;
    m_model->setCatalog(catalog);
    updateHint();
}

void CodeField::setPrimaryCodeOnLine(bool primary)
{
    m_model->setPrimaryCodeOnLine(primary);
}

QString CodeField::code() const
{
    return m_edit->text().trimmed();
}

void CodeField::setCode(const QString &code)
{
    popup()->hide();
    m_edit->setText(code);
    updateHint();
}

void CodeField::clear()
{
    setCode(QString());
}

std::optional<Catalog::CodeEntry> CodeField::knownEntry() const
{
    const QString text = code();
    if (!m_catalog || text.isEmpty())
        return std::nullopt;
    return m_catalog->lookup(text);
}

QString CodeField::hint() const
{
    return m_hint;
}

void CodeField::updateHint()
{
    const QString text = code();
    const Rules::CodeKind kind = Rules::CodeClassifier::classify(text.toUpper());
    const QString hint =
        text.isEmpty() || kind == Rules::CodeKind::Malformed
            ? QCoreApplication::translate(
                  "Ui::LineEditor",
                  "Type a code or words from its description; ↓ shows favourites and recent codes")
            : Rules::CodeClassifier::describe(kind);
    setHint(hint);
}

void CodeField::setHint(const QString &hint)
{
    if (hint == m_hint)
        return;
    m_hint = hint;
    Q_EMIT hintChanged(m_hint);
}

void CodeField::onTextEdited(const QString &text)
{
    const QString typed = text.trimmed();
    const auto known = knownEntry();
    if (known && typed != known->code) {
        // Typed in lower case: show the catalog's spelling.
        const int cursor = m_edit->cursorPosition();
        m_edit->setText(known->code);
        m_edit->setCursorPosition(cursor);
    }
    updateHint();
    Q_EMIT edited(code());
    // An emptied field offers nothing by itself (↓ does): a list that opens on its own is a list
    // that a later Tab takes from without the person looking.
    if (!m_catalog || typed.isEmpty() || (known && known->code.compare(typed, Qt::CaseInsensitive) == 0)) {
        popup()->hide();
        return;
    }
    showCompletions(typed);
}

void CodeField::showCompletions(const QString &text)
{
    const int found = m_model->search(text, CompletionLimit);
    if (!m_model->allWordsFound()) {
        setHint(found > 0
                    ? QCoreApplication::translate(
                          "Ui::LineEditor", "No code matches “%1”; the list shows the closest suggestions")
                          .arg(text.simplified())
                    : QCoreApplication::translate("Ui::LineEditor", "No code matches “%1”")
                          .arg(text.simplified()));
    }
    if (found == 0 || !m_edit->hasFocus()) {
        popup()->hide();
        return;
    }
    m_completer->complete();
    // The best match is highlighted, so Enter (or Tab) in the list takes it: "arthro knee", Enter.
    popup()->setCurrentIndex(m_model->index(0, 0));
}

void CodeField::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString chosen = index.data(CodeCompletionModel::CodeRole).toString();
    Catalog::CodeEntry entry = m_catalog && m_catalog->lookup(chosen)
                                   ? *m_catalog->lookup(chosen)
                                   : Catalog::CodeEntry::classified(
                                         chosen, index.data(CodeCompletionModel::DescriptionRole).toString(),
                                         index.data(CodeCompletionModel::VersionRole).toString());
    m_edit->setText(entry.code);
    updateHint();
    Q_EMIT completionChosen(entry);
}

void CodeField::toggleFavourite(const QString &code)
{
    if (!m_catalog || code.isEmpty() || !m_catalog->lookup(code))
        return;
    const bool favourite = !m_catalog->isFavourite(code);
    if (!m_catalog->setFavourite(code, favourite))
        return;
    Q_EMIT favouriteChanged(code, favourite);
}

bool CodeField::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == popup()) {
        if (key->key() == Qt::Key_Tab && isPlain(key)) {
            // Tab in the list takes the highlighted code, as Enter does, and goes on to the next field.
            const QModelIndex current = popup()->currentIndex();
            popup()->hide();
            choose(current);
            QKeyEvent tab(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier);
            QCoreApplication::sendEvent(m_edit, &tab);
            return true;
        }
        if (isFavouriteKey(key)) {
            // The star is set on the highlighted code, and the list shows it at once.
            const int row = popup()->currentIndex().row();
            toggleFavourite(popup()->currentIndex().data(CodeCompletionModel::CodeRole).toString());
            m_model->search(code(), CompletionLimit);
            popup()->setCurrentIndex(m_model->index(std::max(0, row), 0));
            return true;
        }
        if (WindowShortcuts::isWindowShortcut(window(), key)) {
            popup()->hide();
            WindowShortcuts::trigger(window(), key);
            return true;
        }
        return QWidget::eventFilter(watched, event);
    }
    if (watched == m_edit) {
        if (key->key() == Qt::Key_Down && isPlain(key) && code().isEmpty() && !popup()->isVisible() &&
            m_catalog) {
            showCompletions(QString());
            return true;
        }
        if (isFavouriteKey(key)) {
            toggleFavourite(code());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Ui
