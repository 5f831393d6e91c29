#include "lineeditor.h"

#include <algorithm>

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFocusEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QVBoxLayout>

#include "catalog/codecatalog.h"
#include "codefield.h"
#include "combotypeahead.h"
#include "common/clock.h"
#include "common/printable.h"
#include "compactcombobox.h"
#include "diagnosislinkseditor.h"
#include "findingspresenter.h"
#include "proceduretimeeditor.h"
#include "rules/categories.h"
#include "theme.h"
#include "wrappedlabel.h"
#include "zoneddatetimeedit.h"

Q_LOGGING_CATEGORY(lcLineEditor, "superbill.ui")

namespace Ui {

namespace {

/// Past this width a form reads as scattered fields: the card stops growing.
constexpr int ReadableFormWidth = 1040;

QString severityName(const Model::Findings &findings)
{
    if (Model::hasErrors(findings))
        return QStringLiteral("error");
    const bool warning = std::any_of(findings.cbegin(), findings.cend(), [](const Model::Finding &finding) {
        return finding.severity == Model::Severity::Warning;
    });
    return warning ? QStringLiteral("warning") : QString();
}

Model::Findings warningsOf(const Model::Findings &findings)
{
    Model::Findings warnings;
    std::copy_if(findings.cbegin(), findings.cend(), std::back_inserter(warnings),
                 [](const Model::Finding &finding) { return finding.severity == Model::Severity::Warning; });
    return warnings;
}

QLabel *makeMessageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new WrappedLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::RichText);
    label->setProperty("role", QStringLiteral("fieldMessage"));
    label->setVisible(false);
    return label;
}

} // namespace

LineEditor::LineEditor(QWidget *parent)
    : QWidget(parent)
    , m_clock(&Common::Clock::system())
{
    setObjectName(QStringLiteral("lineEditor"));
    buildForm();
    buildActions();
    resetTimes();
    newLine();
}

LineEditor::~LineEditor()
{
    // The fields are destroyed after this object stops being a LineEditor; focus leaving them then
    // must not reach ensureFocusVisible().
    disconnect(m_focusWatch);
}

