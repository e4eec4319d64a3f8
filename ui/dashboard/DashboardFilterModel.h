#pragma once

#include <QAbstractProxyModel>
#include <QVector>
#include <array>
#include <string>

namespace onsite {

class DashboardModel;

// Status tab + search box + sort over DashboardModel. A QSortFilterProxyModel re-sorts through
// QModelIndex and QVariant and inserts rows one range at a time, which at 100,000 rows costs
// hundreds of milliseconds per keystroke. This proxy sorts the source rows once on the
// prepared keys of DashboardRow and lays their lower-case search texts end to end in that
// order, so a search is one memchr-driven pass over one buffer whose hits come out already
// sorted; typing on narrows within the last hits and erasing reuses earlier answers.
// Persistent indexes (selection, current row) follow their rows.
class DashboardFilterModel : public QAbstractProxyModel
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

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

private:
    bool accepts(int k) const; // k: position in m_order
    bool lessThan(int a, int b) const;
    void resetFromSource();
    void resort();
    void buildHaystack();
    const char *find(const char *from, const char *to) const;
    QVector<int> searchAll() const;
    QVector<int> searchWithin(const QVector<int> &rows) const;
    QVector<int> matchingRows(); // source rows shown for the tab and search, in sort order
    void refilter();
    void apply(QVector<int> visible);

    DashboardModel *m_source = nullptr;
    Tab m_tab = Tab::All;
    QString m_search;
    std::string m_needle; // m_search as UTF-8
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QVector<int> m_order;            // every source row, in sort order
    std::string m_haystack;          // each row's search text in m_order's order, '\n' after each
    QVector<qsizetype> m_starts;     // where each entry of m_order begins in m_haystack, + end
    QVector<quint8> m_statusInOrder; // status of each entry of m_order, read by the tab filter
    std::array<qint64, 256> m_byteCount{}; // how often each byte occurs in m_haystack
    size_t m_pivot = 0;                    // the needle's rarest byte
    // Searches typed so far, each containing the one before: (text, hits as m_order positions).
    QList<QPair<std::string, QVector<int>>> m_searches;
    QVector<int> m_visible;  // proxy row -> source row
    QVector<int> m_proxyRow; // source row -> proxy row, or -1
};

} // namespace onsite
