#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>

#include "superbill/superbilltemplate.h"
#include "superbillformview.h"
#include "windowharness.h"

namespace {

const auto Oa = QStringLiteral("Condition-Problem-I-1332");
const auto KneePain = QStringLiteral("Condition-Problem-I-1333");

QStringList reasonIds(const QJsonObject &procedure)
{
    QStringList ids;
    for (const auto &reason : procedure.value(QStringLiteral("reasonReference")).toArray())
        ids << reason.toObject().value(QStringLiteral("reference")).toString().section(u'/', 1);
    return ids;
}

} // namespace

/**
 * The superbill form in the real window against the training EHR: ticking by code and by prefix,
 * pointers reaching reasonReference in order, anesthesia rows, submitting every row in one
 * transaction, rows already sent, a refused row coming back, and printing.
 */
class TestSuperbillForm : public QObject
{
    Q_OBJECT

private:
    WindowHarness m_harness;

    Ui::SuperbillFormView *form() const { return m_harness.window->superbillForm(); }
    int rowOf(const QString &code) const
    {
        const auto &rows = form()->sheet().rows();
        for (int i = 0; i < rows.size(); ++i) {
            if (rows.at(i).code == code)
                return i;
        }
        return -1;
    }
    const Ui::SheetRow &row(const QString &code) const { return form()->sheet().row(rowOf(code)); }
    QWidget *rowWidget(const QString &code) const
    {
        return form()->findChild<QWidget *>(QStringLiteral("superbillRow_") + code);
    }
    /// Whether the whole row shows in the form's scroll area.
    bool inView(const QString &code) const
    {
        QWidget *viewport = m_harness.widget<QScrollArea>(QStringLiteral("superbillScroll"))->viewport();
        QWidget *widget = rowWidget(code);
        return viewport->rect().contains(QRect(widget->mapTo(viewport, QPoint(0, 0)), widget->size()));
    }
    QString rowText(const QString &code, const char *label) const
    {
        return rowWidget(code)->findChild<QLabel *>(QLatin1String(label))->text();
    }

    /// The encounter open, the form shown with its diagnoses lettered A, B (two Enters), the codes focused.
    void openForm()
    {
        m_harness.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        // The diagnoses may arrive after the encounter was chosen; they follow it.
        Ui::EncounterPicker *picker = m_harness.window->encounterPicker();
        QTRY_VERIFY_WITH_TIMEOUT(picker->contextFor(QStringLiteral("Encounter-805"))->diagnoses.size() >= 2,
                                 SlowMachineTimeoutMs);
        const qsizetype known = picker->contextFor(QStringLiteral("Encounter-805"))->diagnoses.size();
        QTRY_COMPARE_WITH_TIMEOUT(m_harness.window->lineEditor()->encounter().diagnoses.size(), known,
                                  SlowMachineTimeoutMs);

        m_harness.keystrokes = 0;
        m_harness.press(Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_harness.widget<QTabWidget>(QStringLiteral("centreTabs"))->currentWidget(), form());
        QCOMPARE(m_harness.focused()->objectName(), QStringLiteral("superbillDiagnosisCombo"));
        m_harness.press(Qt::Key_Return);
        m_harness.press(Qt::Key_Return);
        QCOMPARE(form()->sheet().diagnoses(), (QStringList{Oa, KneePain}));
        m_harness.press(Qt::Key_Tab);
        m_harness.press(Qt::Key_Tab);
        QCOMPARE(m_harness.focused()->objectName(), QStringLiteral("superbillGrid"));
    }

    void submitAndWaitSent(int lines)
    {
        const qsizetype before = m_harness.lines().size();
        m_harness.press(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_harness.lines().size(), before + lines);
        QTRY_COMPARE_WITH_TIMEOUT(m_harness.workspace->store()->counts().valueOr({}).unsent(), 0,
                                  SlowMachineTimeoutMs);
    }

private slots:
    void init() { QVERIFY(m_harness.start()); }

    void cleanup() { m_harness.close(); }

