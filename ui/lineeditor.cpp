#include "lineeditor.h"

#include <algorithm>

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QPixmap>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "catalog/codecatalog.h"
#include "codecompletiondelegate.h"
#include "codecompletionmodel.h"
#include "common/clock.h"
#include "common/printable.h"
#include "rules/categories.h"
#include "theme.h"
#include "zoneddatetimeedit.h"

Q_LOGGING_CATEGORY(lcLineEditor, "superbill.ui")

namespace Ui {

namespace {

constexpr int CompletionLimit = 12;
constexpr int DiagnosisRole = Qt::UserRole + 1;

QString severityName(const Model::Findings &findings)
{
    bool warning = false;
    for (const auto &finding : findings) {
        if (finding.isError())
            return QStringLiteral("error");
        warning = warning || finding.severity == Model::Severity::Warning;
    }
    return warning ? QStringLiteral("warning") : QString();
}

/// "500036: Diagnosis linked twice", one finding a line.
QString tipText(const Model::Findings &findings)
{
    QStringList tips;
    for (const auto &finding : findings)
        tips << Common::printable(finding.code + QStringLiteral(": ") + finding.message);
    return tips.join(u'\n');
}

QLabel *makeMessageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setProperty("role", QStringLiteral("fieldMessage"));
    label->setVisible(false);
    return label;
}

QLabel *makeHint(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setProperty("role", QStringLiteral("hint"));
    return label;
}

QToolButton *makeToolButton(const QString &objectName, const QString &icon, const QString &tip,
                            QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(QIcon(icon));
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    button->setAutoRaise(true);
    // Reachable through the keyboard shortcuts of the list; the Tab chain stays short.
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

} // namespace

LineEditor::LineEditor(QWidget *parent)
    : QWidget(parent)
    , m_clock(&Common::Clock::system())
{
    setObjectName(QStringLiteral("lineEditor"));
    buildForm();
    buildConnections();
    resetTimes();
    newLine();
}

LineEditor::~LineEditor() = default;

void LineEditor::buildForm()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("lineEditorCard"));
    card->setProperty("role", QStringLiteral("card"));
    outer->addWidget(card);

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->setSpacing(10);

    // Which encounter the line belongs to, and whether it takes lines.
    auto *header = new QHBoxLayout;
    header->setSpacing(10);
    m_modeLabel = new QLabel(tr("New line"), card);
    m_modeLabel->setObjectName(QStringLiteral("lineModeLabel"));
    m_modeLabel->setProperty("role", QStringLiteral("title"));
    m_encounterLabel = new QLabel(card);
    m_encounterLabel->setObjectName(QStringLiteral("encounterLabel"));
    m_encounterLabel->setProperty("role", QStringLiteral("subtitle"));
    m_encounterLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long patient name or a longer language wraps instead of widening the window.
    m_encounterLabel->setWordWrap(true);
    m_encounterStateLabel = new QLabel(card);
    m_encounterStateLabel->setObjectName(QStringLiteral("encounterStateLabel"));
    m_encounterStateLabel->setProperty("role", QStringLiteral("pill"));
    header->addWidget(m_modeLabel);
    header->addWidget(m_encounterLabel, 1);
    header->addWidget(m_encounterStateLabel);
    layout->addLayout(header);
    auto *encounterMessage = makeMessageLabel(QStringLiteral("encounterMessageLabel"), card);
    layout->addWidget(encounterMessage);
    m_messageLabels.insert(FormField::Encounter, encounterMessage);
    m_messageLabels.insert(FormField::Patient, encounterMessage);
    m_fieldWidgets.insert(FormField::Encounter, m_encounterLabel);
    m_fieldWidgets.insert(FormField::Patient, m_encounterLabel);

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

    const auto addCaption = [&](const QString &text, QWidget *buddy) {
        auto *caption = new QLabel(text, card);
        caption->setBuddy(buddy);
        caption->setProperty("role", QStringLiteral("caption"));
        caption->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(caption, row, 0, Qt::AlignRight | Qt::AlignVCenter);
        return caption;
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
    m_codeEdit = new QLineEdit(card);
    m_codeEdit->setObjectName(QStringLiteral("cptCodeEdit"));
    m_codeEdit->setAccessibleName(tr("CPT code"));
    m_codeEdit->setPlaceholderText(tr("Code or words"));
    m_codeEdit->setClearButtonEnabled(true);
    m_codeEdit->setMaxLength(64);
    m_codeEdit->setMinimumWidth(150);
    m_codeEdit->setMaximumWidth(190);
    m_descriptionEdit = new QLineEdit(card);
    m_descriptionEdit->setObjectName(QStringLiteral("cptDescriptionEdit"));
    m_descriptionEdit->setAccessibleName(tr("CPT description"));
    m_descriptionEdit->setPlaceholderText(tr("Description (filled from the code catalog)"));
    m_codeKindLabel = makeHint(QStringLiteral("codeKindLabel"), card);
    auto *codeRow = new QHBoxLayout;
    codeRow->setSpacing(8);
    codeRow->addWidget(m_codeEdit);
    codeRow->addWidget(m_descriptionEdit, 1);
    addCaption(tr("CPT &code"), m_codeEdit);
    grid->addLayout(codeRow, row++, 1);
    grid->addWidget(m_codeKindLabel, row++, 1);
    addMessages(
        {{FormField::Code, "cptCodeMessageLabel"}, {FormField::Description, "cptDescriptionMessageLabel"}});
    m_fieldWidgets.insert(FormField::Code, m_codeEdit);
    m_fieldWidgets.insert(FormField::Description, m_descriptionEdit);

    m_completionModel = new CodeCompletionModel(this);
    m_completer = new QCompleter(m_completionModel, this);
    m_completer->setObjectName(QStringLiteral("cptCompleter"));
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(CodeCompletionModel::CodeRole);
    m_completer->setMaxVisibleItems(CompletionLimit);
    m_completer->setWidget(m_codeEdit);
    m_completer->popup()->setObjectName(QStringLiteral("cptCompleterPopup"));
    m_completer->popup()->setMinimumWidth(520);
    m_completer->popup()->setItemDelegate(new CodeCompletionDelegate(m_completer->popup()));

    // Category.
    m_categoryCombo = new QComboBox(card);
    m_categoryCombo->setObjectName(QStringLiteral("categoryCombo"));
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
    addCaption(tr("C&ategory"), m_categoryCombo);
    grid->addLayout(categoryRow, row++, 1);
    addMessages({{FormField::Category, "categoryMessageLabel"}});
    m_fieldWidgets.insert(FormField::Category, m_categoryCombo);

    // Performed: a single time, or the anesthesia start and end.
    m_performedEdit = new ZonedDateTimeEdit(card);
    m_performedEdit->setObjectName(QStringLiteral("performedAtEdit"));
    m_performedEdit->setAccessibleName(tr("Performed date and time"));
    m_performedOffsetLabel = makeHint(QStringLiteral("performedOffsetLabel"), card);
    m_performedRow = new QWidget(card);
    auto *performedLayout = new QHBoxLayout(m_performedRow);
    performedLayout->setContentsMargins(0, 0, 0, 0);
    performedLayout->setSpacing(8);
    performedLayout->addWidget(m_performedEdit);
    performedLayout->addWidget(m_performedOffsetLabel);
    performedLayout->addStretch(1);
    m_performedCaption = addCaption(tr("&Performed"), m_performedEdit);
    grid->addWidget(m_performedRow, row++, 1);
    addMessages({{FormField::Performed, "performedAtMessageLabel"}});
    m_fieldWidgets.insert(FormField::Performed, m_performedEdit);

    m_startEdit = new ZonedDateTimeEdit(card);
    m_startEdit->setObjectName(QStringLiteral("anesthesiaStartEdit"));
    m_startEdit->setAccessibleName(tr("Anesthesia start"));
    m_endEdit = new ZonedDateTimeEdit(card);
    m_endEdit->setObjectName(QStringLiteral("anesthesiaEndEdit"));
    m_endEdit->setAccessibleName(tr("Anesthesia end"));
    m_startOffsetLabel = makeHint(QStringLiteral("anesthesiaStartOffsetLabel"), card);
    m_endOffsetLabel = makeHint(QStringLiteral("anesthesiaEndOffsetLabel"), card);
    m_minutesLabel = new QLabel(card);
    m_minutesLabel->setObjectName(QStringLiteral("anesthesiaMinutesLabel"));
    m_minutesLabel->setProperty("role", QStringLiteral("metric"));
    m_unitsLabel = makeHint(QStringLiteral("anesthesiaUnitsLabel"), card);
    m_unitsLabel->setWordWrap(true);
    m_unitsLabel->setToolTip(tr("A preview only: the EHR computes the billed anesthesia units from its own "
                                "configuration."));
    m_periodRow = new QWidget(card);
    auto *periodLayout = new QGridLayout(m_periodRow);
    periodLayout->setContentsMargins(0, 0, 0, 0);
    periodLayout->setHorizontalSpacing(8);
    periodLayout->setVerticalSpacing(4);
    auto *startCaption = new QLabel(tr("&Start"), m_periodRow);
    startCaption->setBuddy(m_startEdit);
    auto *endCaption = new QLabel(tr("&End"), m_periodRow);
    endCaption->setBuddy(m_endEdit);
    periodLayout->addWidget(startCaption, 0, 0);
    periodLayout->addWidget(m_startEdit, 0, 1);
    periodLayout->addWidget(m_startOffsetLabel, 0, 2);
    periodLayout->addWidget(endCaption, 1, 0);
    periodLayout->addWidget(m_endEdit, 1, 1);
    periodLayout->addWidget(m_endOffsetLabel, 1, 2);
    auto *metrics = new QVBoxLayout;
    metrics->setSpacing(0);
    metrics->addWidget(m_minutesLabel);
    metrics->addWidget(m_unitsLabel);
    periodLayout->addLayout(metrics, 0, 3, 2, 1, Qt::AlignVCenter);
    periodLayout->setColumnMinimumWidth(2, 90);
    periodLayout->setColumnStretch(3, 1);
    m_periodCaption = addCaption(tr("Anesthesia"), m_startEdit);
    grid->addWidget(m_periodRow, row++, 1);
    addMessages({{FormField::PeriodStart, "anesthesiaStartMessageLabel"},
                 {FormField::PeriodEnd, "anesthesiaEndMessageLabel"}});
    m_fieldWidgets.insert(FormField::PeriodStart, m_startEdit);
    m_fieldWidgets.insert(FormField::PeriodEnd, m_endEdit);

    // Linked diagnoses, in order.
    m_diagnosisCombo = new QComboBox(card);
    m_diagnosisCombo->setObjectName(QStringLiteral("diagnosisCombo"));
    m_diagnosisCombo->setAccessibleName(tr("Diagnosis to link"));
    m_diagnosisCombo->setToolTip(tr("Enter links the diagnosis to the line"));
    m_diagnosisCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_diagnosisCombo->setMinimumContentsLength(20);
    m_addDiagnosisButton = new QToolButton(card);
    m_addDiagnosisButton->setObjectName(QStringLiteral("addDiagnosisButton"));
    m_addDiagnosisButton->setText(tr("Link"));
    m_addDiagnosisButton->setIcon(QIcon(QStringLiteral(":/icons/add.svg")));
    m_addDiagnosisButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_addDiagnosisButton->setAccessibleName(tr("Link diagnosis"));
    m_addDiagnosisButton->setToolTip(tr("Link the selected diagnosis (Enter)"));
    m_addDiagnosisButton->setFocusPolicy(Qt::NoFocus);
    auto *pickRow = new QHBoxLayout;
    pickRow->setSpacing(8);
    pickRow->addWidget(m_diagnosisCombo, 1);
    pickRow->addWidget(m_addDiagnosisButton);
    addCaption(tr("&Diagnoses"), m_diagnosisCombo);
    grid->addLayout(pickRow, row++, 1);

    m_diagnosisList = new QListWidget(card);
    m_diagnosisList->setObjectName(QStringLiteral("diagnosisList"));
    m_diagnosisList->setAccessibleName(tr("Linked diagnoses, in order"));
    m_diagnosisList->setToolTip(tr("Alt+Up / Alt+Down reorder, Delete unlinks"));
    m_diagnosisList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_diagnosisList->setFixedHeight(88);
    m_diagnosisList->setProperty("role", QStringLiteral("linked"));
    m_upButton = makeToolButton(QStringLiteral("moveDiagnosisUpButton"),
                                QStringLiteral(":/icons/arrow-up.svg"), tr("Move up (Alt+Up)"), card);
    m_downButton = makeToolButton(QStringLiteral("moveDiagnosisDownButton"),
                                  QStringLiteral(":/icons/arrow-down.svg"), tr("Move down (Alt+Down)"), card);
    m_removeButton = makeToolButton(QStringLiteral("removeDiagnosisButton"),
                                    QStringLiteral(":/icons/remove.svg"), tr("Unlink (Delete)"), card);
    auto *listButtons = new QVBoxLayout;
    listButtons->setSpacing(0);
    listButtons->addWidget(m_upButton);
    listButtons->addWidget(m_downButton);
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch(1);
    auto *listRow = new QHBoxLayout;
    listRow->setSpacing(4);
    listRow->addWidget(m_diagnosisList, 1);
    listRow->addLayout(listButtons);
    grid->addLayout(listRow, row++, 1);
    addMessages({{FormField::Diagnoses, "diagnosisMessageLabel"}});
    m_fieldWidgets.insert(FormField::Diagnoses, m_diagnosisList);

    // Status and recorded date: rarely changed, so after the diagnoses in the Tab order.
    m_statusCombo = new QComboBox(card);
    m_statusCombo->setObjectName(QStringLiteral("statusCombo"));
    m_statusCombo->setAccessibleName(tr("Status"));
    m_statusCombo->addItem(tr("Completed"), QLatin1String(Model::Status::Completed));
    m_statusCombo->addItem(tr("Entered in error"), QLatin1String(Model::Status::EnteredInError));
    m_statusCombo->setItemData(1, tr("Marks a line already sent as a mistake"), Qt::ToolTipRole);
    m_recordedEdit = new ZonedDateTimeEdit(card);
    m_recordedEdit->setObjectName(QStringLiteral("recordedAtEdit"));
    m_recordedEdit->setAccessibleName(tr("Recorded date and time"));
    m_recordedEdit->setToolTip(tr("Follows the current time until you change it"));
    m_recordedOffsetLabel = makeHint(QStringLiteral("recordedOffsetLabel"), card);
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
    addCaption(tr("S&tatus"), m_statusCombo);
    grid->addLayout(detailsRow, row++, 1);
    addMessages({{FormField::Status, "statusMessageLabel"}, {FormField::Recorded, "recordedAtMessageLabel"}});
    m_fieldWidgets.insert(FormField::Status, m_statusCombo);
    m_fieldWidgets.insert(FormField::Recorded, m_recordedEdit);

    auto *otherMessages = makeMessageLabel(QStringLiteral("lineMessageLabel"), card);
    m_messageLabels.insert(FormField::None, otherMessages);
    layout->addWidget(otherMessages);

    layout->addStretch(1);

    // Actions.
    auto *actions = new QHBoxLayout;
    actions->setSpacing(8);
    m_summaryLabel = new QLabel(card);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setProperty("role", QStringLiteral("summary"));
    m_newLineButton = new QPushButton(QIcon(QStringLiteral(":/icons/new-line.svg")), tr("New line"), card);
    m_newLineButton->setObjectName(QStringLiteral("newLineButton"));
    m_newLineButton->setAccessibleName(tr("New line"));
    m_newLineButton->setToolTip(tr("Clear the form for the next line (Ctrl+N)"));
    m_newLineButton->setFocusPolicy(Qt::NoFocus);
    m_submitButton = new QPushButton(QIcon(QStringLiteral(":/icons/submit.svg")), tr("Submit line"), card);
    m_submitButton->setObjectName(QStringLiteral("submitButton"));
    m_submitButton->setAccessibleName(tr("Submit line"));
    m_submitButton->setToolTip(tr("Queue the line for the EHR (Ctrl+Enter)"));
    m_submitButton->setProperty("role", QStringLiteral("primary"));
    m_submitButton->setAutoDefault(false);
    actions->addWidget(m_summaryLabel, 1);
    actions->addWidget(m_newLineButton);
    actions->addWidget(m_submitButton);
    layout->addLayout(actions);

    m_submitAction = new QAction(QIcon(QStringLiteral(":/icons/submit.svg")), tr("&Submit line"), this);
    m_submitAction->setObjectName(QStringLiteral("submitAction"));
    m_submitAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_submitAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_submitAction);
    m_newLineAction = new QAction(QIcon(QStringLiteral(":/icons/new-line.svg")), tr("&New line"), this);
    m_newLineAction->setObjectName(QStringLiteral("newLineAction"));
    m_newLineAction->setShortcut(QKeySequence::New);
    m_newLineAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_newLineAction);

    setTabOrder(m_codeEdit, m_descriptionEdit);
    setTabOrder(m_descriptionEdit, m_categoryCombo);
    setTabOrder(m_categoryCombo, m_performedEdit);
    setTabOrder(m_performedEdit, m_startEdit);
    setTabOrder(m_startEdit, m_endEdit);
    setTabOrder(m_endEdit, m_diagnosisCombo);
    setTabOrder(m_diagnosisCombo, m_diagnosisList);
    setTabOrder(m_diagnosisList, m_statusCombo);
    setTabOrder(m_statusCombo, m_recordedEdit);
    setTabOrder(m_recordedEdit, m_submitButton);

    for (QObject *watched : std::initializer_list<QObject *>{m_codeEdit, m_diagnosisCombo, m_diagnosisList,
                                                             m_completer->popup()})
        watched->installEventFilter(this);
}

