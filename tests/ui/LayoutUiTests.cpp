#include <catch2/catch.hpp>

#include "AssignmentPage.h"
#include "DashboardFilterModel.h"
#include "DashboardModel.h"
#include "DeliverablesPanel.h"
#include "ProgressDelegate.h"
#include "SignInDialog.h"
#include "SignedInApp.h"
#include "Theme.h"

#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace onsite;
using namespace onsite::test;

namespace {

// The laptop screens the app is used on; what the window gets once the desktop's panels and
// the title bar have taken their share.
const QList<QSize> kScreens{{1024, 700}, {1366, 768}};

void settle()
{
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
        QTest::qWait(20);
    }
}

// Every column starts and ends inside the visible part of the table, and the columns whose
// text has a natural width (date, status, checklist, next due) get all of it.
void requireDashboardFits(QTableView *table)
{
    const int visible = table->viewport()->width();
    const QHeaderView *h = table->horizontalHeader();
    CHECK(table->horizontalScrollBar()->maximum() == 0);
    for (int c = 0; c < DashboardModel::ColumnCount; ++c) {
        INFO("column " << table->model()->headerData(c, Qt::Horizontal).toString().toStdString()
                       << " at " << h->sectionViewportPosition(c) << " width " << h->sectionSize(c)
                       << " in " << visible);
        CHECK(h->sectionViewportPosition(c) >= 0);
        CHECK(h->sectionViewportPosition(c) + h->sectionSize(c) <= visible);
        CHECK(h->sectionSize(c) >= 50);
    }
    for (int c : {DashboardModel::Status, DashboardModel::Progress, DashboardModel::Labels}) {
        INFO("column " << table->model()->headerData(c, Qt::Horizontal).toString().toStdString());
        CHECK(h->sectionSize(c) >= static_cast<QAbstractItemView *>(table)->sizeHintForColumn(c));
    }
    // Dates and deadlines may wrap onto a second line when rows are two lines tall, but every
    // word of them shows.
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    const int rows = qMin(table->model()->rowCount(), 40);
    for (int c : {DashboardModel::Scheduled, DashboardModel::NextDue})
        for (int r = 0; r < rows; ++r) {
            const QString text = table->model()->index(r, c).data().toString();
            // The style's text margin each side, and the grid line.
            const int room = h->sectionSize(c) -
                             2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1) -
                             1;
            const QRect needed = table->fontMetrics().boundingRect(
                QRect(0, 0, room, 10000), table->wordWrap() ? Qt::TextWordWrap : 0, text);
            INFO("\"" << text.toStdString() << "\" needs " << needed.width() << "x"
                      << needed.height() << " in " << room << "x" << rowHeight);
            CHECK(needed.width() <= room);
            CHECK(needed.height() <= rowHeight - 4);
        }
}

// A view shows all its rows (or all its text) without a scroll bar of its own.
void requireWhole(QAbstractScrollArea *view, const char *what)
{
    INFO(what << ": scrolls by " << view->verticalScrollBar()->maximum() << " inside "
              << view->height());
    CHECK(view->verticalScrollBar()->maximum() == 0);
    CHECK(view->horizontalScrollBar()->maximum() == 0);
}

qint64 findRow(const MainWindow &window, const std::function<bool(const DashboardRow &)> &match)
{
    for (int r = 0; r < window.model()->rowCount(); ++r)
        if (match(window.model()->rowAt(r)))
            return window.model()->rowAt(r).id;
    return 0;
}

} // namespace

TEST_CASE("at 1024x700 and 1366x768 every dashboard column is on screen, none clipped",
          "[ui][layout]")
{
    TestServer server;
    REQUIRE(server.start());
    SignedInApp app(server);
    // The rows arrive from a background load after the sync.
    REQUIRE(waitFor([&] { return app.window.model()->rowCount() >= 25; }, 30000));
    for (const QSize &size : kScreens) {
        INFO("window " << size.width() << "x" << size.height());
        app.window.resize(size);
        settle();
        REQUIRE(app.window.width() <= size.width());
        requireDashboardFits(app.window.table());
    }
    // Making the window wide again gives the room back to the texts.
    app.window.resize(1600, 900);
    settle();
    requireDashboardFits(app.window.table());
    CHECK(app.window.table()->horizontalHeader()->sectionSize(DashboardModel::Title) > 300);
}