    void typicalFormTakesFewKeystrokes()
    {
        openForm();
        // An office visit, two procedures pointing at both diagnoses, a lab (A by default).
        m_harness.type(QStringLiteral("99213"));
        m_harness.type(QStringLiteral("2AB"));
        m_harness.type(QStringLiteral("96AB"));
        m_harness.type(QStringLiteral("85"));
        QCOMPARE(form()->sheet().tickedRows().size(), 4);
        const qsizetype before = m_harness.workspace->trainingServer()->procedureCount();
        m_harness.press(Qt::Key_Return, Qt::ControlModifier);
        m_harness.reportKeystrokes("superbill form, 4 codes, 2 diagnoses");
        QVERIFY2(m_harness.keystrokes <= 22, qPrintable(QString::number(m_harness.keystrokes)));

        // One transaction, in form order: one line and one identifier a row.
        const QList<Outbox::OutboxLine> lines = m_harness.lines();
        QCOMPARE(lines.size(), 4);
        QStringList codes;
        QSet<QString> identifiers;
        for (const auto &line : lines) {
            codes << line.code;
            identifiers.insert(line.identifier.value);
        }
        QCOMPARE(codes, (QStringList{QStringLiteral("99213"), QStringLiteral("20610"),
                                     QStringLiteral("96372"), QStringLiteral("85025")}));
        QCOMPARE(identifiers.size(), 4);
        QCOMPARE(lines.first().createdAt, lines.last().createdAt);

        QTRY_COMPARE_WITH_TIMEOUT(m_harness.workspace->store()->counts().valueOr({}).sent, 4,
                                  SlowMachineTimeoutMs);
        QCOMPARE(m_harness.workspace->trainingServer()->procedureCount(), before + 4);
        QCOMPARE(reasonIds(m_harness.storedProcedure(lines.at(0))), QStringList{Oa});
        QCOMPARE(reasonIds(m_harness.storedProcedure(lines.at(1))), (QStringList{Oa, KneePain}));
        QCOMPARE(reasonIds(m_harness.storedProcedure(lines.at(2))), (QStringList{Oa, KneePain}));
        QCOMPARE(reasonIds(m_harness.storedProcedure(lines.at(3))), QStringList{Oa});
        // Each line's time is the encounter's start, in the clinic's zone.
        QCOMPARE(m_harness.storedProcedure(lines.at(3)).value(QStringLiteral("performedDateTime")).toString(),
                 QStringLiteral("2026-03-14T09:30:00-05:00"));
        // The category comes from the template.
        QCOMPARE(m_harness.storedProcedure(lines.at(3))[QStringLiteral("category")][QStringLiteral("coding")]
                     .toArray()
                     .first()[QStringLiteral("code")]
                     .toString(),
                 QStringLiteral("103693007"));
    }