void LineEditor::buildForm()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    // On a short screen the form scrolls instead of being cut off; on a wide one it stops growing
    // at a width that still reads as one form.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("lineEditorScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setFocusPolicy(Qt::NoFocus);
    outer->addWidget(scroll);
    auto *page = new QWidget(scroll);
    page->setObjectName(QStringLiteral("lineEditorPage"));
    auto *pageLayout = new QHBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(page);

    auto *card = new QFrame(page);
    card->setObjectName(QStringLiteral("lineEditorCard"));
    card->setProperty("role", QStringLiteral("card"));
    card->setMaximumWidth(ReadableFormWidth);
    pageLayout->addWidget(card, 1);
    pageLayout->addStretch(0);
    m_scroll = scroll;

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->setSpacing(10);

    // Which encounter the line belongs to, and whether it takes lines.
    auto *header = new QHBoxLayout;
    header->setSpacing(10);
    m_modeLabel = new QLabel(tr("New line"), card);
    m_modeLabel->setObjectName(QStringLiteral("lineModeLabel"));
    m_modeLabel->setProperty("role", QStringLiteral("title"));
    m_encounterLabel = new WrappedLabel(card);
    m_encounterLabel->setObjectName(QStringLiteral("encounterLabel"));
    m_encounterLabel->setProperty("role", QStringLiteral("subtitle"));
    m_encounterLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long patient name or a longer language wraps instead of widening the window (WrappedLabel).
    m_encounterStateLabel = new QLabel(card);
    m_encounterStateLabel->setObjectName(QStringLiteral("encounterStateLabel"));
    m_encounterStateLabel->setProperty("role", QStringLiteral("pill"));
    header->addWidget(m_modeLabel);
    header->addWidget(m_encounterLabel, 1);
    header->addWidget(m_encounterStateLabel);
    layout->addLayout(header);
    m_encounterNoteLabel = makeHintLabel(QStringLiteral("encounterNoteLabel"), card);
    m_encounterNoteLabel->setWordWrap(true);
    m_encounterNoteLabel->setVisible(false);
    layout->addWidget(m_encounterNoteLabel);
    auto *encounterMessage = makeMessageLabel(QStringLiteral("encounterMessageLabel"), card);
    layout->addWidget(encounterMessage);
    m_messageLabels.insert(FormField::Encounter, encounterMessage);
    m_messageLabels.insert(FormField::Patient, encounterMessage);
    m_fieldWidgets.insert(FormField::Encounter, m_encounterLabel);
    m_fieldWidgets.insert(FormField::Patient, m_encounterLabel);
    buildClosedEncounterBar(card);
    layout->addWidget(m_closedBar);

    auto *rule = new QFrame(card);
    rule->setFrameShape(QFrame::HLine);
    rule->setProperty("role", QStringLiteral("rule"));
    layout->addWidget(rule);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(4);
    grid->setColumnMinimumWidth(0, 96);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    int row = 0;

    const auto addCaption = [&](QLabel *caption, Qt::Alignment vertical = Qt::AlignVCenter) {
        caption->setProperty("role", QStringLiteral("caption"));
        caption->setAlignment(Qt::AlignRight | vertical);
        grid->addWidget(caption, row, 0, Qt::AlignRight | vertical);
    };
    const auto addTextCaption = [&](const QString &text, QWidget *buddy,
                                    Qt::Alignment vertical = Qt::AlignVCenter) {
        auto *caption = new QLabel(text, card);
        caption->setBuddy(buddy);
        addCaption(caption, vertical);
    };
    const auto addMessages = [&](std::initializer_list<std::pair<FormField, const char *>> fields) {
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->setContentsMargins(0, 0, 0, 2);
        for (const auto &[field, name] : fields) {
            auto *label = makeMessageLabel(QLatin1String(name), card);
            m_messageLabels.insert(field, label);
            box->addWidget(label);
        }
        grid->addLayout(box, row, 1);
        ++row;
    };

    // CPT code and description.
    m_codeField = new CodeField(card);
    m_codeField->setMinimumWidth(150);
    m_codeField->setMaximumWidth(190);
    m_descriptionEdit = new QLineEdit(card);
    m_descriptionEdit->setObjectName(QStringLiteral("cptDescriptionEdit"));
    m_descriptionEdit->setAccessibleName(tr("CPT description"));
    m_descriptionEdit->setPlaceholderText(tr("Description (filled from the code catalog)"));
    // Its text changes twice a line (the code's kind, then the hint again): measured once per text.
    m_codeKindLabel = new WrappedLabel(card);
    m_codeKindLabel->setObjectName(QStringLiteral("codeKindLabel"));
    m_codeKindLabel->setProperty("role", QStringLiteral("hint"));
    m_codeKindLabel->setText(m_codeField->hint());
    auto *codeRow = new QHBoxLayout;
    codeRow->setSpacing(8);
    codeRow->addWidget(m_codeField);
    codeRow->addWidget(m_descriptionEdit, 1);
    addTextCaption(tr("CPT &code"), m_codeField->lineEdit());
    grid->addLayout(codeRow, row++, 1);
    grid->addWidget(m_codeKindLabel, row++, 1);
    addMessages(
        {{FormField::Code, "cptCodeMessageLabel"}, {FormField::Description, "cptDescriptionMessageLabel"}});
    m_fieldWidgets.insert(FormField::Code, m_codeField->lineEdit());
    m_fieldWidgets.insert(FormField::Description, m_descriptionEdit);

    // Category.
    m_categoryCombo = new QComboBox(card);
    m_categoryCombo->setObjectName(QStringLiteral("categoryCombo"));
    new ComboTypeAhead(m_categoryCombo);
    m_categoryCombo->setAccessibleName(tr("Category"));
    m_categoryCombo->addItem(tr("No category"), QString());
    for (const auto &category : Rules::procedureCategories()) {
        m_categoryCombo->addItem(
            QCoreApplication::translate("Rules::Categories", category.display.toUtf8().constData()),
            category.code);
        m_categoryCombo->setItemData(m_categoryCombo->count() - 1, tr("SNOMED CT %1").arg(category.code),
                                     Qt::ToolTipRole);
    }
    m_categoryCombo->setMinimumWidth(260);
    auto *categoryRow = new QHBoxLayout;
    categoryRow->addWidget(m_categoryCombo);
    categoryRow->addStretch(1);
    addTextCaption(tr("C&ategory"), m_categoryCombo);
    grid->addLayout(categoryRow, row++, 1);
    addMessages({{FormField::Category, "categoryMessageLabel"}});
    m_fieldWidgets.insert(FormField::Category, m_categoryCombo);

    // Performed: a single time, or the anesthesia start and end.
    m_times = new ProcedureTimeEditor(card);
    addCaption(m_times->caption());
    grid->addWidget(m_times, row++, 1);
    addMessages({{FormField::Performed, "performedAtMessageLabel"},
                 {FormField::PeriodStart, "anesthesiaStartMessageLabel"},
                 {FormField::PeriodEnd, "anesthesiaEndMessageLabel"}});
    m_fieldWidgets.insert(FormField::Performed, m_times->performedEdit());
    m_fieldWidgets.insert(FormField::PeriodStart, m_times->startEdit());
    m_fieldWidgets.insert(FormField::PeriodEnd, m_times->endEdit());

    // Linked diagnoses, in order.
    m_diagnoses = new DiagnosisLinksEditor(card);
    addTextCaption(tr("&Diagnoses"), m_diagnoses->combo(), Qt::AlignTop);
    grid->addWidget(m_diagnoses, row++, 1);
    addMessages({{FormField::Diagnoses, "diagnosisMessageLabel"}});
    m_fieldWidgets.insert(FormField::Diagnoses, m_diagnoses->list());

    // Status and recorded date: rarely changed, so after the diagnoses in the Tab order.
    m_statusCombo = new QComboBox(card);
    new ComboTypeAhead(m_statusCombo);
    m_statusCombo->setObjectName(QStringLiteral("statusCombo"));
    m_statusCombo->setAccessibleName(tr("Status"));
    m_statusCombo->addItem(tr("Completed"), QLatin1String(Model::Status::Completed));
    m_recordedEdit = new ZonedDateTimeEdit(card);
    m_recordedEdit->setObjectName(QStringLiteral("recordedAtEdit"));
    m_recordedEdit->setAccessibleName(tr("Recorded date and time"));
    m_recordedEdit->setToolTip(tr("Follows the current time until you change it"));
    m_recordedOffsetLabel = makeHintLabel(QStringLiteral("recordedOffsetLabel"), card);
    auto *detailsRow = new QHBoxLayout;
    detailsRow->setSpacing(8);
    detailsRow->addWidget(m_statusCombo);
    detailsRow->addSpacing(16);
    auto *recordedCaption = new QLabel(tr("&Recorded"), card);
    recordedCaption->setProperty("role", QStringLiteral("caption"));
    recordedCaption->setBuddy(m_recordedEdit);
    detailsRow->addWidget(recordedCaption);
    detailsRow->addWidget(m_recordedEdit);
    detailsRow->addWidget(m_recordedOffsetLabel);
    detailsRow->addStretch(1);
    addTextCaption(tr("S&tatus"), m_statusCombo);
    grid->addLayout(detailsRow, row++, 1);
    addMessages({{FormField::Status, "statusMessageLabel"}, {FormField::Recorded, "recordedAtMessageLabel"}});
    m_fieldWidgets.insert(FormField::Status, m_statusCombo);
    m_fieldWidgets.insert(FormField::Recorded, m_recordedEdit);

    auto *otherMessages = makeMessageLabel(QStringLiteral("lineMessageLabel"), card);
    m_messageLabels.insert(FormField::None, otherMessages);
    layout->addWidget(otherMessages);

    layout->addStretch(1);
    buildConfirmBar(card);
    layout->addWidget(m_confirmBar);

    // Actions.
    auto *actions = new QHBoxLayout;
    actions->setSpacing(8);
    m_summaryLabel = new WrappedLabel(card);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setProperty("role", QStringLiteral("summary"));
    m_newLineButton =
        new QPushButton(cachedIcon(QStringLiteral(":/icons/new-line.svg")), tr("New line"), card);
    m_newLineButton->setObjectName(QStringLiteral("newLineButton"));
    m_newLineButton->setAccessibleName(tr("New line"));
    m_newLineButton->setToolTip(tr("Clear the form for the next line (Ctrl+N)"));
    m_newLineButton->setFocusPolicy(Qt::NoFocus);
    m_submitButton =
        new QPushButton(cachedIcon(QStringLiteral(":/icons/submit.svg")), tr("Submit line"), card);
    m_submitButton->setObjectName(QStringLiteral("submitButton"));
    m_submitButton->setAccessibleName(tr("Submit line"));
    m_submitButton->setToolTip(tr("Queue the line for the EHR (Ctrl+Enter)"));
    m_submitButton->setProperty("role", QStringLiteral("primary"));
    m_submitButton->setAutoDefault(false);
    actions->addWidget(m_summaryLabel, 1);
    actions->addWidget(m_newLineButton);
    actions->addWidget(m_submitButton);
    layout->addLayout(actions);

    m_inputs = {m_codeField,   m_descriptionEdit, m_categoryCombo, m_times,        m_diagnoses,
                m_statusCombo, m_recordedEdit,    m_submitButton,  m_newLineButton};
    QWidget *order[] = {
        m_moveCombo,        m_moveButton,         m_discardButton,          m_codeField->lineEdit(),
        m_descriptionEdit,  m_categoryCombo,      m_times->performedEdit(), m_times->startEdit(),
        m_times->endEdit(), m_diagnoses->combo(), m_diagnoses->list(),      m_statusCombo,
        m_recordedEdit,     m_submitButton,       m_confirmButton,          m_backButton};
    for (std::size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);

    connect(m_codeField, &CodeField::edited, this, &LineEditor::onCodeEdited);
    connect(m_codeField, &CodeField::completionChosen, this, &LineEditor::onCompletionChosen);
    connect(m_codeField, &CodeField::hintChanged, m_codeKindLabel, &QLabel::setText);
    connect(m_codeField, &CodeField::favouriteChanged, this, [this](const QString &code, bool favourite) {
        Q_EMIT message(favourite
                           ? tr("%1 is now a favourite: ↓ in an empty CPT code offers it first.").arg(code)
                           : tr("%1 is no longer a favourite.").arg(code));
    });
    const auto edited = [this](FormField field) {
        return [this, field] {
            touch(field);
            revalidate();
        };
    };
    connect(m_descriptionEdit, &QLineEdit::textEdited, this, [this, edited] {
        setDescriptionFromCatalog(false);
        edited(FormField::Description)();
    });
    connect(m_categoryCombo, &QComboBox::currentIndexChanged, this, edited(FormField::Category));
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, edited(FormField::Status));
    connect(m_times, &ProcedureTimeEditor::edited, this, [this](FormField field) {
        touch(field);
        revalidate();
    });
    connect(m_recordedEdit, &QDateTimeEdit::dateTimeChanged, this, [this, edited] {
        if (!m_loading)
            m_recordedFollowsNow = false;
        edited(FormField::Recorded)();
    });
    connect(m_diagnoses, &DiagnosisLinksEditor::changed, this, edited(FormField::Diagnoses));
    connect(m_submitButton, &QPushButton::clicked, this, &LineEditor::submit);
    m_codeField->lineEdit()->installEventFilter(this);
    // Tab into a field below the fold scrolls it into view.
    m_focusWatch = connect(qApp, &QApplication::focusChanged, this,
                           [this](QWidget *, QWidget *now) { ensureFocusVisible(now); });
}

