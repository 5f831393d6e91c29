#include <memory>

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include "../common/processrun.h"
#include "appsettings.h"
#include "ehr/ehrclient.h"
#include "lineeditor.h"
#include "mainwindow.h"
#include "model/ehrcodes.h"
#include "rules/codeclassifier.h"
#include "rules/validator.h"
#include "settingsdialog.h"
#include "tokenstore.h"
#include "trainingmenu.h"
#include "workspace.h"

namespace {

const QString TsFile = QStringLiteral(SUPERBILL_SOURCE_DIR "/resources/translations/superbill_es.ts");
const QString QmDir = QStringLiteral(SUPERBILL_QM_DIR);

/// One <message> of the .ts file.
struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    QString type;             // "unfinished", "vanished", "obsolete" or empty
    bool numerus = false;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (xml.readNextStartElement()) {
        if (xml.name() == u"TS")
            continue;
        if (xml.name() != u"context") {
            xml.skipCurrentElement();
            continue;
        }
        while (xml.readNextStartElement()) {
            if (xml.name() == u"name") {
                context = xml.readElementText();
            } else if (xml.name() == u"message") {
                TsMessage message;
                message.context = context;
                message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"source") {
                        message.source = xml.readElementText();
                    } else if (xml.name() == u"translation") {
                        message.type = xml.attributes().value(QLatin1String("type")).toString();
                        if (message.numerus) {
                            while (xml.readNextStartElement())
                                message.translations << xml.readElementText();
                        } else {
                            message.translations << xml.readElementText();
                        }
                    } else {
                        xml.skipCurrentElement();
                    }
                }
                messages.append(message);
            } else {
                xml.skipCurrentElement();
            }
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

/// %1..%99 and %n, sorted, so that reordering in a translation is allowed.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    return found;
}

QStringList htmlTags(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("</?([A-Za-z][A-Za-z0-9]*)[^>]*>"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(0).section(u' ', 0, 0).remove(u'>');
    found.sort();
    return found;
}

/// How many keyboard accelerators ("&x", not "&&" or an entity such as "&nbsp;") the text has.
qsizetype accelerators(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("&(?![A-Za-z]+;)(?=\\S)"));
    return QString(text).remove(QStringLiteral("&&")).count(pattern);
}

qsizetype leadingSpaces(const QString &text)
{
    qsizetype count = 0;
    while (count < text.size() && text.at(count).isSpace())
        ++count;
    return count;
}

qsizetype trailingSpaces(const QString &text)
{
    qsizetype count = 0;
    while (count < text.size() && text.at(text.size() - 1 - count).isSpace())
        ++count;
    return count;
}

/// The accelerator letter of a widget text, lower case, or a null QChar.
QChar accelerator(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

/// Fails naming the texts that share an accelerator.
QString clashes(const QStringList &texts)
{
    QMultiHash<QChar, QString> byKey;
    for (const QString &text : texts) {
        const QChar key = accelerator(text);
        if (!key.isNull())
            byKey.insert(key, text);
    }
    QStringList problems;
    for (const QChar key : byKey.uniqueKeys()) {
        if (byKey.count(key) > 1)
            problems << QStringList(byKey.values(key)).join(QStringLiteral(" / "));
    }
    return problems.join(QStringLiteral("; "));
}

Model::ProcedureEntry entryWithCode(const QString &code)
{
    Model::ProcedureEntry entry;
    entry.code.system = QLatin1String(Model::Systems::Cpt);
    entry.code.code = code;
    entry.code.display = QStringLiteral("Description");
    return entry;
}

QString findingMessage(const Model::Findings &findings, const QString &code)
{
    for (const auto &finding : findings) {
        if (finding.code == code)
            return finding.message;
    }
    return {};
}

} // namespace

/**
 * The Spanish translation: every message of superbill_es.ts finished with its placeholders,
 * markup and accelerators intact; the core's findings and the real widgets in Spanish with the
 * translator installed and in English without it; and the app picking the language from the
 * system locale.
 */
