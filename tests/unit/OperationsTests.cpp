#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "Fixtures.h"
#include "OperationApplier.h"
#include "Operations.h"
#include "Rules.h"

#include <QJsonObject>

using namespace onsite;
using namespace onsite::test;

// The typed factories build what the wire and the one applier expect: the app never spells an
// operation's type or its fields itself.

namespace {

// As it goes over the wire and comes back.
Operation roundTrip(const Operation &op)
{
    QString error;
    const auto back = Operation::fromJson(op.toJson(), &error);
    INFO(error.toStdString());
    REQUIRE(back.has_value());
    return *back;
}

Assignment desktopJob()
{
    Assignment a = sampleAssignment();
    a.phoneCheckin = {};
    a.status = AssignmentStatus::Assigned;
    a.timeLogs.clear();
    return a;
}

} // namespace

TEST_CASE("operations: a check-in and its check-out travel and apply as one visit", "[ops]")
{
    Assignment a = desktopJob();
    const QDateTime in = utc("2026-03-10T15:02:00Z");
    const Operation checkIn = roundTrip(Operations::checkIn(a.id, in));
    CHECK(checkIn.type == QStringLiteral("time_log.upsert"));
    CHECK(checkIn.is(OperationType::TimeLogUpsert));
    CHECK(checkIn.createdAt == in);
    REQUIRE(OperationApplier::apply(a, checkIn, in).applied);
    const int open = Rules::openVisit(a);
    REQUIRE(open >= 0);
    a.timeLogs[open].note = QStringLiteral("door code 4411");
    const QDateTime out = in.addSecs(3 * 3600);
    const Operation checkOut = roundTrip(Operations::checkOut(a.id, a.timeLogs.at(open), out));
    CHECK(checkOut.payload.value(QStringLiteral("id")).toString() == a.timeLogs.at(open).id);
    REQUIRE(OperationApplier::apply(a, checkOut, out).applied);
    REQUIRE(a.timeLogs.size() == 1);
    CHECK(a.timeLogs.first().checkIn == in);
    CHECK(a.timeLogs.first().checkOut == out);
    CHECK(a.timeLogs.first().note == QStringLiteral("door code 4411")); // kept, not dropped
    CHECK(Rules::openVisit(a) == -1);

    const Operation gone = roundTrip(Operations::deleteVisit(a.id, a.timeLogs.first().id, out));
    CHECK(gone.type == QStringLiteral("time_log.delete"));
    REQUIRE(OperationApplier::apply(a, gone, out).applied);
    CHECK(a.timeLogs.first().deleted);
}

TEST_CASE("operations: each factory names its type once and every op has its own id", "[ops]")
{
    const QDateTime now = utc("2026-03-10T15:00:00Z");
    const QList<QPair<Operation, QString>> made{
        {Operations::confirmSchedule(7, now), QStringLiteral("schedule.confirm")},
        {Operations::editVisit(7, QStringLiteral("v"), now, {}, {}, now),
         QStringLiteral("time_log.upsert")},
        {Operations::removeDeliverable(7, QStringLiteral("d"), now),
         QStringLiteral("deliverable.remove")},
        {Operations::requestFunds(7, FundsKind::Expense, 2500, QStringLiteral("parts"), 0,
                                  QStringLiteral("r"), now),
         QStringLiteral("funds_request.create")},
        {Operations::withdrawFunds(7, QStringLiteral("f"), now),
         QStringLiteral("funds_request.withdraw")},
        {Operations::completeTask(7, QStringLiteral("t"), true, now),
         QStringLiteral("task.complete")},
        {Operations::submit(7, QStringLiteral("done"), now), QStringLiteral("assignment.submit")},
        {Operations::phoneCheckIn(7, QStringLiteral("phone-1"), now, now),
         QStringLiteral("phone.check_in")},
        {Operations::phoneCheckOut(7, now, now), QStringLiteral("phone.check_out")},
    };
    QSet<QString> ids;
    for (const auto &[op, wire] : made) {
        const Operation back = roundTrip(op);
        CHECK(back.type == wire);
        CHECK(back.kind().has_value());
        CHECK(back.assignmentId == 7);
        ids.insert(op.opId);
    }
    CHECK(ids.size() == made.size());
    const Operation funds = made.at(3).first;
    CHECK(funds.payload.value(QStringLiteral("kind")).toString() == QStringLiteral("expense"));
    CHECK(funds.payload.value(QStringLiteral("receipt")).toString() == QStringLiteral("r"));
    CHECK_FALSE(funds.payload.contains(QStringLiteral("extra_hours")));
    CHECK(OperationApplier::isPhoneOperation(made.at(7).first));
    CHECK_FALSE(OperationApplier::isPhoneOperation(made.at(1).first));
    Operation unknown = made.at(0).first;
    unknown.type = QStringLiteral("time_log.teleport");
    CHECK_FALSE(unknown.kind().has_value());
}