void LineEditor::buildClosedEncounterBar(QWidget *parent)
{
    // What a person can do about a line whose encounter no longer takes lines.
    m_closedBar = new QFrame(parent);
    m_closedBar->setObjectName(QStringLiteral("closedEncounterBar"));
    m_closedBar->setProperty("role", QStringLiteral("notice"));
    auto *layout = new QVBoxLayout(m_closedBar);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(6);
    m_closedLabel = new WrappedLabel(m_closedBar);
    m_closedLabel->setObjectName(QStringLiteral("closedEncounterLabel"));
    layout->addWidget(m_closedLabel);
    m_closedActions = new QWidget(m_closedBar);
    auto *actions = new QHBoxLayout(m_closedActions);
    actions->setContentsMargins(0, 0, 0, 0);
    actions->setSpacing(8);
    m_moveCombo = new CompactComboBox(16, m_closedActions);
    m_moveCombo->setObjectName(QStringLiteral("moveEncounterCombo"));
    m_moveCombo->setAccessibleName(tr("Open encounter to move the line to"));
    m_moveButton = new QPushButton(tr("&Move to this encounter"), m_closedActions);
    m_moveButton->setObjectName(QStringLiteral("moveLineButton"));
    m_moveButton->setAccessibleName(tr("Move the line to the chosen open encounter"));
    m_moveButton->setAutoDefault(true);
    m_discardButton = new QPushButton(cachedIcon(QStringLiteral(":/icons/discard.svg")), tr("Discard line…"),
                                      m_closedActions);
    m_discardButton->setObjectName(QStringLiteral("discardLineButton"));
    m_discardButton->setAccessibleName(tr("Discard the line"));
    m_discardButton->setProperty("role", QStringLiteral("danger"));
    m_discardButton->setAutoDefault(true);
    actions->addWidget(m_moveCombo, 1);
    actions->addWidget(m_moveButton);
    actions->addSpacing(12);
    actions->addWidget(m_discardButton);
    layout->addWidget(m_closedActions);
    m_closedBar->setVisible(false);
    connect(m_moveButton, &QPushButton::clicked, this, [this] {
        const QString target = m_moveCombo->currentData().toString();
        if (m_lineId >= 0 && !target.isEmpty())
            Q_EMIT moveRequested(m_lineId, target);
    });
    connect(m_discardButton, &QPushButton::clicked, this, [this] {
        if (m_lineId >= 0)
            Q_EMIT discardRequested(m_lineId);
    });
}

