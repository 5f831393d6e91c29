#include <memory>

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextLayout>

#include "catalog/codecatalog.h"
#include "codecompletiondelegate.h"
#include "codecompletionmodel.h"
#include "common/clock.h"
#include "fhir/datetime.h"
#include "lineeditor.h"
#include "sampleencounter.h"

namespace {

const QDateTime Now(QDate(2026, 3, 14), QTime(18, 0), Qt::UTC);

QStringList findingCodes(QWidget *widget)
{
    return widget->property("findingCodes").toStringList();
}

} // namespace

class TestLineEditor : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    T *field(const char *name)
    {
        auto *widget = m_editor->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }

    /// Sends one key to whatever has focus and counts it.
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *target = QApplication::focusWidget();
        QVERIFY(target);
        QTest::keyClick(target, key, modifiers);
        ++m_keystrokes;
    }

    void type(const QString &text)
    {
        QWidget *target = QApplication::focusWidget();
        QVERIFY(target);
        QTest::keyClicks(target, text);
        m_keystrokes += int(text.size());
    }

    std::unique_ptr<Common::ManualClock> m_clock;
    std::unique_ptr<Catalog::CodeCatalog> m_catalog;
    std::unique_ptr<Ui::LineEditor> m_editor;
    int m_keystrokes = 0;

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<Common::ManualClock>(Now);
        m_editor = std::make_unique<Ui::LineEditor>();
        m_editor->setClock(m_clock.get());
        m_catalog = std::make_unique<Catalog::CodeCatalog>();
        QVERIFY2(m_catalog->loadTrainingCatalog(), qPrintable(m_catalog->errorString()));
        m_editor->setCatalog(m_catalog.get());
        m_editor->setEncounter(sampleEncounter());
        m_editor->resize(760, 640);
        m_editor->show();
        QApplication::setActiveWindow(m_editor.get());
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
        m_editor->focusCode();
        m_keystrokes = 0;
    }

    void cleanup()
    {
        m_editor.reset();
        m_catalog.reset();
        m_clock.reset();
    }

    void typingAFullCodeFillsTheDescription()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("99213"));
        QCOMPARE(field<QLineEdit>("cptDescriptionEdit")->text(),
                 m_catalog->lookup(QStringLiteral("99213"))->display);
        // Filled from the catalog: Tab skips it.
        QCOMPARE(field<QLineEdit>("cptDescriptionEdit")->focusPolicy(), Qt::ClickFocus);
        QTest::keyClick(field<QLineEdit>("cptCodeEdit"), Qt::Key_Backspace);
        QVERIFY(field<QLineEdit>("cptDescriptionEdit")->text().isEmpty());
        QCOMPARE(field<QLineEdit>("cptDescriptionEdit")->focusPolicy(), Qt::StrongFocus);
    }

    void aDescriptionEditedByHandIsNoLongerTheCatalogs()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("99213"));
        auto *description = field<QLineEdit>("cptDescriptionEdit");
        QVERIFY(description->property("filled").toBool());
        description->setFocus(Qt::MouseFocusReason);
        // The start of it shows; End goes to where the person adds to it.
        QCOMPARE(description->cursorPosition(), 0);
        QTest::keyClick(description, Qt::Key_End);
        QTest::keyClicks(description, QStringLiteral(" left"));
        // Shown, and reached with Tab, as the person's own text.
        QVERIFY(!description->property("filled").toBool());
        QCOMPARE(description->focusPolicy(), Qt::StrongFocus);
        // Another known code keeps it.
        field<QLineEdit>("cptCodeEdit")->clear();
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("20610"));
        QVERIFY(description->text().endsWith(QStringLiteral(" left")));
    }

    void findingsChangedOnlyWhenTheyChange()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("99213"));
        QSignalSpy changed(m_editor.get(), &Ui::LineEditor::findingsChanged);
        auto *description = field<QLineEdit>("cptDescriptionEdit");
        QTest::keyClicks(description, QStringLiteral(" left"));
        QCOMPARE(changed.count(), 0);
        description->selectAll();
        QTest::keyClick(description, Qt::Key_Delete);
        QCOMPARE(changed.count(), 1);
        const auto findings = changed.takeFirst().at(0).value<Model::Findings>();
        QVERIFY(std::any_of(findings.cbegin(), findings.cend(),
                            [](const Model::Finding &f) { return f.code == QStringLiteral("500030"); }));
    }

    void completerOffersCatalogCodes()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("arthrocentesis major"));
        auto *completer = m_editor->findChild<QCompleter *>(QStringLiteral("cptCompleter"));
        QVERIFY(completer);
        QAbstractItemView *popup = completer->popup();
        QTRY_VERIFY(popup->isVisible());
        QVERIFY(popup->model()->rowCount() >= 1);
        QVERIFY(popup->model()->index(0, 0).data().toString().startsWith(QStringLiteral("20610")));
        // The best match is highlighted: Enter takes it and its description.
        QCOMPARE(popup->currentIndex().row(), 0);
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(field<QLineEdit>("cptCodeEdit")->text(), QStringLiteral("20610"));
        QCOMPARE(field<QLineEdit>("cptDescriptionEdit")->text(),
                 m_catalog->lookup(QStringLiteral("20610"))->display);
    }

    void anAddOnIsOfferedAsUsualOnceItsPrimaryIsOnTheSuperbill()
    {
        auto *code = field<QLineEdit>("cptCodeEdit");
        QAbstractItemView *popup = m_editor->findChild<QCompleter *>(QStringLiteral("cptCompleter"))->popup();
        const auto first = [popup] { return popup->model()->index(0, 0); };
        // 90472 (each further vaccine) is an add-on: alone on the superbill it is labelled and comes last.
        QTest::keyClicks(code, QStringLiteral("further vaccine injection"));
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(first().data(Ui::CodeCompletionModel::CodeRole).toString(), QStringLiteral("90472"));
        QVERIFY(first().data(Ui::CodeCompletionModel::DemotedRole).toBool());

        Model::ProcedureEntry firstVaccine;
        firstVaccine.code.code = QStringLiteral("90471");
        m_editor->setEncounterLines({firstVaccine});
        code->clear();
        QTest::keyClicks(code, QStringLiteral("further vaccine injection"));
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(first().data(Ui::CodeCompletionModel::CodeRole).toString(), QStringLiteral("90472"));
        QVERIFY(!first().data(Ui::CodeCompletionModel::DemotedRole).toBool());

        // Another add-on is no primary.
        Model::ProcedureEntry furtherVaccine;
        furtherVaccine.code.code = QStringLiteral("90472");
        m_editor->setEncounterLines({furtherVaccine});
        code->clear();
        QTest::keyClicks(code, QStringLiteral("further vaccine injection"));
        QTRY_VERIFY(popup->isVisible());
        QVERIFY(first().data(Ui::CodeCompletionModel::DemotedRole).toBool());
    }

    void codeListShowsTheSynonymInGrey()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("knee injection"));
        QAbstractItemView *popup = m_editor->findChild<QCompleter *>(QStringLiteral("cptCompleter"))->popup();
        QTRY_VERIFY(popup->isVisible());
        // The everyday 20610 first, though its description says "major joint", not "knee".
        const QModelIndex first = popup->model()->index(0, 0);
        QCOMPARE(first.data(Ui::CodeCompletionModel::CodeRole).toString(), QStringLiteral("20610"));
        QCOMPARE(first.data(Ui::CodeCompletionModel::NoteRole).toString(),
                 QStringLiteral("knee: major joint"));
        QCOMPARE(popup->model()->index(1, 0).data(Ui::CodeCompletionModel::CodeRole).toString(),
                 QStringLiteral("20611"));
        // The row as painted: the note in the grey of secondary text, the description in the text colour.
        auto *delegate = qobject_cast<Ui::CodeCompletionDelegate *>(popup->itemDelegate());
        QVERIFY(delegate);
        QStyleOptionViewItem option;
        option.initFrom(popup->viewport());
        option.rect = QRect(0, 0, 900, 28);
        option.state &= ~QStyle::State_Selected;
        QImage row(option.rect.size(), QImage::Format_ARGB32);
        row.fill(option.palette.color(QPalette::Base));
        {
            QPainter painter(&row);
            delegate->paint(&painter, option, first);
        }
        // Per column, the darkest pixel: the description is drawn in the text colour, the note after it
        // in a lighter grey (text is antialiased, so compare the darkest, not exact colours).
        QList<int> darkest;
        for (int x = 0; x < row.width(); ++x) {
            int value = 255;
            for (int y = 0; y < row.height(); ++y)
                value = std::min(value, qGray(row.pixel(x, y)));
            if (value < 230)
                darkest.append(value);
        }
        QVERIFY2(darkest.size() > 80, "the row is painted");
        const int description = *std::min_element(darkest.cbegin(), darkest.cbegin() + 30);
        const int note = *std::min_element(darkest.cend() - 30, darkest.cend());
        const int grey = qGray(Ui::CodeCompletionDelegate::noteColor(option.palette).rgb());
        QVERIFY2(description < 60, qPrintable(QString::number(description)));
        QVERIFY2(note > description + 40 && std::abs(note - grey) < 40,
                 qPrintable(QStringLiteral("note %1, grey %2").arg(note).arg(grey)));
        // In a row this wide the description is whole, not elided to make room for the note: its last
        // column in the text colour is about its whole width from its first.
        int firstDark = -1;
        int lastDark = -1;
        for (int x = 0; x < row.width(); ++x) {
            for (int y = 0; y < row.height(); ++y) {
                if (qGray(row.pixel(x, y)) < 60) {
                    firstDark = firstDark < 0 ? x : firstDark;
                    lastDark = x;
                    break;
                }
            }
        }
        const int whole = QFontMetrics(option.font).horizontalAdvance(first.data(Qt::DisplayRole).toString());
        QVERIFY2(lastDark - firstDark > whole * 9 / 10,
                 qPrintable(QStringLiteral("%1 of %2 px").arg(lastDark - firstDark).arg(whole)));
    }

    void noCodeMatchesSaysSoWithTheClosestSuggestions()
    {
        auto *code = field<QLineEdit>("cptCodeEdit");
        auto *hint = field<QLabel>("codeKindLabel");
        QAbstractItemView *popup = m_editor->findChild<QCompleter *>(QStringLiteral("cptCompleter"))->popup();
        QTest::keyClicks(code, QStringLiteral("knee qqqqq"));
        QTRY_VERIFY(popup->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("No code matches “knee qqqqq”")),
                 qPrintable(hint->text()));
        QVERIFY(hint->text().contains(QStringLiteral("closest suggestions")));
        QVERIFY(popup->model()->index(0, 0).data().toString().contains(QStringLiteral("Knee")));

        code->clear();
        QTest::keyClicks(code, QStringLiteral("qqqqq"));
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(hint->text(), QStringLiteral("No code matches “qqqqq”"));

        // A typo of five letters or more still finds the code.
        code->clear();
        QTest::keyClicks(code, QStringLiteral("colonscopy"));
        QTRY_VERIFY(popup->isVisible());
        QVERIFY(!hint->text().contains(QStringLiteral("No code matches")));
        QVERIFY(popup->model()->index(0, 0).data().toString().contains(QStringLiteral("Colonoscopy")));
        QCOMPARE(popup->model()->index(0, 0).data(Ui::CodeCompletionModel::NoteRole).toString(),
                 QStringLiteral("colonscopy: colonoscopy"));
    }

    void dentalXrayComesLastLabelled()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("x-ray"));
        QAbstractItemView *popup = m_editor->findChild<QCompleter *>(QStringLiteral("cptCompleter"))->popup();
        QTRY_VERIFY(popup->isVisible());
        const QAbstractItemModel *model = popup->model();
        QVERIFY(!model->index(0, 0).data(Ui::CodeCompletionModel::DemotedRole).toBool());
        int dental = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(Ui::CodeCompletionModel::CodeRole).toString() == u"70300")
                dental = row;
        }
        QVERIFY(dental > 0);
        QVERIFY(model->index(dental, 0)
                    .data(Ui::CodeCompletionModel::NoteRole)
                    .toString()
                    .contains(QStringLiteral("500034")));
        for (int row = dental; row < model->rowCount(); ++row)
            QVERIFY(model->index(row, 0).data(Ui::CodeCompletionModel::DemotedRole).toBool());
    }

    void tabInTheCodeListTakesTheHighlightedCodeAndMovesOn()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("knee x-ray"));
        QAbstractItemView *popup = m_editor->findChild<QCompleter *>(QStringLiteral("cptCompleter"))->popup();
        QTRY_VERIFY(popup->isVisible());
        const QString best = popup->currentIndex().data(Qt::EditRole).toString();
        QVERIFY(!best.isEmpty());
        QTest::keyClick(popup, Qt::Key_Tab);
        QCOMPARE(field<QLineEdit>("cptCodeEdit")->text(), best);
        QVERIFY(!field<QLineEdit>("cptDescriptionEdit")->text().isEmpty());
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("categoryCombo"));
    }

    void emptyCodeOffersFavouritesThenRecent()
    {
        QVERIFY(m_catalog->setFavourite(QStringLiteral("99214"), true));
        QVERIFY(m_catalog->noteUsed(QStringLiteral("36415")));
        QTest::keyClick(field<QLineEdit>("cptCodeEdit"), Qt::Key_Down);
        QAbstractItemView *popup = m_editor->findChild<QCompleter *>(QStringLiteral("cptCompleter"))->popup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->model()->rowCount(), 2);
        QVERIFY(popup->model()->index(0, 0).data().toString().contains(QStringLiteral("99214")));
        QVERIFY(popup->model()->index(1, 0).data().toString().contains(QStringLiteral("36415")));
    }

    void dentalCodeIsStoppedBesideTheCode()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("D0120"));
        QVERIFY(findingCodes(field<QLineEdit>("cptCodeEdit")).contains(QStringLiteral("500034")));
        auto *message = field<QLabel>("cptCodeMessageLabel");
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(QStringLiteral("500034")));
        QCOMPARE(field<QLineEdit>("cptCodeEdit")->property("finding").toString(), QStringLiteral("error"));
        QSignalSpy submitted(m_editor.get(), &Ui::LineEditor::submitted);
        QVERIFY(!m_editor->submit());
        QCOMPARE(submitted.count(), 0);
    }

    void signedOffEncounterIsStopped()
    {
        m_editor->setEncounter(sampleEncounter(true));
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("99213"));
        auto *message = field<QLabel>("encounterMessageLabel");
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(QStringLiteral("500009")));
        QVERIFY(findingCodes(field<QLabel>("encounterLabel")).contains(QStringLiteral("500009")));
        QVERIFY(!m_editor->submit());
    }

    void duplicateDiagnosisIsStopped()
    {
        auto *combo = field<QComboBox>("diagnosisCombo");
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Return);
        QTest::keyClick(combo, Qt::Key_Up);
        QTest::keyClick(combo, Qt::Key_Return);
        auto *list = field<QListWidget>("diagnosisList");
        QCOMPARE(list->count(), 2);
        QVERIFY(findingCodes(list).contains(QStringLiteral("500036")));
        QVERIFY(field<QLabel>("diagnosisMessageLabel")->text().contains(QStringLiteral("500036")));
        // The second link is the one marked.
        QVERIFY(!list->item(1)->toolTip().isEmpty());
        QVERIFY(list->item(0)->toolTip().isEmpty());
        QVERIFY(!m_editor->submit());
        // Delete unlinks it; the finding goes.
        list->setFocus();
        list->setCurrentRow(1);
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(list->count(), 1);
        QVERIFY(!findingCodes(list).contains(QStringLiteral("500036")));
    }

    void diagnosesReorderWithAltArrows()
    {
        auto *combo = field<QComboBox>("diagnosisCombo");
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Return);
        QTest::keyClick(combo, Qt::Key_Return);
        auto *list = field<QListWidget>("diagnosisList");
        list->setFocus();
        list->setCurrentRow(1);
        QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(m_editor->draft().diagnosisIds,
                 QStringList({QStringLiteral("Condition-2"), QStringLiteral("Condition-Problem-I-1332")}));
        QCOMPARE(list->currentRow(), 0);
        QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(m_editor->draft().diagnosisIds.first(), QStringLiteral("Condition-Problem-I-1332"));
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("1.")));
    }

    void anesthesiaShowsStartEndMinutesAndUnits()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("00400"));
        auto *start = field<QDateTimeEdit>("anesthesiaStartEdit");
        auto *end = field<QDateTimeEdit>("anesthesiaEndEdit");
        QVERIFY(start->isVisible());
        QVERIFY(end->isVisible());
        QVERIFY(!field<QDateTimeEdit>("performedAtEdit")->isVisible());
        // Type the end time into the hour section, as Tab leaves it.
        end->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(end, QStringLiteral("1020"));
        QCOMPARE(end->time(), QTime(10, 20));
        QCOMPARE(field<QLabel>("anesthesiaMinutesLabel")->text(), QStringLiteral("80 min"));
        QVERIFY2(field<QLabel>("anesthesiaUnitsLabel")->text().contains(QStringLiteral("6 time units")),
                 qPrintable(field<QLabel>("anesthesiaUnitsLabel")->text()));
        QVERIFY(field<QLabel>("anesthesiaUnitsLabel")->text().contains(QStringLiteral("estimate")));
        m_editor->setUnitMinutes(10);
        QVERIFY(field<QLabel>("anesthesiaUnitsLabel")->text().contains(QStringLiteral("8 time units")));
        QVERIFY(field<QLabel>("anesthesiaStartOffsetLabel")->text().contains(QStringLiteral("05:00")));

        const auto &check = m_editor->currentCheck();
        QVERIFY(check.needsPeriod);
        QCOMPARE(Fhir::formatDateTime(check.entry.performedPeriod.start),
                 QStringLiteral("2026-03-14T09:00:00-05:00"));
        QCOMPARE(Fhir::formatDateTime(check.entry.performedPeriod.end),
                 QStringLiteral("2026-03-14T10:20:00-05:00"));
    }

    void endBeforeStartIsMarkedOnTheEnd()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("00400"));
        auto *end = field<QDateTimeEdit>("anesthesiaEndEdit");
        end->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(end, QStringLiteral("0830"));
        QVERIFY(findingCodes(end).contains(QStringLiteral("500029")));
        QVERIFY(field<QLabel>("anesthesiaEndMessageLabel")->text().contains(QStringLiteral("500029")));
    }

    void performedShowsTheClinicOffset()
    {
        QCOMPARE(field<QLabel>("performedOffsetLabel")->text(), QStringLiteral("\u221205:00 CDT"));
        m_editor->setEncounter([] {
            auto context = sampleEncounter();
            context.start = QDateTime(QDate(2026, 1, 14), QTime(9, 0), context.timeZone);
            return context;
        }());
        QCOMPARE(field<QLabel>("performedOffsetLabel")->text(), QStringLiteral("\u221206:00 CST"));
    }

    void theHeaderWrapsBetweenItsPartsOnly()
    {
        auto *header = field<QLabel>("encounterLabel");
        const QString text = header->text();
        const QString separator = QStringLiteral("  ·  ");
        QVERIFY2(text.contains(QStringLiteral("America/")), qPrintable(text));
        // Wrapped as the label wraps, at the width of its widest part: a narrow window.
        int widest = 0;
        for (const QString &part : text.split(separator))
            widest = std::max(widest, header->fontMetrics().horizontalAdvance(part));
        QTextLayout layout(text, header->font());
        QTextOption option;
        option.setWrapMode(QTextOption::WordWrap);
        layout.setTextOption(option);
        layout.beginLayout();
        QList<int> breaks;
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(widest + 1);
            breaks << line.textStart() + line.textLength();
        }
        layout.endLayout();
        QVERIFY2(breaks.size() > 2, qPrintable(text));
        breaks.removeLast();
        for (const int at : std::as_const(breaks)) {
            const qsizetype before = text.lastIndexOf(separator, at);
            QVERIFY2(before >= 0 && at <= before + separator.size(),
                     qPrintable(QStringLiteral("breaks inside \"%1|%2\"").arg(text.left(at), text.mid(at))));
        }
    }

    void tabOrderFollowsTheForm()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("20610"));
        const QStringList expected{QStringLiteral("categoryCombo"),  QStringLiteral("performedAtEdit"),
                                   QStringLiteral("diagnosisCombo"), QStringLiteral("diagnosisList"),
                                   QStringLiteral("statusCombo"),    QStringLiteral("recordedAtEdit"),
                                   QStringLiteral("submitButton")};
        for (const QString &name : expected) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->objectName(), name);
        }
    }

    void tabReachesTheDescriptionForAnUnknownCode()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("12345"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("cptDescriptionEdit"));
    }

    void everyInputHasAnAccessibleName()
    {
        const QList<QWidget *> inputs = m_editor->findChildren<QWidget *>();
        int checked = 0;
        for (QWidget *widget : inputs) {
            if (!widget->inherits("QLineEdit") && !widget->inherits("QComboBox") &&
                !widget->inherits("QAbstractSpinBox") && !widget->inherits("QListWidget") &&
                !widget->inherits("QAbstractButton"))
                continue;
            if (widget->objectName().startsWith(QLatin1String("qt_")) ||
                widget->parent()->inherits("QComboBox") || widget->parent()->inherits("QAbstractSpinBox") ||
                widget->parent()->inherits("QLineEdit"))
                continue;
            ++checked;
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
            QVERIFY2(widget->objectName().endsWith(QLatin1String("Edit")) ||
                         widget->objectName().endsWith(QLatin1String("Combo")) ||
                         widget->objectName().endsWith(QLatin1String("List")) ||
                         widget->objectName().endsWith(QLatin1String("Button")),
                     qPrintable(widget->objectName()));
        }
        QVERIFY(checked >= 12);
    }

    void categoryLettersPickFromTheCurrentCategoryOn()
    {
        type(QStringLiteral("20610"));
        press(Qt::Key_Tab);
        auto *category = field<QComboBox>("categoryCombo");
        QCOMPARE(QApplication::focusWidget(), category);
        QCOMPARE(category->currentText(), QStringLiteral("Surgical procedure")); // suggested
        // A clerk's pace: longer than the type-ahead interval since the last key anywhere.
        QTest::qWait(QApplication::keyboardInputInterval() + 100);
        press(Qt::Key_S); // the suggested category already starts with it: it stays
        QCOMPARE(category->currentText(), QStringLiteral("Surgical procedure"));
        press(Qt::Key_S); // the same letter again: the next one
        QCOMPARE(category->currentText(), QStringLiteral("Social service procedure"));
        QTest::qWait(QApplication::keyboardInputInterval() + 100);
        type(QStringLiteral("ch")); // letters typed together are one search
        QCOMPARE(category->currentText(), QStringLiteral("Chiropractic manipulation"));
        QTest::qWait(QApplication::keyboardInputInterval() + 100);
        type(QStringLiteral("co"));
        QCOMPARE(category->currentText(), QStringLiteral("Counseling"));
        type(QStringLiteral("x")); // nothing starts with "cox": it stays
        QCOMPARE(category->currentText(), QStringLiteral("Counseling"));
        // Searching made no popup list: it is made when the list is first opened.
        QVERIFY(!category->findChild<QAbstractItemView *>());
        press(Qt::Key_Space);
        QTRY_VERIFY(category->view()->isVisible());
        press(Qt::Key_Escape);
    }

    void aCompleteLineByKeyboardAlone()
    {
        QSignalSpy submitted(m_editor.get(), &Ui::LineEditor::submitted);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("cptCodeEdit"));
        type(QStringLiteral("20610"));
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("categoryCombo"));
        // Suggested from the code (a surgical one); Tab takes it.
        QCOMPARE(field<QComboBox>("categoryCombo")->currentData().toString(), QStringLiteral("387713003"));
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("performedAtEdit"));
        type(QStringLiteral("1030"));
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("diagnosisCombo"));
        press(Qt::Key_Return);
        press(Qt::Key_Return);
        press(Qt::Key_Return, Qt::ControlModifier);

        QCOMPARE(submitted.count(), 1);
        const auto entry = submitted.first().at(1).value<Model::ProcedureEntry>();
        QCOMPARE(entry.code.code, QStringLiteral("20610"));
        QCOMPARE(entry.code.display,
                 QStringLiteral("Arthrocentesis, aspiration and/or injection, major joint or bursa"));
        QCOMPARE(entry.code.version, QStringLiteral("2026"));
        // The code is now a recent one, offered first next time.
        QCOMPARE(m_catalog->recent().value(0).code, QStringLiteral("20610"));
        QCOMPARE(entry.category->code, QStringLiteral("387713003"));
        QCOMPARE(Fhir::formatDateTime(entry.performedDateTime), QStringLiteral("2026-03-14T10:30:00-05:00"));
        QCOMPARE(entry.reasonReferences.size(), 2);
        QCOMPARE(entry.reasonReferences.at(0).reference,
                 QStringLiteral("Condition/Condition-Problem-I-1332"));
        QCOMPARE(entry.reasonReferences.at(1).reference, QStringLiteral("Condition/Condition-2"));
        QCOMPARE(entry.status, QStringLiteral("completed"));
        QCOMPARE(Fhir::formatDateTime(entry.recordedDate), QStringLiteral("2026-03-14T13:00:00-05:00"));
        QVERIFY(entry.clientIdentifier().has_value());

        // Ready for the next line: code cleared, focus back on it, the time kept.
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("cptCodeEdit"));
        QVERIFY(field<QLineEdit>("cptCodeEdit")->text().isEmpty());
        QCOMPARE(field<QDateTimeEdit>("performedAtEdit")->time(), QTime(10, 30));
        qInfo("keystrokes: first line: %d", m_keystrokes);
        QVERIFY(m_keystrokes <= 16);
        QCOMPARE(m_keystrokes, 15);
    }

    void warningsDoNotBlockTheSubmit()
    {
        m_clock->set(QDateTime(QDate(2026, 3, 14), QTime(12, 0), Qt::UTC)); // 07:00 in Chicago
        m_editor->newLine();
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("99213"));
        auto *performed = field<QDateTimeEdit>("performedAtEdit");
        performed->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(performed, QStringLiteral("2300")); // later today: in the future
        QVERIFY(findingCodes(performed).contains(QStringLiteral("SBD001")));
        QCOMPARE(performed->property("finding").toString(), QStringLiteral("warning"));
        QSignalSpy submitted(m_editor.get(), &Ui::LineEditor::submitted);
        // Asked once, naming the warning; Enter submits.
        QVERIFY(!m_editor->submit());
        QCOMPARE(submitted.count(), 0);
        QVERIFY(field<QWidget>("confirmWarningsBar")->isVisible());
        QVERIFY(field<QLabel>("confirmWarningsLabel")->text().contains(QStringLiteral("SBD001")));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("confirmSubmitButton"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(submitted.count(), 1);
        QVERIFY(!field<QWidget>("confirmWarningsBar")->isVisible());
    }

    void escapeFromAWarningGoesBackToItsField()
    {
        m_clock->set(QDateTime(QDate(2026, 3, 14), QTime(12, 0), Qt::UTC)); // 07:00 in Chicago
        m_editor->newLine();
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("99213"));
        auto *performed = field<QDateTimeEdit>("performedAtEdit");
        performed->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(performed, QStringLiteral("2300"));
        QSignalSpy submitted(m_editor.get(), &Ui::LineEditor::submitted);
        QTest::keyClick(performed, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("confirmSubmitButton"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(QApplication::focusWidget(), performed);
        QVERIFY(!field<QWidget>("confirmWarningsBar")->isVisible());
        QCOMPARE(submitted.count(), 0);
        // Back on the hour: typing fixes it, and nothing is left to ask.
        QTest::keyClicks(performed, QStringLiteral("0600"));
        QVERIFY(m_editor->submit());
        QCOMPARE(submitted.count(), 1);
    }

    void refusedSubmitFocusesTheFirstError()
    {
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("12345"));
        field<QComboBox>("categoryCombo")->setFocus();
        QSignalSpy messages(m_editor.get(), &Ui::LineEditor::message);
        QVERIFY(!m_editor->submit());
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("cptDescriptionEdit"));
        QVERIFY(field<QLabel>("cptDescriptionMessageLabel")->text().contains(QStringLiteral("500030")));
        QCOMPARE(messages.count(), 1);
    }

    void noEncounterYetSaysSoInsteadOfListingMissingFields()
    {
        m_editor->setEncounter(Ui::EncounterContext{});
        QVERIFY(m_editor->visibleFindings().isEmpty());
        QVERIFY(field<QLabel>("encounterLabel")->text().contains(QStringLiteral("Ctrl+F")));
        QSignalSpy messages(m_editor.get(), &Ui::LineEditor::message);
        QVERIFY(!m_editor->submit());
        QCOMPARE(messages.count(), 1);
        QVERIFY(messages.first().first().toString().contains(QStringLiteral("pick an open encounter")));
        QVERIFY(m_editor->visibleFindings().isEmpty());
    }

    void submitHandlerErrorKeepsTheLine()
    {
        m_editor->setSubmitHandler(
            [](qint64, const Model::ProcedureEntry &) { return QStringLiteral("disk full"); });
        QTest::keyClicks(field<QLineEdit>("cptCodeEdit"), QStringLiteral("99213"));
        QSignalSpy messages(m_editor.get(), &Ui::LineEditor::message);
        QVERIFY(!m_editor->submit());
        QCOMPARE(field<QLineEdit>("cptCodeEdit")->text(), QStringLiteral("99213"));
        QVERIFY(messages.first().first().toString().contains(QStringLiteral("disk full")));
    }

    void correctingALineShowsTheEhrFindings()
    {
        Ui::LineDraft draft;
        draft.code = QStringLiteral("20610");
        draft.display = QStringLiteral("Drain or inject a major joint");
        draft.performed = QDateTime(QDate(2026, 3, 14), QTime(10, 0), QTimeZone("America/Chicago"));
        auto entry = draft.toEntry(sampleEncounter(), false);
        const Model::Findings ehr{{QStringLiteral("500002"), Model::Severity::Error,
                                   QStringLiteral("Procedure.code.coding[0].code"),
                                   QStringLiteral("Duplicate \x1b[31mrecord")}};
        m_editor->loadLine(7, entry, ehr);
        QCOMPARE(m_editor->lineId(), 7);
        QCOMPARE(field<QPushButton>("submitButton")->text(), QStringLiteral("Resend line"));
        const QString shown = field<QLabel>("cptCodeMessageLabel")->text();
        QVERIFY(shown.contains(QStringLiteral("500002")));
        // The EHR's text is shown with its control characters escaped.
        QVERIFY2(shown.contains(QStringLiteral("Duplicate \\x1b[31mrecord")), qPrintable(shown));
        QSignalSpy submitted(m_editor.get(), &Ui::LineEditor::submitted);
        QVERIFY(m_editor->submit());
        QCOMPARE(submitted.first().at(0).toLongLong(), 7);
        // Same identifier: the EHR records the corrected line once.
        QCOMPARE(submitted.first().at(1).value<Model::ProcedureEntry>().clientIdentifier(),
                 entry.clientIdentifier());
        QCOMPARE(m_editor->lineId(), -1);
    }
};

QTEST_MAIN(TestLineEditor)
#include "tst_lineeditor.moc"
