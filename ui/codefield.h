#pragma once

#include <optional>

#include <QWidget>

#include "catalog/codeentry.h"

class QAbstractItemView;
class QCompleter;
class QLineEdit;

namespace Catalog {
class CodeCatalog;
}

namespace Ui {

class CodeCompletionModel;

/**
 * The CPT code field with the code catalog's completer. Typing a code or words searches the
 * catalog; ↓ in the empty field offers favourites and recent codes; Ctrl+B stars or unstars the
 * code (in the pop-up: the highlighted one).
 *
 * The pop-up never decides for the person: a completion is taken only by Enter or Tab inside the
 * pop-up, the pop-up closes whenever the focus leaves the field, and a window shortcut pressed
 * while it is open closes it and runs.
 */
class CodeField : public QWidget
{
    Q_OBJECT

public:
    explicit CodeField(QWidget *parent = nullptr);
    ~CodeField() override;

    /// The catalog for the completer and the spelling of known codes; not owned.
    void setCatalog(Catalog::CodeCatalog *catalog);

    QLineEdit *lineEdit() const { return m_edit; }
    QCompleter *completer() const { return m_completer; }
    QAbstractItemView *popup() const;

    /// A primary code is already on the superbill: add-on codes are offered like the others.
    void setPrimaryCodeOnLine(bool primary);

    /// The code as typed, without surrounding blanks.
    QString code() const;
    /// Shows a code (a line opened for correction); no signal, no pop-up.
    void setCode(const QString &code);
    void clear();
    /// The catalog's entry for exactly this code, if it has one.
    std::optional<Catalog::CodeEntry> knownEntry() const;
    /// What kind of code the text is ("CPT Category I …"), or how to use the field when it is empty.
    QString hint() const;

Q_SIGNALS:
    /// The person changed the text by typing.
    void edited(const QString &code);
    /// The person took a code from the pop-up.
    void completionChosen(const Catalog::CodeEntry &entry);
    /// The hint for the field's current text changed.
    void hintChanged(const QString &hint);
    /// A code was starred (true) or unstarred.
    void favouriteChanged(const QString &code, bool favourite);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTextEdited(const QString &text);
    void showCompletions(const QString &text);
    void choose(const QModelIndex &index);
    void toggleFavourite(const QString &code);
    void updateHint();
    void setHint(const QString &hint);

    Catalog::CodeCatalog *m_catalog = nullptr;
    QLineEdit *m_edit = nullptr;
    QCompleter *m_completer = nullptr;
    CodeCompletionModel *m_model = nullptr;
    QString m_hint;
    QMetaObject::Connection m_focusWatch;
};

} // namespace Ui