void LineEditor::buildConnections()
{
    connect(m_codeEdit, &QLineEdit::textEdited, this, &LineEditor::onCodeEdited);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            &LineEditor::onCompletionActivated);
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
    connect(m_performedEdit, &QDateTimeEdit::dateTimeChanged, this, edited(FormField::Performed));
    connect(m_startEdit, &QDateTimeEdit::dateTimeChanged, this, edited(FormField::PeriodStart));
    connect(m_endEdit, &QDateTimeEdit::dateTimeChanged, this, edited(FormField::PeriodEnd));
    connect(m_recordedEdit, &QDateTimeEdit::dateTimeChanged, this, [this, edited] {
        if (!m_loading)
            m_recordedFollowsNow = false;
        edited(FormField::Recorded)();
    });
    connect(m_addDiagnosisButton, &QToolButton::clicked, this, &LineEditor::addSelectedDiagnosis);
    connect(m_upButton, &QToolButton::clicked, this, [this] { moveDiagnosis(-1); });
    connect(m_downButton, &QToolButton::clicked, this, [this] { moveDiagnosis(+1); });
    connect(m_removeButton, &QToolButton::clicked, this, &LineEditor::removeDiagnosis);
    connect(m_submitButton, &QPushButton::clicked, this, &LineEditor::submit);
    connect(m_newLineButton, &QPushButton::clicked, this, &LineEditor::newLine);
    connect(m_submitAction, &QAction::triggered, this, &LineEditor::submit);
    connect(m_newLineAction, &QAction::triggered, this, [this] {
        newLine();
        focusCode();
    });
}

