#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "Clock.h"
#include "DashboardRow.h"
#include "Fixtures.h"
#include "LateNotifier.h"

#include <QLocale>
#include <QSignalSpy>
#include <QUuid>

using namespace onsite;
using namespace onsite::test;

namespace {
DashboardRow row(qint64 id, const QDateTime &lateSince)
{
    DashboardRow r;
    r.id = id;
    r.title = QStringLiteral("Job %1").arg(id);
    if (lateSince.isValid())
        r.labels.append(
            {QStringLiteral("deliverables_late"), QStringLiteral("Deliverables Late"), lateSince});
    return r;
}
} // namespace

TEST_CASE("deliverables late is announced once per assignment, across restarts", "[ui][notify]")
{
    const QString account = QUuid::createUuid().toString();
    const QDateTime due =
        QDateTime::fromString(QStringLiteral("2026-11-20T12:00:00Z"), Qt::ISODate);
    ManualClock clock(due.addDays(1));
    LateNotifier n(&clock);
    n.setAccount(account);
    QSignalSpy spy(&n, &LateNotifier::notify);

    n.check({row(1, {}), row(2, {})});
    CHECK(spy.isEmpty()); // nothing late, nothing said

    n.check({row(1, due), row(2, {})});
    REQUIRE(spy.size() == 1);
    CHECK(spy.at(0).at(1).toString().contains(QStringLiteral("#1 Job 1")));
    CHECK(spy.at(0).at(2).toLongLong() == 1);

    n.check({row(1, due), row(2, {})}); // the next reload: still late, not said again
    CHECK(spy.size() == 1);

    LateNotifier afterRestart(&clock);
    afterRestart.setAccount(account);
    QSignalSpy again(&afterRestart, &LateNotifier::notify);
    afterRestart.check({row(1, due), row(2, due), row(3, due)});
    REQUIRE(again.size() == 1); // two new ones, said together
    CHECK(again.at(0).at(1).toString().contains(QStringLiteral("2 assignments")));

    // A due date moved later and missed again is news again.
    afterRestart.check({row(1, due.addDays(2)), row(2, due), row(3, due)});
    CHECK(again.size() == 2);

    // Another account on the same computer has its own memory.
    LateNotifier other(&clock);
    other.setAccount(QUuid::createUuid().toString());
    QSignalSpy otherSpy(&other, &LateNotifier::notify);
    other.check({row(1, due)});
    CHECK(otherSpy.size() == 1);
}

TEST_CASE("late labels and a schedule to confirm soon are each said once, by the clock",
          "[ui][notify]")
{
    const QDateTime t0 = QDateTime::fromString(QStringLiteral("2026-11-20T12:00:00Z"), Qt::ISODate);
    ManualClock clock(t0);
    LateNotifier n(&clock);
    n.setAccount(QUuid::createUuid().toString());
    QSignalSpy spy(&n, &LateNotifier::notify);
    DashboardRow r = row(5, {});
    r.timeZone = QStringLiteral("America/Chicago");
    r.nextKey = QStringLiteral("confirm_schedule");
    r.nextDueMs = t0.addSecs(3 * 3600).toMSecsSinceEpoch();

    n.check({r});
    CHECK(spy.isEmpty());            // three hours ahead: not yet
    clock.set(t0.addSecs(3600 + 1)); // two hours minus a second before the deadline
    n.check({r});
    REQUIRE(spy.size() == 1);
    CHECK(spy.at(0).at(0).toString() == QStringLiteral("Confirm your schedule"));
    CHECK(spy.at(0).at(1).toString().contains(QStringLiteral("#5 Job 5: confirm by")));
    CHECK(spy.at(0).at(3).toString() == QStringLiteral("reminders"));
    n.check({r});
    CHECK(spy.size() == 1);

    // The deadline passes unconfirmed: the label appears, and that is said once too.
    clock.set(t0.addSecs(3 * 3600 + 1));
    r.labels.append(
        {QStringLiteral("not_confirmed"), QStringLiteral("Not Confirmed"), t0.addSecs(3 * 3600)});
    r.labels.append(
        {QStringLiteral("worker_late"), QStringLiteral("Worker Late"), t0.addSecs(3 * 3600)});
    n.check({r});
    REQUIRE(spy.size() == 3);
    QStringList titles{spy.at(1).at(0).toString(), spy.at(2).at(0).toString()};
    titles.sort();
    CHECK(titles == QStringList{QStringLiteral("Not Confirmed"), QStringLiteral("Worker Late")});
    CHECK(spy.at(1).at(3).toString() == QStringLiteral("late"));
    n.check({r});
    CHECK(spy.size() == 3);
}

TEST_CASE("an open check-in window is said once, while it is open", "[ui][notify]")
{
    const QDateTime opens =
        QDateTime::fromString(QStringLiteral("2026-11-20T14:30:00Z"), Qt::ISODate);
    ManualClock clock(opens.addSecs(-1));
    LateNotifier n(&clock);
    n.setAccount(QUuid::createUuid().toString());
    QSignalSpy spy(&n, &LateNotifier::notify);
    DashboardRow r = row(8, {});
    r.timeZone = QStringLiteral("America/New_York");
    r.nextKey = QStringLiteral("check_in");
    r.checkinOpensMs = opens.toMSecsSinceEpoch();
    r.nextDueMs = opens.addSecs(45 * 60).toMSecsSinceEpoch(); // closes 45 min later

    n.check({r});
    CHECK(spy.isEmpty()); // one second before it opens
    clock.set(opens);
    n.check({r});
    REQUIRE(spy.size() == 1);
    CHECK(spy.at(0).at(0).toString() == QStringLiteral("Check-in window open"));
    CHECK(spy.at(0).at(1).toString().contains(QStringLiteral("check in by")));
    CHECK(spy.at(0).at(2).toLongLong() == 8);
    clock.set(opens.addSecs(600));
    n.check({r});
    CHECK(spy.size() == 1); // once

    // Checked in: nothing more to say; a window that already closed is not announced.
    LateNotifier late(&clock);
    late.setAccount(QUuid::createUuid().toString());
    QSignalSpy lateSpy(&late, &LateNotifier::notify);
    clock.set(opens.addSecs(46 * 60));
    late.check({r});
    CHECK(lateSpy.isEmpty());
}

