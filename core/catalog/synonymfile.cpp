#include "synonymfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

#include "cataloglog.h"
#include "codeentry.h"
#include "foldtext.h"
#include "stemmer.h"

namespace Catalog {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Catalog::SynonymFile)
};

QString foldedWords(const QString &text)
{
    QStringList words;
    for (const FoldedWord &word : foldWords(text))
        words.append(QString::fromStdString(word.text));
    return words.join(u' ');
}

bool isHeader(const CsvRecord &record)
{
    return record.fields.size() >= 2 && foldText(record.fields.at(0)) == u"term" &&
           foldText(record.fields.at(1)) == u"expansion";
}

} // namespace

QString SynonymFile::shippedResource()
{
    return QStringLiteral(":/superbill/catalog/synonyms.csv");
}

QString SynonymFile::rowKey(const Synonym &synonym)
{
    return foldedWords(synonym.term) + u'\n' + foldedWords(synonym.expansion);
}

ParsedSynonymFile SynonymFile::parse(const QByteArray &data)
{
    return parse(CsvReader::read(data));
}

ParsedSynonymFile SynonymFile::parse(const CsvTable &table)
{
    ParsedSynonymFile result;
    auto error = [&](const CsvRecord &record, const QString &term, const QString &reason) {
        result.issues.append({record.line, term, reason, ImportIssue::Severity::Error});
    };
    QSet<QString> seen;
    for (qsizetype i = 0; i < table.records.size(); ++i) {
        const CsvRecord &record = table.records.at(i);
        if (i == 0 && isHeader(record))
            continue;
        ++result.rowsRead;
        if (!record.problem.isEmpty()) {
            error(record, {}, record.problem);
            continue;
        }
        if (record.fields.size() != 2) {
            error(record, {},
                  Text::tr("a row needs two fields, term,expansion (it has %1)").arg(record.fields.size()));
            continue;
        }
        const Synonym synonym{record.fields.at(0), record.fields.at(1)};
        const std::vector<FoldedWord> term = foldWords(synonym.term);
        const std::vector<FoldedWord> expansion = foldWords(synonym.expansion);
        if (term.empty()) {
            error(record, synonym.term, Text::tr("the term has no letters or digits"));
            continue;
        }
        if (term.size() > std::size_t(MaxTermWords)) {
            error(record, synonym.term, Text::tr("a term has at most %1 words").arg(MaxTermWords));
            continue;
        }
        bool meaningful = false;
        QString code;
        for (const FoldedWord &word : expansion) {
            meaningful = meaningful || !isStopWord(word.text);
            const QString text = normalizedCode(QString::fromStdString(word.text));
            if (text.size() >= 4 && Rules::CodeClassifier::classify(text) != Rules::CodeKind::Malformed)
                code = text;
        }
        if (!meaningful) {
            error(record, synonym.term, Text::tr("the expansion has no words to look for"));
            continue;
        }
        if (!code.isEmpty()) {
            error(record, synonym.term,
                  Text::tr("%1 looks like a code; synonyms map words to words, never to codes").arg(code));
            continue;
        }
        if (foldedWords(synonym.term) == foldedWords(synonym.expansion)) {
            error(record, synonym.term, Text::tr("the expansion only repeats the term"));
            continue;
        }
        if (!seen.contains(rowKey(synonym))) {
            seen.insert(rowKey(synonym));
            result.synonyms.append(synonym);
        }
    }
    if (result.rowsRead == 0)
        result.refusal = Text::tr("The file has no synonyms in it.");
    return result;
}

const Synonyms &SynonymFile::shipped()
{
    static const Synonyms synonyms = [] {
        QFile file(shippedResource());
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcCatalog) << "the shipped synonym table is missing:" << file.errorString();
            return Synonyms();
        }
        const ParsedSynonymFile parsed = parse(file.readAll());
        for (const ImportIssue &issue : parsed.issues)
            qCWarning(lcCatalog) << "synonyms.csv line" << issue.line << issue.reason;
        return parsed.synonyms;
    }();
    return synonyms;
}

} // namespace Catalog