void LineEditor::setCatalog(Catalog::CodeCatalog *catalog)
{
    m_catalog = catalog;
    m_codeFlags = catalog ? catalog->flagsLookup() : Rules::CodeFlagsLookup();
    m_completionModel->setCatalog(catalog);
    applyCode(m_codeEdit->text(), false);
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
    m_unitMinutes = minutes > 0 ? minutes : 15;
    updateTimeLabels();
}

QDateTime LineEditor::nowUtc() const
{
    return m_clock->nowUtc();
}

void LineEditor::setEncounter(const EncounterContext &encounter)
{
    m_encounter = encounter;
    const QTimeZone zone = encounter.timeZone.isValid() ? encounter.timeZone : QTimeZone::systemTimeZone();
    for (auto *edit : {m_performedEdit, m_startEdit, m_endEdit, m_recordedEdit})
        edit->setZone(zone);
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
    refreshDiagnosisList();
    revalidate();
}

void LineEditor::refreshEncounterHeader()
{
    if (!m_encounter.isValid()) {
        m_encounterLabel->setText(
            tr("No encounter selected: search for a patient and pick an open encounter."));
        m_encounterStateLabel->setVisible(false);
        return;
    }
    QStringList parts;
    if (!m_encounter.patientName.isEmpty())
        parts << m_encounter.patientName;
    parts << (m_encounter.title.isEmpty() ? m_encounter.encounterId : m_encounter.title);
    if (m_encounter.timeZone.isValid())
        parts << QString::fromUtf8(m_encounter.timeZone.id());
    m_encounterLabel->setText(parts.join(QStringLiteral("  ·  ")));
    m_encounterStateLabel->setText(m_encounter.stateText);
    m_encounterStateLabel->setVisible(!m_encounter.stateText.isEmpty());
    const bool closed = !m_encounter.facts.acceptsProcedures();
    setStyleProperty(m_encounterStateLabel, "state",
                     closed ? QStringLiteral("closed") : QStringLiteral("open"));
}

