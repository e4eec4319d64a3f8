#include <catch2/catch.hpp>

#include "Clock.h"
#include "Fixtures.h"
#include "Rules.h"
#include "SiteTime.h"

#include <limits>

using namespace onsite;
using namespace onsite::test;

namespace {

QStringList codes(const Assignment &a, const Clock &clock)
{
    QStringList out;
    for (const Label &l : Rules::labels(a, clock.now()))
        out << l.code;
    return out;
}

// An assignment with nothing done yet, starting 2026-03-10 15:00Z in Chicago.
Assignment fresh()
{
    Assignment a = sampleAssignment();
    a.status = AssignmentStatus::Assigned;
    a.timeLogs.clear();
    a.deliverables.clear();
    a.tasks.clear();
    a.resolution.clear();
    a.schedule.confirmedAt = {};
    return a;
}

} // namespace

TEST_CASE("Not Confirmed appears only strictly after the deadline", "[rules]")
{
    Assignment a = fresh();
    ManualClock clock(a.schedule.confirmBy.addSecs(-1));
    CHECK_FALSE(codes(a, clock).contains(QStringLiteral("not_confirmed")));
    clock.set(a.schedule.confirmBy);
    CHECK_FALSE(codes(a, clock).contains(QStringLiteral("not_confirmed")));
    clock.set(a.schedule.confirmBy.addSecs(1));
    CHECK(codes(a, clock).contains(QStringLiteral("not_confirmed")));

    SECTION("confirming, even late, removes it")
    {
        a.schedule.confirmedAt = a.schedule.confirmBy.addSecs(3600);
        CHECK_FALSE(codes(a, clock).contains(QStringLiteral("not_confirmed")));
    }
    SECTION("not shown when confirmation is not required")
    {
        a.schedule.confirmRequired = false;
        CHECK_FALSE(codes(a, clock).contains(QStringLiteral("not_confirmed")));
    }
    SECTION("not shown once the work is submitted")
    {
        a.status = AssignmentStatus::Submitted;
        CHECK(codes(a, clock).isEmpty());
    }
}

TEST_CASE("Worker Late: past the check-in window with no check-in inside it", "[rules]")
{
    Assignment a = fresh();
    a.schedule.confirmRequired = false;
    const QDateTime close = Rules::checkinWindowCloses(a);
    REQUIRE(close == utc("2026-03-10T15:15:00Z"));
    REQUIRE(Rules::checkinWindowOpens(a) == utc("2026-03-10T14:30:00Z"));
    ManualClock clock(close.addSecs(-1));
    CHECK_FALSE(codes(a, clock).contains(QStringLiteral("worker_late")));
    clock.set(close);
    CHECK_FALSE(codes(a, clock).contains(QStringLiteral("worker_late")));
    clock.set(close.addSecs(1));
    CHECK(codes(a, clock).contains(QStringLiteral("worker_late")));
    CHECK(Rules::labels(a, clock.now()).first().since == close);

    SECTION("a check-in inside the window removes it")
    {
        a.timeLogs.append(
            {QStringLiteral("x"), close, {}, {}, TimeLogSource::Desktop, false, false});
        CHECK_FALSE(codes(a, clock).contains(QStringLiteral("worker_late")));
    }
    SECTION("a check-in one second after the window does not")
    {
        a.timeLogs.append(
            {QStringLiteral("x"), close.addSecs(1), {}, {}, TimeLogSource::Desktop, false, false});
        CHECK(codes(a, clock).contains(QStringLiteral("worker_late")));
    }
    SECTION("a check-in one second before the window opens does not")
    {
        a.timeLogs.append({QStringLiteral("x"),
                           Rules::checkinWindowOpens(a).addSecs(-1),
                           {},
                           {},
                           TimeLogSource::Desktop,
                           false,
                           false});
        CHECK(codes(a, clock).contains(QStringLiteral("worker_late")));
    }
    SECTION("correcting a log's time into the window removes it")
    {
        a.timeLogs.append({QStringLiteral("x"),
                           close.addSecs(600),
                           {},
                           {},
                           TimeLogSource::Desktop,
                           false,
                           false});
        CHECK(codes(a, clock).contains(QStringLiteral("worker_late")));
        a.timeLogs.last().checkIn = close.addSecs(-600);
        CHECK_FALSE(codes(a, clock).contains(QStringLiteral("worker_late")));
    }
    SECTION("a deleted log does not count")
    {
        a.timeLogs.append(
            {QStringLiteral("x"), close, {}, {}, TimeLogSource::Desktop, false, true});
        CHECK(codes(a, clock).contains(QStringLiteral("worker_late")));
    }
    SECTION("a window schedule allows arrival until its end plus grace")
    {
        a.schedule.isWindow = true;
        const QDateTime windowClose = a.schedule.end.addSecs(15 * 60);
        clock.set(windowClose);
        CHECK_FALSE(codes(a, clock).contains(QStringLiteral("worker_late")));
        clock.set(windowClose.addSecs(1));
        CHECK(codes(a, clock).contains(QStringLiteral("worker_late")));
    }
}