TEST_CASE("at both laptop sizes the page shows whole sections, one column on the small one",
          "[ui][layout]")
{
    TestServer server;
    REQUIRE(server.start());
    SignedInApp app(server);
    // The rows arrive from a background load after the sync.
    REQUIRE(waitFor([&] { return app.window.model()->rowCount() >= 25; }, 30000));
    // Closing out: a finished visit, files partly uploaded, a decided funds request.
    qint64 id = 0;
    int mostDone = -1;
    for (int r = 0; r < app.window.model()->rowCount(); ++r) {
        const DashboardRow &row = app.window.model()->rowAt(r);
        if (row.status == AssignmentStatus::InProgress && row.done > mostDone) {
            id = row.id;
            mostDone = row.done;
        }
    }
    REQUIRE(id);
    AssignmentPage *page = app.window.page();
    for (const QSize &size : kScreens) {
        INFO("window " << size.width() << "x" << size.height());
        app.window.resize(size);
        app.controller.openAssignment(id);
        REQUIRE(waitFor([&] { return page->assignmentId() == id && page->isVisible(); }));
        settle();
        CHECK(page->isTwoColumns() == (size.width() >= 1366));
        requireWhole(page->findChild<QTextBrowser *>(), "description");
        requireWhole(page->timeLogView(), "visits");
        requireWhole(page->fundsView(), "funds requests");
        requireWhole(page->checklistView(), "checklist");
        requireWhole(page->deliverables()->findChild<QTableView *>(), "deliverables");
        CHECK(page->timeLogView()->model()->rowCount() >= 1);
        // The page scrolls as a whole, down, never sideways.
        CHECK(page->scrollArea()->horizontalScrollBar()->maximum() == 0);
        // The header with the actions stays in view: it is not inside the scrolling part.
        CHECK(page->checkInButton()->parentWidget() == page);
        app.window.showDashboard();
    }
}

TEST_CASE("an empty list says whether the search or the tab hides the rows, and undoes it",
          "[ui][layout]")
{
    TestServer server;
    REQUIRE(server.start());
    SignedInApp app(server);
    // The rows arrive from a background load after the sync.
    REQUIRE(waitFor([&] { return app.window.model()->rowCount() >= 25; }, 30000));
    MainWindow &w = app.window;
    REQUIRE(w.filter()->rowCount() > 0);
    CHECK(w.emptyText().isEmpty());

    QTest::keyClicks(w.search(), QStringLiteral("zzqx"));
    REQUIRE(w.filter()->rowCount() == 0);
    CHECK(w.emptyText().contains(QStringLiteral("“zzqx”")));
    CHECK_FALSE(w.emptyText().contains(QStringLiteral("once synced")));
    REQUIRE(w.emptyAction()->isVisible());
    w.emptyAction()->click();
    CHECK(w.search()->text().isEmpty());
    CHECK(w.filter()->rowCount() == w.model()->rowCount());
    CHECK(w.emptyText().isEmpty());

    // A search that matches elsewhere but not in this tab names the tab.
    w.tabs()->setCurrentIndex(int(DashboardFilterModel::Tab::Paid));
    QTest::keyClicks(w.search(), QStringLiteral("zzqx"));
    CHECK(w.emptyText().contains(w.tabs()->tabText(int(DashboardFilterModel::Tab::Paid))));
    w.emptyAction()->click();
    CHECK(w.filter()->rowCount() > 0);
}

TEST_CASE("Escape on an assignment page goes back, but first closes an open editor",
          "[ui][layout][keyboard]")
{
    TestServer server;
    REQUIRE(server.start());
    SignedInApp app(server);
    // The rows arrive from a background load after the sync.
    REQUIRE(waitFor([&] { return app.window.model()->rowCount() >= 25; }, 30000));
    const qint64 id = findRow(
        app.window, [](const DashboardRow &r) { return r.status == AssignmentStatus::InProgress; });
    REQUIRE(id);
    app.window.activateWindow();
    app.controller.openAssignment(id);
    AssignmentPage *page = app.window.page();
    REQUIRE(waitFor([&] { return app.window.isShowingAssignment(); }));
    QTableView *visits = page->timeLogView();
    REQUIRE(visits->model()->rowCount() > 0);
    visits->setFocus();
    visits->setCurrentIndex(visits->model()->index(0, 0));
    visits->edit(visits->currentIndex());
    QWidget *editor = QApplication::focusWidget();
    REQUIRE(editor);
    REQUIRE(editor != visits);
    QTest::keyClick(editor, Qt::Key_Escape);
    settle();
    CHECK(app.window.isShowingAssignment());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    settle();
    CHECK_FALSE(app.window.isShowingAssignment());
}

TEST_CASE("a message appearing on the page does not move the rows under the pointer",
          "[ui][layout]")
{
    TestServer server;
    REQUIRE(server.start());
    SignedInApp app(server);
    // The rows arrive from a background load after the sync.
    REQUIRE(waitFor([&] { return app.window.model()->rowCount() >= 25; }, 30000));
    const qint64 id = findRow(
        app.window, [](const DashboardRow &r) { return r.status == AssignmentStatus::InProgress; });
    REQUIRE(id);
    app.controller.openAssignment(id);
    AssignmentPage *page = app.window.page();
    REQUIRE(waitFor([&] { return app.window.isShowingAssignment(); }));
    settle();
    QTableView *visits = page->timeLogView();
    const QPoint before = visits->viewport()->mapTo(&app.window, QPoint(0, 0));
    page->showError(QStringLiteral("The check-out cannot be before the check-in. This line is "
                                   "long enough to wrap onto a second line on a small window, "
                                   "which is when it used to push everything below it down."));
    settle();
    REQUIRE_FALSE(page->errorText().isEmpty());
    CHECK(visits->viewport()->mapTo(&app.window, QPoint(0, 0)) == before);
}

