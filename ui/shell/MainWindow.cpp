#include "MainWindow.h"

#include "AssignmentPage.h"
#include "ChipDelegate.h"
#include "ColumnFitter.h"
#include "DashboardFilterModel.h"
#include "DashboardModel.h"
#include "ProgressDelegate.h"
#include "SiteTime.h"
#include "StatusNotice.h"
#include "Theme.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace onsite {

MainWindow::MainWindow(const Clock *clock, QWidget *parent)
    : QMainWindow(parent), m_model(new DashboardModel(this)),
      m_filter(new DashboardFilterModel(this)), m_stack(new QStackedWidget(this)),
      m_tabs(new QTabBar(this)), m_search(new QLineEdit(this)), m_table(new QTableView(this)),
      m_empty(new QWidget(this)), m_emptyText(new QLabel(m_empty)),
      m_emptyAction(new QPushButton(m_empty)), m_page(new AssignmentPage(clock, this)),
      m_online(new QLabel(this)), m_lastSync(new QLabel(this)), m_pending(new QLabel(this)),
      m_attention(new QPushButton(this)), m_account(new QLabel(this)),
      m_syncProgress(new QProgressBar(this))
{
    setWindowTitle(tr("Onsite"));
    // Never larger than the screen it opens on (a 1024×700 laptop, not only a desktop).
    resize(QSize(1280, 760).boundedTo(screen()->availableGeometry().size()));

    createMenus();
    setUpTabsAndSearch();
    setUpTable();
    setUpEmptyState();
    auto *dashboard = new QWidget(this);
    auto *dl = new QVBoxLayout(dashboard);
    dl->addWidget(m_tabs);
    dl->addWidget(m_search);
    dl->addWidget(m_empty);
    dl->addWidget(m_table, 1);
    m_stack->addWidget(dashboard);
    m_stack->addWidget(m_page);
    setCentralWidget(m_stack);
    connect(m_page, &AssignmentPage::backRequested, this, &MainWindow::showDashboard);
    setUpStatusBar();
}

// The Onsite menu and the toolbar, with their shortcuts.
void MainWindow::createMenus()
{
    auto *syncAction = new QAction(tr("&Sync now"), this);
    syncAction->setShortcut(QKeySequence::Refresh); // F5
    syncAction->setToolTip(tr("Sync now (F5)"));
    connect(syncAction, &QAction::triggered, this, &MainWindow::syncRequested);
    m_cancelSync = new QAction(tr("Cance&l sync"), this);
    m_cancelSync->setShortcut(Qt::Key_Escape);
    m_cancelSync->setEnabled(false);
    connect(m_cancelSync, &QAction::triggered, this, &MainWindow::cancelSyncRequested);
    auto *findAction = new QAction(tr("&Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, this, [this] {
        showDashboard();
        m_search->setFocus();
        m_search->selectAll();
    });
    auto *activity = new QAction(tr("&Activity…"), this);
    activity->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(activity, &QAction::triggered, this, &MainWindow::activityRequested);
    auto *scorecard = new QAction(tr("Scorecard and ea&rnings…"), this);
    scorecard->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(scorecard, &QAction::triggered, this, &MainWindow::scorecardRequested);
    auto *calendar = new QAction(tr("Export &calendar (.ics)…"), this);
    connect(calendar, &QAction::triggered, this, &MainWindow::calendarExportRequested);
    auto *calendarLink = new QAction(tr("Calendar subscription lin&k…"), this);
    connect(calendarLink, &QAction::triggered, this, &MainWindow::calendarLinkRequested);
    auto *timesheet = new QAction(tr("Export &timesheet…"), this);
    timesheet->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(timesheet, &QAction::triggered, this, &MainWindow::timesheetExportRequested);
    auto *settings = new QAction(tr("S&ettings…"), this);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, &MainWindow::settingsRequested);
    auto *signOut = new QAction(tr("Sign &out"), this);
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *file = menuBar()->addMenu(tr("O&nsite"));
    file->addAction(syncAction);
    file->addAction(m_cancelSync);
    file->addAction(findAction);
    file->addAction(activity);
    file->addAction(scorecard);
    file->addSeparator();
    file->addAction(timesheet);
    file->addAction(calendar);
    file->addAction(calendarLink);
    file->addSeparator();
    file->addAction(settings);
    file->addAction(signOut);
    file->addAction(quit);
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->addAction(syncAction);
    bar->addAction(m_cancelSync);
}

