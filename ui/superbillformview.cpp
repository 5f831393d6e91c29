#include "superbillformview.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

#include "catalog/codecatalog.h"
#include "codecompletionmodel.h"
#include "common/clock.h"
#include "common/printable.h"
#include "compactcombobox.h"
#include "outboxlinesmodel.h"
#include "superbill/pointers.h"
#include "theme.h"
#include "zoneddatetimeedit.h"

namespace Ui {

namespace {

// A column narrower than this would cut the labels short.
constexpr int MinColumnWidth = 300;
constexpr int MaxColumns = 4;
constexpr int CompletionLimit = 12;

QString severityOf(const Model::Findings &findings)
{
    QString severity;
    for (const auto &finding : findings) {
        if (finding.isError())
            return QStringLiteral("error");
        if (finding.severity == Model::Severity::Warning)
            severity = QStringLiteral("warning");
    }
    return severity;
}

QString timeText(const QDateTime &value)
{
    return value.isValid() ? value.toString(QStringLiteral("HH:mm")) : QString();
}

} // namespace

/// One code of the form: tick box, code, label, time or state, pointers; its time and findings below.
class SuperbillRowWidget : public QFrame
{
public:
    SuperbillRowWidget(const SheetRow &row, QWidget *parent)
        : QFrame(parent)
    {
        setObjectName(QStringLiteral("superbillRow_") + row.code);
        setProperty("role", QStringLiteral("superbillRow"));
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(4, 1, 4, 1);
        layout->setSpacing(1);
        auto *line = new QHBoxLayout;
        line->setSpacing(6);
        tick = new QCheckBox(this);
        tick->setObjectName(QStringLiteral("tickBox"));
        tick->setFocusPolicy(Qt::NoFocus);
        tick->setAccessibleName(row.code);
        code = new QLabel(row.code, this);
        code->setObjectName(QStringLiteral("codeLabel"));
        code->setProperty("role", QStringLiteral("rowCode"));
        code->setMinimumWidth(code->fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 4);
        label = new QLabel(this);
        label->setObjectName(QStringLiteral("formLabel"));
        label->setToolTip(row.display);
        label->setMinimumWidth(60);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        fullLabel = row.label;
        state = new QLabel(this);
        state->setObjectName(QStringLiteral("stateLabel"));
        state->setProperty("role", QStringLiteral("hint"));
        pointers = new QLabel(this);
        pointers->setObjectName(QStringLiteral("pointerLabel"));
        pointers->setProperty("role", QStringLiteral("pointerBox"));
        pointers->setAlignment(Qt::AlignCenter);
        pointers->setMinimumWidth(pointers->fontMetrics().horizontalAdvance(QStringLiteral("ABCD")) + 8);
        line->addWidget(tick);
        line->addWidget(code);
        line->addWidget(label, 1);
        line->addWidget(state);
        line->addWidget(pointers);
        layout->addLayout(line);
        findings = new QLabel(this);
        findings->setObjectName(QStringLiteral("findingsLabel"));
        findings->setProperty("role", QStringLiteral("fieldMessage"));
        findings->setWordWrap(true);
        findings->setTextFormat(Qt::RichText);
        findings->setVisible(false);
        layout->addWidget(findings);
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QFrame::resizeEvent(event);
        elide();
    }

    void elide()
    {
        label->setText(label->fontMetrics().elidedText(fullLabel, Qt::ElideRight, label->width()));
    }

    QCheckBox *tick = nullptr;
    QLabel *code = nullptr;
    QLabel *label = nullptr;
    QLabel *state = nullptr;
    QLabel *pointers = nullptr;
    QLabel *findings = nullptr;
    QString fullLabel;
    /// The row's time: created when the row needs a start and end, or when F2 asks for it.
    QWidget *timeBox = nullptr;
    ZonedDateTimeEdit *performedEdit = nullptr;
    ZonedDateTimeEdit *startEdit = nullptr;
    ZonedDateTimeEdit *endEdit = nullptr;
    QLabel *minutesLabel = nullptr;
    bool timeRequested = false;
};

/// The codes in columns by section; has the keyboard focus and hands keys to the view.
class SuperbillGrid : public QWidget
{
public:
    explicit SuperbillGrid(SuperbillFormView *view, QWidget *parent)
        : QWidget(parent)
        , m_view(view)
    {
        setObjectName(QStringLiteral("superbillGrid"));
        setFocusPolicy(Qt::StrongFocus);
        setAccessibleName(SuperbillFormView::tr("Superbill codes"));
        m_layout = new QHBoxLayout(this);
        m_layout->setContentsMargins(6, 6, 6, 6);
        m_layout->setSpacing(18);
    }

    int columns() const { return m_columns; }