    void typedRowStaysInViewWhenTheColumnsChange()
    {
        m_harness.window->resize(1920, 1080);
        openForm();
        m_harness.type(QStringLiteral("946"));
        QVERIFY(row(QStringLiteral("94640")).ticked);
        QTRY_VERIFY_WITH_TIMEOUT(inView(QStringLiteral("94640")), SlowMachineTimeoutMs);
        // As small as the window goes: four columns become two, the procedures go under the visits,
        // past the fold.
        const int x = rowWidget(QStringLiteral("94640"))->mapTo(form(), QPoint(0, 0)).x();
        m_harness.window->resize(1024, 700);
        QTRY_VERIFY_WITH_TIMEOUT(rowWidget(QStringLiteral("94640"))->mapTo(form(), QPoint(0, 0)).x() < x,
                                 SlowMachineTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(inView(QStringLiteral("94640")), SlowMachineTimeoutMs);
        // Typing goes on where it was.
        m_harness.type(QStringLiteral("AB"));
        QCOMPARE(rowText(QStringLiteral("94640"), "pointerLabel"), QStringLiteral("AB"));
    }

    void tickingByCodeAndByPrefix()
    {
        openForm();
        m_harness.type(QStringLiteral("99214"));
        QVERIFY(row(QStringLiteral("99214")).ticked);
        QCOMPARE(form()->currentRow(), rowOf(QStringLiteral("99214")));
        QVERIFY(rowWidget(QStringLiteral("99214"))
                    ->findChild<QCheckBox *>(QStringLiteral("tickBox"))
                    ->isChecked());
        // "99" is not unique: the first 99… row is current, nothing more is ticked, the digits wait.
        m_harness.type(QStringLiteral("99"));
        QCOMPARE(form()->typedCode(), QStringLiteral("99"));
        QCOMPARE(form()->currentRow(), rowOf(QStringLiteral("99202")));
        QCOMPARE(form()->sheet().tickedRows().size(), 1);
        m_harness.press(Qt::Key_Escape);
        QVERIFY(form()->typedCode().isEmpty());
        // "71" is unique among the form's codes (71046); "3" too (36415).
        m_harness.type(QStringLiteral("71"));
        QVERIFY(row(QStringLiteral("71046")).ticked);
        m_harness.type(QStringLiteral("3"));
        QVERIFY(row(QStringLiteral("36415")).ticked);
        // The rest of a code ticked by its first digits is part of it: 20610 in full ticks one code.
        m_harness.type(QStringLiteral("20610"));
        QVERIFY(row(QStringLiteral("20610")).ticked);
        QCOMPARE(form()->sheet().tickedRows().size(), 4);
        QVERIFY(form()->typedCode().isEmpty());
        m_harness.type(QStringLiteral("3"));
        // Space unticks and ticks again; Enter goes on to the next code.
        m_harness.press(Qt::Key_Space);
        QVERIFY(!row(QStringLiteral("36415")).ticked);
        m_harness.press(Qt::Key_Space);
        QVERIFY(row(QStringLiteral("36415")).ticked);
        m_harness.press(Qt::Key_Return);
        QCOMPARE(form()->currentRow(), rowOf(QStringLiteral("36415")) + 1);
        // A code that is not on the form is refused with a message, and changes nothing.
        m_harness.type(QStringLiteral("5"));
        QVERIFY(m_harness.window->statusBar()->currentMessage().contains(QStringLiteral("starts with 5")));
        QCOMPARE(form()->sheet().tickedRows().size(), 4);
    }

    void pointersReachReasonReferenceInOrder()
    {
        openForm();
        m_harness.type(QStringLiteral("2BA"));
        QCOMPARE(rowText(QStringLiteral("20610"), "pointerLabel"), QStringLiteral("BA"));
        QCOMPARE(row(QStringLiteral("20610")).diagnosisIds, (QStringList{KneePain, Oa}));
        // Backspace takes the last pointer back; a letter without a diagnosis is refused.
        m_harness.press(Qt::Key_Backspace);
        QCOMPARE(rowText(QStringLiteral("20610"), "pointerLabel"), QStringLiteral("B"));
        m_harness.type(QStringLiteral("C"));
        QVERIFY(m_harness.window->statusBar()->currentMessage().contains(QStringLiteral("no diagnosis C")));
        m_harness.type(QStringLiteral("A"));
        // A row without pointers shows (and sends) A.
        m_harness.type(QStringLiteral("73"));
        QCOMPARE(rowText(QStringLiteral("73562"), "pointerLabel"), QStringLiteral("A"));

        // Reordering the diagnoses re-letters them; each row keeps pointing at the same diagnosis.
        auto *list = m_harness.widget<QListWidget>(QStringLiteral("superbillDiagnosisList"));
        list->setFocus();
        list->setCurrentRow(0);
        QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(form()->sheet().diagnoses(), (QStringList{KneePain, Oa}));
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("A  M25.561")));
        QCOMPARE(rowText(QStringLiteral("20610"), "pointerLabel"), QStringLiteral("AB"));
        QCOMPARE(rowText(QStringLiteral("73562"), "pointerLabel"), QStringLiteral("A"));