// Status tabs and the search box filter the dashboard.
void MainWindow::setUpTabsAndSearch()
{
    for (const QString &t :
         {tr("Upcoming"), tr("In progress"), tr("Pending approval"), tr("Paid"), tr("All")})
        m_tabs->addTab(t);
    m_tabs->setCurrentIndex(int(DashboardFilterModel::Tab::All));
    m_tabs->setAccessibleName(tr("Status"));
    m_filter->setSourceModel(m_model);
    m_filter->setTab(DashboardFilterModel::Tab::All);
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int i) {
        m_filter->setTab(DashboardFilterModel::Tab(i));
        updateEmptyState();
    });

    m_search->setPlaceholderText(tr("Search assignments, companies, cities, labels… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        updateEmptyState();
    });
    // Enter in the search box moves to the first match, so Enter again opens it.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_filter->rowCount() == 0)
            return;
        m_table->setFocus();
        m_table->setCurrentIndex(m_filter->index(0, 0));
        m_table->selectRow(0);
    });
}

// The dashboard table: sorting, delegates, column widths, opening a row.
void MainWindow::setUpTable()
{
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    // What needs the worker soonest comes first; finished work (nothing due) sinks.
    m_table->sortByColumn(DashboardModel::NextDue, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(30);
    m_table->setAccessibleName(tr("Assignments"));
    m_table->setItemDelegateForColumn(DashboardModel::Status,
                                      new ChipDelegate(ChipDelegate::Kind::Status, m_table));
    m_table->setItemDelegateForColumn(DashboardModel::Labels,
                                      new ChipDelegate(ChipDelegate::Kind::Labels, m_table));
    m_table->setItemDelegateForColumn(DashboardModel::Progress, new ProgressDelegate(m_table));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    // Dates, status, labels, checklist and next due keep their width; the texts share the rest.
    using Col = ColumnFitter::Column;
    QVector<Col> columns(DashboardModel::ColumnCount);
    columns[DashboardModel::Title] = Col{4, 150, false, true};
    columns[DashboardModel::Company] = Col{2, 90, false, true};
    columns[DashboardModel::City] = Col{1, 70, true, true};
    columns[DashboardModel::Scheduled].wraps = true;
    columns[DashboardModel::NextDue].wraps = true;
    new ColumnFitter(m_table, columns);
    connect(m_table, &QTableView::activated, this, &MainWindow::openRow);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showRowMenu);
}

// What the dashboard says when nothing is shown.
void MainWindow::setUpEmptyState()
{
    // Why the list is empty, and the way back when a search or a tab hides everything.
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyAction->setAutoDefault(false);
    connect(m_emptyAction, &QPushButton::clicked, this, [this] {
        if (!m_search->text().isEmpty())
            m_search->clear();
        else
            m_tabs->setCurrentIndex(int(DashboardFilterModel::Tab::All));
        m_table->setFocus();
    });
    auto *emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addWidget(m_emptyAction, 0, Qt::AlignHCenter);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateEmptyState);
    updateEmptyState();
}

// Online state, last sync, unsent changes, what needs attention, account.
void MainWindow::setUpStatusBar()
{
    // Notices in a label of their own rather than the bar's message: shortened to the room
    // left beside the permanent widgets, whole in the tooltip, instead of cut off mid-word.
    m_notice = new StatusNotice(statusBar());
    m_notice->setObjectName(QStringLiteral("statusNotice"));
    statusBar()->addWidget(m_notice, 1);
    m_syncProgress->setRange(0, 0);
    m_syncProgress->setMaximumWidth(120);
    m_syncProgress->hide();
    statusBar()->addPermanentWidget(m_syncProgress);
    statusBar()->addPermanentWidget(m_online);
    statusBar()->addPermanentWidget(m_lastSync);
    statusBar()->addPermanentWidget(m_pending);
    m_attention->setFlat(true);
    Theme::setTone(m_attention, Theme::Tone::Error);
    m_attention->hide();
    connect(m_attention, &QPushButton::clicked, this, &MainWindow::activityRequested);
    statusBar()->addPermanentWidget(m_attention);
    statusBar()->addPermanentWidget(m_account);
    setOnline(false);
    setLastSync({}, {});
    setPendingCount(0);
}

void MainWindow::updateEmptyState()
{
    const bool empty = m_filter->rowCount() == 0;
    m_empty->setVisible(empty);
    if (!empty)
        return;
    const QString search = m_search->text().trimmed();
    const QString tab = m_tabs->tabText(m_tabs->currentIndex()).remove(QLatin1Char('&'));
    const bool allTab = m_filter->tab() == DashboardFilterModel::Tab::All;
    if (m_model->rowCount() == 0) {
        m_emptyText->setText(tr("No assignments here yet. They appear once synced."));
        m_emptyAction->hide();
    } else if (!search.isEmpty()) {
        m_emptyText->setText(allTab ? tr("No assignment matches “%1”.").arg(search)
                                    : tr("No assignment in “%1” matches “%2”.").arg(tab, search));
        m_emptyAction->setText(tr("C&lear the search"));
        m_emptyAction->show();
    } else {
        m_emptyText->setText(tr("No assignments in “%1” right now.").arg(tab));
        m_emptyAction->setText(tr("Show &all assignments"));
        m_emptyAction->show();
    }
}

