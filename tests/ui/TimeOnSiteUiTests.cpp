// The assignment page while a visit is open: a running "on site for" beside Check out that
// follows the clock without a reload, and the total across visits above the table.
#include <catch2/catch.hpp>

#include "AssignmentPage.h"
#include "CatchQt.h"
#include "Clock.h"
#include "Fixtures.h"

#include <QLocale>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace onsite;
using namespace onsite::test;

TEST_CASE("the page shows how long the worker has been on site, running, and the total",
          "[ui][onsite]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Assignment a = sampleAssignment();
    a.phoneCheckin.required = false;
    a.schedule.confirmedAt = a.schedule.confirmBy; // confirmed: checking out is next
    const QDateTime first = utc("2026-03-10T13:00:00Z");
    const QDateTime in = utc("2026-03-10T15:05:00Z");
    a.timeLogs = {
        {QStringLiteral("v1"), first, first.addSecs(45 * 60), QString(), TimeLogSource::Desktop,
         false, false},
        {QStringLiteral("v2"), in, QDateTime(), QString(), TimeLogSource::Desktop, false, false}};
    ManualClock clock(in.addSecs(79 * 60));
    AssignmentPage page(&clock);
    page.resize(1024, 700);
    page.show(a);
    page.QWidget::show();
    REQUIRE(page.checkOutButton()->isVisible());
    CHECK(page.onSiteText().startsWith(QStringLiteral("On site for 1 h 19 min (since ")));
    CHECK(page.onSiteText().contains(QStringLiteral("CDT"))); // the site's time
    CHECK(page.visitsTitleText().contains(QStringLiteral("2 h 4 min in 2 visits")));

    // The clock moves on; the page follows without being shown again.
    auto *tick = page.findChild<QTimer *>(QStringLiteral("onSiteTick"));
    REQUIRE(tick);
    CHECK(tick->isActive());
    tick->setInterval(10);
    clock.set(in.addSecs(2 * 3600 + 60));
    QTRY_VERIFY(page.onSiteText().startsWith(QStringLiteral("On site for 2 h 1 min")));
    CHECK(page.visitsTitleText().contains(QStringLiteral("2 h 46 min in 2 visits")));

    // Checked out: no running time, the timer stops, the total stays.
    a.timeLogs.last().checkOut = in.addSecs(2 * 3600);
    page.show(a);
    CHECK(page.onSiteText().isEmpty());
    CHECK_FALSE(tick->isActive());
    CHECK(page.visitsTitleText().contains(QStringLiteral("2 h 45 min in 2 visits")));
}