void LineEditor::buildConfirmBar(QWidget *parent)
{
    // Asked once at Ctrl+Enter while a warning stands: Enter submits, Esc goes back to the field.
    m_confirmBar = new QFrame(parent);
    m_confirmBar->setObjectName(QStringLiteral("confirmWarningsBar"));
    m_confirmBar->setProperty("role", QStringLiteral("warningNotice"));
    auto *layout = new QHBoxLayout(m_confirmBar);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    m_confirmLabel = new WrappedLabel(m_confirmBar);
    m_confirmLabel->setObjectName(QStringLiteral("confirmWarningsLabel"));
    m_confirmLabel->setTextFormat(Qt::RichText);
    m_confirmButton = new QPushButton(tr("Submit anyway"), m_confirmBar);
    m_confirmButton->setObjectName(QStringLiteral("confirmSubmitButton"));
    m_confirmButton->setAccessibleName(tr("Submit the line with its warnings"));
    m_confirmButton->setToolTip(tr("Enter"));
    m_confirmButton->setProperty("role", QStringLiteral("primary"));
    m_confirmButton->setAutoDefault(true);
    m_backButton = new QPushButton(tr("Go back"), m_confirmBar);
    m_backButton->setObjectName(QStringLiteral("cancelSubmitButton"));
    m_backButton->setAccessibleName(tr("Go back to the field"));
    m_backButton->setToolTip(tr("Esc"));
    m_backButton->setAutoDefault(true);
    layout->addWidget(m_confirmLabel, 1);
    layout->addWidget(m_confirmButton);
    layout->addWidget(m_backButton);
    m_confirmBar->setVisible(false);
    connect(m_confirmButton, &QPushButton::clicked, this, [this] {
        m_confirmedWarnings = warningsOf(m_check.findings);
        hideConfirmBar(false);
        submit();
    });
    connect(m_backButton, &QPushButton::clicked, this, [this] { hideConfirmBar(true); });
    for (QWidget *watched : {static_cast<QWidget *>(m_confirmButton), static_cast<QWidget *>(m_backButton)})
        watched->installEventFilter(this);
}

void LineEditor::buildActions()
{
    m_submitAction = new QAction(cachedIcon(QStringLiteral(":/icons/submit.svg")), tr("&Submit line"), this);
    m_submitAction->setObjectName(QStringLiteral("submitAction"));
    m_submitAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_submitAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_submitAction);
    connect(m_submitAction, &QAction::triggered, this, &LineEditor::submit);

    m_newLineAction = new QAction(cachedIcon(QStringLiteral(":/icons/new-line.svg")), tr("&New line"), this);
    m_newLineAction->setObjectName(QStringLiteral("newLineAction"));
    m_newLineAction->setShortcut(QKeySequence::New);
    m_newLineAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_newLineAction);
    connect(m_newLineAction, &QAction::triggered, this, [this] {
        if (hasUnsavedInput() && m_confirmDrop && !m_confirmDrop(tr("Start a new line?"))) {
            focusCode();
            return;
        }
        newLine();
        focusCode();
    });
    connect(m_newLineButton, &QPushButton::clicked, m_newLineAction, &QAction::trigger);

    m_sameDiagnosesAction = new QAction(tr("Same &diagnoses as the previous line"), this);
    m_sameDiagnosesAction->setObjectName(QStringLiteral("sameDiagnosesAction"));
    m_sameDiagnosesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_sameDiagnosesAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_sameDiagnosesAction);
    connect(m_sameDiagnosesAction, &QAction::triggered, m_diagnoses, &DiagnosisLinksEditor::linkSame);
}

void LineEditor::setCatalog(Catalog::CodeCatalog *catalog)
{
    m_catalog = catalog;
    m_codeFlags = catalog ? catalog->flagsLookup() : Rules::CodeFlagsLookup();
    m_codeField->setCatalog(catalog);
    refreshPrimaryCodeOnLine();
    applyKnownCode();
    revalidate();
}

void LineEditor::setSubmitHandler(SubmitHandler handler)
{
    m_submitHandler = std::move(handler);
}

void LineEditor::setClock(const Common::Clock *clock)
{
    m_clock = Common::Clock::orSystem(clock);
    resetTimes();
    revalidate();
}

void LineEditor::setUnitMinutes(int minutes)
{
    m_times->setUnitMinutes(minutes);
}

QDateTime LineEditor::nowUtc() const
{
    return m_clock->nowUtc();
}