void LineEditor::refreshDiagnosisOptions()
{
    const QString current = m_diagnosisCombo->currentData(DiagnosisRole).toString();
    QSignalBlocker blocker(m_diagnosisCombo);
    m_diagnosisCombo->clear();
    for (const auto &option : m_encounter.diagnoses) {
        m_diagnosisCombo->addItem(option.label());
        m_diagnosisCombo->setItemData(m_diagnosisCombo->count() - 1, option.id, DiagnosisRole);
        m_diagnosisCombo->setItemData(m_diagnosisCombo->count() - 1, option.label(), Qt::ToolTipRole);
    }
    if (m_encounter.diagnoses.isEmpty())
        m_diagnosisCombo->setPlaceholderText(m_encounter.isValid() ? tr("The encounter has no diagnoses")
                                                                   : tr("Pick an encounter first"));
    const int index = m_diagnosisCombo->findData(current, DiagnosisRole);
    m_diagnosisCombo->setCurrentIndex(index >= 0 ? index : (m_diagnosisCombo->count() > 0 ? 0 : -1));
}

void LineEditor::refreshDiagnosisList()
{
    const int current = m_diagnosisList->currentRow();
    m_diagnosisList->clear();
    for (qsizetype i = 0; i < m_diagnosisIds.size(); ++i) {
        const QString &id = m_diagnosisIds.at(i);
        const auto *option = m_encounter.diagnosis(id);
        const QString label = option ? option->label() : id;
        auto *item = new QListWidgetItem(QStringLiteral("%1.  %2").arg(i + 1).arg(label), m_diagnosisList);
        item->setData(DiagnosisRole, id);
    }
    if (!m_diagnosisIds.isEmpty())
        m_diagnosisList->setCurrentRow(std::clamp(current, 0, int(m_diagnosisIds.size()) - 1));
}