TEST_CASE("Deliverables Late: past the due date with a requirement unmet", "[rules]")
{
    Assignment a = fresh();
    a.status = AssignmentStatus::InProgress;
    a.schedule.confirmRequired = false;
    a.timeLogs.append({QStringLiteral("x"),
                       a.schedule.start,
                       a.schedule.end,
                       {},
                       TimeLogSource::Desktop,
                       false,
                       false});
    const QDateTime due = a.deliverablesDueAt;
    ManualClock clock(due.addSecs(-1));
    CHECK(codes(a, clock).isEmpty());
    clock.set(due);
    CHECK(codes(a, clock).isEmpty());
    clock.set(due.addSecs(1));
    CHECK(codes(a, clock) == QStringList{QStringLiteral("deliverables_late")});

    a.deliverables.append({QStringLiteral("d1"), QStringLiteral("r1"), DeliverableKind::Photo,
                           QStringLiteral("1.jpg"), 1, QString(), due});
    CHECK(codes(a, clock) == QStringList{QStringLiteral("deliverables_late")}); // 1 of 2
    a.deliverables.append({QStringLiteral("d2"), QStringLiteral("r1"), DeliverableKind::Photo,
                           QStringLiteral("2.jpg"), 1, QString(), due});
    CHECK(codes(a, clock).isEmpty());

    SECTION("no due date, never late")
    {
        a.deliverables.clear();
        a.deliverablesDueAt = {};
        clock.set(due.addDays(30));
        CHECK(codes(a, clock).isEmpty());
    }
}

TEST_CASE("checklist progress counts required items done", "[rules]")
{
    Assignment a = fresh();
    ChecklistProgress p = Rules::checklist(a);
    CHECK(p.requiredTotal == 3); // confirm, check in/out, deliverables; notes optional
    CHECK(p.requiredDone == 0);
    CHECK(p.entries.size() == 4);

    a.schedule.confirmedAt = a.schedule.confirmBy.addSecs(-60);
    a.timeLogs.append(
        {QStringLiteral("x"), a.schedule.start, {}, {}, TimeLogSource::Desktop, false, false});
    p = Rules::checklist(a);
    CHECK(p.requiredDone == 1); // still on site: check in/out not done
    a.timeLogs.last().checkOut = a.schedule.end;
    CHECK(Rules::checklist(a).requiredDone == 2);

    a.tasks.append(
        {QStringLiteral("t"), TaskType::Checkbox, QStringLiteral("Box it"), true, {}, {}});
    p = Rules::checklist(a);
    CHECK(p.requiredTotal == 4);
    CHECK(p.requiredDone == 2);
    CHECK_FALSE(p.complete());
}

TEST_CASE("next thing due follows the order of the day", "[rules]")
{
    Assignment a = fresh();
    NextDue d = Rules::nextDue(a);
    CHECK(d.key == QStringLiteral("confirm_schedule"));
    CHECK(d.deadline == a.schedule.confirmBy);

    a.schedule.confirmedAt = a.schedule.confirmBy.addSecs(-60);
    d = Rules::nextDue(a);
    CHECK(d.key == QStringLiteral("check_in"));
    CHECK(d.deadline == Rules::checkinWindowCloses(a));

    a.status = AssignmentStatus::InProgress;
    a.timeLogs.append(
        {QStringLiteral("x"), a.schedule.start, {}, {}, TimeLogSource::Desktop, false, false});
    d = Rules::nextDue(a);
    CHECK(d.key == QStringLiteral("check_out"));
    CHECK(d.deadline == a.schedule.end);

    a.timeLogs.last().checkOut = a.schedule.end;
    d = Rules::nextDue(a);
    CHECK(d.key == QStringLiteral("deliverables"));
    CHECK(d.deadline == a.deliverablesDueAt);

    for (int i = 0; i < 2; ++i)
        a.deliverables.append({QString::number(i), QStringLiteral("r1"), DeliverableKind::Photo,
                               QStringLiteral("p.jpg"), 1, QString(), a.schedule.end});
    CHECK(Rules::nextDue(a).key == QStringLiteral("submit"));

    a.status = AssignmentStatus::Submitted;
    CHECK(Rules::nextDue(a).key == QStringLiteral("await_approval"));
    a.status = AssignmentStatus::Paid;
    CHECK(Rules::nextDue(a).key.isEmpty());
}