    /// Places the section titles and rows in as many balanced columns as fit the width; each column
    /// lays out on its own, so a row that grows (its time, its findings) only pushes its own column.
    void arrange(const QList<SheetRow> &rows, const QList<SuperbillRowWidget *> &widgets, int width)
    {
        while (QLayoutItem *item = m_layout->takeAt(0))
            delete item; // the column layouts; the widgets stay children of the grid
        qDeleteAll(m_titles);
        m_titles.clear();
        QList<QPair<QString, QList<int>>> sections;
        for (int i = 0; i < rows.size(); ++i) {
            if (sections.isEmpty() || sections.last().first != rows.at(i).section)
                sections.append({rows.at(i).section, {}});
            sections.last().second.append(i);
        }
        m_columns = std::clamp(width / MinColumnWidth, 1, MaxColumns);
        const int total = int(rows.size() + sections.size());
        const int perColumn = (total + m_columns - 1) / m_columns;
        QVBoxLayout *column = nullptr;
        int columnCount = 0;
        int line = 0;
        for (const auto &[title, members] : sections) {
            // A section starts a new column when it would run far past the column's share.
            if (!column || (line > 0 && line + members.size() / 2 > perColumn && columnCount < m_columns)) {
                column = new QVBoxLayout;
                column->setSpacing(0);
                m_layout->addLayout(column, 1);
                ++columnCount;
                line = 0;
            }
            auto *caption = new QLabel(title, this);
            caption->setProperty("role", QStringLiteral("sectionTitle"));
            caption->show();
            m_titles.append(caption);
            column->addWidget(caption);
            for (const int index : members)
                column->addWidget(widgets.at(index));
            line += int(members.size()) + 1;
        }
        for (int i = 0; i < m_layout->count(); ++i) {
            if (auto *each = qobject_cast<QVBoxLayout *>(m_layout->itemAt(i)->layout()))
                each->addStretch(1);
        }
        while (columnCount++ < m_columns)
            m_layout->addStretch(1);
    }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (!m_view->gridKey(event->key(), event->modifiers(), event->text()))
            QWidget::keyPressEvent(event);
    }
    bool focusNextPrevChild(bool next) override
    {
        // Tab leaves the codes for the window's next field, never into a row's time.
        return QWidget::focusNextPrevChild(next);
    }

private:
    SuperbillFormView *m_view;
    QHBoxLayout *m_layout;
    QList<QLabel *> m_titles;
    int m_columns = 0;
};

SuperbillFormView::SuperbillFormView(QWidget *parent)
    : QWidget(parent)
    , m_clock(&Common::Clock::system())
{
    setObjectName(QStringLiteral("superbillFormView"));
    buildForm();
}

SuperbillFormView::~SuperbillFormView() = default;

void SuperbillFormView::buildForm()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *card = new QFrame(this);
    card->setProperty("role", QStringLiteral("card"));
    outer->addWidget(card);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);

    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Superbill form"), card);
    title->setProperty("role", QStringLiteral("title"));
    m_encounterLabel = new QLabel(card);
    m_encounterLabel->setObjectName(QStringLiteral("superbillEncounterLabel"));
    m_encounterLabel->setProperty("role", QStringLiteral("subtitle"));
    m_encounterLabel->setWordWrap(true);
    m_templateLabel = new QLabel(card);
    m_templateLabel->setObjectName(QStringLiteral("superbillTemplateLabel"));
    m_templateLabel->setProperty("role", QStringLiteral("hint"));
    header->addWidget(title);
    header->addWidget(m_encounterLabel, 1);
    header->addWidget(m_templateLabel);
    layout->addLayout(header);

    buildDiagnoses(card);
    layout->addWidget(m_diagnosisHint);

    auto *hint =
        new QLabel(tr("Type a code (or its first digits) to tick it, then its pointer letters · Space "
                      "ticks · Enter next code · F2 time · + other code"),
                   card);
    hint->setObjectName(QStringLiteral("superbillKeysLabel"));
    hint->setProperty("role", QStringLiteral("hint"));
    hint->setWordWrap(true);
    layout->addWidget(hint);

    m_scroll = new QScrollArea(card);
    m_scroll->setObjectName(QStringLiteral("superbillScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_grid = new SuperbillGrid(this, m_scroll);
    m_scroll->setWidget(m_grid);
    layout->addWidget(m_scroll, 1);
    m_scroll->viewport()->installEventFilter(this);

    auto *footer = new QHBoxLayout;
    m_summaryLabel = new QLabel(card);
    m_summaryLabel->setObjectName(QStringLiteral("superbillSummaryLabel"));
    m_summaryLabel->setProperty("role", QStringLiteral("summary"));
    m_typedLabel = new QLabel(card);
    m_typedLabel->setObjectName(QStringLiteral("typedCodeLabel"));
    m_typedLabel->setProperty("role", QStringLiteral("metric"));
    m_submitButton =
        new QPushButton(cachedIcon(QStringLiteral(":/icons/submit.svg")), tr("Submit superbill"), card);
    m_submitButton->setObjectName(QStringLiteral("submitSuperbillButton"));
    m_submitButton->setToolTip(tr("Queue every ticked code for the EHR in one go (Ctrl+Enter)"));
    m_submitButton->setProperty("role", QStringLiteral("primary"));
    m_submitButton->setFocusPolicy(Qt::NoFocus);
    footer->addWidget(m_summaryLabel, 1);
    footer->addWidget(m_typedLabel);
    footer->addWidget(m_submitButton);
    layout->addLayout(footer);

    m_submitAction =
        new QAction(cachedIcon(QStringLiteral(":/icons/submit.svg")), tr("Submit &superbill"), this);
    m_submitAction->setObjectName(QStringLiteral("submitSuperbillAction"));
    m_submitAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    // The line editor's Submit has the same keys: the window enables the shown tab's.
    m_submitAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_submitAction);
    connect(m_submitAction, &QAction::triggered, this, &SuperbillFormView::submit);
    connect(m_submitButton, &QPushButton::clicked, this, &SuperbillFormView::submit);
    m_addCodeAction =
        new QAction(cachedIcon(QStringLiteral(":/icons/add.svg")), tr("Add a code not on the form"), this);
    m_addCodeAction->setObjectName(QStringLiteral("addSuperbillCodeAction"));
    m_addCodeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_addCodeAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_addCodeAction);
    connect(m_addCodeAction, &QAction::triggered, this, &SuperbillFormView::addCode);

    setTabOrder(m_diagnosisCombo, m_diagnosisList);
    setTabOrder(m_diagnosisList, m_grid);
    updateSummary();
}

