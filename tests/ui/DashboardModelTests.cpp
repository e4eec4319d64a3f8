#include <catch2/catch.hpp>

#include "Clock.h"
#include "DashboardFilterModel.h"
#include "DashboardModel.h"
#include "Fixtures.h"
#include "Rules.h"
#include "SiteDateTimeDelegate.h"
#include "SiteTime.h"
#include "TimeLogModel.h"

#include <QAbstractItemModelTester>
#include <QDateTimeEdit>
#include <QSignalSpy>

#include <memory>

using namespace onsite;
using namespace onsite::test;

namespace {

QVector<DashboardRow> demoRows(const QDateTime &now)
{
    QVector<DashboardRow> rows;
    const AssignmentStatus statuses[] = {AssignmentStatus::Assigned,  AssignmentStatus::InProgress,
                                         AssignmentStatus::Submitted, AssignmentStatus::Approved,
                                         AssignmentStatus::Paid,      AssignmentStatus::Cancelled};
    const char *cities[] = {"Chicago", "Denver", "Boston"};
    for (int i = 0; i < 12; ++i) {
        Assignment a = sampleAssignment(100 + i);
        a.status = statuses[i % 6];
        a.site.city = QString::fromLatin1(cities[i % 3]);
        a.title = QStringLiteral("Job %1").arg(i);
        a.schedule.start = a.schedule.start.addDays(i);
        a.schedule.end = a.schedule.start.addSecs(3600);
        a.schedule.confirmBy = a.schedule.start.addDays(-1);
        a.timeLogs.clear();
        rows.append(DashboardRow::from(a, now));
    }
    return rows;
}

QStringList column(QAbstractItemModel &m, int col, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, col).data(role).toString();
    return out;
}

} // namespace

TEST_CASE("the dashboard model and its filter obey the model contract", "[ui][model]")
{
    DashboardModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    DashboardFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    filter.sort(DashboardModel::Scheduled);

    const QDateTime now = utc("2026-03-11T12:00:00Z");
    model.setRows(demoRows(now));
    CHECK(model.rowCount() == 12);
    CHECK(model.columnCount() == DashboardModel::ColumnCount);
    CHECK(filter.rowCount() == 12);

    filter.setTab(DashboardFilterModel::Tab::Upcoming);
    CHECK(filter.rowCount() == 2);
    filter.setTab(DashboardFilterModel::Tab::PendingApproval); // submitted + approved
    CHECK(filter.rowCount() == 4);
    filter.setTab(DashboardFilterModel::Tab::Paid);
    CHECK(filter.rowCount() == 2);
    filter.setTab(DashboardFilterModel::Tab::All);
    filter.setSearchText(QStringLiteral("  DENVER "));
    CHECK(filter.rowCount() == 4);
    CHECK(column(filter, DashboardModel::City) == QStringList(4, QStringLiteral("Denver, IL")));
    filter.setSearchText(QStringLiteral("job 1"));
    CHECK(filter.rowCount() == 3); // Job 1, Job 10, Job 11
    filter.setSearchText(QString());
    model.setRows({});
    CHECK(filter.rowCount() == 0);
}

TEST_CASE("rows show site time, status, labels, progress and the next thing due", "[ui][model]")
{
    DashboardModel model;
    Assignment a = sampleAssignment(7);
    a.status = AssignmentStatus::Assigned;
    a.timeLogs.clear();
    a.deliverables.clear();
    a.schedule.confirmedAt = {};
    const QDateTime now = a.schedule.confirmBy.addSecs(60); // missed the confirmation
    model.setRows({DashboardRow::from(a, now)});
    auto cell = [&](int c, int role = Qt::DisplayRole) { return model.index(0, c).data(role); };
    CHECK(cell(DashboardModel::Title).toString() == QStringLiteral("#7 Replace POS terminal"));
    CHECK(cell(DashboardModel::Scheduled).toString().endsWith(QStringLiteral("10:00 CDT")));
    CHECK(cell(DashboardModel::Status).toString() == QStringLiteral("Assigned"));
    CHECK(cell(DashboardModel::Labels, DashboardModel::LabelCodesRole).toStringList() ==
          QStringList{QStringLiteral("not_confirmed")});
    CHECK(cell(DashboardModel::Progress).toString() == QStringLiteral("1 of 4"));
    CHECK(cell(DashboardModel::NextDue).toString().startsWith(QStringLiteral("Confirm schedule")));
    CHECK(cell(DashboardModel::NextDue).toString().contains(QStringLiteral("ago")));
    CHECK(cell(DashboardModel::Title, DashboardModel::IdRole).toLongLong() == 7);
}

TEST_CASE("sorting uses real keys, not display text", "[ui][model]")
{
    DashboardModel model;
    DashboardFilterModel filter;
    filter.setSourceModel(&model);
    model.setRows(demoRows(utc("2026-03-01T00:00:00Z")));
    filter.sort(DashboardModel::Scheduled, Qt::DescendingOrder);
    CHECK(filter.index(0, DashboardModel::Title).data().toString() ==
          QStringLiteral("#111 Job 11"));
    filter.sort(DashboardModel::Scheduled, Qt::AscendingOrder);
    CHECK(filter.index(0, DashboardModel::Title).data().toString() == QStringLiteral("#100 Job 0"));
    filter.sort(DashboardModel::Status, Qt::AscendingOrder);
    CHECK(filter.index(0, DashboardModel::Status).data().toString() == QStringLiteral("Assigned"));
    CHECK(filter.index(11, DashboardModel::Status).data().toString() ==
          QStringLiteral("Cancelled"));
}

