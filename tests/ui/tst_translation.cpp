#include <memory>

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
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
#include "auth/tokenresponse.h"
#include "common/paths.h"
#include "drills/drillchecker.h"
#include "drills/drillresults.h"
#include "drillsdialog.h"
#include "ehr/ehrclient.h"
#include "lineeditor.h"
#include "mainwindow.h"
#include "model/ehrcodes.h"
#include "rules/codeclassifier.h"
#include "rules/validator.h"
#include "settingsdialog.h"
#include "superbillpdf.h"
#include "tokenstore.h"
#include "trainingehrdialog.h"
#include "trainingmenu.h"
#include "workspace.h"

namespace {

const QString TsFile = QStringLiteral(SUPERBILL_SOURCE_DIR "/resources/translations/superbill_es.ts");
const QString QmDir = QStringLiteral(SUPERBILL_QM_DIR);
const QString Lupdate = QStringLiteral(SUPERBILL_LUPDATE);
const QString LupdateSources = QStringLiteral(SUPERBILL_LUPDATE_SOURCES);

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

    /// Every menu of the bar has an Alt key, and the menu bar and the form's field captions (which
    /// share the window's Alt+letter keys) use each letter once.
    bool windowKeysDistinct(const QStringList &menus) const
    {
        bool distinct = true;
        for (const QString &menu : menus) {
            if (accelerator(menu).isNull()) {
                qWarning("menu %s has no Alt key", qPrintable(menu));
                distinct = false;
            }
        }
        QStringList windowKeys = menus;
        for (const QLabel *label : m_window->findChildren<QLabel *>()) {
            if (label->buddy())
                windowKeys << label->text();
        }
        if (!clashes(windowKeys).isEmpty()) {
            qWarning("clashes: %s", qPrintable(clashes(windowKeys)));
            distinct = false;
        }
        return distinct;
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

    /// Run lupdate over the app's sources into a copy of the .ts: a message it adds (a new or changed
    /// text) has no translation yet, one it marks vanished is no longer in the sources.
    void tsHoldsEveryMessageOfTheSources()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("superbill_es.ts"));
        QVERIFY(QFile::copy(TsFile, copy));
        QVERIFY(QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const ProcessRun lupdate =
            runProgram(Lupdate, {QLatin1Char('@') + LupdateSources, QStringLiteral("-ts"), copy},
                       QProcessEnvironment::systemEnvironment(), {}, 60000);
        QVERIFY2(lupdate.finished, "lupdate did not finish");
        QVERIFY2(lupdate.exitCode == 0, qPrintable(lupdate.all()));
        QVERIFY2(lupdate.all().contains(u"Found"), qPrintable(lupdate.all()));

        QString error;
        const QList<TsMessage> messages = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList stale;
        for (const auto &message : messages) {
            if (!message.type.isEmpty())
                stale << message.type + QStringLiteral(" ") + message.context + QStringLiteral(": ") +
                             message.source;
        }
        QVERIFY2(
            stale.isEmpty(),
            qPrintable(QStringLiteral("resources/translations/superbill_es.ts is not up to date with the "
                                      "sources (see CONTRIBUTING.md, Translations):\n") +
                       stale.join(u'\n')));
    }