void SuperbillFormView::buildDiagnoses(QWidget *parent)
{
    // The seam for the shared diagnosis links editor: a picker of the patient's conditions, and the
    // lettered list with Alt+Up/Down to reorder and Delete to remove.
    auto *row = new QHBoxLayout;
    auto *caption = new QLabel(tr("Diagnoses"), parent);
    caption->setProperty("role", QStringLiteral("caption"));
    m_diagnosisCombo = new CompactComboBox(24, parent);
    m_diagnosisCombo->setObjectName(QStringLiteral("superbillDiagnosisCombo"));
    m_diagnosisCombo->setAccessibleName(tr("Diagnosis to letter"));
    m_diagnosisCombo->setToolTip(tr("Enter gives the diagnosis the next letter"));
    m_diagnosisCombo->installEventFilter(this);
    caption->setBuddy(m_diagnosisCombo);
    m_diagnosisList = new QListWidget(parent);
    m_diagnosisList->setObjectName(QStringLiteral("superbillDiagnosisList"));
    m_diagnosisList->setAccessibleName(tr("Diagnoses of the superbill, lettered"));
    m_diagnosisList->setToolTip(tr("Alt+Up / Alt+Down reorder, Delete removes"));
    m_diagnosisList->setFlow(QListView::LeftToRight);
    m_diagnosisList->setWrapping(true);
    m_diagnosisList->setFixedHeight(m_diagnosisList->fontMetrics().height() * 2 + 16);
    m_diagnosisList->installEventFilter(this);
    auto *pick = new QVBoxLayout;
    pick->addWidget(m_diagnosisCombo);
    pick->addStretch(1);
    row->addWidget(caption, 0, Qt::AlignTop);
    row->addLayout(pick);
    row->addWidget(m_diagnosisList, 1);
    static_cast<QVBoxLayout *>(parent->layout())->addLayout(row);
    m_diagnosisHint = new QLabel(parent);
    m_diagnosisHint->setObjectName(QStringLiteral("superbillDiagnosisHint"));
    m_diagnosisHint->setProperty("role", QStringLiteral("hint"));
}

void SuperbillFormView::setCatalog(Catalog::CodeCatalog *catalog)
{
    m_catalog = catalog;
    if (!catalog) {
        setTemplate(Superbill::trainingTemplate());
        return;
    }
    const auto superbill = Superbill::templateInUse(*catalog);
    if (!superbill) {
        Q_EMIT message(superbill.error().text());
        setTemplate(Superbill::trainingTemplate());
        return;
    }
    setTemplate(*superbill);
}

void SuperbillFormView::setTemplate(const Superbill::SuperbillTemplate &superbill)
{
    QPointer<Catalog::CodeCatalog> catalog = m_catalog;
    m_sheet.setTemplate(
        superbill, [catalog](const QString &code) { return catalog ? catalog->lookup(code) : std::nullopt; },
        catalog ? catalog->flagsLookup() : Rules::CodeFlagsLookup());
    m_templateName = superbill.name;
    m_templateLabel->setText(tr("%1 · %2 codes").arg(superbill.name).arg(superbill.codeCount()));
    m_sheet.setEncounter(m_sheet.encounter());
    m_current = -1;
    m_typed.clear();
    rebuildRows();
    syncWithOutbox();
}

void SuperbillFormView::setSubmitHandler(SubmitHandler handler)
{
    m_submitHandler = std::move(handler);
}

void SuperbillFormView::setLinesModel(OutboxLinesModel *model)
{
    if (m_linesModel)
        disconnect(m_linesModel, nullptr, this, nullptr);
    m_linesModel = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &SuperbillFormView::syncWithOutbox);
        connect(model, &QAbstractItemModel::rowsInserted, this, &SuperbillFormView::syncWithOutbox);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &SuperbillFormView::syncWithOutbox);
        connect(model, &QAbstractItemModel::dataChanged, this, &SuperbillFormView::syncWithOutbox);
    }
    syncWithOutbox();
}

void SuperbillFormView::setClock(const Common::Clock *clock)
{
    m_clock = clock ? clock : &Common::Clock::system();
}

void SuperbillFormView::setUnitMinutes(int minutes)
{
    m_unitMinutes = minutes > 0 ? minutes : 15;
    for (int i = 0; i < int(m_rowWidgets.size()); ++i)
        updateRow(i);
}

QDateTime SuperbillFormView::nowUtc() const
{
    return m_clock->nowUtc();
}

void SuperbillFormView::setEncounter(const EncounterContext &encounter)
{
    m_sheet.setEncounter(encounter);
    m_current = -1;
    m_typed.clear();
    m_encounterLabel->setText(encounter.isValid()
                                  ? encounter.patientName + QStringLiteral("  ·  ") + encounter.title
                                  : tr("Pick an encounter to fill in its superbill"));
    rebuildRows();
    refillDiagnosisCombo();
    updateDiagnosisList();
    syncWithOutbox();
}