TEST_CASE("finished work is not offered for correction and optional steps are not failures",
          "[ui][layout]")
{
    TestServer server;
    REQUIRE(server.start());
    SignedInApp app(server);
    // The rows arrive from a background load after the sync.
    REQUIRE(waitFor([&] { return app.window.model()->rowCount() >= 25; }, 30000));
    AssignmentPage *page = app.window.page();
    auto open = [&](qint64 id) {
        app.controller.openAssignment(id);
        REQUIRE(waitFor([&] { return page->assignmentId() == id; }));
    };

    const qint64 paid = findRow(
        app.window, [](const DashboardRow &r) { return r.status == AssignmentStatus::Paid; });
    REQUIRE(paid);
    open(paid);
    REQUIRE(page->timeLogView()->model()->rowCount() > 0);
    CHECK_FALSE(page->visitsTitleText().contains(QStringLiteral("double-click")));
    CHECK_FALSE(page->checkInButton()->isVisible());

    // Northwind's close-out notes are optional: not written yet is "Not done", not "To do".
    const qint64 northwind = findRow(app.window, [](const DashboardRow &r) {
        return r.status == AssignmentStatus::InProgress &&
               r.company == QLatin1String("Northwind Retail Services");
    });
    REQUIRE(northwind);
    open(northwind);
    CHECK(page->visitsTitleText().contains(QStringLiteral("double-click")));
    bool sawOptional = false;
    for (int i = 0; i < page->checklistView()->count(); ++i) {
        const QString text = page->checklistView()->item(i)->text();
        if (!text.contains(QStringLiteral("(optional)")) || text.endsWith(QStringLiteral("Done")))
            continue;
        sawOptional = true;
        INFO(text.toStdString());
        CHECK_FALSE(text.endsWith(QStringLiteral("To do")));
        CHECK(page->checklistView()->item(i)->foreground().color() !=
              Theme::color(Theme::Tone::Error));
    }
    CHECK(sawOptional);
}

TEST_CASE("the checklist count is drawn beside its bar, never over it", "[ui][layout]")
{
    QStandardItemModel model(1, 1);
    QTableView view;
    view.setModel(&model);
    ProgressDelegate delegate;
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.rect = QRect(0, 0, 130, 30);
    option.state = QStyle::State_Enabled;
    auto render = [&](int done, const QString &text) {
        model.setData(model.index(0, 0), text, Qt::DisplayRole);
        model.setData(model.index(0, 0), done, DashboardModel::DoneRole);
        model.setData(model.index(0, 0), 4, DashboardModel::RequiredRole);
        QImage image(option.rect.size(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        delegate.paint(&painter, option, model.index(0, 0));
        return image;
    };
    auto differing = [](const QImage &a, const QImage &b) {
        QList<QPoint> out;
        for (int y = 0; y < a.height(); ++y)
            for (int x = 0; x < a.width(); ++x)
                if (a.pixel(x, y) != b.pixel(x, y))
                    out << QPoint(x, y);
        return out;
    };
    // Where the bar fills (empty against full), and where the text is (two counts of the same
    // width: digits are equally wide, so only the first glyph's pixels differ).
    const QList<QPoint> bar =
        differing(render(0, QStringLiteral("4 of 4")), render(4, QStringLiteral("4 of 4")));
    const QList<QPoint> text =
        differing(render(4, QStringLiteral("4 of 4")), render(4, QStringLiteral("1 of 4")));
    REQUIRE_FALSE(bar.isEmpty());
    REQUIRE_FALSE(text.isEmpty());
    int overlap = 0;
    for (const QPoint &p : text)
        overlap += bar.contains(p);
    CHECK(overlap == 0);
}

TEST_CASE("on a small window the visits come fully into view when they take the keyboard, and "
          "stay there when a message appears",
          "[ui][layout]")
{
    TestServer server;
    REQUIRE(server.start());
    SignedInApp app(server);
    // The rows arrive from a background load after the sync.
    REQUIRE(waitFor([&] { return app.window.model()->rowCount() >= 25; }, 30000));
    const qint64 id = findRow(
        app.window, [](const DashboardRow &r) { return r.status == AssignmentStatus::InProgress; });
    REQUIRE(id);
    app.window.resize(1024, 700);
    app.window.activateWindow();
    app.controller.openAssignment(id);
    AssignmentPage *page = app.window.page();
    REQUIRE(waitFor([&] { return app.window.isShowingAssignment(); }));
    settle();
    QTableView *visits = page->timeLogView();
    QWidget *viewport = page->scrollArea()->viewport();
    auto wholeInView = [&] {
        const QRect r(visits->mapTo(viewport, QPoint(0, 0)), visits->size());
        return viewport->rect().contains(r);
    };
    REQUIRE_FALSE(wholeInView()); // one column: the visits start below the description
    page->showError(QStringLiteral("Select the visit to delete first."));
    visits->setCurrentIndex(visits->model()->index(0, 0)); // as Tab into the table does
    visits->setFocus(Qt::TabFocusReason);
    settle();
    CHECK(wholeInView());
    page->showError(QStringLiteral("Select the visit to delete first."));
    settle();
    CHECK(wholeInView());
}
