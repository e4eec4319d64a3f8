#pragma once

#include <QDateTime>
#include <QMainWindow>

#include <functional>

class QLabel;
class QSystemTrayIcon;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabBar;
class QTableView;

namespace onsite {

class AssignmentPage;
class StatusNotice;
class Clock;
class DashboardFilterModel;
class DashboardModel;

// The dashboard (status tabs, search, the assignments table) and the assignment page, with a
// status bar that always says whether we are online, when we last synced and how many changes
// wait to be sent. Owns no session logic: AppController drives it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const Clock *clock, QWidget *parent = nullptr);

    DashboardModel *model() const { return m_model; }
    DashboardFilterModel *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QTabBar *tabs() const { return m_tabs; }
    QLineEdit *search() const { return m_search; }
    AssignmentPage *page() const { return m_page; }
    bool isShowingAssignment() const;

    void showAssignmentPage();
    void showDashboard();
    void setOnline(bool online);
    // The last sync that worked, and whether the latest attempt (at `at`) failed and why.
    void setSyncResult(bool ok, const QDateTime &at, const QString &problem);
    void setLastSync(const QDateTime &at, const QString &problem)
    {
        setSyncResult(problem.isEmpty(), at, problem);
    }
    QDateTime lastSuccessfulSync() const { return m_lastOk; }
    // Known from an earlier session, shown until this one's first sync.
    void setLastSuccessfulSync(const QDateTime &at);
    void setSyncing(bool syncing);
    void setPendingCount(int count);
    void setNeedsAttentionCount(int count);
    void setAccount(const QString &text);
    void showMessage(const QString &text);
    // A desktop notification (the tray's balloon where there is a tray), also in the status bar.
    // A desktop notification (tray message where there is a tray, the status bar always);
    // clicking the tray message opens the assignment it is about.
    void notify(const QString &title, const QString &message, qint64 assignmentId = 0);
    QString statusText() const;
    // Why the dashboard shows no rows (empty when it shows some), and its button.
    QString emptyText() const;
    QPushButton *emptyAction() const { return m_emptyAction; }

    // Why a row's "Check in now" / "Check out now" cannot be done (empty: it can), asked when
    // the row's menu opens so it offers only what works and says why the rest does not.
    struct VisitBlockers {
        QString checkIn;
        QString checkOut;
    };
    using VisitBlockersFor = std::function<VisitBlockers(qint64 id)>;
    void setVisitBlockers(VisitBlockersFor blockers) { m_visitBlockers = std::move(blockers); }
    // The row menu's actions for `id`, as the menu shows them (for tests and the menu itself).
    QList<QAction *> rowActions(qint64 id, QObject *parent);

Q_SIGNALS:
    void syncRequested();
    void cancelSyncRequested();
    void signOutRequested();
    void assignmentRequested(qint64 id);
    void checkInRequested(qint64 id);
    void checkOutRequested(qint64 id);
    void activityRequested();
    void scorecardRequested();
    void settingsRequested();
    void calendarExportRequested();
    void calendarLinkRequested();
    void timesheetExportRequested();
    void notified(const QString &title, const QString &message);

private:
    void createMenus();
    void setUpTabsAndSearch();
    void setUpTable();
    void setUpEmptyState();
    void setUpStatusBar();
    void updateEmptyState();
    VisitBlockersFor m_visitBlockers;
    void openRow(const QModelIndex &proxyIndex);
    void showRowMenu(const QPoint &pos);

    DashboardModel *m_model;
    DashboardFilterModel *m_filter;
    QStackedWidget *m_stack;
    QTabBar *m_tabs;
    QLineEdit *m_search;
    QTableView *m_table;
    QWidget *m_empty;
    QLabel *m_emptyText;
    QPushButton *m_emptyAction;
    AssignmentPage *m_page;
    StatusNotice *m_notice = nullptr;
    QLabel *m_online;
    QLabel *m_lastSync;
    QDateTime m_lastOk;
    QLabel *m_pending;
    QPushButton *m_attention;
    QLabel *m_account;
    QProgressBar *m_syncProgress;
    QAction *m_cancelSync;
    qint64 m_notifiedAssignment = 0;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace onsite