class TestTranslation : public QObject
{
    Q_OBJECT

private:
    void installSpanish()
    {
        m_translator = std::make_unique<QTranslator>();
        QVERIFY2(m_translator->load(QLocale(QLocale::Spanish, QLocale::UnitedStates),
                                    QStringLiteral("superbill"), QStringLiteral("_"), QmDir),
                 qPrintable(QmDir));
        QVERIFY(QCoreApplication::installTranslator(m_translator.get()));
    }

    /// The real main window against the training EHR, as the app builds it.
    void openMainWindow()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<Ui::AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
        m_tokens = std::make_unique<Ui::TokenStore>(Ui::TokenStore::Backend::SessionOnly);
        m_workspace = std::make_unique<Ui::Workspace>();
        Ui::Workspace::Options options;
        options.training = true;
        options.dataDir = m_dir->path();
        QString error;
        QVERIFY2(m_workspace->start(options, {}, &error), qPrintable(error));
        m_window = std::make_unique<Ui::MainWindow>(*m_settings, *m_tokens, *m_workspace);
    }

    std::unique_ptr<QTranslator> m_translator;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ui::AppSettings> m_settings;
    std::unique_ptr<Ui::TokenStore> m_tokens;
    std::unique_ptr<Ui::Workspace> m_workspace;
    std::unique_ptr<Ui::MainWindow> m_window;