TEST_CASE("files still missing two hours before they are due are said once, uploaded ones not",
          "[ui][notify]")
{
    Assignment a = sampleAssignment(31); // needs 2 photos, has 1
    a.schedule.confirmRequired = false;  // only the files are left to remind of
    const QDateTime due = a.deliverablesDueAt;
    ManualClock clock(due.addSecs(-2 * 3600 - 1));
    LateNotifier n(&clock);
    n.setAccount(QUuid::createUuid().toString());
    QSignalSpy spy(&n, &LateNotifier::notify);

    n.check({DashboardRow::from(a, clock.now())});
    CHECK(spy.isEmpty()); // two hours and a second ahead: not yet
    clock.set(due.addSecs(-2 * 3600));
    n.check({DashboardRow::from(a, clock.now())});
    REQUIRE(spy.size() == 1);
    CHECK(spy.at(0).at(0).toString() == QStringLiteral("Files due soon"));
    CHECK(spy.at(0).at(1).toString().contains(QStringLiteral("#31 Replace POS terminal: the files "
                                                             "are due by")));
    CHECK(spy.at(0).at(1).toString().contains(QStringLiteral("CDT"))); // the site's time
    CHECK(spy.at(0).at(2).toLongLong() == 31);
    CHECK(spy.at(0).at(3).toString() == QStringLiteral("reminders"));
    clock.set(due.addSecs(-600));
    n.check({DashboardRow::from(a, clock.now())});
    CHECK(spy.size() == 1); // once

    // Another worker's copy where the second photo is already there: nothing to remind.
    Assignment done = sampleAssignment(32);
    done.schedule.confirmRequired = false;
    done.deliverables.append(done.deliverables.first());
    done.deliverables.last().id = QStringLiteral("d2");
    LateNotifier m(&clock);
    m.setAccount(QUuid::createUuid().toString());
    QSignalSpy quiet(&m, &LateNotifier::notify);
    m.check({DashboardRow::from(done, clock.now())});
    CHECK(quiet.isEmpty());
}

TEST_CASE("a visit still open half an hour after the scheduled end is reminded of once, and the "
          "dashboard row says how long the worker has been on site",
          "[ui][notify][onsite]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Assignment a = sampleAssignment(8);
    a.schedule.confirmedAt = a.schedule.confirmBy; // confirmed: checking out is next
    a.phoneCheckin.required = false;
    const QDateTime in = utc("2026-03-10T15:05:00Z");
    a.timeLogs = {
        {QStringLiteral("v1"), in, QDateTime(), QString(), TimeLogSource::Desktop, false, false}};
    ManualClock clock(in.addSecs(79 * 60));
    LateNotifier n(&clock);
    n.setAccount(QUuid::createUuid().toString());
    QSignalSpy spy(&n, &LateNotifier::notify);
    auto rows = [&] { return QVector<DashboardRow>{DashboardRow::from(a, clock.now())}; };

    const DashboardRow r = rows().first();
    CHECK(r.nextDue.startsWith(QStringLiteral("Check out")));
    CHECK(QString(r.nextDue)
              .replace(QChar::Nbsp, QLatin1Char(' '))
              .contains(QStringLiteral("on site for 1 h 19 min")));
    n.check(rows());
    CHECK(spy.isEmpty()); // the scheduled end (18:00Z) is hours away

    clock.set(a.schedule.end.addSecs(29 * 60));
    n.check(rows());
    CHECK(spy.isEmpty());
    clock.set(a.schedule.end.addSecs(30 * 60));
    n.check(rows());
    REQUIRE(spy.size() == 1);
    CHECK(spy.at(0).at(0).toString() == QStringLiteral("Still on site?"));
    CHECK(spy.at(0).at(1).toString().contains(QStringLiteral("#8 Replace POS terminal")));
    CHECK(spy.at(0).at(1).toString().contains(QStringLiteral("on site for 3 h 25 min")));
    CHECK(spy.at(0).at(2).toLongLong() == 8);
    CHECK(spy.at(0).at(3).toString() == QStringLiteral("checkout")); // its own setting
    clock.set(a.schedule.end.addSecs(90 * 60));
    n.check(rows());
    CHECK(spy.size() == 1); // said once

    // Checked out: nothing; a later visit left open is news again.
    a.timeLogs.first().checkOut = a.schedule.end.addSecs(95 * 60);
    n.check(rows());
    a.timeLogs.append({QStringLiteral("v2"), a.schedule.end.addSecs(100 * 60), QDateTime(),
                       QString(), TimeLogSource::Desktop, false, false});
    CHECK(spy.size() == 1);
    n.check(rows());
    CHECK(spy.size() == 2);
}