void LineEditor::newLine()
{
    m_loading = true;
    m_lineId = -1;
    m_ehrFindings.clear();
    m_touched.clear();
    m_submitAttempted = false;
    m_identifiers.clear();
    m_ehrId.clear();
    m_codeVersion.clear();
    m_codeEdit->clear();
    m_descriptionEdit->clear();
    setDescriptionFromCatalog(false);
    m_categoryCombo->setCurrentIndex(0);
    m_statusCombo->setCurrentIndex(0);
    m_diagnosisIds.clear();
    refreshDiagnosisList();
    if (m_diagnosisCombo->count() > 0)
        m_diagnosisCombo->setCurrentIndex(0);
    // Letters typed into a combo add up for a moment (type-ahead); a new line starts afresh.
    for (QComboBox *combo : {m_categoryCombo, m_statusCombo, m_diagnosisCombo})
        combo->view()->keyboardSearch(QString());
    m_recordedFollowsNow = true;
    // The performed time stays: lines of one superbill usually share it.
    m_startEdit->setZonedValue(m_performedEdit->zonedValue());
    m_endEdit->setZonedValue(m_performedEdit->zonedValue());
    m_modeLabel->setText(tr("New line"));
    m_submitButton->setText(tr("Submit line"));
    m_loading = false;
    revalidate();
}

void LineEditor::resetTimes()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const QDateTime now = nowUtc();
    QDateTime performed = m_encounter.start.isValid() ? m_encounter.start : now;
    m_performedEdit->setZonedValue(performed);
    m_startEdit->setZonedValue(performed);
    m_endEdit->setZonedValue(performed);
    m_recordedEdit->setZonedValue(now);
    m_loading = wasLoading;
}

void LineEditor::loadLine(qint64 lineId, const Model::ProcedureEntry &entry,
                          const Model::Findings &ehrFindings)
{
    const QTimeZone zone = m_performedEdit->zone();
    const LineDraft draft = LineDraft::fromEntry(entry, zone);
    m_loading = true;
    m_lineId = lineId;
    m_ehrFindings = ehrFindings;
    m_identifiers = draft.identifiers;
    m_ehrId = draft.ehrId;
    m_codeVersion = draft.version;
    m_codeEdit->setText(draft.code);
    m_descriptionEdit->setText(draft.display);
    setDescriptionFromCatalog(false);
    m_categoryCombo->setCurrentIndex(std::max(0, m_categoryCombo->findData(draft.categoryCode)));
    m_statusCombo->setCurrentIndex(std::max(0, m_statusCombo->findData(draft.status)));
    if (draft.performed.isValid())
        m_performedEdit->setZonedValue(draft.performed);
    m_startEdit->setZonedValue(draft.periodStart.isValid() ? draft.periodStart : draft.performed);
    m_endEdit->setZonedValue(draft.periodEnd.isValid() ? draft.periodEnd : draft.performed);
    if (draft.recorded.isValid()) {
        m_recordedEdit->setZonedValue(draft.recorded);
        m_recordedFollowsNow = false;
    }
    m_diagnosisIds = draft.diagnosisIds;
    refreshDiagnosisList();
    m_modeLabel->setText(tr("Correcting line"));
    m_submitButton->setText(tr("Resend line"));
    m_touched.clear();
    m_submitAttempted = true;
    m_loading = false;
    revalidate();
}