private Q_SLOTS:
    void initTestCase()
    {
        // Nothing a test does may touch the user's own outbox, catalog or settings.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFile::exists(QmDir + QStringLiteral("/superbill_es.qm")), qPrintable(QmDir));
    }

    void cleanup()
    {
        m_window.reset();
        m_workspace.reset();
        m_tokens.reset();
        m_settings.reset();
        m_dir.reset();
        if (m_translator)
            QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }

    void everyMessageFinished()
    {
        QString error;
        const QList<TsMessage> messages = readTs(TsFile, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 400);
        QStringList unfinished;
        for (const auto &message : messages) {
            if (message.type == u"vanished" || message.type == u"obsolete")
                continue;
            bool empty = message.translations.isEmpty();
            for (const QString &text : message.translations)
                empty = empty || text.isEmpty();
            // Spanish has two plural forms: one, and other.
            if (!message.type.isEmpty() || empty || (message.numerus && message.translations.size() != 2))
                unfinished << message.context + QStringLiteral(": ") + message.source;
        }
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(u'\n')));
    }

    void translationsKeepPlaceholdersMarkupAndAccelerators()
    {
        QString error;
        const QList<TsMessage> messages = readTs(TsFile, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList problems;
        for (const auto &message : messages) {
            for (const QString &text : message.translations) {
                const QString where = message.context + QStringLiteral(": \"") + message.source +
                                      QStringLiteral("\" -> \"") + text + QStringLiteral("\"");
                // A plural source may leave %n out of its singular form in English, never in Spanish.
                if (placeholders(text) != placeholders(message.source))
                    problems << QStringLiteral("placeholders: ") + where;
                if (htmlTags(text) != htmlTags(message.source))
                    problems << QStringLiteral("markup: ") + where;
                if (accelerators(text) != accelerators(message.source))
                    problems << QStringLiteral("accelerator: ") + where;
                // Pieces that are joined to other text keep their spaces at either end.
                if (leadingSpaces(text) != leadingSpaces(message.source) ||
                    trailingSpaces(text) != trailingSpaces(message.source))
                    problems << QStringLiteral("spaces at the ends: ") + where;
                if (text.count(u'\n') != message.source.count(u'\n'))
                    problems << QStringLiteral("line breaks: ") + where;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void validatorFindings_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("ehrCode");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("spanish");
        QTest::newRow("missing CPT code")
            << QString() << Model::EhrCode::InvalidProcedureCode << "A CPT code is required."
            << "Se requiere un código CPT.";
        QTest::newRow("dental code, %1 filled")
            << "D0120" << Model::EhrCode::DentalCptNotAllowed
            << "D0120 is a dental code; dental codes cannot be on this superbill."
            << "D0120 es un código dental; los códigos dentales no pueden ir en este superbill.";
        QTest::newRow("missing patient")
            << "99213" << Model::EhrCode::InvalidSubject << "The patient is missing."
            << "Falta el paciente.";
    }

    void validatorFindings()
    {
        QFETCH(QString, code);
        QFETCH(QString, ehrCode);
        QFETCH(QString, english);
        QFETCH(QString, spanish);
        const Model::ProcedureEntry entry = entryWithCode(code);
        QCOMPARE(findingMessage(Rules::Validator::check(entry, {}), ehrCode), english);
        installSpanish();
        QCOMPARE(findingMessage(Rules::Validator::check(entry, {}), ehrCode), spanish);
    }

    void codeKindsAndPlurals()
    {
        QCOMPARE(Rules::CodeClassifier::describe(Rules::CodeKind::CdtDental),
                 QStringLiteral("CDT dental code"));
        QCOMPARE(QCoreApplication::translate("Ui::MainWindow", "%n waiting", nullptr, 2),
                 QStringLiteral("2 waiting"));
        installSpanish();
        QCOMPARE(Rules::CodeClassifier::describe(Rules::CodeKind::CdtDental),
                 QStringLiteral("código dental CDT"));
        QCOMPARE(QCoreApplication::translate("Ui::MainWindow", "%n waiting", nullptr, 2),
                 QStringLiteral("2 en espera"));
        QCOMPARE(QCoreApplication::translate("Ui::LineEditor", "%n errors to fix", nullptr, 1),
                 QStringLiteral("1 error por corregir"));
        QCOMPARE(QCoreApplication::translate("Ui::LineEditor", "%n errors to fix", nullptr, 3),
                 QStringLiteral("3 errores por corregir"));
    }

    void lineEditor_data()
    {
        QTest::addColumn<bool>("spanish");
        QTest::addColumn<QString>("submit");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("surgical");
        QTest::newRow("English without a translator") << false << "Submit line"
                                                      << "Pick an encounter to enter lines"
                                                      << "Surgical procedure";
        QTest::newRow("Spanish") << true << "Enviar línea"
                                 << "Elija una consulta para ingresar líneas"
                                 << "Procedimiento quirúrgico";
    }

    void lineEditor()
    {
        QFETCH(bool, spanish);
        QFETCH(QString, submit);
        QFETCH(QString, summary);
        QFETCH(QString, surgical);
        if (spanish)
            installSpanish();
        Ui::LineEditor editor;
        QCOMPARE(editor.findChild<QPushButton *>(QStringLiteral("submitButton"))->text(), submit);
        QCOMPARE(editor.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(), summary);
        auto *category = editor.findChild<QComboBox *>(QStringLiteral("categoryCombo"));
        const int surgicalIndex = category->findData(QStringLiteral("387713003"));
        QVERIFY(surgicalIndex > 0);
        QCOMPARE(category->itemText(surgicalIndex), surgical);
        // The FHIR coding keeps the SNOMED CT display, whatever the form shows.
        category->setCurrentIndex(surgicalIndex);
        QCOMPARE(editor.currentCheck().entry.category.value_or(Model::Coding()).display,
                 QStringLiteral("Surgical procedure"));
        QStringList captions;
        for (const QLabel *label : editor.findChildren<QLabel *>()) {
            if (label->buddy())
                captions << label->text();
        }
        QVERIFY(captions.size() >= 6);
        if (spanish)
            QVERIFY2(clashes(captions).isEmpty(), qPrintable(clashes(captions)));
    }

    void mainWindowInSpanish()
    {
        installSpanish();
        openMainWindow();
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Superbill Desk — Capacitación"));
        QStringList menus;
        for (QAction *action : m_window->menuBar()->actions()) {
            menus << action->text();
            QStringList items;
            for (QAction *item : action->menu()->actions())
                items << item->text();
            QVERIFY2(clashes(items).isEmpty(), qPrintable(clashes(items)));
        }
        // The Training menu (training mode only) is checked for clashes with the others, not by its words.
        QCOMPARE(menus.size(), 5);
        QCOMPARE(menus.at(3), m_window->trainingMenu()->title());
        menus.removeAt(3);
        QCOMPARE(menus, (QStringList{QStringLiteral("&Archivo"), QStringLiteral("&Línea"),
                                     QStringLiteral("&Ver"), QStringLiteral("Ay&uda")}));
        menus.append(m_window->trainingMenu()->title());
        QVERIFY(
            m_window->findChild<QLabel *>(QStringLiteral("queueSizeLabel"))->text().contains(u"Cola vacía"));
        // The menu bar and the form's field captions share the window's Alt+letter keys.
        QStringList windowKeys = menus;
        for (const QLabel *label : m_window->findChildren<QLabel *>()) {
            if (label->buddy())
                windowKeys << label->text();
        }
        QVERIFY2(clashes(windowKeys).isEmpty(), qPrintable(clashes(windowKeys)));
    }

    void settingsDialogInSpanish()
    {
        installSpanish();
        Ui::SettingsDialog dialog(Ui::ConnectionSettings{}, nullptr, &Ehr::EhrClient::checkTransportSecurity);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Configuración"));
        QStringList keys;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            keys << label->text();
        for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
            keys << button->text();
        QVERIFY(keys.contains(QStringLiteral("&URL base")));
        QVERIFY2(clashes(keys).isEmpty(), qPrintable(clashes(keys)));
    }

    void appFollowsTheSystemLocale_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("forced");
        QTest::addColumn<bool>("spanish");
        QTest::newRow("LANG=es_US") << "es_US.UTF-8" << QString() << QString() << true;
        QTest::newRow("LANG=es_MX") << "es_MX.UTF-8" << QString() << QString() << true;
        QTest::newRow("LANG=en_US") << "en_US.UTF-8" << QString() << QString() << false;
        QTest::newRow("LANG=fr_FR, no French") << "fr_FR.UTF-8" << QString() << QString() << false;
        QTest::newRow("LANGUAGE lists English first") << "es_US.UTF-8"
                                                      << "en_US:es" << QString() << false;
        QTest::newRow("LANGUAGE lists French, then Spanish") << "en_US.UTF-8"
                                                             << "fr:es" << QString() << true;
        QTest::newRow("SUPERBILL_LANGUAGE=es") << "C" << QString() << "es" << true;
        QTest::newRow("SUPERBILL_LANGUAGE=en") << "es_US.UTF-8" << QString() << "en" << false;
    }

    void appFollowsTheSystemLocale()
    {
        QFETCH(QString, lang);
        QFETCH(QString, language);
        QFETCH(QString, forced);
        QFETCH(bool, spanish);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const auto *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE", "SUPERBILL_LANGUAGE"})
            environment.remove(QLatin1String(name));
        environment.insert(QStringLiteral("LANG"), lang);
        if (!language.isEmpty())
            environment.insert(QStringLiteral("LANGUAGE"), language);
        if (!forced.isEmpty())
            environment.insert(QStringLiteral("SUPERBILL_LANGUAGE"), forced);
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const ProcessRun app =
            runProgram(QStringLiteral(SUPERBILL_APP), {QStringLiteral("--help")}, environment, {}, 30000);
        QVERIFY2(app.finished, "superbill --help did not finish");
        QCOMPARE(app.exitCode, 0);
        const QString help = app.out;
        const bool inSpanish = help.contains(u"Ingreso de superbills para EHR con FHIR R4");
        const bool inEnglish = help.contains(u"Superbill entry for FHIR R4 EHRs");
        QVERIFY2(inSpanish != inEnglish, qPrintable(help));
        QCOMPARE(inSpanish, spanish);
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