void LineEditor::setEncounter(const EncounterContext &encounter)
{
    if (encounter.encounterId != m_encounter.encounterId) {
        m_lastDiagnoses.clear();
        m_encounterLines.clear();
    }
    m_encounter = encounter;
    const QTimeZone zone = encounter.timeZone.isValid() ? encounter.timeZone : QTimeZone::systemTimeZone();
    {
        const QScopedValueRollback loading(m_loading, true);
        m_times->setZone(zone);
        m_recordedEdit->setZone(zone);
    }
    refreshEncounterHeader();
    refreshDiagnosisOptions();
    resetTimes();
    newLine();
}

void LineEditor::updateEncounter(const EncounterContext &encounter)
{
    if (encounter.encounterId != m_encounter.encounterId) {
        setEncounter(encounter);
        return;
    }
    m_encounter = encounter;
    refreshEncounterHeader();
    refreshDiagnosisOptions();
    revalidate();
}

void LineEditor::setEncounterLines(const QList<Model::ProcedureEntry> &lines)
{
    if (lines == m_encounterLines)
        return;
    m_encounterLines = lines;
    refreshPrimaryCodeOnLine();
    revalidate();
}

void LineEditor::refreshPrimaryCodeOnLine()
{
    QStringList codes;
    for (const Model::ProcedureEntry &line : std::as_const(m_encounterLines))
        codes.append(line.code.code);
    m_codeField->setPrimaryCodeOnLine(Rules::hasPrimaryCode(codes, m_codeFlags));
}

void LineEditor::refreshEncounterHeader()
{
    if (!m_encounter.isValid()) {
        m_encounterLabel->setText(
            tr("No encounter yet: Ctrl+F, type a name or MRN, Enter. The patient's only open "
               "encounter opens by itself; otherwise pick one with ↑/↓ and Enter."));
        m_encounterStateLabel->setVisible(false);
        m_encounterNoteLabel->setVisible(false);
        refreshClosedBar();
        return;
    }
    QStringList parts;
    if (!m_encounter.patientName.isEmpty())
        parts << m_encounter.patientName;
    parts << (m_encounter.title.isEmpty() ? m_encounter.encounterId : m_encounter.title);
    if (m_encounter.timeZone.isValid())
        parts << QString::fromUtf8(m_encounter.timeZone.id());
    // On a narrow window the header wraps between its parts, never inside one ("America/" above
    // "Chicago"): no-break spaces, and a word joiner after each slash.
    for (QString &part : parts)
        part.replace(u' ', QChar(0x00a0)).replace(u'/', QStringLiteral("/\u2060"));
    m_encounterLabel->setText(parts.join(QStringLiteral("  ·  ")));
    m_encounterNoteLabel->setText(m_encounter.pickedAsOnlyOpen
                                      ? tr("The patient's only open encounter was picked for you; Ctrl+E "
                                           "lists the others.")
                                      : QString());
    m_encounterNoteLabel->setVisible(m_encounter.pickedAsOnlyOpen);
    m_encounterStateLabel->setText(m_encounter.stateText);
    m_encounterStateLabel->setVisible(!m_encounter.stateText.isEmpty());
    const bool closed = !m_encounter.facts.acceptsProcedures();
    setStyleProperty(m_encounterStateLabel, "state",
                     closed ? QStringLiteral("closed") : QStringLiteral("open"));
    refreshClosedBar();
}

void LineEditor::setMoveTargets(const QList<EncounterChoice> &targets)
{
    m_moveCombo->clear();
    for (const auto &target : targets) {
        if (target.id != m_encounter.encounterId)
            m_moveCombo->addItem(target.title, target.id);
    }
    if (m_moveCombo->count() == 0)
        m_moveCombo->setPlaceholderText(tr("The patient has no other open encounter"));
    const bool discardFocused = m_discardButton->hasFocus();
    refreshClosedBar();
    // The targets arrive after the line opened: moving is the likelier way out.
    if (discardFocused)
        focusClosedEncounterActions();
}

void LineEditor::refreshClosedBar()
{
    const bool closed = m_encounter.isValid() && !m_encounter.facts.acceptsProcedures();
    m_closedBar->setVisible(closed);
    // A closed encounter is shown read-only; a refused line of it stays editable to be moved.
    const bool readOnly = closed && m_lineId < 0;
    // Disabling the focused field would hand the focus to whatever comes next (the patient search,
    // where Enter means something else): the form lets go of it instead.
    if (readOnly && isAncestorOf(QApplication::focusWidget()))
        QApplication::focusWidget()->clearFocus();
    for (QWidget *input : std::as_const(m_inputs))
        input->setEnabled(!readOnly);
    if (m_submitAction)
        m_submitAction->setEnabled(!readOnly);
    if (!closed)
        return;
    const QString state = m_encounter.stateText.isEmpty() ? tr("closed") : m_encounter.stateText.toLower();
    QString text = tr("This encounter is %1: the EHR takes no more lines for it, and its lines are shown "
                      "read-only. To add lines to it, ask the clinician to reopen the encounter.")
                       .arg(state);
    if (m_lineId >= 0)
        text += u' ' + tr("Or move this line to another open encounter of the patient (code, times and "
                          "diagnoses are kept), or discard it.");
    m_closedLabel->setText(text);
    m_closedActions->setVisible(m_lineId >= 0);
    const bool canMove = m_moveCombo->count() > 0;
    m_moveCombo->setEnabled(canMove);
    m_moveButton->setEnabled(canMove);
}

void LineEditor::focusClosedEncounterActions()
{
    if (!m_closedActions->isVisible())
        return;
    if (m_moveCombo->isEnabled())
        m_moveCombo->setFocus(Qt::OtherFocusReason);
    else
        m_discardButton->setFocus(Qt::OtherFocusReason);
}