LineDraft LineEditor::draft() const
{
    LineDraft draft;
    draft.code = m_codeEdit->text().trimmed();
    draft.display = m_descriptionEdit->text();
    draft.version = m_codeVersion;
    draft.categoryCode = m_categoryCombo->currentData().toString();
    draft.status = m_statusCombo->currentData().toString();
    draft.performed = m_performedEdit->zonedValue();
    draft.periodStart = m_startEdit->zonedValue();
    draft.periodEnd = m_endEdit->zonedValue();
    draft.recorded = m_recordedEdit->zonedValue();
    draft.diagnosisIds = m_diagnosisIds;
    draft.identifiers = m_identifiers;
    draft.ehrId = m_ehrId;
    return draft;
}

bool LineEditor::hasUnsavedInput() const
{
    return !m_codeEdit->text().trimmed().isEmpty() || !m_diagnosisIds.isEmpty() ||
           (m_lineId >= 0 && !m_touched.isEmpty());
}

Model::Findings LineEditor::allFindings() const
{
    return m_check.findings + m_ehrFindings;
}

void LineEditor::onCodeEdited(const QString &text)
{
    touch(FormField::Code);
    applyCode(text, true);
    revalidate();
}

void LineEditor::applyCode(const QString &text, bool fromUser)
{
    const QString code = text.trimmed();
    std::optional<Catalog::CodeEntry> known;
    if (m_catalog && !code.isEmpty())
        known = m_catalog->lookup(code);
    if (known) {
        if (m_descriptionEdit->text().isEmpty() || m_descriptionFromCatalog) {
            m_descriptionEdit->setText(known->display);
            m_codeVersion = known->version;
            setDescriptionFromCatalog(true);
        }
        if (code != known->code && fromUser) {
            // Typed in lower case: show the catalog's spelling.
            const int cursor = m_codeEdit->cursorPosition();
            m_codeEdit->setText(known->code);
            m_codeEdit->setCursorPosition(cursor);
        }
    } else if (m_descriptionFromCatalog) {
        m_descriptionEdit->clear();
        m_codeVersion.clear();
        setDescriptionFromCatalog(false);
    }

    const Rules::CodeKind kind = Rules::CodeClassifier::classify(code.toUpper());
    m_codeKindLabel->setText(
        code.isEmpty() || kind == Rules::CodeKind::Malformed
            ? tr("Type a code or words from its description; ↓ shows favourites and recent codes")
            : Rules::CodeClassifier::describe(kind));

    if (!fromUser || !m_catalog)
        return;
    if (known && known->code.compare(code, Qt::CaseInsensitive) == 0) {
        m_completer->popup()->hide();
        return;
    }
    const int found = m_completionModel->search(code, CompletionLimit);
    if (!m_completionModel->allWordsFound()) {
        m_codeKindLabel->setText(
            found > 0
                ? tr("No code matches “%1”; the list shows the closest suggestions").arg(code.simplified())
                : tr("No code matches “%1”").arg(code.simplified()));
    }
    if (found > 0 && m_codeEdit->hasFocus())
        showCompletions();
    else
        m_completer->popup()->hide();
}

void LineEditor::showCompletions()
{
    m_completer->complete();
    // The best match is highlighted, so Enter (or Tab) takes it: "arthro knee", Enter.
    m_completer->popup()->setCurrentIndex(m_completionModel->index(0, 0));
}

void LineEditor::onCompletionActivated(const QModelIndex &index)
{
    const QString code = index.data(CodeCompletionModel::CodeRole).toString();
    const QString display = index.data(CodeCompletionModel::DescriptionRole).toString();
    m_codeEdit->setText(code);
    m_descriptionEdit->setText(display);
    m_codeVersion = index.data(CodeCompletionModel::VersionRole).toString();
    setDescriptionFromCatalog(true);
    touch(FormField::Code);
    applyCode(code, false);
    revalidate();
}

void LineEditor::setDescriptionFromCatalog(bool fromCatalog)
{
    m_descriptionFromCatalog = fromCatalog;
    // A description the catalog filled is skipped by Tab (still editable with a click or Alt+C, Tab).
    m_descriptionEdit->setFocusPolicy(fromCatalog ? Qt::ClickFocus : Qt::StrongFocus);
    setStyleProperty(m_descriptionEdit, "filled", fromCatalog);
}