void SuperbillFormView::updateEncounter(const EncounterContext &encounter)
{
    m_sheet.updateEncounter(encounter);
    refillDiagnosisCombo();
    recheckAll();
}

bool SuperbillFormView::hasUnsavedInput() const
{
    return !m_sheet.tickedRows().isEmpty();
}

void SuperbillFormView::rebuildRows()
{
    const QList<SheetRow> &rows = m_sheet.rows();
    // Template rows keep their widgets; rows under "Other" come and go with the encounter.
    while (m_rowWidgets.size() > rows.size())
        delete m_rowWidgets.takeLast();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i < m_rowWidgets.size() && m_rowWidgets.at(i)->objectName().endsWith(rows.at(i).code))
            continue;
        auto *widget = new SuperbillRowWidget(rows.at(i), m_grid);
        if (i < m_rowWidgets.size()) {
            delete m_rowWidgets.at(i);
            m_rowWidgets[i] = widget;
        } else {
            m_rowWidgets.append(widget);
        }
        connect(widget->tick, &QCheckBox::clicked, this, [this, widget] {
            const int index = int(m_rowWidgets.indexOf(widget));
            setCurrent(index);
            toggle(index);
            m_grid->setFocus(Qt::MouseFocusReason);
        });
    }
    m_grid->arrange(rows, m_rowWidgets, m_scroll->viewport()->width());
    for (int i = 0; i < int(m_rowWidgets.size()); ++i)
        updateRow(i);
    updateSummary();
}

