#include <QAbstractSpinBox>
#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "keystrokewatcher.h"
#include "presentermode.h"
#include "trainingwindow.h"

/// Presenter mode on the real window: the scale of the whole window, remembered; the keystroke strip;
/// the focus frame.
class TestPresenter : public QObject
{
    Q_OBJECT

private:
    TrainingWindow m_app;
    double m_baseFont = 0;

    double codeFont() { return m_app.widget<QLineEdit>(QStringLiteral("cptCodeEdit"))->font().pointSizeF(); }

    /// The colour of the focused code field's left border, as drawn.
    QColor focusedFieldBorder()
    {
        auto *edit = m_app.widget<QLineEdit>(QStringLiteral("cptCodeEdit"));
        edit->setFocus();
        if (!QTest::qWaitFor([edit] { return edit->hasFocus(); }, TrainingWindow::SlowMachineTimeoutMs))
            return {};
        return edit->grab().toImage().pixelColor(1, edit->height() / 2);
    }

private slots:
    void init()
    {
        QVERIFY(m_app.open());
        if (m_baseFont == 0)
            m_baseFont = QApplication::font().pointSizeF();
    }

    void cleanup()
    {
        if (m_app.window) {
            m_app.window->presenterMode()->setOn(false);
            m_app.window->presenterMode()->resetZoom();
        }
        m_app.close();
    }