void LineEditor::addSelectedDiagnosis()
{
    const QString id = m_diagnosisCombo->currentData(DiagnosisRole).toString();
    if (id.isEmpty())
        return;
    // A second link to the same diagnosis is kept and reported by the Validator (500036),
    // so the clerk sees why it cannot go, instead of a silent refusal.
    m_diagnosisIds.append(id);
    refreshDiagnosisList();
    m_diagnosisList->setCurrentRow(int(m_diagnosisIds.size()) - 1);
    if (m_diagnosisCombo->currentIndex() + 1 < m_diagnosisCombo->count())
        m_diagnosisCombo->setCurrentIndex(m_diagnosisCombo->currentIndex() + 1);
    touch(FormField::Diagnoses);
    revalidate();
}

void LineEditor::moveDiagnosis(int delta)
{
    const int row = m_diagnosisList->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_diagnosisIds.size())
        return;
    m_diagnosisIds.move(row, target);
    refreshDiagnosisList();
    m_diagnosisList->setCurrentRow(target);
    touch(FormField::Diagnoses);
    revalidate();
}

void LineEditor::removeDiagnosis()
{
    const int row = m_diagnosisList->currentRow();
    if (row < 0 || row >= m_diagnosisIds.size())
        return;
    m_diagnosisIds.removeAt(row);
    refreshDiagnosisList();
    touch(FormField::Diagnoses);
    revalidate();
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
        m_loading = true;
        m_recordedEdit->setZonedValue(nowUtc());
        m_loading = false;
    }
    const bool hadPeriod = m_check.needsPeriod;
    m_check = checkLine(draft(), m_encounter, m_codeFlags, nowUtc());
    if (m_check.needsPeriod && !hadPeriod && !m_touched.contains(FormField::PeriodStart)) {
        // An anesthesia code starts from the time already given.
        m_loading = true;
        m_startEdit->setZonedValue(m_performedEdit->zonedValue());
        if (!m_touched.contains(FormField::PeriodEnd))
            m_endEdit->setZonedValue(m_performedEdit->zonedValue());
        m_loading = false;
        m_check = checkLine(draft(), m_encounter, m_codeFlags, nowUtc());
    }
    m_performedCaption->setVisible(!m_check.needsPeriod);
    m_performedRow->setVisible(!m_check.needsPeriod);
    m_periodCaption->setVisible(m_check.needsPeriod);
    m_periodRow->setVisible(m_check.needsPeriod);
    updateTimeLabels();
    showFindings();
}

void LineEditor::updateTimeLabels()
{
    m_performedOffsetLabel->setText(offsetText(m_performedEdit->zonedValue()));
    m_startOffsetLabel->setText(offsetText(m_startEdit->zonedValue()));
    m_endOffsetLabel->setText(offsetText(m_endEdit->zonedValue()));
    m_recordedOffsetLabel->setText(offsetText(m_recordedEdit->zonedValue()));
    const Model::Period period{m_startEdit->zonedValue(), m_endEdit->zonedValue()};
    const qint64 minutes = period.minutes().value_or(0);
    m_minutesLabel->setText(minutes < 0 ? tr("End before start") : tr("%1 min").arg(minutes));
    const qint64 units = estimatedTimeUnits(minutes, m_unitMinutes);
    m_unitsLabel->setText((units == 1 ? tr("≈ 1 time unit") : tr("≈ %n time units", nullptr, int(units))) +
                          tr(" — estimate, %1 min per unit").arg(m_unitMinutes));
}

FormField LineEditor::fieldOnForm(const QString &path, int *diagnosisIndex) const
{
    // The performed time and the anesthesia period take turns on the form, as the code asks.
    const FormField field = fieldForPath(path, diagnosisIndex);
    if (field == FormField::Performed && m_check.needsPeriod)
        return FormField::PeriodStart;
    if ((field == FormField::PeriodStart || field == FormField::PeriodEnd) && !m_check.needsPeriod)
        return FormField::Performed;
    return field;
}

