#pragma once

#include <QSortFilterProxyModel>

namespace onsite {

class DashboardModel;

// Status tab + search box over DashboardModel. Filters and sorts on the source's prepared rows
// (one lower-case haystack per row, numeric sort keys) rather than through data() and
// QVariant, which is what keeps a keystroke fast at 100,000 rows.
class DashboardFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Tab { Upcoming, InProgress, PendingApproval, Paid, All };
    Q_ENUM(Tab)

    explicit DashboardFilterModel(QObject *parent = nullptr);
    void setSourceModel(QAbstractItemModel *model) override;

    void setTab(Tab tab);
    Tab tab() const { return m_tab; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    DashboardModel *m_source = nullptr;
    Tab m_tab = Tab::All;
    QString m_search;
};

} // namespace onsite
