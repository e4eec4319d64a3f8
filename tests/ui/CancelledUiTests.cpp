// A cancelled assignment's page says first who called it off and why (issue 14 §4).
#include <catch2/catch.hpp>

#include "AssignmentPage.h"
#include "CatchQt.h"
#include "Clock.h"
#include "Fixtures.h"

using namespace onsite;
using namespace onsite::test;

TEST_CASE("a cancelled assignment's page says who cancelled it and why, before anything else",
          "[ui][changes]")
{
    ManualClock clock(utc("2026-03-10T12:00:00Z"));
    AssignmentPage page(&clock);
    Assignment a = sampleAssignment();
    a.status = AssignmentStatus::Cancelled;
    a.cancelReason = QStringLiteral("Store closed for <renovation>.");
    page.show(a);
    const QString text = page.detailsText();
    CHECK(text.startsWith(QStringLiteral("Cancelled by Northwind Retail")));
    CHECK(text.contains(QStringLiteral("Store closed for <renovation>."))); // as written
    CHECK(text.indexOf(QStringLiteral("Cancelled by")) <
          text.indexOf(QStringLiteral("Description")));

    a.cancelReason.clear();
    page.show(a);
    CHECK_FALSE(page.detailsText().contains(QStringLiteral("Cancelled by")));
}