void LineEditor::showFindings()
{
    QHash<FormField, Model::Findings> byField;
    QHash<int, Model::Findings> byDiagnosis;
    const auto collect = [&](const Model::Findings &findings, bool fromEhr) {
        for (Model::Finding finding : findings) {
            int diagnosisIndex = -1;
            const FormField field = fieldOnForm(finding.path, &diagnosisIndex);
            // Before any encounter is picked the header says so; "patient missing" would only shout.
            const bool encounterField = field == FormField::Encounter || field == FormField::Patient;
            const bool always = fromEhr || m_submitAttempted || field == FormField::None ||
                                (encounterField && m_encounter.isValid());
            if (!always && !m_touched.contains(field))
                continue;
            if (fromEhr)
                finding.message = tr("The EHR answered: %1").arg(finding.message);
            byField[field].append(finding);
            if (diagnosisIndex >= 0)
                byDiagnosis[diagnosisIndex].append(finding);
        }
    };
    collect(m_check.findings, false);
    collect(m_ehrFindings, true);
    Model::Findings visible;
    for (const auto &findings : std::as_const(byField))
        visible += findings;
    const bool changed = visible != m_visibleFindings;
    m_visibleFindings = visible;

    for (auto it = m_messageLabels.cbegin(); it != m_messageLabels.cend(); ++it) {
        if (it.key() == FormField::Patient)
            continue; // shares the encounter's label
        Model::Findings findings = byField.value(it.key());
        if (it.key() == FormField::Encounter)
            findings += byField.value(FormField::Patient);
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
        Model::Findings findings = byField.value(it.key());
        if (it.key() == FormField::Encounter || it.key() == FormField::Patient)
            findings = byField.value(FormField::Encounter) + byField.value(FormField::Patient);
        QStringList codes;
        for (const auto &finding : findings)
            codes << finding.code;
        QWidget *widget = it.value();
        widget->setProperty("findingCodes", codes);
        setStyleProperty(widget, "finding", severityName(findings));
        if (widget != m_encounterLabel)
            widget->setToolTip(tipText(findings));
    }

    for (int row = 0; row < m_diagnosisList->count(); ++row) {
        QListWidgetItem *item = m_diagnosisList->item(row);
        const Model::Findings findings = byDiagnosis.value(row);
        const QString severity = severityName(findings);
        // Every row gets an icon (a blank one when fine) so the texts stay aligned.
        static const QIcon blank = [] {
            QPixmap pixmap(16, 16);
            pixmap.fill(Qt::transparent);
            return QIcon(pixmap);
        }();
        item->setIcon(severity.isEmpty() ? blank
                                         : cachedIcon(QStringLiteral(":/icons/%1.svg").arg(severity)));
        item->setToolTip(tipText(findings));
    }

    int errors = 0;
    int warnings = 0;
    for (const auto &finding : m_check.findings) {
        if (finding.isError())
            ++errors;
        else if (finding.severity == Model::Severity::Warning)
            ++warnings;
    }
    QString summary;
    QString state;
    if (!m_encounter.isValid()) {
        summary = tr("Pick an encounter to enter lines");
        state = QStringLiteral("idle");
    } else if (errors > 0) {
        summary = errors == 1 ? tr("1 error to fix") : tr("%n errors to fix", nullptr, errors);
        if (warnings > 0)
            summary += warnings == 1 ? tr(", 1 warning") : tr(", %n warnings", nullptr, warnings);
        state = QStringLiteral("error");
    } else if (warnings > 0) {
        summary = warnings == 1 ? tr("Ready to submit — 1 warning")
                                : tr("Ready to submit — %n warnings", nullptr, warnings);
        state = QStringLiteral("warning");
    } else {
        summary = tr("Ready to submit");
        state = QStringLiteral("ok");
    }
    m_summaryLabel->setText(summary);
    setStyleProperty(m_summaryLabel, "state", state);
    if (changed)
        Q_EMIT findingsChanged(m_visibleFindings);
}

void LineEditor::focusField(FormField field, int diagnosisIndex)
{
    QWidget *widget = m_fieldWidgets.value(field);
    if (field == FormField::Encounter || field == FormField::Patient || !widget)
        return;
    if (field == FormField::Diagnoses && diagnosisIndex >= 0 && diagnosisIndex < m_diagnosisList->count())
        m_diagnosisList->setCurrentRow(diagnosisIndex);
    if (field == FormField::Diagnoses && m_diagnosisList->count() == 0)
        widget = m_diagnosisCombo;
    widget->setFocus(Qt::OtherFocusReason);
}

void LineEditor::focusCode()
{
    m_codeEdit->setFocus(Qt::ShortcutFocusReason);
    m_codeEdit->selectAll();
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
        showFindings();
        const auto isError = [](const Model::Finding &finding) { return finding.isError(); };
        const auto first = std::find_if(m_check.findings.cbegin(), m_check.findings.cend(), isError);
        int index = -1;
        const FormField field = fieldOnForm(first->path, &index);
        focusField(field, index);
        const int errors = int(std::count_if(m_check.findings.cbegin(), m_check.findings.cend(), isError));
        Q_EMIT message(errors == 1 ? tr("Not submitted: 1 error to fix first.")
                                   : tr("Not submitted: %n errors to fix first.", nullptr, errors));
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
    Q_EMIT submitted(lineId, entry);
    newLine();
    focusCode();
    return true;
}

bool LineEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const auto mods = key->modifiers() & ~Qt::KeypadModifier;
    if (watched == m_completer->popup() && key->key() == Qt::Key_Tab && mods == Qt::NoModifier) {
        // Tab takes the highlighted code, as Enter does, and goes on to the next field.
        const QModelIndex current = m_completer->popup()->currentIndex();
        m_completer->popup()->hide();
        if (current.isValid())
            onCompletionActivated(current);
        QKeyEvent tab(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier);
        QCoreApplication::sendEvent(m_codeEdit, &tab);
        return true;
    }
    if (watched == m_codeEdit && key->key() == Qt::Key_Down && mods == Qt::NoModifier &&
        m_codeEdit->text().isEmpty() && !m_completer->popup()->isVisible() && m_catalog) {
        if (m_completionModel->search(QString(), CompletionLimit) > 0)
            showCompletions();
        return true;
    }
    if (watched == m_diagnosisCombo && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
        mods == Qt::NoModifier) {
        addSelectedDiagnosis();
        return true;
    }
    if (watched == m_diagnosisList) {
        if (mods == Qt::AltModifier && key->key() == Qt::Key_Up) {
            moveDiagnosis(-1);
            return true;
        }
        if (mods == Qt::AltModifier && key->key() == Qt::Key_Down) {
            moveDiagnosis(+1);
            return true;
        }
        if (mods == Qt::NoModifier && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)) {
            removeDiagnosis();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Ui
