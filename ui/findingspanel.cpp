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
#include "theme.h"
#include "wrappedlabel.h"

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
        // The EHR's code and a sentence; the vendor's enum names (DENTAL_CPT_NOT_ALLOWED) mean nothing here.
        const QString html =
            QStringLiteral("<div><b>%1</b>&nbsp;&nbsp;<span style=\"color:#5b6472\">%2</span></div>"
                           "<div style=\"margin-top:2px\">%3</div>")
                .arg(index.data(FindingsModel::CodeRole).toString().toHtmlEscaped(),
                     index.data(FindingsModel::FieldLabelRole).toString().toHtmlEscaped(),
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
    m_summary = new WrappedLabel(this);
    m_summary->setObjectName(QStringLiteral("findingsSummaryLabel"));
    m_summary->setProperty("role", QStringLiteral("hint"));
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

    m_empty = new WrappedLabel(this);
    m_empty->setText(tr("Nothing to fix so far. Every rule the EHR enforces is checked as you type; each "
                        "finding also shows beside its field, with the EHR's code."));
    m_empty->setObjectName(QStringLiteral("findingsEmptyLabel"));
    m_empty->setProperty("role", QStringLiteral("hint"));
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_empty, 1);
    // Takes the room the list or the explanation leaves when neither shows (folded and empty).
    layout->addStretch();

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
    m_view->setVisible(!findings.isEmpty());
    showEmptyExplanation();
    m_view->doItemsLayout();
}

void FindingsPanel::setFolded(bool folded)
{
    m_folded = folded;
    showEmptyExplanation();
}

void FindingsPanel::showEmptyExplanation()
{
    m_empty->setVisible(m_model->rowCount() == 0 && !m_folded);
}

void FindingsPanel::setSummary(const QString &summary, const QString &state)
{
    m_summary->setText(summary);
    setStyleProperties(m_summary, {{"role", QStringLiteral("summary")}, {"state", state}});
}

} // namespace Ui