bool SuperbillFormView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize) {
        const int width = m_scroll->viewport()->width();
        if (std::clamp(width / MinColumnWidth, 1, MaxColumns) != m_grid->columns()) {
            m_grid->arrange(m_sheet.rows(), m_rowWidgets, width);
            // The row being typed moved to another column; once the new columns are laid out, it is
            // brought back into view.
            QTimer::singleShot(0, this, &SuperbillFormView::showCurrentRow);
        }
        return false;
    }
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const auto mods = key->modifiers() & ~Qt::KeypadModifier;
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    if (watched == m_diagnosisCombo && enter && mods == Qt::NoModifier) {
        linkSelectedDiagnosis();
        return true;
    }
    if (watched == m_diagnosisList) {
        if (mods == Qt::AltModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Left)) {
            moveDiagnosis(-1);
            return true;
        }
        if (mods == Qt::AltModifier && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Right)) {
            moveDiagnosis(+1);
            return true;
        }
        if (mods == Qt::NoModifier && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)) {
            removeDiagnosis();
            return true;
        }
    }
    // In a row's time: Enter or Escape go back to the codes.
    auto *edit = qobject_cast<ZonedDateTimeEdit *>(watched);
    if (edit && (enter || key->key() == Qt::Key_Escape) && mods == Qt::NoModifier) {
        m_grid->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QString SuperbillFormView::diagnosisText(const QString &id) const
{
    if (const DiagnosisOption *option = m_sheet.encounter().diagnosis(id))
        return option->label();
    return id;
}

void SuperbillFormView::refillDiagnosisCombo()
{
    const QString current = m_diagnosisCombo->currentData().toString();
    m_diagnosisCombo->clear();
    for (const DiagnosisOption &option : m_sheet.encounter().diagnoses) {
        if (!m_sheet.diagnoses().contains(option.id))
            m_diagnosisCombo->addItem(option.label(), option.id);
    }
    const int index = m_diagnosisCombo->findData(current);
    m_diagnosisCombo->setCurrentIndex(index >= 0 ? index : 0);
    m_diagnosisCombo->setEnabled(m_diagnosisCombo->count() > 0);
    m_diagnosisCombo->setPlaceholderText(m_sheet.encounter().isValid() ? tr("Every diagnosis is lettered")
                                                                       : tr("No encounter"));
}

void SuperbillFormView::updateDiagnosisList()
{
    m_diagnosisList->clear();
    const QStringList &ids = m_sheet.diagnoses();
    for (qsizetype i = 0; i < ids.size(); ++i)
        m_diagnosisList->addItem(QString(Superbill::Pointers::letter(i)) + QStringLiteral("  ") +
                                 diagnosisText(ids.at(i)));
    m_diagnosisHint->setText(
        m_sheet.encounter().diagnoses.isEmpty()
            ? tr("The EHR lists no diagnosis for this patient; rows can go without pointers.")
            : tr("Pick the encounter's diagnoses with Enter; they are lettered A, B, C… in order."));
    m_diagnosisHint->setVisible(ids.isEmpty() && m_sheet.encounter().isValid());
}

void SuperbillFormView::setDiagnoses(const QStringList &ids)
{
    m_sheet.setDiagnoses(ids);
    refillDiagnosisCombo();
    updateDiagnosisList();
    recheckAll();
}

void SuperbillFormView::linkSelectedDiagnosis()
{
    const QString id = m_diagnosisCombo->currentData().toString();
    if (id.isEmpty())
        return;
    if (m_sheet.diagnoses().size() >= Superbill::Pointers::MaxDiagnoses) {
        Q_EMIT message(
            tr("A superbill letters at most %1 diagnoses.").arg(Superbill::Pointers::MaxDiagnoses));
        return;
    }
    const int next = m_diagnosisCombo->currentIndex();
    setDiagnoses(m_sheet.diagnoses() + QStringList{id});
    m_diagnosisCombo->setCurrentIndex(std::min(next, m_diagnosisCombo->count() - 1));
}

void SuperbillFormView::moveDiagnosis(int delta)
{
    const int row = m_diagnosisList->currentRow();
    QStringList ids = m_sheet.diagnoses();
    if (row < 0 || row + delta < 0 || row + delta >= ids.size())
        return;
    ids.move(row, row + delta);
    setDiagnoses(ids);
    m_diagnosisList->setCurrentRow(row + delta);
}

void SuperbillFormView::removeDiagnosis()
{
    const int row = m_diagnosisList->currentRow();
    QStringList ids = m_sheet.diagnoses();
    if (row < 0 || row >= ids.size())
        return;
    ids.removeAt(row);
    setDiagnoses(ids);
    m_diagnosisList->setCurrentRow(std::min(row, int(ids.size()) - 1));
}

void SuperbillFormView::syncWithOutbox()
{
    QList<Outbox::OutboxLine> lines;
    if (m_linesModel && m_sheet.encounter().isValid()) {
        for (int row = 0; row < m_linesModel->rowCount(); ++row) {
            const auto line = m_linesModel->lineAt(row);
            if (!line || line->encounterId != m_sheet.encounter().encounterId)
                continue;
            // A refused line comes back onto the form as it was sent, so the sheet needs all of it.
            const bool refused = line->state == Outbox::LineState::NeedsCorrection;
            lines.append(refused ? m_linesModel->lineWithEntry(line->id).value_or(*line) : *line);
        }
    }
    std::sort(lines.begin(), lines.end(),
              [](const Outbox::OutboxLine &a, const Outbox::OutboxLine &b) { return a.id < b.id; });
    const qsizetype rowsBefore = m_sheet.rowCount();
    const QStringList diagnosesBefore = m_sheet.diagnoses();
    m_sheet.syncOutbox(lines);
    if (m_sheet.rowCount() != rowsBefore)
        rebuildRows();
    if (m_sheet.diagnoses() != diagnosesBefore) {
        refillDiagnosisCombo();
        updateDiagnosisList();
    }
    recheckAll();
}

void SuperbillFormView::recheckAll()
{
    m_sheet.checkAll(nowUtc());
    for (int i = 0; i < int(m_rowWidgets.size()); ++i)
        updateRow(i);
    updateSummary();
}

void SuperbillFormView::changed(int index)
{
    m_sheet.check(index, nowUtc());
    updateRow(index);
    updateSummary();
}

void SuperbillFormView::updateRow(int index)
{
    if (index < 0 || index >= m_rowWidgets.size())
        return;
    const SheetRow &row = m_sheet.row(index);
    SuperbillRowWidget *widget = m_rowWidgets.at(index);
    widget->tick->setChecked(row.ticked || row.isLocked());
    widget->tick->setEnabled(!row.isLocked());
    QString pointers = m_sheet.pointers(index);
    if (row.isLocked()) {
        pointers = Superbill::Pointers::text(row.line->diagnosisIds, m_sheet.diagnoses());
    }
    widget->pointers->setText(row.ticked || row.isLocked() ? pointers : QString());
    setStyleProperty(widget->pointers, "implicit", row.ticked && row.diagnosisIds.isEmpty());

    QString state;
    if (row.isLocked())
        state = lineStatus(*row.line, nowUtc()).text;
    else if (row.isRefused())
        state = tr("Refused");
    else if (row.ticked)
        state = row.needsPeriod ? timeText(row.periodStart) + QStringLiteral("–") + timeText(row.periodEnd)
                                : timeText(row.performed);
    widget->state->setText(state);

    Model::Findings findings = row.ticked ? row.check.findings : Model::Findings();
    QStringList lines;
    for (const auto &finding : std::as_const(findings))
        lines << QStringLiteral("<b>%1</b>&nbsp; %2")
                     .arg(Common::printable(finding.code).toHtmlEscaped(),
                          Common::printable(finding.message).toHtmlEscaped());
    if (row.isRefused() && row.ticked) {
        for (const auto &finding : row.line->findings) {
            findings.append(finding);
            lines << QStringLiteral("<b>%1</b>&nbsp; %2")
                         .arg(Common::printable(finding.code).toHtmlEscaped(),
                              tr("The EHR answered: %1")
                                  .arg(Common::printable(finding.message))
                                  .toHtmlEscaped());
        }
    }
    const QString findingsText = lines.join(QStringLiteral("<br>"));
    if (widget->findings->text() != findingsText)
        widget->findings->setText(findingsText);
    widget->findings->setVisible(!lines.isEmpty());
    setStyleProperties(widget, {{"finding", severityOf(findings)},
                                {"ticked", row.ticked},
                                {"locked", row.isLocked()},
                                {"current", index == m_current}});

    const bool showTime = row.ticked && (row.needsPeriod || widget->timeRequested);
    if (showTime && !widget->timeBox)
        editTime(index);
    if (widget->timeBox) {
        // The editors follow the row: another encounter, or a refused line back with its own times.
        const QTimeZone zone = m_sheet.encounter().timeZone;
        const auto show = [&zone](ZonedDateTimeEdit *edit, const QDateTime &value) {
            if (!edit)
                return;
            const QSignalBlocker quiet(edit);
            edit->setZone(zone);
            if (value.isValid() && edit->zonedValue() != value)
                edit->setZonedValue(value);
        };
        show(widget->performedEdit, row.performed);
        show(widget->startEdit, row.periodStart);
        show(widget->endEdit, row.periodEnd);
        widget->timeBox->setVisible(showTime);
        if (widget->minutesLabel) {
            const qint64 minutes = Model::Period{row.periodStart, row.periodEnd}.minutes().value_or(0);
            const qint64 units = estimatedTimeUnits(minutes, m_unitMinutes);
            widget->minutesLabel->setText(
                minutes < 0 ? tr("End before start") : tr("%1 min\n≈ %2 time units").arg(minutes).arg(units));
            widget->minutesLabel->setToolTip(
                tr("An estimate at %1 min a unit; the EHR computes the billed units itself.")
                    .arg(m_unitMinutes));
        }
    }
}

void SuperbillFormView::updateSummary()
{
    const QList<int> ticked = m_sheet.tickedRows();
    const QList<int> errors = m_sheet.rowsWithErrors();
    QString text;
    QString state;
    if (!m_sheet.encounter().isValid()) {
        text = tr("Pick an encounter to fill in its superbill");
        state = QStringLiteral("idle");
    } else if (ticked.isEmpty()) {
        text = tr("Tick the codes of the superbill");
        state = QStringLiteral("idle");
    } else if (!errors.isEmpty()) {
        text = (errors.size() == 1 ? tr("1 ticked code has errors to fix")
                                   : tr("%n ticked codes have errors to fix", nullptr, int(errors.size()))) +
               QStringLiteral(" · ") + tr("%1 ticked").arg(ticked.size());
        state = QStringLiteral("error");
    } else {
        text = ticked.size() == 1 ? tr("Ready to submit 1 line")
                                  : tr("Ready to submit %n lines", nullptr, int(ticked.size()));
        state = QStringLiteral("ok");
    }
    m_summaryLabel->setText(text);
    setStyleProperty(m_summaryLabel, "state", state);
    m_typedLabel->setText(m_typed.isEmpty() ? QString() : tr("Code: %1…").arg(m_typed));
}

void SuperbillFormView::setCurrent(int index)
{
    const int previous = m_current;
    m_current = index;
    updateRow(previous);
    updateRow(index);
    showCurrentRow();
}

void SuperbillFormView::showCurrentRow()
{
    if (m_current >= 0 && m_current < m_rowWidgets.size())
        m_scroll->ensureWidgetVisible(m_rowWidgets.at(m_current), 10, 10);
}

void SuperbillFormView::toggle(int index)
{
    if (index < 0 || index >= m_sheet.rowCount())
        return;
    const SheetRow &row = m_sheet.row(index);
    if (row.isLocked()) {
        Q_EMIT message(tr("%1 is already %2 for this encounter; it cannot be ticked twice.")
                           .arg(row.code, lineStatus(*row.line, nowUtc()).text.toLower()));
        return;
    }
    m_sheet.setTicked(index, !row.ticked);
    changed(index);
}

void SuperbillFormView::focusForm()
{
    if (m_sheet.diagnoses().isEmpty() && m_diagnosisCombo->count() > 0)
        m_diagnosisCombo->setFocus(Qt::ShortcutFocusReason);
    else
        m_grid->setFocus(Qt::ShortcutFocusReason);
    if (m_current < 0 && !m_rowWidgets.isEmpty())
        setCurrent(0);
}

bool SuperbillFormView::gridKey(int key, Qt::KeyboardModifiers modifiers, const QString &text)
{
    const auto mods = modifiers & ~Qt::KeypadModifier;
    if (mods & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const int rows = m_sheet.rowCount();
    switch (key) {
    case Qt::Key_Space:
        clearTyped();
        toggle(m_current);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        clearTyped();
        setCurrent(std::min(m_current + 1, rows - 1));
        return true;
    case Qt::Key_Up:
        setCurrent(std::max(m_current - 1, 0));
        return true;
    case Qt::Key_Down:
        setCurrent(std::min(m_current + 1, rows - 1));
        return true;
    case Qt::Key_Home:
        setCurrent(0);
        return true;
    case Qt::Key_End:
        setCurrent(rows - 1);
        return true;
    case Qt::Key_Escape:
        clearTyped();
        return true;
    case Qt::Key_Backspace:
        if (!m_typed.isEmpty()) {
            m_typed.chop(1);
            m_completing.clear();
            updateSummary();
        } else if (m_current >= 0 && !m_sheet.row(m_current).diagnosisIds.isEmpty()) {
            QStringList ids = m_sheet.row(m_current).diagnosisIds;
            ids.removeLast();
            m_sheet.setDiagnosisIds(m_current, ids);
            changed(m_current);
        }
        return true;
    case Qt::Key_Delete:
        if (m_current >= 0 && m_sheet.row(m_current).ticked)
            toggle(m_current);
        return true;
    case Qt::Key_F2:
        if (m_current >= 0 && m_sheet.row(m_current).ticked && !m_sheet.row(m_current).isLocked()) {
            m_rowWidgets.at(m_current)->timeRequested = true;
            editTime(m_current);
            updateRow(m_current);
        }
        return true;
    default:
        break;
    }
    if (text.size() != 1)
        return false;
    const QChar character = text.at(0);
    if (character == u'+') {
        addCode();
        return true;
    }
    const QString extended = m_typed + character.toUpper();
    if (character.isDigit() ||
        (!m_typed.isEmpty() && character.isLetter() && !m_sheet.rowsStartingWith(extended).isEmpty())) {
        typeCodeCharacter(character.toUpper());
        return true;
    }
    if (character.isLetter()) {
        typePointer(character);
        return true;
    }
    return false;
}

void SuperbillFormView::clearTyped()
{
    m_typed.clear();
    m_completing.clear();
    updateSummary();
}

void SuperbillFormView::typeCodeCharacter(QChar character)
{
    // The rest of a code already ticked by its first digits is part of it, not a new code: typing
    // 20610 in full ticks 20610 once, even when "2" alone made it unique.
    if (!m_completing.isEmpty()) {
        const QString continued = m_typed + character;
        if (m_completing.startsWith(continued)) {
            m_typed = continued;
            if (continued == m_completing)
                clearTyped();
            updateSummary();
            return;
        }
        clearTyped();
    }
    const QString typed = m_typed + character;
    const QList<int> matches = m_sheet.rowsStartingWith(typed);
    if (matches.isEmpty()) {
        Q_EMIT message(tr("No code on the form starts with %1; + adds one that is not on it.").arg(typed));
        return;
    }
    m_typed = typed;
    // Of several rows with the code (one sent, one again under "Other"), the one that can be ticked.
    int target = matches.first();
    for (const int index : matches) {
        if (!m_sheet.row(index).isLocked() && m_sheet.row(index).code == m_sheet.row(target).code) {
            target = index;
            break;
        }
    }
    setCurrent(target);
    const bool unique = std::all_of(matches.cbegin(), matches.cend(), [&](int index) {
        return m_sheet.row(index).code == m_sheet.row(target).code;
    });
    if (unique) {
        const SheetRow &row = m_sheet.row(target);
        m_completing = row.code;
        if (typed == row.code)
            clearTyped();
        if (row.isLocked())
            toggle(target); // says why it cannot be ticked
        else if (!row.ticked) {
            m_sheet.setTicked(target, true);
            changed(target);
        }
    }
    updateSummary();
}

void SuperbillFormView::typePointer(QChar letter)
{
    clearTyped();
    if (m_current < 0)
        return;
    const SheetRow &row = m_sheet.row(m_current);
    if (row.isLocked()) {
        toggle(m_current);
        return;
    }
    const qsizetype index = Superbill::Pointers::index(letter);
    if (index < 0 || index >= m_sheet.diagnoses().size()) {
        Q_EMIT message(m_sheet.diagnoses().isEmpty()
                           ? tr("No diagnosis is lettered yet: pick them at the top (Shift+Tab).")
                           : tr("There is no diagnosis %1: the form letters A to %2.")
                                 .arg(letter.toUpper())
                                 .arg(Superbill::Pointers::letter(m_sheet.diagnoses().size() - 1)));
        return;
    }
    if (!row.ticked)
        m_sheet.setTicked(m_current, true);
    // A diagnosis pointed at twice is kept, so that the Validator can say why it cannot go (500036).
    m_sheet.setDiagnosisIds(m_current,
                            m_sheet.row(m_current).diagnosisIds + QStringList{m_sheet.diagnoses().at(index)});
    changed(m_current);
}

void SuperbillFormView::editTime(int index)
{
    SuperbillRowWidget *widget = m_rowWidgets.at(index);
    const SheetRow &row = m_sheet.row(index);
    if (!widget->timeBox) {
        // The seam for the shared procedure time editor: one time, or a start and an end with the minutes.
        widget->timeBox = new QWidget(widget);
        widget->timeBox->setObjectName(QStringLiteral("rowTimeBox"));
        auto *layout = new QGridLayout(widget->timeBox);
        layout->setContentsMargins(26, 2, 0, 4);
        layout->setHorizontalSpacing(6);
        layout->setVerticalSpacing(2);
        const QTimeZone zone = m_sheet.encounter().timeZone;
        const auto makeEdit = [&](const QString &name, const QString &accessible, const QDateTime &value) {
            auto *edit = new ZonedDateTimeEdit(widget->timeBox);
            edit->setObjectName(name);
            edit->setAccessibleName(accessible);
            edit->setZone(zone);
            edit->setZonedValue(value);
            edit->installEventFilter(this);
            connect(edit, &QDateTimeEdit::dateTimeChanged, this,
                    [this, widget] { onTimeEdited(int(m_rowWidgets.indexOf(widget))); });
            return edit;
        };
        if (row.needsPeriod) {
            widget->startEdit =
                makeEdit(QStringLiteral("rowStartEdit"), tr("%1 start").arg(row.code), row.periodStart);
            widget->endEdit =
                makeEdit(QStringLiteral("rowEndEdit"), tr("%1 end").arg(row.code), row.periodEnd);
            widget->minutesLabel = new QLabel(widget->timeBox);
            widget->minutesLabel->setObjectName(QStringLiteral("rowMinutesLabel"));
            widget->minutesLabel->setProperty("role", QStringLiteral("hint"));
            layout->addWidget(new QLabel(tr("Start"), widget->timeBox), 0, 0);
            layout->addWidget(widget->startEdit, 0, 1);
            layout->addWidget(new QLabel(tr("End"), widget->timeBox), 1, 0);
            layout->addWidget(widget->endEdit, 1, 1);
            layout->addWidget(widget->minutesLabel, 0, 2, 2, 1);
        } else {
            widget->performedEdit =
                makeEdit(QStringLiteral("rowPerformedEdit"), tr("%1 performed").arg(row.code), row.performed);
            layout->addWidget(new QLabel(tr("Performed"), widget->timeBox), 0, 0);
            layout->addWidget(widget->performedEdit, 0, 1);
            layout->addItem(new QSpacerItem(0, 0, QSizePolicy::Expanding), 0, 2);
        }
        layout->setColumnStretch(2, 1);
        static_cast<QVBoxLayout *>(widget->layout())->addWidget(widget->timeBox);
    }
    if (widget->timeRequested && m_current == index) {
        QWidget *first =
            widget->performedEdit ? static_cast<QWidget *>(widget->performedEdit) : widget->startEdit;
        widget->timeBox->setVisible(true);
        // As Tab would: the day is the encounter's, and the hour is what is typed.
        first->setFocus(Qt::TabFocusReason);
    }
}

void SuperbillFormView::onTimeEdited(int index)
{
    if (index < 0)
        return;
    const SuperbillRowWidget *widget = m_rowWidgets.at(index);
    if (widget->performedEdit)
        m_sheet.setPerformed(index, widget->performedEdit->zonedValue());
    if (widget->startEdit)
        m_sheet.setPeriod(index, widget->startEdit->zonedValue(), widget->endEdit->zonedValue());
    changed(index);
}

void SuperbillFormView::addCode()
{
    if (!m_catalog || !m_sheet.encounter().isValid())
        return;
    // The seam for the shared CPT code field: the catalog's search with its completer.
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("addCodeDialog"));
    dialog.setWindowTitle(tr("Add a code not on the form"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *edit = new QLineEdit(&dialog);
    edit->setObjectName(QStringLiteral("addCodeEdit"));
    edit->setPlaceholderText(tr("Code or words"));
    edit->setMinimumWidth(420);
    layout->addWidget(edit);
    auto *model = new CodeCompletionModel(&dialog);
    model->setCatalog(m_catalog);
    auto *completer = new QCompleter(model, &dialog);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->setCompletionRole(CodeCompletionModel::CodeRole);
    completer->setWidget(edit);
    completer->popup()->setObjectName(QStringLiteral("addCodePopup"));
    QString chosen;
    connect(edit, &QLineEdit::textEdited, &dialog, [model, completer](const QString &text) {
        if (model->search(text, CompletionLimit) > 0) {
            completer->complete();
            completer->popup()->setCurrentIndex(model->index(0, 0));
        }
    });
    connect(completer, qOverload<const QModelIndex &>(&QCompleter::activated), &dialog,
            [&](const QModelIndex &index) {
                chosen = index.data(CodeCompletionModel::CodeRole).toString();
                dialog.accept();
            });
    connect(edit, &QLineEdit::returnPressed, &dialog, [&] {
        chosen = edit->text().trimmed();
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted || chosen.isEmpty()) {
        m_grid->setFocus(Qt::OtherFocusReason);
        return;
    }
    addCatalogCode(chosen);
    m_grid->setFocus(Qt::OtherFocusReason);
}

bool SuperbillFormView::addCatalogCode(const QString &code)
{
    const auto entry = m_catalog ? m_catalog->lookup(code) : std::nullopt;
    if (!entry) {
        Q_EMIT message(tr("%1 is not in the code catalog.").arg(code));
        return false;
    }
    const qsizetype rowsBefore = m_sheet.rowCount();
    const int index = m_sheet.addCode(*entry);
    if (m_sheet.rowCount() != rowsBefore)
        rebuildRows();
    m_sheet.setTicked(index, true);
    setCurrent(index);
    changed(index);
    return true;
}

bool SuperbillFormView::submit()
{
    m_typed.clear();
    if (!m_sheet.encounter().isValid()) {
        Q_EMIT message(tr("Not submitted: pick an open encounter first."));
        return false;
    }
    recheckAll();
    const QList<int> ticked = m_sheet.tickedRows();
    if (ticked.isEmpty()) {
        Q_EMIT message(tr("Nothing to submit: tick the codes of the superbill first."));
        return false;
    }
    const QList<int> errors = m_sheet.rowsWithErrors();
    if (!errors.isEmpty()) {
        setCurrent(errors.first());
        m_grid->setFocus(Qt::OtherFocusReason);
        Q_EMIT message(errors.size() == 1 ? tr("Not submitted: 1 ticked code has errors to fix first.")
                                          : tr("Not submitted: %n ticked codes have errors to fix first.",
                                               nullptr, int(errors.size())));
        return false;
    }
    if (!m_submitHandler)
        return false;
    const auto saved = m_submitHandler(m_sheet.writes());
    if (!saved) {
        Q_EMIT message(tr("Not submitted: %1").arg(saved.error().text()));
        return false;
    }
    syncWithOutbox();
    Q_EMIT message(saved->size() == 1
                       ? tr("1 line saved in the outbox; sending in the background.")
                       : tr("%n lines saved in the outbox in one go; sending in the background.", nullptr,
                            int(saved->size())));
    Q_EMIT submitted(int(saved->size()));
    m_grid->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace Ui
