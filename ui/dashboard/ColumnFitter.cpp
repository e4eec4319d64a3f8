#include "ColumnFitter.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QFontMetrics>
#include <QHash>
#include <QHeaderView>
#include <QTableView>
#include <QTimer>

namespace onsite {

ColumnFitter::ColumnFitter(QTableView *view, QVector<Column> columns)
    : QObject(view), m_view(view), m_columns(std::move(columns))
{
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->horizontalHeader()->setStretchLastSection(false);
    // Measuring looks at this many rows at most: the first screenful tells the widths.
    m_view->horizontalHeader()->setResizeContentsPrecision(200);
    m_view->viewport()->installEventFilter(this);
    QAbstractItemModel *model = m_view->model();
    // Many changes in one pass of the event loop (a sync's rows, a search typed) are measured
    // once, after them.
    auto later = [this] {
        if (m_pending)
            return;
        m_pending = true;
        QTimer::singleShot(0, this, [this] {
            m_pending = false;
            remeasure();
        });
    };
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &QAbstractItemModel::layoutChanged, this, later);
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::dataChanged, this, later);
    remeasure();
}

void ColumnFitter::remeasure()
{
    QHeaderView *header = m_view->horizontalHeader();
    m_content.resize(m_columns.size());
    m_wrapped.resize(m_columns.size());
    for (int c = 0; c < m_columns.size(); ++c) {
        m_content[c] = qMax(static_cast<QAbstractItemView *>(m_view)->sizeHintForColumn(c),
                            header->sectionSizeHint(c));
    }
    m_wrappedStale = true; // measured when two lines are needed, often never
    fit();
}

void ColumnFitter::measureWrapped()
{
    for (int c = 0; c < m_columns.size(); ++c)
        m_wrapped[c] = m_columns.at(c).wraps ? twoLineWidth(c) : m_content.at(c);
    m_wrappedStale = false;
}

int ColumnFitter::twoLineWidth(int column) const
{
    // Split each text at the space nearest its middle: wrapping at the wider half's width
    // then takes at most two lines.
    const QFontMetrics fm = m_view->fontMetrics();
    const QAbstractItemModel *model = m_view->model();
    const int rows = qMin(model->rowCount(), m_view->horizontalHeader()->resizeContentsPrecision());
    // Rows repeat their halves ("Tue 1 Dec 2026", "Upload deliverables ·"): each is shaped once.
    QHash<QString, int> advances;
    auto advance = [&](const QString &part) {
        auto it = advances.constFind(part);
        return it != advances.cend() ? *it : *advances.insert(part, fm.horizontalAdvance(part));
    };
    int widest = 0;
    for (int r = 0; r < rows; ++r) {
        const QString text = model->index(r, column).data(Qt::DisplayRole).toString();
        int best = advance(text);
        for (int i = 0; i < text.size(); ++i)
            if (text.at(i) == QLatin1Char(' ')) // not a no-break space
                best = qMin(best, qMax(advance(text.left(i)), advance(text.mid(i + 1))));
        widest = qMax(widest, best);
    }
    const int header = m_view->horizontalHeader()->sectionSizeHint(column);
    // The cell's margins, as the one-line measure counts them.
    return qMax(header, widest + 16);
}

void ColumnFitter::setTwoLines(bool on)
{
    if (m_oneLineHeight == 0)
        m_oneLineHeight = m_view->verticalHeader()->defaultSectionSize();
    m_twoLines = on;
    m_view->setWordWrap(on);
    m_view->verticalHeader()->setDefaultSectionSize(
        on ? qMax(m_oneLineHeight, 2 * m_view->fontMetrics().lineSpacing() + 10) : m_oneLineHeight);
}

int ColumnFitter::needed(bool twoLines) const
{
    int total = 0;
    for (int c = 0; c < m_columns.size(); ++c) {
        const Column &col = m_columns.at(c);
        const int content = twoLines ? m_wrapped.at(c) : m_content.at(c);
        total += col.weight == 0      ? content
                 : col.contentMinimum ? qMax(col.minimum, content)
                                      : col.minimum;
    }
    return total;
}

QVector<int> ColumnFitter::leastWidths(const QVector<int> &content) const
{
    QVector<int> width(m_columns.size());
    for (int c = 0; c < m_columns.size(); ++c) {
        const Column &col = m_columns.at(c);
        width[c] = col.weight == 0      ? content.at(c)
                   : col.contentMinimum ? qMax(col.minimum, content.at(c))
                                        : col.minimum;
    }
    return width;
}

void ColumnFitter::fit()
{
    if (m_fitting || m_content.size() != m_columns.size())
        return;
    m_fitting = true;
    const int available = m_view->viewport()->width();
    const bool twoLines = needed(false) > available;
    if (twoLines && m_wrappedStale)
        measureWrapped();
    if (twoLines != m_twoLines || m_oneLineHeight == 0)
        setTwoLines(twoLines);
    const QVector<int> &content = twoLines ? m_wrapped : m_content;
    QVector<int> width = leastWidths(content);
    int least = 0;
    for (int w : std::as_const(width))
        least += w;
    const int spare = available - least;
    if (spare >= 0)
        share(width, content, spare);
    else
        shrink(width, -spare, available);
    QHeaderView *header = m_view->horizontalHeader();
    for (int c = 0; c < m_columns.size(); ++c)
        header->resizeSection(c, qMax(20, width[c]));
    m_fitting = false;
}

// What is left goes to the flexible columns by weight; a column never grows past twice its
// content, the rest then goes to the first (the title).
void ColumnFitter::share(QVector<int> &width, const QVector<int> &content, int spare) const
{
    int weights = 0;
    for (const Column &col : m_columns)
        weights += col.weight;
    int left = spare;
    int first = -1;
    for (int c = 0; c < m_columns.size(); ++c) {
        const Column &col = m_columns.at(c);
        if (col.weight == 0)
            continue;
        if (first < 0)
            first = c;
        const int part = spare * col.weight / qMax(1, weights);
        const int cap = qMax(0, 2 * content.at(c) - width[c]);
        const int add = c == first ? part : qMin(part, cap);
        width[c] += add;
        left -= add;
    }
    if (first >= 0)
        width[first] += left;
}

// Too narrow: the text columns give up width first (down to two thirds of their minimum,
// eliding more), then every column in proportion to its size.
void ColumnFitter::shrink(QVector<int> &width, int deficit, int available) const
{
    int give = 0;
    for (int c = 0; c < m_columns.size(); ++c)
        if (m_columns.at(c).weight > 0)
            give += width[c] / 3;
    if (give >= deficit) {
        int taken = 0;
        for (int c = 0; c < m_columns.size(); ++c)
            if (m_columns.at(c).weight > 0) {
                const int cut = width[c] / 3 * deficit / qMax(1, give);
                width[c] -= cut;
                taken += cut;
            }
        width[0] -= deficit - taken;
        return;
    }
    const int total = available + deficit; // every column at its least
    int used = 0;
    for (int c = 0; c < m_columns.size(); ++c) {
        width[c] = width[c] * available / qMax(1, total);
        used += width[c];
    }
    width[0] += available - used;
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace onsite
