#include <catch2/catch.hpp>

#include "Fixtures.h"
#include "OperationApplier.h"
#include "Rules.h"

#include <QJsonObject>

using namespace onsite;
using namespace onsite::test;

namespace {

// The sample assignment as a desktop job just checked in to by mistake: one visit, nothing else.
Assignment checkedInByMistake()
{
    Assignment a = sampleAssignment();
    a.phoneCheckin = {};
    a.status = AssignmentStatus::InProgress;
    a.timeLogs = {{QStringLiteral("l1"), utc("2026-03-09T20:00:00Z"), QDateTime(), QString(),
                   TimeLogSource::Desktop, false, false}};
    a.fundsRequests.clear();
    a.deliverables.clear();
    for (Task &t : a.tasks) {
        t.answer.clear();
        t.completedAt = {};
    }
    return a;
}

OperationOutcome deleteVisit(Assignment &a, const QString &id)
{
    const QDateTime now = utc("2026-03-09T20:05:00Z");
    return OperationApplier::apply(
        a,
        Operation::make(a.id, QStringLiteral("time_log.delete"), {{QStringLiteral("id"), id}}, now),
        now);
}

} // namespace

TEST_CASE("deleting the only visit of work not otherwise started returns it to Assigned",
          "[rules][visits]")
{
    Assignment a = checkedInByMistake();
    SECTION("nothing else started: Assigned again, the visit kept as deleted")
    {
        REQUIRE(deleteVisit(a, QStringLiteral("l1")).applied);
        CHECK(a.status == AssignmentStatus::Assigned);
        REQUIRE(a.timeLogs.size() == 1);
        CHECK(a.timeLogs.first().deleted);
        CHECK(Rules::checkInBlocker(a).isEmpty());
    }
    SECTION("another visit remains: still In progress")
    {
        a.timeLogs.append({QStringLiteral("l2"), utc("2026-03-08T15:00:00Z"),
                           utc("2026-03-08T16:00:00Z"), QString(), TimeLogSource::Desktop, false,
                           false});
        REQUIRE(deleteVisit(a, QStringLiteral("l1")).applied);
        CHECK(a.status == AssignmentStatus::InProgress);
    }
    SECTION("a file was uploaded: still In progress")
    {
        a.deliverables = sampleAssignment().deliverables;
        REQUIRE(deleteVisit(a, QStringLiteral("l1")).applied);
        CHECK(a.status == AssignmentStatus::InProgress);
    }
    SECTION("a task was answered: still In progress")
    {
        a.tasks.first().answer = QStringLiteral("3");
        a.tasks.first().completedAt = utc("2026-03-09T20:02:00Z");
        REQUIRE(deleteVisit(a, QStringLiteral("l1")).applied);
        CHECK(a.status == AssignmentStatus::InProgress);
    }
    SECTION("a funds request is pending: still In progress; a withdrawn one does not count")
    {
        a.fundsRequests = sampleAssignment().fundsRequests;
        a.fundsRequests.first().status = FundsStatus::Pending;
        Assignment withdrawn = a;
        withdrawn.fundsRequests.first().status = FundsStatus::Withdrawn;
        REQUIRE(deleteVisit(a, QStringLiteral("l1")).applied);
        CHECK(a.status == AssignmentStatus::InProgress);
        REQUIRE(deleteVisit(withdrawn, QStringLiteral("l1")).applied);
        CHECK(withdrawn.status == AssignmentStatus::Assigned);
    }
}

TEST_CASE("a check-in outside the allotted window is named with the window's times",
          "[rules][visits]")
{
    Assignment a = sampleAssignment(); // starts 15:00Z, 30 min early, 15 min grace, Chicago
    const QString early = Rules::checkInOutsideWindowText(a, utc("2026-03-09T19:30:00Z"));
    CHECK(early.contains(QStringLiteral("09:30"))); // opens 14:30Z = 09:30 in Chicago (CDT)
    CHECK(early.contains(QStringLiteral("10:15"))); // closes 15:15Z
    CHECK(early.contains(QStringLiteral("opens in 19 h 0 min")));
    CHECK(Rules::checkInOutsideWindowText(a, utc("2026-03-10T14:30:00Z")).isEmpty());
    CHECK(Rules::checkInOutsideWindowText(a, utc("2026-03-10T15:15:00Z")).isEmpty());
    const QString late = Rules::checkInOutsideWindowText(a, utc("2026-03-10T17:15:00Z"));
    CHECK(late.contains(QStringLiteral("closed 2 h 0 min ago")));
}

TEST_CASE("check in and check out say why they cannot be done", "[rules][visits]")
{
    Assignment a = checkedInByMistake();
    CHECK(Rules::checkInBlocker(a).contains(QStringLiteral("still checked in")));
    CHECK(Rules::checkOutBlocker(a).isEmpty());
    a.timeLogs.clear();
    CHECK(Rules::checkInBlocker(a).isEmpty());
    CHECK(Rules::checkOutBlocker(a).contains(QStringLiteral("not checked in")));
    a.phoneCheckin = sampleAssignment().phoneCheckin;
    CHECK(Rules::checkInBlocker(a).contains(QStringLiteral("+1 800 555 0142")));
    CHECK(Rules::checkOutBlocker(a).contains(QStringLiteral("by phone")));
    a.phoneCheckin = {};
    a.status = AssignmentStatus::Submitted;
    CHECK(Rules::checkInBlocker(a).contains(QStringLiteral("no more visits")));
}