    /// lupdate files a message under the context the code names; a context that is no namespace's
    /// class (such as a bare "Text") is one lupdate guessed, and the program never asks for it.
    void everyContextIsQualified()
    {
        QString error;
        const QList<TsMessage> messages = readTs(TsFile, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        static const QRegularExpression qualified(
            QStringLiteral("^[A-Z][A-Za-z0-9]*(::[A-Z][A-Za-z0-9]*)+$"));
        QSet<QString> wrong;
        for (const auto &message : messages) {
            if (message.context != u"main" && !qualified.match(message.context).hasMatch())
                wrong.insert(message.context);
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(QStringList(wrong.cbegin(), wrong.cend()).join(u'\n')));
    }

    /// A file-local "QString tr(const char *)" looks like a translation, but lupdate files its texts
    /// under the enclosing class or namespace, never under the context it asks for at run time.
    void noHomeMadeTrFunction()
    {
        QFile list(LupdateSources);
        QVERIFY2(list.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(LupdateSources));
        static const QRegularExpression homeMade(
            QStringLiteral("\\bQString\\s+tr\\s*\\(\\s*const\\s+char\\b"));
        QStringList found;
        int sources = 0;
        for (const QByteArray &line : list.readAll().split('\n')) {
            if (line.isEmpty() || line.startsWith("-I"))
                continue;
            QFile source(QString::fromUtf8(line));
            QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.fileName()));
            ++sources;
            if (homeMade.match(QString::fromUtf8(source.readAll())).hasMatch())
                found << source.fileName();
        }
        QVERIFY(sources > 100);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    /// Messages of core modules whose translation context is declared by hand reach the clerk in Spanish.
    void coreMessagesInSpanish()
    {
        Drills::Drill drill;
        Drills::ExpectedProcedure expected;
        expected.patientId = QStringLiteral("Patient-1");
        expected.encounterId = QStringLiteral("Encounter-1");
        expected.code = QStringLiteral("99213");
        drill.procedures << expected;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("file"));
        QFile touch(file);
        QVERIFY(touch.open(QIODevice::WriteOnly));
        touch.close();
        const auto checkText = [&drill] {
            const Drills::CheckReport report = Drills::checkDrill(drill, Drills::EhrSnapshot{});
            return report.items.isEmpty() ? QString() : report.items.constFirst().text;
        };
        const auto folderError = [&file] {
            const Common::Status status = Common::makePrivateDirectory(file);
            return status ? QString() : status.error().message;
        };
        QCOMPARE(checkText(), QStringLiteral("no Procedure 99213 is recorded on Encounter-1 — expected one"));
        QCOMPARE(folderError(), QDir::toNativeSeparators(file) + QStringLiteral(" is not a folder"));
        installSpanish();
        QCOMPARE(checkText(),
                 QStringLiteral("no hay ningún Procedure 99213 registrado en Encounter-1 — se esperaba uno"));
        QCOMPARE(folderError(), QDir::toNativeSeparators(file) + QStringLiteral(" no es una carpeta"));
    }

    /// lupdate loses the namespace after a function returning Common::Error or Common::Status; the
    /// messages that follow one still reach the clerk in Spanish.
    void messagesAfterQualifiedReturnTypesInSpanish()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pdf = dir.filePath(QStringLiteral("no-such-folder/superbill.pdf"));
        const auto pdfError = [&pdf] {
            const Common::Status status =
                Print::writeSuperbillPdf(Print::SuperbillPrintout{}, pdf, Superbill::Paper::Letter);
            return status ? QString() : status.error().message;
        };
        const auto tokenError = [] { return Auth::tokenErrorFrom(502, QByteArray()).message; };
        QVERIFY2(pdfError().startsWith(u"cannot write the PDF: "), qPrintable(pdfError()));
        QCOMPARE(tokenError(), QStringLiteral("the token endpoint answered HTTP 502 without an OAuth error"));
        installSpanish();
        QVERIFY2(pdfError().startsWith(u"no se puede escribir el PDF: "), qPrintable(pdfError()));
        QCOMPARE(tokenError(),
                 QStringLiteral("el endpoint de token respondió HTTP 502 sin un error de OAuth"));
        const QString html = Print::superbillHtml(Print::SuperbillPrintout{});
        QVERIFY2(html.contains(u"Diagnósticos (ICD-10-CM)"), qPrintable(html));
        QVERIFY2(html.contains(u"(nombre del consultorio: vea Configuración)"), qPrintable(html));
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
        QVERIFY2(windowKeysDistinct(menus), "see the clashes above");
    }

    void mainWindowInEnglish()
    {
        openMainWindow();
        QStringList menus;
        for (QAction *action : m_window->menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus.size(), 5);
        QVERIFY2(windowKeysDistinct(menus), "see the clashes above");
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

    void trainingDialogsInSpanish()
    {
        installSpanish();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Ui::AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        Drills::DrillResults results;
        Ui::DrillsDialog drills(settings, results);
        Ui::TrainingEhrDialog address(QUrl(QStringLiteral("http://127.0.0.1:8080/fhir")),
                                      QStringLiteral("t"));
        QCOMPARE(drills.windowTitle(), QStringLiteral("Ejercicios"));
        QCOMPARE(address.windowTitle(), QStringLiteral("Dirección y token del EHR de capacitación"));
        for (const QDialog *dialog : {static_cast<QDialog *>(&drills), static_cast<QDialog *>(&address)}) {
            QStringList keys;
            for (const QLabel *label : dialog->findChildren<QLabel *>())
                keys << label->text();
            for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
                keys << button->text();
            QVERIFY2(clashes(keys).isEmpty(), qPrintable(clashes(keys)));
        }
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