    void ctrlShiftPTurnsItOnAndOff()
    {
        auto *strip = m_app.widget<QLabel>(QStringLiteral("keystrokeStripLabel"));
        QVERIFY(strip->isHidden());
        const QColor amber(0xe0, 0x7b, 0x00);
        QVERIFY(focusedFieldBorder() != amber);
        QTest::keyClick(m_app.window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(m_app.window->presenterMode()->isOn());
        QVERIFY(strip->isVisible());
        QCOMPARE(QApplication::font().pointSizeF(), m_baseFont * 1.5);
        QTRY_COMPARE(codeFont(), m_baseFont * 1.5);
        // The thick focus frame, scaled with the rest.
        QCOMPARE(focusedFieldBorder(), amber);
        QVERIFY(m_app.window->shortcutActions().contains(m_app.window->presenterMode()->toggleAction()));

        QTest::keyClick(m_app.window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!m_app.window->presenterMode()->isOn());
        QVERIFY(strip->isHidden());
        QCOMPARE(QApplication::font().pointSizeF(), m_baseFont);
        QVERIFY(focusedFieldBorder() != amber);
    }

    void zoomKeysScaleTheWholeWindowAndAreRemembered()
    {
        QTest::keyClick(m_app.window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(m_app.window.get(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(m_app.window->presenterMode()->scale(), 1.75);
        QTRY_COMPARE(codeFont(), m_baseFont * 1.75);
        // The style's sizes grow too: a button's label is at least 28 px high, 49 px at 1.75.
        auto *submit = m_app.widget<QPushButton>(QStringLiteral("submitButton"));
        QVERIFY2(submit->sizeHint().height() >= 49 + 2 * 4,
                 qPrintable(QString::number(submit->sizeHint().height())));
        QTest::keyClick(m_app.window.get(), Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(m_app.window.get(), Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(m_app.window->presenterMode()->scale(), 1.25);

        // Remembered: a new window (the app started again) opens in presenter mode at 1.25.
        m_app.window.reset();
        QApplication::setFont(QFont(QApplication::font().family(), int(m_baseFont)));
        m_app.window = std::make_unique<Ui::MainWindow>(*m_app.settings, *m_app.tokens, *m_app.workspace);
        m_app.window->show();
        QApplication::setActiveWindow(m_app.window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_app.window.get()));
        QVERIFY(m_app.window->presenterMode()->isOn());
        QCOMPARE(m_app.window->presenterMode()->scale(), 1.25);
        QCOMPARE(QApplication::font().pointSizeF(), m_baseFont * 1.25);

        // Outside presenter mode the zoom has its own size, and Ctrl+0 is the designed size.
        m_app.window->presenterMode()->setOn(false);
        QTest::keyClick(m_app.window.get(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(m_app.window->presenterMode()->scale(), 1.1);
        QCOMPARE(m_app.settings->training().presenterScale, 1.25);
        QTest::keyClick(m_app.window.get(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(QApplication::font().pointSizeF(), m_baseFont);
        QCOMPARE(Ui::AppSettings(m_app.settings->fileName()).training().scale, 1.0);
    }

    void dateFieldsShowTheirWholeTextWhenScaled()
    {
        m_app.window->resize(1600, 1000);
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        const auto checkFit = [this](double scale) {
            for (const char *name : {"performedAtEdit", "recordedAtEdit"}) {
                auto *edit = m_app.widget<QAbstractSpinBox>(QString::fromLatin1(name));
                QTRY_COMPARE(edit->font().pointSizeF(), m_baseFont * scale);
                auto *text = edit->findChild<QLineEdit *>();
                const auto needed = [text] { return text->fontMetrics().horizontalAdvance(text->text()); };
                QTRY_VERIFY2(needed() <= text->contentsRect().width(),
                             qPrintable(QStringLiteral("%1 at %2: \"%3\" needs %4 px, has %5")
                                            .arg(QLatin1String(name))
                                            .arg(scale)
                                            .arg(text->text())
                                            .arg(needed())
                                            .arg(text->contentsRect().width())));
            }
        };
        checkFit(1.0);
        m_app.window->presenterMode()->setOn(true);
        checkFit(1.5);
        QTest::keyClick(m_app.window.get(), Qt::Key_Equal, Qt::ControlModifier);
        checkFit(1.75);
    }

    void theStripShowsTheLastKeys()
    {
        m_app.window->presenterMode()->setOn(true);
        auto *strip = m_app.widget<QLabel>(QStringLiteral("keystrokeStripLabel"));
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.keys(QStringLiteral("20610 Tab s Tab 1030 Tab Enter Enter Ctrl+Enter"));
        QVERIFY2(strip->text().endsWith(QStringLiteral("20610 ⇥ s ⇥ 1030 ⇥ ↵ ↵ Ctrl+↵")),
                 qPrintable(strip->text()));
        QTRY_COMPARE_WITH_TIMEOUT(m_app.lines().size(), 1, TrainingWindow::SlowMachineTimeoutMs);
        // The keys that opened the encounter came first, shortcut included.
        QVERIFY2(strip->text().contains(QStringLiteral("Ctrl+F")), qPrintable(strip->text()));
    }

    void keyNamesAndTheStripsWords()
    {
        const auto name = [](int key, Qt::KeyboardModifiers modifiers, const QString &text) {
            QKeyEvent event(QEvent::KeyPress, key, modifiers, text);
            bool plain = false;
            const QString named = Ui::KeystrokeWatcher::keyName(event, &plain);
            return plain ? QStringLiteral("plain ") + named : named;
        };
        QCOMPARE(name(Qt::Key_2, Qt::NoModifier, QStringLiteral("2")), QStringLiteral("plain 2"));
        QCOMPARE(name(Qt::Key_S, Qt::ShiftModifier, QStringLiteral("S")), QStringLiteral("plain S"));
        QCOMPARE(name(Qt::Key_Return, Qt::ControlModifier, {}), QStringLiteral("Ctrl+↵"));
        QCOMPARE(name(Qt::Key_Backtab, Qt::ShiftModifier, {}), QStringLiteral("Shift+⇥"));
        QCOMPARE(name(Qt::Key_Down, Qt::AltModifier, {}), QStringLiteral("Alt+↓"));
        QCOMPARE(name(Qt::Key_2, Qt::ControlModifier, QStringLiteral("2")), QStringLiteral("Ctrl+2"));
        QCOMPARE(name(Qt::Key_Shift, Qt::ShiftModifier, {}), QString());
        QKeyEvent repeat(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"), true);
        QCOMPARE(Ui::KeystrokeWatcher::keyName(repeat), QString());

        Ui::KeystrokeLog log(4);
        for (const QString &key : {QStringLiteral("2"), QStringLiteral("0")})
            log.add(key, true);
        log.add(QStringLiteral("⇥"), false);
        log.add(QStringLiteral("s"), true);
        QCOMPARE(log.text(), QStringLiteral("20 ⇥ s"));
        log.add(QStringLiteral("⇥"), false);
        log.add(QStringLiteral("1"), true);
        QCOMPARE(log.text(), QStringLiteral("⇥ s ⇥ 1")); // the oldest go
    }
};

QTEST_MAIN(TestPresenter)
#include "tst_presenter.moc"