TEST_CASE("late rules across a DST change in the site's time zone", "[rules][tz]")
{
    // New York springs forward on 2026-03-08 at 02:00 local (07:00Z): 01:30 EST is 06:30Z.
    Assignment a = fresh();
    a.site.timeZone = QStringLiteral("America/New_York");
    a.schedule.confirmRequired = false;
    a.schedule.start = utc("2026-03-08T06:30:00Z");
    a.schedule.end = utc("2026-03-08T09:30:00Z");
    a.schedule.checkinEarlyMinutes = 0;
    a.schedule.checkinGraceMinutes = 60;
    a.deliverablesDueAt = {};

    const QDateTime close = Rules::checkinWindowCloses(a);
    // The grace period is 60 real minutes, which on the site's clock reads 01:30 -> 03:30.
    CHECK(close == utc("2026-03-08T07:30:00Z"));
    CHECK(
        SiteTime::format(a.schedule.start, a.site.timeZone).endsWith(QStringLiteral("01:30 EST")));
    CHECK(SiteTime::format(close, a.site.timeZone).endsWith(QStringLiteral("03:30 EDT")));

    ManualClock clock(close.addSecs(-1));
    CHECK(codes(a, clock).isEmpty());
    clock.set(close);
    CHECK(codes(a, clock).isEmpty());
    clock.set(close.addSecs(1));
    CHECK(codes(a, clock) == QStringList{QStringLiteral("worker_late")});
}

TEST_CASE("site time is shown with the worker's local time when they differ", "[tz]")
{
    const QDateTime t = utc("2026-11-25T15:00:00Z");
    const QString tokyo = SiteTime::formatWithLocal(t, QStringLiteral("America/Chicago"),
                                                    QTimeZone("Asia/Tokyo"), QLocale::c());
    CHECK(tokyo.startsWith(QStringLiteral("Wed 25 Nov 2026 09:00 CST")));
    CHECK(tokyo.contains(QStringLiteral("Thu 00:00 your time")));
    const QString same = SiteTime::formatWithLocal(t, QStringLiteral("America/Chicago"),
                                                   QTimeZone("America/Chicago"), QLocale::c());
    CHECK(same == QStringLiteral("Wed 25 Nov 2026 09:00 CST"));
}

TEST_CASE("site times agree with the zone's own rules, across transitions and at the extremes",
          "[tz]")
{
    // SiteTime::format keeps each zone's offset spans; what it writes must be what converting
    // through the zone writes, including instants no document holds (an op's arithmetic can
    // reach them; the fuzzer found adding the offset overflowing there).
    const QString zone = QStringLiteral("America/New_York");
    const QLocale c = QLocale::c();
    const auto viaZone = [&](const QDateTime &t) {
        const QDateTime site = SiteTime::inZone(t, zone);
        return c.toString(site, QStringLiteral("ddd d MMM yyyy HH:mm")) + QLatin1Char(' ') +
               site.timeZoneAbbreviation();
    };
    QList<QDateTime> instants;
    for (const char *iso : {"2026-03-08T06:59:59Z", "2026-03-08T07:00:00Z", "2026-11-01T05:59:59Z",
                            "2026-11-01T06:00:00Z", "1883-11-18T16:00:00Z", "9999-12-31T23:59:59Z"})
        instants << utc(iso);
    for (const qint64 ms : {std::numeric_limits<qint64>::max() - 5,
                            std::numeric_limits<qint64>::min() + 5, qint64(4e18)})
        instants << QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    for (const QDateTime &t : instants) {
        INFO(t.toMSecsSinceEpoch());
        CHECK(SiteTime::format(t, zone, c) == viaZone(t));
    }
}

TEST_CASE("relative times read naturally", "[tz]")
{
    const QDateTime now = utc("2026-11-25T15:00:00Z");
    CHECK(SiteTime::relative(now.addSecs(3 * 3600 + 20 * 60), now) ==
          QStringLiteral("in 3 h 20 min"));
    CHECK(SiteTime::relative(now.addSecs(-5 * 60), now) == QStringLiteral("5 min ago"));
    CHECK(SiteTime::relative(now.addDays(3), now) == QStringLiteral("in 3 d"));
}
