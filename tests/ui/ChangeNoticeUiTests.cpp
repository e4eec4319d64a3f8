// "Changed since you last looked" (issue 14 §4) in the app against the real server: a
// company change made while the worker is elsewhere waits on the page until it is opened
// once; one made while the page is open shows there at once.
#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "NewAssignmentApp.h"

using namespace onsite;
using namespace onsite::test;

namespace {

// The company moves the assignment's schedule by `days`.
void moveSchedule(NewAssignmentApp &s, int days)
{
    const QString company = s.server.companyToken();
    const auto doc = s.http->get(QStringLiteral("company/assignments/%1").arg(s.id), company).json;
    QJsonObject schedule = doc.value(QStringLiteral("schedule")).toObject();
    for (const QString &key : {QStringLiteral("start"), QStringLiteral("end")})
        schedule.insert(key, QDateTime::fromString(schedule.value(key).toString(), Qt::ISODate)
                                 .addDays(days)
                                 .toString(Qt::ISODate));
    REQUIRE(s.http
                ->patch(QStringLiteral("company/assignments/%1").arg(s.id),
                        {{QStringLiteral("schedule"), schedule}}, company)
                .status == 200);
}

} // namespace

TEST_CASE("a company change is noted on the page once, where the worker looks next",
          "[ui][changes]")
{
    NewAssignmentApp s(QStringLiteral("Moved by the client"), [](QJsonObject &) {});
    CHECK(s.page()->changeNoteText().isEmpty());

    // Elsewhere in the app when the change arrives: kept for the page.
    s.app->window.showDashboard();
    moveSchedule(s, 1);
    s.sync();
    s.app->controller.openAssignment(s.id);
    CHECK(s.page()->changeNoteText().contains(QStringLiteral("Changed since you last looked")));
    CHECK(s.page()->changeNoteText().contains(QStringLiteral("The schedule moved from")));
    // Looked at once: not again.
    s.app->window.showDashboard();
    s.app->controller.openAssignment(s.id);
    CHECK(s.page()->changeNoteText().isEmpty());

    // On the page when the next change arrives: said there at once.
    moveSchedule(s, 1);
    s.sync();
    CHECK(s.page()->changeNoteText().contains(QStringLiteral("The schedule moved from")));
}