void LineEditor::moveToEncounter(const EncounterContext &encounter)
{
    {
        const QScopedValueRollback loading(m_loading, true);
        m_encounter = encounter;
        const QTimeZone zone =
            encounter.timeZone.isValid() ? encounter.timeZone : QTimeZone::systemTimeZone();
        m_times->setZone(zone);
        m_recordedEdit->setZone(zone);
        // Diagnoses are the patient's: those the other encounter knows stay linked.
        QStringList ids = m_diagnoses->ids();
        if (encounter.diagnosesKnown)
            ids.removeIf([&encounter](const QString &id) { return !encounter.diagnosis(id); });
        // The refusal was about the old encounter.
        m_ehrFindings.clear();
        m_encounterLines.clear();
        refreshEncounterHeader();
        refreshDiagnosisOptions();
        m_diagnoses->setIds(ids);
    }
    revalidate();
    Q_EMIT message(tr("Line moved to %1: check it, then resend it with Ctrl+Enter.").arg(encounter.title));
}

void LineEditor::refreshDiagnosisOptions()
{
    m_diagnoses->setOptions(m_encounter.diagnoses, m_encounter.isValid()
                                                       ? tr("The encounter has no diagnoses")
                                                       : tr("Pick an encounter first"));
}

void LineEditor::newLine()
{
    {
        const QScopedValueRollback loading(m_loading, true);
        m_lineId = -1;
        m_ehrFindings.clear();
        m_touched.clear();
        m_submitAttempted = false;
        m_codeBeingTyped = false;
        m_confirmedWarnings.clear();
        // One client identifier for the line, however often it is checked: the EHR's duplicate
        // protection (If-None-Exist) rests on it.
        m_identifiers = {Model::ProcedureEntry::newClientIdentifier()};
        m_ehrId.clear();
        m_codeVersion.clear();
        m_codeField->clear();
        m_descriptionEdit->clear();
        setDescriptionFromCatalog(false);
        m_categoryCombo->setCurrentIndex(0);
        m_categoryCombo->setToolTip(QString());
        offerEnteredInError(false);
        m_diagnoses->reset();
        m_diagnoses->offerSame(m_lastDiagnoses);
        // Letters typed into a combo add up for a moment (type-ahead); a new line starts afresh.
        for (QComboBox *combo : {m_categoryCombo, m_statusCombo})
            ComboTypeAhead::reset(combo);
        m_recordedFollowsNow = true;
        // The performed time stays: lines of one superbill usually share it.
        m_times->restartPeriod();
        m_modeLabel->setText(tr("New line"));
        m_submitButton->setText(tr("Submit line"));
        hideConfirmBar(false);
        refreshClosedBar();
    }
    revalidate();
}

void LineEditor::offerEnteredInError(bool correcting)
{
    // Only a line that was sent can have been entered in error; a new line is completed.
    const int index = m_statusCombo->findData(QLatin1String(Model::Status::EnteredInError));
    if (correcting && index < 0) {
        m_statusCombo->addItem(tr("Entered in error"), QLatin1String(Model::Status::EnteredInError));
        m_statusCombo->setItemData(m_statusCombo->count() - 1, tr("Marks the line as a mistake"),
                                   Qt::ToolTipRole);
    } else if (!correcting && index >= 0) {
        m_statusCombo->removeItem(index);
    }
    m_statusCombo->setCurrentIndex(0);
}

void LineEditor::resetTimes()
{
    const QScopedValueRollback loading(m_loading, true);
    const QDateTime now = nowUtc();
    m_times->reset(m_encounter.start.isValid() ? m_encounter.start : now);
    m_recordedEdit->setZonedValue(now);
}

void LineEditor::loadLine(qint64 lineId, const Model::ProcedureEntry &entry,
                          const Model::Findings &ehrFindings)
{
    const LineDraft draft = LineDraft::fromEntry(entry, m_times->zone());
    {
        const QScopedValueRollback loading(m_loading, true);
        m_lineId = lineId;
        m_ehrFindings = ehrFindings;
        m_identifiers = draft.identifiers;
        m_ehrId = draft.ehrId;
        m_codeVersion = draft.version;
        m_codeField->setCode(draft.code);
        showDescription(draft.display);
        setDescriptionFromCatalog(false);
        m_categoryCombo->setCurrentIndex(std::max(0, m_categoryCombo->findData(draft.categoryCode)));
        offerEnteredInError(true);
        m_statusCombo->setCurrentIndex(std::max(0, m_statusCombo->findData(draft.status)));
        m_times->load(draft.performed, draft.periodStart, draft.periodEnd);
        if (draft.recorded.isValid()) {
            m_recordedEdit->setZonedValue(draft.recorded);
            m_recordedFollowsNow = false;
        }
        m_diagnoses->setIds(draft.diagnosisIds);
        m_diagnoses->offerSame({});
        m_modeLabel->setText(tr("Correcting line"));
        m_submitButton->setText(tr("Resend line"));
        m_touched.clear();
        m_submitAttempted = true;
        m_codeBeingTyped = false;
        m_confirmedWarnings.clear();
        hideConfirmBar(false);
        refreshClosedBar();
    }
    revalidate();
}

LineDraft LineEditor::draft() const
{
    LineDraft draft;
    draft.code = m_codeField->code();
    draft.display = m_descriptionEdit->text();
    draft.version = m_codeVersion;
    draft.categoryCode = m_categoryCombo->currentData().toString();
    draft.status = m_statusCombo->currentData().toString();
    draft.performed = m_times->performed();
    draft.periodStart = m_times->periodStart();
    draft.periodEnd = m_times->periodEnd();
    draft.recorded = m_recordedEdit->zonedValue();
    draft.diagnosisIds = m_diagnoses->ids();
    draft.identifiers = m_identifiers;
    draft.ehrId = m_ehrId;
    return draft;
}

