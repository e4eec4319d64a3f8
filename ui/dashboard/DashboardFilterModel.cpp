#include "DashboardFilterModel.h"

#include "DashboardModel.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace onsite {

DashboardFilterModel::DashboardFilterModel(QObject *parent) : QAbstractProxyModel(parent) {}

void DashboardFilterModel::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    if (m_source)
        m_source->disconnect(this);
    m_source = qobject_cast<DashboardModel *>(model);
    Q_ASSERT(m_source);
    QAbstractProxyModel::setSourceModel(model);
    // DashboardModel changes by resetting; anything finer is treated as a reset too.
    connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this,
            &DashboardFilterModel::beginResetModel);
    connect(m_source, &QAbstractItemModel::modelReset, this, [this] {
        resetFromSource();
        endResetModel();
    });
    connect(m_source, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &) {
                beginResetModel();
                resetFromSource();
                endResetModel();
            });
    connect(m_source, &QAbstractItemModel::headerDataChanged, this,
            &QAbstractItemModel::headerDataChanged);
    resetFromSource();
    endResetModel();
}

void DashboardFilterModel::setTab(Tab tab)
{
    if (tab == m_tab)
        return;
    m_tab = tab;
    refilter();
}

void DashboardFilterModel::setSearchText(const QString &text)
{
    const QString next = text.trimmed().toLower();
    if (next == m_search)
        return;
    m_search = next;
    // A line edit gives one line, and rows are separated by '\n': no match spans two rows.
    m_needle = next.toStdString();
    refilter();
}

bool DashboardFilterModel::accepts(int k) const
{
    const auto status = AssignmentStatus(m_statusInOrder.at(k));
    switch (m_tab) {
    case Tab::Upcoming:
        return status == AssignmentStatus::Assigned;
    case Tab::InProgress:
        return status == AssignmentStatus::InProgress;
    case Tab::PendingApproval:
        // Approved but not yet paid is still waiting on the client, so it stays here.
        return status == AssignmentStatus::Submitted || status == AssignmentStatus::Approved;
    case Tab::Paid:
        return status == AssignmentStatus::Paid;
    case Tab::All:
        return true;
    }
    return true;
}

bool DashboardFilterModel::lessThan(int left, int right) const
{
    const DashboardRow &a = m_source->rowAt(left);
    const DashboardRow &b = m_source->rowAt(right);
    auto noDeadlineLast = [](qint64 ms) { return ms ? ms : std::numeric_limits<qint64>::max(); };
    switch (m_sortColumn) {
    case DashboardModel::Title:
        return a.title.compare(b.title, Qt::CaseInsensitive) < 0;
    case DashboardModel::Company:
        return a.company.compare(b.company, Qt::CaseInsensitive) < 0;
    case DashboardModel::City:
        return a.city.compare(b.city, Qt::CaseInsensitive) < 0;
    case DashboardModel::Scheduled:
        return a.startMs < b.startMs;
    case DashboardModel::Status:
        return int(a.status) < int(b.status);
    case DashboardModel::Labels:
        return a.labels.size() < b.labels.size();
    case DashboardModel::Progress:
        return qint64(a.done) * qMax(1, b.required) < qint64(b.done) * qMax(1, a.required);
    case DashboardModel::NextDue:
        return noDeadlineLast(a.nextDueMs) < noDeadlineLast(b.nextDueMs);
    }
    return false;
}

void DashboardFilterModel::resetFromSource()
{
    const int n = m_source ? m_source->rowCount() : 0;
    m_order.resize(n);
    std::iota(m_order.begin(), m_order.end(), 0);
    if (m_sortColumn >= 0) {
        // Stable, so equal keys keep the source order and the view does not shuffle them.
        std::stable_sort(m_order.begin(), m_order.end(), [this](int a, int b) {
            return m_sortOrder == Qt::AscendingOrder ? lessThan(a, b) : lessThan(b, a);
        });
    }
    buildHaystack();
    m_searches.clear(); // positions in m_order changed
    // Called inside a reset or a layout change: set the rows without signalling.
    m_visible = matchingRows();
    m_proxyRow.fill(-1, n);
    for (int p = 0; p < m_visible.size(); ++p)
        m_proxyRow[m_visible[p]] = p;
}

void DashboardFilterModel::buildHaystack()
{
    qsizetype total = 0;
    for (int s : std::as_const(m_order))
        total += qsizetype(m_source->rowAt(s).haystack.size()) + 1;
    m_haystack.clear();
    m_haystack.reserve(size_t(total));
    m_byteCount.fill(0);
    m_starts.resize(m_order.size() + 1);
    m_statusInOrder.resize(m_order.size());
    for (int k = 0; k < m_order.size(); ++k) {
        m_statusInOrder[k] = quint8(m_source->rowAt(m_order.at(k)).status);
        m_starts[k] = qsizetype(m_haystack.size());
        const QByteArray &row = m_source->rowAt(m_order.at(k)).haystack;
        m_haystack.append(row.constData(), size_t(row.size()));
        m_haystack += '\n';
    }
    m_starts[m_order.size()] = qsizetype(m_haystack.size());
    for (char c : m_haystack)
        ++m_byteCount[uchar(c)];
}

void DashboardFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QVector<QPair<int, int>> sources; // (source row, column) of each persistent index
    for (const QModelIndex &i : before)
        sources.append({m_visible.value(i.row(), -1), i.column()});
    resetFromSource();
    QModelIndexList after;
    for (const auto &[s, c] : sources)
        after.append(s >= 0 && m_proxyRow.value(s, -1) >= 0 ? createIndex(m_proxyRow[s], c)
                                                            : QModelIndex());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

// Where the needle occurs in [from, to): the needle's rarest byte found with memchr
// (vectorised), then the rest compared. Short needles are what people type, and they are where
// Boyer-Moore cannot skip far.
const char *DashboardFilterModel::find(const char *from, const char *to) const
{
    const size_t len = m_needle.size();
    while (size_t(to - from) >= len) {
        const void *p = std::memchr(from + m_pivot, m_needle[m_pivot], size_t(to - from) - len + 1);
        if (!p)
            return nullptr;
        const char *start = static_cast<const char *>(p) - m_pivot;
        if (std::memcmp(start, m_needle.data(), len) == 0)
            return start;
        from = start + 1;
    }
    return nullptr;
}

QVector<int> DashboardFilterModel::searchAll() const
{
    QVector<int> hits;
    const char *base = m_haystack.data();
    const char *end = base + m_haystack.size();
    const char *from = base;
    int k = 0; // entry of m_order under `from`; only moves forward
    while (const char *hit = find(from, end)) {
        const qsizetype at = hit - base;
        while (m_starts.at(k + 1) <= at)
            ++k;
        hits.append(k);
        if (++k >= m_order.size())
            break;
        from = base + m_starts.at(k); // one hit per row is enough
    }
    return hits;
}

QVector<int> DashboardFilterModel::searchWithin(const QVector<int> &rows) const
{
    QVector<int> hits;
    const char *base = m_haystack.data();
    for (int k : rows)
        if (find(base + m_starts.at(k), base + m_starts.at(k + 1)))
            hits.append(k);
    return hits;
}

void DashboardFilterModel::refilter()
{
    apply(matchingRows());
}

QVector<int> DashboardFilterModel::matchingRows()
{
    QVector<int> visible;
    if (m_needle.empty()) {
        m_searches.clear();
        for (int k = 0; k < m_order.size(); ++k)
            if (accepts(k))
                visible.append(m_order.at(k));
        return visible;
    }
    m_pivot = 0;
    for (size_t i = 1; i < m_needle.size(); ++i)
        if (m_byteCount[uchar(m_needle[i])] < m_byteCount[uchar(m_needle[m_pivot])])
            m_pivot = i;
    // Earlier searches whose text the new one contains already hold every row it can match:
    // typing narrows within them, and erasing finds its earlier answer on the stack.
    while (!m_searches.isEmpty() &&
           m_needle.find(m_searches.constLast().first) == std::string::npos)
        m_searches.removeLast();
    if (m_searches.isEmpty() || m_searches.constLast().first != m_needle) {
        QVector<int> hits =
            m_searches.isEmpty() ? searchAll() : searchWithin(m_searches.constLast().second);
        if (m_searches.size() >= 64)
            m_searches.removeFirst();
        m_searches.append({m_needle, std::move(hits)});
    }
    const QVector<int> &hits = m_searches.constLast().second;
    visible.reserve(hits.size());
    for (int k : hits)
        if (accepts(k))
            visible.append(m_order.at(k));
    return visible;
}

void DashboardFilterModel::apply(QVector<int> visible)
{
    if (visible == m_visible)
        return;
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QVector<QPair<int, int>> sources;
    for (const QModelIndex &i : before)
        sources.append({m_visible.value(i.row(), -1), i.column()});
    for (int s : std::as_const(m_visible))
        m_proxyRow[s] = -1;
    m_visible = std::move(visible);
    for (int p = 0; p < m_visible.size(); ++p)
        m_proxyRow[m_visible[p]] = p;
    QModelIndexList after;
    for (const auto &[s, c] : sources)
        after.append(s >= 0 && m_proxyRow[s] >= 0 ? createIndex(m_proxyRow[s], c) : QModelIndex());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
}

QModelIndex DashboardFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_visible.size() || column < 0 ||
        column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex DashboardFilterModel::parent(const QModelIndex &) const
{
    return {};
}

int DashboardFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int DashboardFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

bool DashboardFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_visible.isEmpty();
}

QModelIndex DashboardFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.row() >= m_visible.size())
        return {};
    return m_source->index(m_visible.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex DashboardFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.row() >= m_proxyRow.size())
        return {};
    const int p = m_proxyRow.at(sourceIndex.row());
    return p < 0 ? QModelIndex() : createIndex(p, sourceIndex.column());
}

} // namespace onsite