TEST_CASE("typing and erasing a search shows exactly the rows that contain it", "[ui][model]")
{
    DashboardModel model;
    DashboardFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    filter.sort(DashboardModel::Scheduled);
    model.setRows(demoRows(utc("2026-03-11T12:00:00Z")));
    // What a user would expect: every row whose visible text contains the search, nothing else.
    auto expected = [&](const QString &needle) {
        QStringList titles;
        for (int r = 0; r < model.rowCount(); ++r) {
            QString text;
            for (int c = 0; c < model.columnCount(); ++c)
                text += model.index(r, c).data().toString() + QLatin1Char(' ');
            if (text.toLower().contains(needle))
                titles << model.index(r, DashboardModel::Title).data().toString();
        }
        titles.sort();
        return titles;
    };
    auto shown = [&] {
        QStringList titles = column(filter, DashboardModel::Title);
        titles.sort();
        return titles;
    };
    const QString word = QStringLiteral("job 10");
    for (int i = 1; i <= word.size(); ++i) {
        filter.setSearchText(word.left(i));
        CHECK(shown() == expected(word.left(i)));
    }
    for (int i = word.size() - 1; i >= 0; --i) {
        filter.setSearchText(word.left(i));
        CHECK(shown() == expected(word.left(i)));
    }
    filter.setSearchText(QStringLiteral("boston"));
    CHECK(filter.rowCount() == 4);
    filter.setSearchText(QStringLiteral("bostonx"));
    CHECK(filter.rowCount() == 0);
    filter.setSearchText(QStringLiteral("chicago"));
    CHECK(shown() == expected(QStringLiteral("chicago")));
}

TEST_CASE("the selected row stays selected while the search narrows around it", "[ui][model]")
{
    DashboardModel model;
    DashboardFilterModel filter;
    filter.setSourceModel(&model);
    filter.sort(DashboardModel::Scheduled);
    model.setRows(demoRows(utc("2026-03-11T12:00:00Z")));
    QPersistentModelIndex selected;
    for (int r = 0; r < filter.rowCount(); ++r)
        if (filter.index(r, DashboardModel::Title).data().toString() ==
            QStringLiteral("#107 Job 7"))
            selected = filter.index(r, DashboardModel::Title);
    REQUIRE(selected.isValid());
    filter.setSearchText(QStringLiteral("denver"));
    REQUIRE(selected.isValid());
    CHECK(selected.data().toString() == QStringLiteral("#107 Job 7"));
    filter.sort(DashboardModel::Scheduled, Qt::DescendingOrder);
    CHECK(selected.data().toString() == QStringLiteral("#107 Job 7"));
    filter.setSearchText(QStringLiteral("boston"));
    CHECK_FALSE(selected.isValid()); // filtered out: no stale row is left selected
}

TEST_CASE("the visits model signals only the rows whose 'not sent yet' marker changed",
          "[ui][model]")
{
    Assignment a = sampleAssignment(7);
    a.timeLogs.clear();
    for (int i = 0; i < 3; ++i)
        a.timeLogs.append({QStringLiteral("v%1").arg(i), utc("2026-03-10T14:00:00Z").addDays(i),
                           utc("2026-03-10T16:00:00Z").addDays(i), QString(),
                           TimeLogSource::Desktop, false, false});
    TimeLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setAssignment(a);
    REQUIRE(model.rowCount() == 3);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Each signal as "first row-last row, first column-last column".
    auto ranges = [&] {
        QStringList out;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto from = args.at(0).value<QModelIndex>();
            const auto to = args.at(1).value<QModelIndex>();
            out << QStringLiteral("%1-%2,%3-%4")
                       .arg(from.row())
                       .arg(to.row())
                       .arg(from.column())
                       .arg(to.column());
        }
        changed.clear();
        return out;
    };
    const QString last = QString::number(TimeLogModel::ColumnCount - 1);

    model.setUnsent({QStringLiteral("v1")});
    CHECK(ranges() == QStringList{QStringLiteral("1-1,0-") + last});
    CHECK(model.index(1, 0).data(TimeLogModel::NotSentRole).toBool());
    CHECK_FALSE(model.index(0, 0).data(TimeLogModel::NotSentRole).toBool());

    model.setUnsent({QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("gone")});
    CHECK(ranges() == QStringList{QStringLiteral("2-2,0-") + last});

    model.setUnsent({QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("gone")});
    CHECK(ranges().isEmpty());

    model.setUnsent({QStringLiteral("v0")});
    CHECK(ranges() == QStringList{QStringLiteral("0-0,0-") + last, QStringLiteral("1-1,0-") + last,
                                  QStringLiteral("2-2,0-") + last});
    CHECK(model.index(0, 0).data(TimeLogModel::NotSentRole).toBool());
    CHECK_FALSE(model.index(2, 0).data(TimeLogModel::NotSentRole).toBool());
}

TEST_CASE("the visit time editor starts an open visit's check-out at the clock's now, in site "
          "time",
          "[ui][model]")
{
    const ManualClock clock(utc("2026-03-10T16:37:42Z"));
    Assignment a = sampleAssignment(8);
    a.timeLogs = {{QStringLiteral("open"), utc("2026-03-10T14:50:00Z"), QDateTime(), QString(),
                   TimeLogSource::Desktop, false, false}};
    TimeLogModel model;
    model.setAssignment(a);
    SiteDateTimeDelegate delegate(&clock);
    QWidget parent;
    const QModelIndex checkOut = model.index(0, TimeLogModel::CheckOut);
    std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, {}, checkOut));
    delegate.setEditorData(editor.get(), checkOut);
    const QDateTime site = SiteTime::inZone(clock.now(), a.site.timeZone);
    CHECK(static_cast<QDateTimeEdit *>(editor.get())->dateTime() ==
          QDateTime(site.date(), QTime(site.time().hour(), site.time().minute()), Qt::UTC));
}