bool LineEditor::hasUnsavedInput() const
{
    return !m_codeField->code().isEmpty() || !m_diagnoses->ids().isEmpty() ||
           (m_lineId >= 0 && !m_touched.isEmpty());
}

Model::Findings LineEditor::allFindings() const
{
    return m_check.findings + m_ehrFindings;
}

void LineEditor::onCodeEdited(const QString &)
{
    m_codeBeingTyped = true;
    touch(FormField::Code);
    applyKnownCode();
    suggestCategory();
    revalidate();
}

void LineEditor::onCompletionChosen(const Catalog::CodeEntry &entry)
{
    showDescription(entry.display);
    m_codeVersion = entry.version;
    setDescriptionFromCatalog(true);
    m_codeBeingTyped = false;
    touch(FormField::Code);
    suggestCategory();
    revalidate();
}

void LineEditor::suggestCategory()
{
    // Until the person picks a category, it follows the code.
    if (m_touched.contains(FormField::Category))
        return;
    const Rules::ProcedureCategory *suggested = Rules::suggestedCategory(m_codeField->code());
    const QScopedValueRollback loading(m_loading, true);
    m_categoryCombo->setCurrentIndex(suggested ? std::max(0, m_categoryCombo->findData(suggested->code)) : 0);
    m_categoryCombo->setToolTip(suggested ? tr("Suggested from the code; change it if it is wrong")
                                          : QString());
}

void LineEditor::applyKnownCode()
{
    if (const auto known = m_codeField->knownEntry()) {
        if (m_descriptionEdit->text().isEmpty() || m_descriptionFromCatalog) {
            showDescription(known->display);
            m_codeVersion = known->version;
            setDescriptionFromCatalog(true);
        }
    } else if (m_descriptionFromCatalog) {
        m_descriptionEdit->clear();
        m_codeVersion.clear();
        setDescriptionFromCatalog(false);
    }
}

void LineEditor::showDescription(const QString &text)
{
    m_descriptionEdit->setText(text);
    // The start of a long description says what it is; the end would be cut off mid-word.
    m_descriptionEdit->setCursorPosition(0);
}

void LineEditor::setDescriptionFromCatalog(bool fromCatalog)
{
    m_descriptionFromCatalog = fromCatalog;
    // A description the catalog filled is skipped by Tab (still editable with a click or Alt+C, Tab).
    m_descriptionEdit->setFocusPolicy(fromCatalog ? Qt::ClickFocus : Qt::StrongFocus);
    setStyleProperty(m_descriptionEdit, "filled", fromCatalog);
}

void LineEditor::touch(FormField field)
{
    if (!m_loading)
        m_touched.insert(field);
}

void LineEditor::revalidate()
{
    if (m_loading)
        return;
    if (m_recordedFollowsNow) {
        const QScopedValueRollback loading(m_loading, true);
        m_recordedEdit->setZonedValue(nowUtc());
    }
    m_check = checkLine(draft(), m_encounter, m_codeFlags, nowUtc(), m_encounterLines);
    if (m_check.needsPeriod != m_times->isPeriodMode()) {
        // The other kind of time: the period starts from the time already given.
        m_times->setPeriodMode(m_check.needsPeriod);
        m_check = checkLine(draft(), m_encounter, m_codeFlags, nowUtc(), m_encounterLines);
    }
    m_recordedOffsetLabel->setText(offsetText(m_recordedEdit->zonedValue()));
    showFindings();
}

void LineEditor::showFindings()
{
    FindingsPresenter::Input input;
    input.check = m_check.findings;
    input.ehr = m_ehrFindings;
    input.touched = m_touched;
    input.submitAttempted = m_submitAttempted;
    input.encounterPicked = m_encounter.isValid();
    input.needsPeriod = m_check.needsPeriod;
    input.codeBeingTyped = m_codeBeingTyped;
    FindingsView view = FindingsPresenter::present(input);
    const bool findingsChanged = view.visible != m_view.visible;
    const bool summaryChanged = view.summary != m_view.summary || view.state != m_view.state;
    m_view = std::move(view);

    for (auto it = m_messageLabels.cbegin(); it != m_messageLabels.cend(); ++it) {
        if (it.key() == FormField::Patient)
            continue; // shares the encounter's label
        Model::Findings findings = m_view.byField.value(it.key());
        if (it.key() == FormField::Encounter)
            findings += m_view.byField.value(FormField::Patient);
        QStringList lines;
        for (const auto &finding : findings) {
            const QString icon = finding.isError() ? QStringLiteral("error") : QStringLiteral("warning");
            lines << QStringLiteral("<img src=\":/icons/%1.svg\" width=\"14\" height=\"14\" "
                                    "style=\"vertical-align:middle\">"
                                    "&nbsp;<b>%2</b>&nbsp; %3")
                         .arg(icon, Common::printable(finding.code).toHtmlEscaped(),
                              Common::printable(finding.message).toHtmlEscaped());
        }
        QLabel *label = it.value();
        label->setText(lines.join(QStringLiteral("<br>")));
        label->setVisible(!lines.isEmpty());
        setStyleProperty(label, "severity", severityName(findings));
    }

    for (auto it = m_fieldWidgets.cbegin(); it != m_fieldWidgets.cend(); ++it) {
        Model::Findings findings = m_view.byField.value(it.key());
        if (it.key() == FormField::Encounter || it.key() == FormField::Patient)
            findings = m_view.byField.value(FormField::Encounter) + m_view.byField.value(FormField::Patient);
        QStringList codes;
        for (const auto &finding : findings)
            codes << finding.code;
        QWidget *widget = it.value();
        widget->setProperty("findingCodes", codes);
        setStyleProperty(widget, "finding", severityName(findings));
        if (widget != m_encounterLabel)
            widget->setToolTip(FindingsPresenter::tipText(findings));
    }
    m_diagnoses->markRows(m_view.byDiagnosis);

    m_summaryLabel->setText(m_view.summary);
    setStyleProperty(m_summaryLabel, "state", m_view.state);
    // A confirmation stands for the warnings it named; others need a look of their own.
    if (m_confirmBar->isVisible() && warningsOf(m_check.findings).isEmpty())
        hideConfirmBar(false);
    if (findingsChanged)
        Q_EMIT this->findingsChanged(m_view.visible);
    if (summaryChanged)
        Q_EMIT this->summaryChanged(m_view.summary, m_view.state);
}

