// Running late and problems (issue 14 §4): when an ETA may be reported, what it may say, and
// that neither report excuses Worker Late, from an injected time.
#include <catch2/catch.hpp>

#include "AssignmentSummary.h"
#include "FieldReports.h"
#include "Fixtures.h"
#include "OperationApplier.h"
#include "Operations.h"
#include "Rules.h"

#include <QLocale>

using namespace onsite;
using namespace onsite::test;

namespace {

// Sample work not started yet: 15:00–18:00 UTC (09:00 in Chicago), grace 15 minutes, so the
// check-in window closes at 15:15.
Assignment upcoming()
{
    Assignment a = sampleAssignment();
    a.status = AssignmentStatus::Assigned;
    a.timeLogs.clear();
    a.etaReports.clear();
    a.problems.clear();
    a.phoneCheckin.required = false;
    return a;
}

OperationOutcome apply(Assignment &a, const Operation &op, const QDateTime &now)
{
    return OperationApplier::apply(a, op, now);
}

} // namespace

TEST_CASE("an ETA can be reported until the check-in window closes, not after or once on site",
          "[rules][reports]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Assignment a = upcoming();
    const QDateTime closes = utc("2026-03-10T15:15:00Z");
    CHECK(FieldReports::etaBlocker(a, closes.addSecs(-3600)).isEmpty());
    CHECK(FieldReports::etaBlocker(a, closes).isEmpty()); // at the instant: still in time
    CHECK(FieldReports::etaBlocker(a, closes.addSecs(1)) ==
          QStringLiteral("The check-in window closed at Tue 10 Mar 2026 10:15 CDT. If you "
                         "cannot make it, report a problem."));

    a.timeLogs = {{QStringLiteral("v"), utc("2026-03-10T14:55:00Z"), QDateTime(), QString(),
                   TimeLogSource::Desktop, false, false}};
    CHECK(FieldReports::etaBlocker(a, closes.addSecs(-600)) ==
          QStringLiteral("You have checked in already."));
    a.timeLogs.first().deleted = true; // a deleted visit is no arrival
    CHECK(FieldReports::etaBlocker(a, closes.addSecs(-600)).isEmpty());

    a.status = AssignmentStatus::Cancelled;
    CHECK_FALSE(FieldReports::etaBlocker(a, closes.addSecs(-600)).isEmpty());
}

TEST_CASE("an ETA must lie after the report and before the scheduled end", "[rules][reports]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const Assignment a = upcoming();
    const QDateTime at = utc("2026-03-10T14:30:00Z");
    CHECK(FieldReports::etaError(a, at.addSecs(1800), at).isEmpty());
    CHECK(FieldReports::etaError(a, at, at) ==
          QStringLiteral("Tue 10 Mar 2026 09:30 CDT has already passed."));
    CHECK(FieldReports::etaError(a, utc("2026-03-10T18:00:00Z"), at) ==
          QStringLiteral("Tue 10 Mar 2026 13:00 CDT is after the scheduled end (Tue 10 Mar 2026 "
                         "13:00 CDT). If you cannot make it, report a problem."));
    CHECK_FALSE(FieldReports::etaError(a, QDateTime(), at).isEmpty());
}

TEST_CASE("an ETA told offline in time is kept when it reaches the server after the window",
          "[rules][reports]")
{
    Assignment a = upcoming();
    const QDateTime told = utc("2026-03-10T15:00:00Z");
    const Operation op =
        Operations::reportEta(a.id, utc("2026-03-10T15:40:00Z"), QStringLiteral("Flat tyre"), told);
    // Synced at 15:30, after the window closed at 15:15: judged at the time it was told.
    REQUIRE(apply(a, op, utc("2026-03-10T15:30:00Z")).applied);
    REQUIRE(a.etaReports.size() == 1);
    CHECK(a.etaReports.first().reportedAt == told);
    CHECK(a.etaReports.first().reason == QStringLiteral("Flat tyre"));

    // Told after the window: refused, nothing added.
    const Operation late =
        Operations::reportEta(a.id, utc("2026-03-10T15:50:00Z"), QStringLiteral("Still stuck"),
                              utc("2026-03-10T15:20:00Z"));
    const OperationOutcome refused = apply(a, late, utc("2026-03-10T15:20:00Z"));
    CHECK_FALSE(refused.applied);
    CHECK(refused.code == QStringLiteral("not_allowed"));
    CHECK(a.etaReports.size() == 1);
}

TEST_CASE("an ETA explains but does not excuse: Worker Late still follows the one rule",
          "[rules][reports]")
{
    Assignment a = upcoming();
    const QDateTime told = utc("2026-03-10T15:00:00Z");
    REQUIRE(apply(a,
                  Operations::reportEta(a.id, utc("2026-03-10T15:40:00Z"),
                                        QStringLiteral("Traffic"), told),
                  told)
                .applied);
    const QDateTime after = utc("2026-03-10T15:16:00Z");
    CHECK(Rules::isWorkerLate(a, after));
    bool labelled = false;
    for (const Label &l : Rules::labels(a, after))
        labelled = labelled || l.code == QLatin1String("worker_late");
    CHECK(labelled);

    // The dashboard row carries the ETA until the worker checks in.
    CHECK(AssignmentSummary::of(a).etaMs == utc("2026-03-10T15:40:00Z").toMSecsSinceEpoch());
    REQUIRE(apply(a, Operations::checkIn(a.id, utc("2026-03-10T15:38:00Z")),
                  utc("2026-03-10T15:38:00Z"))
                .applied);
    CHECK(AssignmentSummary::of(a).etaMs == 0);
    CHECK(FieldReports::pendingEta(a) == nullptr);
}

TEST_CASE("a problem report needs a known kind and a description, and is kept once",
          "[rules][reports]")
{
    Assignment a = upcoming();
    const QDateTime now = utc("2026-03-10T14:00:00Z");
    const Assignment before = a;
    auto report = [&](const QString &kind, const QString &text, const QString &id) {
        return Operation::make(a.id, QStringLiteral("problem.report"),
                               {{QStringLiteral("id"), id},
                                {QStringLiteral("kind"), kind},
                                {QStringLiteral("description"), text}},
                               now);
    };
    CHECK(
        apply(a, report(QStringLiteral("flood"), QStringLiteral("Water"), QStringLiteral("p")), now)
            .code == QStringLiteral("invalid"));
    CHECK(apply(a, report(QStringLiteral("other"), QStringLiteral("   "), QStringLiteral("p")), now)
              .code == QStringLiteral("invalid"));
    CHECK(a.problems.isEmpty());
    const Operation made = Operations::reportProblem(
        a.id, ProblemKind::ScopeDiffers, QStringLiteral("Six terminals, not three"), now);
    REQUIRE(apply(a, made, now).applied);
    REQUIRE(a.problems.size() == 1);
    CHECK(a.problems.first().kind == ProblemKind::ScopeDiffers);
    CHECK(a.problems.first().description == QStringLiteral("Six terminals, not three"));
    const QString id = a.problems.first().id;
    CHECK(apply(a, report(QStringLiteral("other"), QStringLiteral("Again"), id), now).code ==
          QStringLiteral("duplicate_id"));
    CHECK(a.problems.size() == 1);
    CHECK(a.status == before.status); // reporting changes nothing else
    CHECK(a.timeLogs.isEmpty());
}
