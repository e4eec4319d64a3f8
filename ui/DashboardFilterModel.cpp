#include "DashboardFilterModel.h"

#include "DashboardModel.h"

namespace onsite {

DashboardFilterModel::DashboardFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(DashboardModel::SortRole);
}

void DashboardFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_source = qobject_cast<DashboardModel *>(model);
    Q_ASSERT(m_source);
    QSortFilterProxyModel::setSourceModel(model);
}

void DashboardFilterModel::setTab(Tab tab)
{
    if (tab == m_tab)
        return;
    m_tab = tab;
    invalidateFilter();
}

void DashboardFilterModel::setSearchText(const QString &text)
{
    const QString next = text.trimmed().toLower();
    if (next == m_search)
        return;
    m_search = next;
    invalidateFilter();
}

bool DashboardFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const DashboardRow &r = m_source->rowAt(sourceRow);
    switch (m_tab) {
    case Tab::Upcoming:
        if (r.status != AssignmentStatus::Assigned)
            return false;
        break;
    case Tab::InProgress:
        if (r.status != AssignmentStatus::InProgress)
            return false;
        break;
    case Tab::PendingApproval:
        // Approved but not yet paid is still waiting on the client, so it stays here.
        if (r.status != AssignmentStatus::Submitted && r.status != AssignmentStatus::Approved)
            return false;
        break;
    case Tab::Paid:
        if (r.status != AssignmentStatus::Paid)
            return false;
        break;
    case Tab::All:
        break;
    }
    return m_search.isEmpty() || r.haystack.contains(m_search);
}

bool DashboardFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const DashboardRow &a = m_source->rowAt(left.row());
    const DashboardRow &b = m_source->rowAt(right.row());
    switch (left.column()) {
    case DashboardModel::Title: return a.title.compare(b.title, Qt::CaseInsensitive) < 0;
    case DashboardModel::Company: return a.company.compare(b.company, Qt::CaseInsensitive) < 0;
    case DashboardModel::City: return a.city.compare(b.city, Qt::CaseInsensitive) < 0;
    case DashboardModel::Scheduled: return a.startMs < b.startMs;
    case DashboardModel::Status: return int(a.status) < int(b.status);
    case DashboardModel::Labels: return a.labels.size() < b.labels.size();
    case DashboardModel::Progress:
        return qint64(a.done) * qMax(1, b.required) < qint64(b.done) * qMax(1, a.required);
    case DashboardModel::NextDue: {
        const qint64 x = a.nextDueMs ? a.nextDueMs : std::numeric_limits<qint64>::max();
        const qint64 y = b.nextDueMs ? b.nextDueMs : std::numeric_limits<qint64>::max();
        return x < y;
    }
    }
    return left.row() < right.row();
}

} // namespace onsite