QString MainWindow::emptyText() const
{
    return m_empty->isVisibleTo(this) ? m_emptyText->text() : QString();
}

bool MainWindow::isShowingAssignment() const
{
    return m_stack->currentWidget() == m_page;
}
void MainWindow::showAssignmentPage()
{
    // On the page Escape goes back; sync is cancelled from the menu or the dashboard.
    m_cancelSync->setShortcut(QKeySequence());
    m_stack->setCurrentWidget(m_page);
}

void MainWindow::showDashboard()
{
    m_stack->setCurrentIndex(0);
    m_cancelSync->setShortcut(Qt::Key_Escape);
    m_table->setFocus();
}

void MainWindow::openRow(const QModelIndex &proxyIndex)
{
    if (proxyIndex.isValid())
        Q_EMIT assignmentRequested(proxyIndex.data(DashboardModel::IdRole).toLongLong());
}

void MainWindow::setOnline(bool online)
{
    m_online->setText(online ? tr("● Online") : tr("○ Offline"));
    Theme::setTone(m_online, online ? Theme::Tone::Success : Theme::Tone::Muted);
}

void MainWindow::setLastSuccessfulSync(const QDateTime &at)
{
    m_lastOk = at;
    setSyncResult(true, QDateTime(), QString());
}

void MainWindow::setSyncResult(bool ok, const QDateTime &at, const QString &problem)
{
    if (ok && at.isValid())
        m_lastOk = at;
    auto when = [](const QDateTime &t) { return SiteTime::formatLocal(t); };
    QString text =
        m_lastOk.isValid() ? tr("Last sync %1").arg(when(m_lastOk)) : tr("Not synced yet");
    if (!ok)
        text +=
            tr(" · latest attempt %1 failed: %2").arg(at.isValid() ? when(at) : QString(), problem);
    m_lastSync->setText(text);
    m_lastSync->setToolTip(text);
}

void MainWindow::setSyncing(bool syncing)
{
    m_syncProgress->setVisible(syncing);
    m_cancelSync->setEnabled(syncing);
}

void MainWindow::setPendingCount(int count)
{
    m_pending->setText(count ? tr("%n change(s) waiting to sync", nullptr, count)
                             : tr("All changes synced"));
}

void MainWindow::setNeedsAttentionCount(int count)
{
    m_attention->setText(tr("⚠ %n change(s) need attention", nullptr, count));
    m_attention->setVisible(count > 0);
}

void MainWindow::showRowMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        return;
    const qint64 id = index.data(DashboardModel::IdRole).toLongLong();
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    menu.addActions(rowActions(id, &menu));
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

QList<QAction *> MainWindow::rowActions(qint64 id, QObject *parent)
{
    const VisitBlockers blocked = m_visitBlockers ? m_visitBlockers(id) : VisitBlockers{};
    auto *open = new QAction(tr("&Open"), parent);
    connect(open, &QAction::triggered, this, [this, id] { Q_EMIT assignmentRequested(id); });
    // An action that cannot work is disabled and says why in its own text, since a menu's
    // tooltip is easy to miss and a silent click is worse.
    auto visit = [&](const QString &text, const QString &blocker,
                     void (MainWindow::*signal)(qint64)) {
        auto *a = new QAction(blocker.isEmpty() ? text : tr("%1 — %2").arg(text, blocker), parent);
        a->setEnabled(blocker.isEmpty());
        a->setToolTip(blocker);
        connect(a, &QAction::triggered, this, [this, id, signal] { Q_EMIT(this->*signal)(id); });
        return a;
    };
    return {open, visit(tr("Check &in now"), blocked.checkIn, &MainWindow::checkInRequested),
            visit(tr("Check &out now"), blocked.checkOut, &MainWindow::checkOutRequested)};
}

void MainWindow::setAccount(const QString &text)
{
    m_account->setText(text);
}
void MainWindow::showMessage(const QString &text)
{
    m_notice->showMessage(text, 10000);
}

void MainWindow::notify(const QString &title, const QString &message, qint64 assignmentId)
{
    m_notifiedAssignment = assignmentId;
    if (!m_tray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("Onsite"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
            if (m_notifiedAssignment)
                Q_EMIT assignmentRequested(m_notifiedAssignment);
        });
        m_tray->show();
    }
    if (m_tray)
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning);
    showMessage(tr("%1: %2").arg(title, message));
    Q_EMIT notified(title, message);
}

QString MainWindow::statusText() const
{
    return QStringList{m_online->text(), m_lastSync->text(), m_pending->text(),
                       m_attention->isVisibleTo(this) ? m_attention->text() : QString(),
                       m_account->text()}
        .join(QStringLiteral(" | "));
}

} // namespace onsite