QSize LineEditor::sizeHint() const
{
    return m_scroll->widget()->sizeHint() + QSize(2 * m_scroll->frameWidth(), 2 * m_scroll->frameWidth());
}

void LineEditor::ensureFocusVisible(QWidget *now)
{
    if (now && m_scroll->widget()->isAncestorOf(now))
        m_scroll->ensureWidgetVisible(now, 8, 8);
}

void LineEditor::focusField(FormField field, int diagnosisIndex)
{
    if (field == FormField::Diagnoses) {
        m_diagnoses->focusRow(diagnosisIndex);
        return;
    }
    QWidget *widget = m_fieldWidgets.value(field);
    if (field == FormField::Encounter || field == FormField::Patient || !widget)
        return;
    widget->setFocus(Qt::OtherFocusReason);
}

void LineEditor::focusCode()
{
    m_codeField->lineEdit()->setFocus(Qt::ShortcutFocusReason);
    m_codeField->lineEdit()->selectAll();
}

void LineEditor::askToConfirmWarnings()
{
    const Model::Findings warnings = warningsOf(m_check.findings);
    QStringList named;
    for (const auto &warning : warnings)
        named << QStringLiteral("<b>%1</b> %2")
                     .arg(warning.code.toHtmlEscaped(), warning.message.toHtmlEscaped());
    m_confirmLabel->setText(
        (warnings.size() == 1 ? tr("Submit with this warning?")
                              : tr("Submit with these %n warnings?", nullptr, int(warnings.size()))) +
        QStringLiteral("<br>") + named.join(QStringLiteral("<br>")) + QStringLiteral("<br>") +
        tr("Enter submits; Esc goes back to the field.").toHtmlEscaped());
    m_submitAttempted = true;
    showFindings();
    m_confirmBar->setVisible(true);
    m_confirmButton->setFocus(Qt::OtherFocusReason);
    Q_EMIT message(
        warnings.size() == 1
            ? tr("One warning stands: %1. Enter submits anyway; Esc goes back.").arg(warnings.first().code)
            : tr("%n warnings stand. Enter submits anyway; Esc goes back.", nullptr, int(warnings.size())));
}

void LineEditor::hideConfirmBar(bool backToField)
{
    const bool wasVisible = m_confirmBar->isVisible();
    m_confirmBar->setVisible(false);
    if (!backToField || !wasVisible)
        return;
    const Model::Findings warnings = warningsOf(m_check.findings);
    if (warnings.isEmpty()) {
        focusCode();
        return;
    }
    int index = -1;
    const FormField field =
        FindingsPresenter::fieldOnForm(warnings.first().path, m_check.needsPeriod, &index);
    if (field == FormField::None || field == FormField::Encounter || field == FormField::Patient)
        focusCode();
    else
        focusField(field, index);
}

bool LineEditor::submit()
{
    revalidate();
    if (!m_encounter.isValid()) {
        Q_EMIT message(tr("Not submitted: pick an open encounter first."));
        return false;
    }
    if (m_check.hasErrors()) {
        m_submitAttempted = true;
        hideConfirmBar(false);
        showFindings();
        const auto isError = [](const Model::Finding &finding) { return finding.isError(); };
        const auto first = std::find_if(m_check.findings.cbegin(), m_check.findings.cend(), isError);
        int index = -1;
        focusField(FindingsPresenter::fieldOnForm(first->path, m_check.needsPeriod, &index), index);
        const int errors = int(std::count_if(m_check.findings.cbegin(), m_check.findings.cend(), isError));
        Q_EMIT message(errors == 1 ? tr("Not submitted: 1 error to fix first.")
                                   : tr("Not submitted: %n errors to fix first.", nullptr, errors));
        return false;
    }
    const Model::Findings warnings = warningsOf(m_check.findings);
    if (!warnings.isEmpty() && warnings != m_confirmedWarnings) {
        askToConfirmWarnings();
        return false;
    }
    const qint64 lineId = m_lineId;
    const Model::ProcedureEntry entry = m_check.entry;
    if (m_submitHandler) {
        const QString error = m_submitHandler(lineId, entry);
        if (!error.isEmpty()) {
            Q_EMIT message(tr("Not submitted: %1").arg(error));
            return false;
        }
    }
    if (m_catalog)
        m_catalog->noteUsed(entry.code.code);
    qCDebug(lcLineEditor) << "line submitted" << (lineId < 0 ? "new" : "correction");
    m_lastDiagnoses = m_diagnoses->ids();
    Q_EMIT submitted(lineId, entry);
    newLine();
    focusCode();
    return true;
}

bool LineEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_codeField->lineEdit() && event->type() == QEvent::FocusOut && m_codeBeingTyped &&
        static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason) {
        // Leaving the field ends the search: text that is not a code is now reported.
        m_codeBeingTyped = false;
        showFindings();
    }
    if ((watched == m_confirmButton || watched == m_backButton) && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        hideConfirmBar(true);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Ui