TEST_CASE("once every required step is done, check-in is not offered and says to submit",
          "[rules][visits]")
{
    Assignment a = checkedInByMistake();
    a.timeLogs.first().checkOut = utc("2026-03-09T22:00:00Z");
    a.checklist = {{ChecklistKind::CheckInOut, true}, {ChecklistKind::CloseoutNotes, false}};
    a.tasks.clear();
    REQUIRE(Rules::checklist(a).complete());
    CHECK(Rules::checkInBlocker(a).contains(QStringLiteral("submit")));
    SECTION("a required step still open: another visit may be needed")
    {
        a.checklist.prepend({ChecklistKind::ConfirmSchedule, true});
        a.schedule.confirmRequired = true;
        a.schedule.confirmedAt = {};
        REQUIRE_FALSE(Rules::checklist(a).complete());
        CHECK(Rules::checkInBlocker(a).isEmpty());
    }
    SECTION("a checklist with nothing required never blocks a check-in")
    {
        a.checklist.clear();
        CHECK(Rules::checkInBlocker(a).isEmpty());
    }
}

TEST_CASE("an operation's strings have limits: a huge id is refused and changes nothing",
          "[rules][limits]")
{
    Assignment a = checkedInByMistake();
    a.timeLogs.first().checkOut = utc("2026-03-09T21:00:00Z");
    const QDateTime now = utc("2026-03-09T22:00:00Z");
    auto upsert = [&](const QString &id, const QString &note) {
        return OperationApplier::apply(
            a,
            Operation::make(a.id, QStringLiteral("time_log.upsert"),
                            {{QStringLiteral("id"), id},
                             {QStringLiteral("check_in"), QStringLiteral("2026-03-09T21:10:00Z")},
                             {QStringLiteral("check_out"), QStringLiteral("2026-03-09T21:40:00Z")},
                             {QStringLiteral("note"), note}},
                            now),
            now);
    };
    const Assignment before = a;
    const OperationOutcome huge = upsert(QString(900000, QLatin1Char('x')), QString());
    CHECK_FALSE(huge.applied);
    CHECK(huge.code == QStringLiteral("invalid"));
    CHECK(huge.message.contains(QStringLiteral("\"id\"")));
    CHECK(a.timeLogs.size() == before.timeLogs.size());
    CHECK_FALSE(upsert(QString(OperationApplier::kMaxIdLength + 1, QLatin1Char('x')), {}).applied);
    // A UUID, and a note at the limit of any text, are fine.
    CHECK(upsert(QStringLiteral("0b0c8f8e-6a34-4c1e-9d7e-2f5d1c2b9a10"),
                 QString(2000, QLatin1Char('n')))
              .applied);
    CHECK(a.timeLogs.size() == before.timeLogs.size() + 1);
}

TEST_CASE("phone check-ins and check-outs follow the visit rules of every other source",
          "[rules][visits][phone]")
{
    // A phone-required job, a desktop visit 15:00-16:00 recorded before the requirement.
    Assignment a = checkedInByMistake();
    a.phoneCheckin.required = true;
    a.timeLogs = {{QStringLiteral("d1"), utc("2026-03-09T15:00:00Z"), utc("2026-03-09T16:00:00Z"),
                   QString(), TimeLogSource::Desktop, false, false}};
    const QDateTime now = utc("2026-03-09T20:00:00Z");
    auto phone = [&](const char *type, QJsonObject payload) {
        return OperationApplier::apply(
            a, Operation::make(a.id, QString::fromLatin1(type), payload, now), now);
    };
    auto in = [&](const char *id, const char *at) {
        return phone("phone.check_in", {{QStringLiteral("id"), QString::fromLatin1(id)},
                                        {QStringLiteral("at"), QString::fromLatin1(at)}});
    };
    auto out = [&](const char *at) {
        return phone("phone.check_out", {{QStringLiteral("at"), QString::fromLatin1(at)}});
    };
    CHECK(in("p0", "2026-03-09T15:30:00Z").code == QStringLiteral("overlap"));
    CHECK(in("p0", "2026-03-09T20:30:00Z").code == QStringLiteral("in_future"));
    CHECK(out("2026-03-09T17:00:00Z").code == QStringLiteral("not_checked_in"));
    REQUIRE(in("p1", "2026-03-09T17:00:00Z").applied); // the phone rule does not refuse the phone
    CHECK(a.timeLogs.last().source == TimeLogSource::Phone);
    CHECK(Rules::openVisit(a) == 1);
    CHECK(in("p2", "2026-03-09T18:00:00Z").code == QStringLiteral("overlap"));
    CHECK(out("2026-03-09T16:59:00Z").code == QStringLiteral("check_out_before_check_in"));
    REQUIRE(out("2026-03-09T19:00:00Z").applied);
    CHECK(Rules::openVisit(a) == -1);
    CHECK(a.timeLogs.last().checkOut == utc("2026-03-09T19:00:00Z"));
    // The desktop still may not check in on a phone-required job.
    CHECK(OperationApplier::apply(a,
                                  Operation::make(a.id, QStringLiteral("time_log.upsert"),
                                                  {{QStringLiteral("id"), QStringLiteral("d2")},
                                                   {QStringLiteral("check_in"),
                                                    QStringLiteral("2026-03-09T19:30:00Z")}},
                                                  now),
                                  now)
              .code == QStringLiteral("phone_required"));
}
