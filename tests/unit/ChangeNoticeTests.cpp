// What changed (issue 14 §4): the company's changes to work still to do, said once, from what
// to what; the worker's own records and finished work make no such notice.
#include <catch2/catch.hpp>

#include "Fixtures.h"
#include "Notices.h"
#include "SiteTime.h"

#include <QLocale>

using namespace onsite;
using namespace onsite::test;

TEST_CASE("a change notice says what the company changed, from what to what", "[notices]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const Assignment before = sampleAssignment();
    const QString tz = before.site.timeZone;

    Assignment after = before;
    after.schedule.end = before.schedule.end.addSecs(3600);
    auto n = Notices::changed(before, after);
    REQUIRE(n);
    CHECK(n->kind == QStringLiteral("changed"));
    CHECK(n->title == QStringLiteral("Changed by Northwind Retail: #42 Replace POS terminal"));
    CHECK(n->message == QStringLiteral("The work now ends at %1 instead of %2.")
                            .arg(SiteTime::format(after.schedule.end, tz),
                                 SiteTime::format(before.schedule.end, tz)));

    after = before;
    after.pricing.hourlyRateCents = 7000;
    after.pricing.maxHours = 5;
    n = Notices::changed(before, after);
    REQUIRE(n);
    CHECK(n->message == QStringLiteral("The pay changed from USD 65.00 per hour, up to 4 hours to "
                                       "USD 70.00 per hour, up to 5 hours."));

    after = before;
    after.deliverableRequirements.append(
        {QStringLiteral("r2"), DeliverableKind::Other, QStringLiteral("Network diagram"), 1});
    after.tasks.append(
        {QStringLiteral("t2"), TaskType::Checkbox, QStringLiteral("Label cables"), true, {}, {}});
    n = Notices::changed(before, after);
    REQUIRE(n);
    CHECK(n->message == QStringLiteral("New task: Label cables. Also required: Network diagram "
                                       "(1 to upload)."));
    // Between two syncs the notice comes with the decisions, as one more.
    CHECK(Notices::between(before, after).size() == 1);
}

TEST_CASE("the worker's own records and finished work make no change notice", "[notices]")
{
    const Assignment before = sampleAssignment();
    Assignment after = before;
    after.timeLogs.append({QStringLiteral("l2"),
                           before.schedule.start.addSecs(7200),
                           {},
                           {},
                           TimeLogSource::Desktop,
                           false,
                           false});
    after.tasks.first().answer = QStringLiteral("4");
    after.resolution = QStringLiteral("Swapped, tested");
    CHECK_FALSE(Notices::changed(before, after));

    // Work already submitted or cancelled: the status notices speak for it.
    after = before;
    after.schedule.start = before.schedule.start.addDays(1);
    after.status = AssignmentStatus::Cancelled;
    CHECK_FALSE(Notices::changed(before, after));
    after.status = AssignmentStatus::Submitted;
    CHECK_FALSE(Notices::changed(before, after));
}

TEST_CASE("a cancellation is said with the company's reason", "[notices]")
{
    const Assignment before = sampleAssignment();
    Assignment after = before;
    after.status = AssignmentStatus::Cancelled;
    QList<Notice> n = Notices::between(before, after);
    REQUIRE(n.size() == 1);
    CHECK(n.first().kind == QStringLiteral("cancelled"));
    CHECK(n.first().message == QStringLiteral("Northwind Retail cancelled the assignment."));
    after.cancelReason = QStringLiteral("Store closed for renovation.");
    n = Notices::between(before, after);
    REQUIRE(n.size() == 1);
    CHECK(
        n.first().message ==
        QStringLiteral("Northwind Retail cancelled the assignment: Store closed for renovation."));
}