        m_harness.widget<QWidget>(QStringLiteral("superbillGrid"))->setFocus();
        submitAndWaitSent(2);
        const auto lines = m_harness.lines();
        QCOMPARE(reasonIds(m_harness.storedProcedure(lines.at(0))), (QStringList{KneePain, Oa}));
        // Implicit A is the first diagnosis as the form letters it when sent.
        QCOMPARE(reasonIds(m_harness.storedProcedure(lines.at(1))), QStringList{KneePain});
    }

    void anesthesiaRowsTakeStartAndEnd()
    {
        openForm();
        m_harness.type(QStringLiteral("0"));
        const Ui::SheetRow &anesthesia = row(QStringLiteral("00400"));
        QVERIFY(anesthesia.ticked);
        QVERIFY(anesthesia.needsPeriod);
        QWidget *rowBox = rowWidget(QStringLiteral("00400"));
        auto *start = rowBox->findChild<QDateTimeEdit *>(QStringLiteral("rowStartEdit"));
        auto *end = rowBox->findChild<QDateTimeEdit *>(QStringLiteral("rowEndEdit"));
        QVERIFY(start && end);
        QVERIFY(start->isVisible());
        // F2 goes to the start; typing fills the time; Tab to the end; Enter back to the codes.
        m_harness.press(Qt::Key_F2);
        QCOMPARE(m_harness.focused(), start);
        m_harness.type(QStringLiteral("1010"));
        m_harness.press(Qt::Key_Tab);
        QCOMPARE(m_harness.focused(), end);
        m_harness.type(QStringLiteral("1125"));
        m_harness.press(Qt::Key_Return);
        QCOMPARE(m_harness.focused()->objectName(), QStringLiteral("superbillGrid"));
        QCOMPARE(rowBox->findChild<QLabel *>(QStringLiteral("rowMinutesLabel"))->text().section(u'\n', 0, 0),
                 QStringLiteral("75 min"));
        QVERIFY(rowBox->findChild<QLabel *>(QStringLiteral("rowMinutesLabel"))
                    ->text()
                    .contains(QStringLiteral("5 time units")));
        QCOMPARE(rowText(QStringLiteral("00400"), "stateLabel"), QStringLiteral("10:10–11:25"));
        m_harness.type(QStringLiteral("B"));
        submitAndWaitSent(1);
        const QJsonObject procedure = m_harness.storedProcedure(m_harness.lastLine());
        QVERIFY(!procedure.contains(QStringLiteral("performedDateTime")));
        const QJsonObject period = procedure.value(QStringLiteral("performedPeriod")).toObject();
        QCOMPARE(period.value(QStringLiteral("start")).toString(),
                 QStringLiteral("2026-03-14T10:10:00-05:00"));
        QCOMPARE(period.value(QStringLiteral("end")).toString(), QStringLiteral("2026-03-14T11:25:00-05:00"));
        QCOMPARE(reasonIds(procedure), QStringList{KneePain});
    }

    void sentRowsCannotBeTickedTwice()
    {
        openForm();
        m_harness.type(QStringLiteral("99213"));
        submitAndWaitSent(1);
        QTRY_VERIFY_WITH_TIMEOUT(row(QStringLiteral("99213")).isLocked(), SlowMachineTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(rowText(QStringLiteral("99213"), "stateLabel"), QStringLiteral("Sent"),
                                  SlowMachineTimeoutMs);
        QVERIFY(!rowWidget(QStringLiteral("99213"))
                     ->findChild<QCheckBox *>(QStringLiteral("tickBox"))
                     ->isEnabled());
        m_harness.type(QStringLiteral("99213"));
        QVERIFY(!row(QStringLiteral("99213")).ticked);
        QVERIFY(m_harness.window->statusBar()->currentMessage().contains(
            QStringLiteral("cannot be ticked twice")));
        m_harness.press(Qt::Key_Space);
        QVERIFY(form()->sheet().tickedRows().isEmpty());
        // Nothing ticked, nothing sent.
        m_harness.press(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_harness.lines().size(), 1);

        // The encounter opened again later: its sent line is still shown as sent.
        m_harness.window->superbillForm()->setEncounter(m_harness.window->lineEditor()->encounter());
        QVERIFY(row(QStringLiteral("99213")).isLocked());
    }

    void refusedRowComesBackWithItsFinding()
    {
        openForm();
        m_harness.type(QStringLiteral("99213"));
        submitAndWaitSent(1);
        // The same visit again, through the code search: the EHR refuses it as already recorded.
        QVERIFY(form()->addCatalogCode(QStringLiteral("99213")));
        const int other = form()->currentRow();
        QCOMPARE(form()->sheet().row(other).section, Ui::SuperbillSheet::otherSection());
        m_harness.press(Qt::Key_Return, Qt::ControlModifier);
        const qint64 refused = m_harness.lastLine().id;
        QTRY_COMPARE_WITH_TIMEOUT(m_harness.workspace->store()->line(refused)->state,
                                  Outbox::LineState::NeedsCorrection, SlowMachineTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(form()->sheet().row(other).isRefused(), SlowMachineTimeoutMs);
        QVERIFY(form()->sheet().row(other).ticked);
        auto *findings = form()
                             ->findChildren<QWidget *>(QStringLiteral("superbillRow_99213"))
                             .last()
                             ->findChild<QLabel *>(QStringLiteral("findingsLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(findings->text().contains(QStringLiteral("500002")), SlowMachineTimeoutMs);
        QVERIFY(findings->isVisible());

        // Corrected (another time) and submitted again: the same line, sent.
        QCOMPARE(form()->currentRow(), other);
        m_harness.press(Qt::Key_F2);
        QCOMPARE(m_harness.focused()->objectName(), QStringLiteral("rowPerformedEdit"));
        m_harness.type(QStringLiteral("1145"));
        m_harness.press(Qt::Key_Return);
        m_harness.press(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_harness.lines().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(m_harness.workspace->store()->line(refused)->state, Outbox::LineState::Sent,
                                  SlowMachineTimeoutMs);
        QCOMPARE(m_harness.storedProcedure(*m_harness.workspace->store()->line(refused))
                     .value(QStringLiteral("performedDateTime"))
                     .toString(),
                 QStringLiteral("2026-03-14T11:45:00-05:00"));
    }

    void codeNotOnTheFormIsAddedThroughTheSearch()
    {
        openForm();
        QTimer::singleShot(0, m_harness.window.get(), [] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("addCodeEdit"));
            QTest::keyClicks(edit, QStringLiteral("01402"));
            QTest::keyClick(edit, Qt::Key_Return);
        });
        m_harness.press(Qt::Key_Plus);
        const int added = rowOf(QStringLiteral("01402"));
        QVERIFY(added >= 0);
        QCOMPARE(form()->sheet().row(added).section, Ui::SuperbillSheet::otherSection());
        QVERIFY(form()->sheet().row(added).ticked);
        QCOMPARE(form()->currentRow(), added);
        QCOMPARE(m_harness.focused()->objectName(), QStringLiteral("superbillGrid"));
        // An anesthesia code from the catalog: its start and end open at once.
        QVERIFY(
            rowWidget(QStringLiteral("01402"))->findChild<QDateTimeEdit *>(QStringLiteral("rowStartEdit")));
    }

    void errorsStopTheWholeSuperbill()
    {
        openForm();
        m_harness.type(QStringLiteral("99213"));
        // A code the catalog has but the EHR refuses, added through the search: dental (500034).
        QVERIFY(form()->addCatalogCode(QStringLiteral("D0120")));
        QVERIFY(form()->sheet().row(form()->currentRow()).check.hasErrors());
        m_harness.press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(m_harness.lines().isEmpty());
        QVERIFY(m_harness.window->statusBar()->currentMessage().contains(QStringLiteral("errors to fix")));
    }

    void printsTheSuperbill()
    {
        openForm();
        m_harness.type(QStringLiteral("99213"));
        m_harness.type(QStringLiteral("2AB"));
        submitAndWaitSent(2);
        const QString path = m_harness.dir->filePath(QStringLiteral("printed.pdf"));
        QTimer::singleShot(0, m_harness.window.get(), [path] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->selectFile(path);
            QMetaObject::invokeMethod(dialog, "accept");
        });
        m_harness.press(Qt::Key_P, Qt::ControlModifier);
        QVERIFY2(QFile::exists(path), qPrintable(m_harness.window->statusBar()->currentMessage()));
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(30000));
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).simplified();
        for (const QString &expected :
             {QStringLiteral("Okafor, Adaeze Grace"), QStringLiteral("MRN-104200"), QStringLiteral("M17.11"),
              QStringLiteral("99213"), QStringLiteral("20610"), QStringLiteral("AB"), QStringLiteral("Sent")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + text));
    }
};

QTEST_MAIN(TestSuperbillForm)
#include "tst_superbillform.moc"
