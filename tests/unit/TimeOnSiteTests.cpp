// Time on site (issue 14 §5): the open visit's running time, the total across visits, the
// reminder to check out, and what the dashboard row says, all from an injected time.
#include <catch2/catch.hpp>

#include "AssignmentSummary.h"
#include "Fixtures.h"
#include "TimeOnSite.h"

#include <QLocale>

using namespace onsite;
using namespace onsite::test;

namespace {

TimeLog visit(const char *id, const QDateTime &in, const QDateTime &out, bool deleted = false)
{
    TimeLog l;
    l.id = QString::fromLatin1(id);
    l.checkIn = in;
    l.checkOut = out;
    l.deleted = deleted;
    return l;
}

} // namespace

TEST_CASE("time on site counts the open visit up to now and every visit not deleted",
          "[rules][onsite]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Assignment a = sampleAssignment();
    const QDateTime t = utc("2026-03-10T14:00:00Z");
    a.timeLogs = {visit("v1", t, t.addSecs(3600)),                     // 1 h
                  visit("v2", t.addSecs(7200), t.addSecs(9000), true), // deleted
                  visit("v3", t.addSecs(4 * 3600), QDateTime())};      // open
    const QDateTime now = t.addSecs(4 * 3600 + 19 * 60);
    CHECK(TimeOnSite::openSince(a) == t.addSecs(4 * 3600));
    CHECK(TimeOnSite::totalMs(a, now) == (60 + 19) * 60 * 1000);
    CHECK(TimeOnSite::visitCount(a) == 2);
    CHECK(TimeOnSite::closedMs(a) == 60 * 60 * 1000); // the deleted and the open one left out

    a.timeLogs.last().checkOut = now;
    CHECK_FALSE(TimeOnSite::openSince(a).isValid());
    CHECK(TimeOnSite::totalMs(a, now.addDays(1)) == (60 + 19) * 60 * 1000); // closed: no growth

    CHECK(TimeOnSite::duration(0) == QStringLiteral("0 min"));
    CHECK(TimeOnSite::duration(59 * 1000) == QStringLiteral("0 min"));
    CHECK(TimeOnSite::duration(45 * 60 * 1000) == QStringLiteral("45 min"));
    CHECK(TimeOnSite::duration(79 * 60 * 1000 + 59 * 1000) == QStringLiteral("1 h 19 min"));
    CHECK(TimeOnSite::duration(26 * 3600 * 1000LL + 5 * 60 * 1000) == QStringLiteral("26 h 5 min"));
    CHECK(TimeOnSite::duration(-5000) == QStringLiteral("0 min")); // a clock behind the check-in
}

TEST_CASE("the reminder to check out comes 30 minutes after the scheduled end, not before",
          "[rules][onsite]")
{
    const qint64 end = utc("2026-03-10T18:00:00Z").toMSecsSinceEpoch();
    const qint64 in = utc("2026-03-10T15:00:00Z").toMSecsSinceEpoch();
    const qint64 minute = 60 * 1000;
    CHECK_FALSE(TimeOnSite::stillOnSite(in, end, end));
    CHECK_FALSE(TimeOnSite::stillOnSite(in, end, end + 30 * minute - 1));
    CHECK(TimeOnSite::stillOnSite(in, end, end + 30 * minute));
    CHECK(TimeOnSite::stillOnSite(in, end, end + 300 * minute));
    CHECK_FALSE(TimeOnSite::stillOnSite(0, end, end + 300 * minute)); // no visit open
    CHECK_FALSE(TimeOnSite::stillOnSite(in, 0, end + 300 * minute));  // no scheduled end
}

TEST_CASE("the summary carries the open visit and the scheduled end", "[rules][onsite]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Assignment a = sampleAssignment();
    a.schedule.confirmedAt = a.schedule.confirmBy; // confirmed: checking out is next
    const QDateTime in = utc("2026-03-10T15:05:00Z");
    a.timeLogs = {visit("v1", in, QDateTime())};
    const AssignmentSummary s = AssignmentSummary::of(a);
    CHECK(s.openSinceMs == in.toMSecsSinceEpoch());
    CHECK(s.endMs == a.schedule.end.toMSecsSinceEpoch());
    CHECK(s.nextKey == QStringLiteral("check_out"));

    a.timeLogs.first().checkOut = in.addSecs(3600);
    CHECK(AssignmentSummary::of(a).openSinceMs == 0);
}
