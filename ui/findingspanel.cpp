#include "findingspanel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QVBoxLayout>

#include "findingsmodel.h"

namespace Ui {

namespace {

/// Two lines per finding: the code with its field in bold, the message wrapped beneath.
class FindingDelegate : public QStyledItemDelegate
{
public:
    explicit FindingDelegate(QListView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.icon = QIcon();
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

        const QRect rect = option.rect.adjusted(Padding, Padding, -Padding, -Padding);
        const auto icon = index.data(Qt::DecorationRole).value<QIcon>();
        icon.paint(painter, QRect(rect.left(), rect.top() + 1, IconSize, IconSize));
        QTextDocument doc;
        setup(doc, index, rect.width() - IconSize - Gap, option);
        painter->save();
        painter->translate(rect.left() + IconSize + Gap, rect.top());
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = option.palette;
        doc.documentLayout()->draw(painter, context);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int width = std::max(120, m_view->viewport()->width() - 2 * Padding - IconSize - Gap);
        QTextDocument doc;
        setup(doc, index, width, option);
        return {m_view->viewport()->width(), int(doc.size().height()) + 2 * Padding};
    }

private:
    static constexpr int Padding = 8;
    static constexpr int IconSize = 16;
    static constexpr int Gap = 8;

    static void setup(QTextDocument &doc, const QModelIndex &index, int width,
                      const QStyleOptionViewItem &option)
    {
        doc.setDocumentMargin(0);
        doc.setDefaultFont(option.font);
        const QString name = index.data(FindingsModel::NameRole).toString();
        const QString html =
            QStringLiteral("<div><b>%1</b>&nbsp;&nbsp;<span style=\"color:#5b6472\">%2%3</span></div>"
                           "<div style=\"margin-top:2px\">%4</div>")
                .arg(index.data(FindingsModel::CodeRole).toString().toHtmlEscaped(),
                     index.data(FindingsModel::FieldLabelRole).toString().toHtmlEscaped(),
                     name.isEmpty() ? QString() : QStringLiteral(" · ") + name.toHtmlEscaped(),
                     index.data(FindingsModel::MessageRole).toString().toHtmlEscaped());
        doc.setHtml(html);
        doc.setTextWidth(width);
    }

    QListView *m_view;
};

} // namespace

FindingsPanel::FindingsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("findingsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    auto *title = new QLabel(tr("Findings"), this);
    title->setProperty("role", QStringLiteral("sectionTitle"));
    layout->addWidget(title);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("findingsSummaryLabel"));
    m_summary->setProperty("role", QStringLiteral("hint"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_model = new FindingsModel(this);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("findingsList"));
    m_view->setAccessibleName(tr("Findings of the line"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new FindingDelegate(m_view));
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setUniformItemSizes(false);
    m_view->setWordWrap(true);
    m_view->setFocusPolicy(Qt::ClickFocus);
    layout->addWidget(m_view, 1);

    m_empty = new QLabel(tr("Nothing to fix so far."), this);
    m_empty->setObjectName(QStringLiteral("findingsEmptyLabel"));
    m_empty->setProperty("role", QStringLiteral("hint"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_empty, 1);

    const auto activate = [this](const QModelIndex &index) {
        Q_EMIT fieldRequested(FormField(index.data(FindingsModel::FieldRole).toInt()),
                              index.data(FindingsModel::DiagnosisIndexRole).toInt());
    };
    connect(m_view, &QListView::activated, this, activate);
    connect(m_view, &QListView::clicked, this, activate);
    setFindings({});
}

void FindingsPanel::setFindings(const Model::Findings &findings)
{
    m_model->setFindings(findings);
    const int errors = m_model->errorCount();
    const int warnings = m_model->warningCount();
    if (errors == 0 && warnings == 0)
        m_summary->setText(tr("Every rule the EHR enforces is checked as you type; each finding also shows "
                              "beside its field, with the EHR's code."));
    else if (errors > 0)
        m_summary->setText((errors == 1 ? tr("1 error blocks the submit")
                                        : tr("%n errors block the submit", nullptr, errors)) +
                           (warnings == 1  ? tr("; 1 warning")
                            : warnings > 1 ? tr("; %n warnings", nullptr, warnings)
                                           : QString()) +
                           u'.');
    else
        m_summary->setText(warnings == 1 ? tr("1 warning; the line can be submitted.")
                                         : tr("%n warnings; the line can be submitted.", nullptr, warnings));
    m_view->setVisible(!findings.isEmpty());
    m_empty->setVisible(findings.isEmpty());
    m_view->doItemsLayout();
}

} // namespace Ui
