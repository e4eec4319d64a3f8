#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "Earnings.h"
#include "Fixtures.h"
#include "Money.h"
#include "Notices.h"
#include "OperationApplier.h"
#include "Rules.h"
#include "Scorecard.h"

#include <QLocale>

using namespace onsite;
using namespace onsite::test;

namespace {

const QDateTime kNow = utc("2026-03-11T12:00:00Z");

// In progress, flat USD 150.00, counteroffers on, one visit done, one photo of one uploaded,
// a checkbox task and close-out notes required.
Assignment working()
{
    Assignment a = sampleAssignment();
    a.status = AssignmentStatus::InProgress;
    a.pricing = {PricingType::Flat, QStringLiteral("USD"), 15000, 0, 0, true};
    a.phoneCheckin = {};
    a.fundsRequests.clear();
    a.schedule.confirmedAt = utc("2026-03-09T10:00:00Z");
    a.checklist = {{ChecklistKind::ConfirmSchedule, true},
                   {ChecklistKind::CheckInOut, true},
                   {ChecklistKind::Deliverables, true},
                   {ChecklistKind::CloseoutNotes, true}};
    a.tasks = {
        {QStringLiteral("t1"), TaskType::Checkbox, QStringLiteral("Old unit boxed"), true, {}, {}},
        {QStringLiteral("t2"),
         TaskType::Number,
         QStringLiteral("Devices replaced"),
         false,
         {},
         {}}};
    a.deliverableRequirements = {
        {QStringLiteral("r1"), DeliverableKind::Photo, QStringLiteral("Photos"), 1}};
    a.resolution.clear();
    return a;
}

OperationOutcome run(Assignment &a, const char *type, const QJsonObject &payload)
{
    return OperationApplier::apply(
        a, Operation::make(a.id, QString::fromLatin1(type), payload, kNow.addSecs(-60)), kNow);
}

QJsonObject expense(const QString &id, qint64 cents)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("kind"), QStringLiteral("expense")},
            {QStringLiteral("amount_cents"), cents},
            {QStringLiteral("reason"), QStringLiteral("Parking at the site")}};
}

} // namespace

TEST_CASE("funds requests: each kind is recorded pending, bad input is refused and changes "
          "nothing",
          "[funds]")
{
    Assignment a = working();
    REQUIRE(run(a, "funds_request.create", expense(QStringLiteral("e1"), 1850)).applied);
    QJsonObject bonus = expense(QStringLiteral("b1"), 2500);
    bonus.insert(QStringLiteral("kind"), QStringLiteral("bonus"));
    REQUIRE(run(a, "funds_request.create", bonus).applied);
    QJsonObject increase = expense(QStringLiteral("i1"), 5000);
    increase.insert(QStringLiteral("kind"), QStringLiteral("budget_increase"));
    REQUIRE(run(a, "funds_request.create", increase).applied);
    REQUIRE(a.fundsRequests.size() == 3);
    CHECK(a.fundsRequests.at(0).status == FundsStatus::Pending);
    CHECK(a.fundsRequests.at(0).requestedAt == kNow.addSecs(-60));
    CHECK(a.fundsRequests.at(2).kind == FundsKind::BudgetIncrease);

    const Assignment before = a;
    auto refused = [&](QJsonObject payload, const char *code) {
        const OperationOutcome o = run(a, "funds_request.create", payload);
        CHECK_FALSE(o.applied);
        CHECK(o.code == QLatin1String(code));
        CHECK_FALSE(o.message.isEmpty());
        CHECK(a.fundsRequests.size() == before.fundsRequests.size());
    };
    refused(expense(QStringLiteral("n1"), -100), "invalid"); // negative money
    refused(expense(QStringLiteral("n2"), 0), "invalid");
    refused(expense(QStringLiteral("e1"), 100), "exists");
    QJsonObject noReason = expense(QStringLiteral("n3"), 100);
    noReason.insert(QStringLiteral("reason"), QStringLiteral("  "));
    refused(noReason, "invalid");
    QJsonObject unknown = expense(QStringLiteral("n4"), 100);
    unknown.insert(QStringLiteral("tip"), 1);
    refused(unknown, "invalid");
    QJsonObject receiptOnBonus = bonus;
    receiptOnBonus.insert(QStringLiteral("id"), QStringLiteral("n5"));
    receiptOnBonus.insert(QStringLiteral("receipt"), QStringLiteral("d7"));
    refused(receiptOnBonus, "invalid");
    QJsonObject hoursOnFlat = increase;
    hoursOnFlat.insert(QStringLiteral("id"), QStringLiteral("n6"));
    hoursOnFlat.insert(QStringLiteral("extra_hours"), 2);
    refused(hoursOnFlat, "invalid");
    QJsonObject wrongType = expense(QStringLiteral("n7"), 100);
    wrongType.insert(QStringLiteral("amount_cents"), QStringLiteral("100"));
    refused(wrongType, "invalid");
}

TEST_CASE("funds requests: hourly increases ask for hours at the rate, counteroffers off "
          "refuse them with the reason",
          "[funds]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Assignment a = working();
    a.pricing = {PricingType::Hourly, QStringLiteral("USD"), 0, 6500, 4, true};
    QJsonObject increase{{QStringLiteral("id"), QStringLiteral("i1")},
                         {QStringLiteral("kind"), QStringLiteral("budget_increase")},
                         {QStringLiteral("amount_cents"), 13000},
                         {QStringLiteral("extra_hours"), 2},
                         {QStringLiteral("reason"), QStringLiteral("Second rack")}};
    QJsonObject wrongAmount = increase;
    wrongAmount.insert(QStringLiteral("amount_cents"), 10000);
    const OperationOutcome wrong = run(a, "funds_request.create", wrongAmount);
    CHECK(wrong.code == QLatin1String("invalid"));
    CHECK(wrong.message.contains(QLatin1String("USD 130.00"))); // 2 h at 65.00, as money
    QJsonObject noHours = increase;
    noHours.remove(QStringLiteral("extra_hours"));
    CHECK(run(a, "funds_request.create", noHours).code == QLatin1String("invalid"));
    REQUIRE(run(a, "funds_request.create", increase).applied);
    CHECK(a.fundsRequests.constLast().extraHours == 2);

    Assignment off = working();
    off.pricing.counteroffersAllowed = false;
    CHECK_FALSE(Rules::canRequest(off, FundsKind::BudgetIncrease));
    CHECK(Rules::canRequest(off, FundsKind::Expense));
    QJsonObject flatIncrease = expense(QStringLiteral("i2"), 5000);
    flatIncrease.insert(QStringLiteral("kind"), QStringLiteral("budget_increase"));
    const OperationOutcome o = run(off, "funds_request.create", flatIncrease);
    CHECK(o.code == QLatin1String("counteroffers_off"));
    CHECK(o.message.contains(off.company.name));
    CHECK(off.fundsRequests.isEmpty());
    CHECK(run(off, "funds_request.create", expense(QStringLiteral("e2"), 100)).applied);

    Assignment assigned = working();
    assigned.status = AssignmentStatus::Assigned;
    CHECK(run(assigned, "funds_request.create", expense(QStringLiteral("e3"), 100)).code ==
          QLatin1String("not_in_progress"));
}

TEST_CASE("funds requests: only a pending request can be withdrawn", "[funds]")
{
    Assignment a = working();
    REQUIRE(run(a, "funds_request.create", expense(QStringLiteral("e1"), 1850)).applied);
    REQUIRE(
        run(a, "funds_request.withdraw", {{QStringLiteral("id"), QStringLiteral("e1")}}).applied);
    CHECK(a.fundsRequests.constFirst().status == FundsStatus::Withdrawn);
    const OperationOutcome again =
        run(a, "funds_request.withdraw", {{QStringLiteral("id"), QStringLiteral("e1")}});
    CHECK(again.code == QLatin1String("decided"));
    CHECK(again.message.contains(QLatin1String("withdrawn")));
    CHECK(run(a, "funds_request.withdraw", {{QStringLiteral("id"), QStringLiteral("nope")}}).code ==
          QLatin1String("not_found"));
}

TEST_CASE("tasks: checkbox, text and number answers, wrong answers are refused", "[tasks]")
{
    Assignment a = working();
    a.tasks.append(
        {QStringLiteral("t3"), TaskType::Text, QStringLiteral("Serial number"), true, {}, {}});
    auto answer = [&](const char *id, const QJsonValue &v) {
        return run(
            a, "task.complete",
            {{QStringLiteral("id"), QString::fromLatin1(id)}, {QStringLiteral("answer"), v}});
    };
    CHECK(answer("t1", QStringLiteral("yes")).code == QLatin1String("invalid"));
    REQUIRE(answer("t1", true).applied);
    CHECK(a.tasks.at(0).completedAt == kNow.addSecs(-60));
    REQUIRE(answer("t1", false).applied); // unticked: to do again
    CHECK_FALSE(a.tasks.at(0).completedAt.isValid());
    CHECK(answer("t2", QStringLiteral("three")).code == QLatin1String("invalid"));
    CHECK(answer("t2", QStringLiteral("1e5")).code == QLatin1String("invalid"));
    CHECK(answer("t2", 3).code == QLatin1String("invalid")); // numbers travel as decimal text
    REQUIRE(answer("t2", QStringLiteral("2.5")).applied);
    CHECK(a.tasks.at(1).answer == QLatin1String("2.5"));
    CHECK(answer("t3", QStringLiteral("   ")).code == QLatin1String("invalid"));
    REQUIRE(answer("t3", QStringLiteral(" SN-4411 ")).applied);
    CHECK(a.tasks.at(2).answer == QLatin1String("SN-4411"));
    CHECK(answer("t9", true).code == QLatin1String("not_found"));
}

TEST_CASE("submit: gated by the checklist, with the close-out notes, read-only afterwards",
          "[submit]")
{
    Assignment a = working();
    auto keys = [](const QList<ChecklistEntry> &l) {
        QStringList out;
        for (const ChecklistEntry &e : l)
            out << e.key;
        return out;
    };
    // The sample's only visit is done; the photo is there; the task and notes are not.
    CHECK(keys(Rules::submitBlockers(a, QString())) ==
          QStringList{QStringLiteral("closeout_notes"), QStringLiteral("task:t1")});
    CHECK(keys(Rules::submitBlockers(a, QStringLiteral("Fixed"))) ==
          QStringList{QStringLiteral("task:t1")});
    // The Submit button waits only for the task: the dialog asks for the notes.
    CHECK(keys(Rules::submitBlockersBesideNotes(a)) == QStringList{QStringLiteral("task:t1")});
    OperationOutcome o =
        run(a, "assignment.submit", {{QStringLiteral("resolution"), QStringLiteral("Fixed")}});
    CHECK(o.code == QLatin1String("incomplete"));
    CHECK(o.message.contains(QLatin1String("Old unit boxed")));
    CHECK(a.status == AssignmentStatus::InProgress);

    REQUIRE(run(a, "task.complete",
                {{QStringLiteral("id"), QStringLiteral("t1")}, {QStringLiteral("answer"), true}})
                .applied);
    // Checked in again: check out first.
    a.timeLogs.append(
        {QStringLiteral("l2"), kNow.addSecs(-600), {}, {}, TimeLogSource::Desktop, false, false});
    CHECK(keys(Rules::submitBlockers(a, QStringLiteral("Fixed"))) ==
          QStringList{QStringLiteral("check_out")});
    a.timeLogs.last().checkOut = kNow.addSecs(-60);
    CHECK(run(a, "assignment.submit", {}).code == QLatin1String("incomplete")); // notes required
    o = run(a, "assignment.submit", {{QStringLiteral("resolution"), QStringLiteral(" Fixed ")}});
    REQUIRE(o.applied);
    CHECK(a.status == AssignmentStatus::Submitted);
    CHECK(a.resolution == QLatin1String("Fixed"));
    CHECK(a.submittedAt == kNow.addSecs(-60));
    // Every later change is refused with the reason.
    o = run(a, "funds_request.create", expense(QStringLiteral("late"), 100));
    CHECK(o.code == QLatin1String("read_only"));
    CHECK(o.message.contains(QLatin1String("pending approval")));
}

TEST_CASE("submit: warns about pending requests and unpaid hours past the budget", "[submit]")
{
    Assignment a = working();
    CHECK(Rules::submitWarnings(a).isEmpty());
    REQUIRE(run(a, "funds_request.create", expense(QStringLiteral("e1"), 1850)).applied);
    QStringList w = Rules::submitWarnings(a);
    REQUIRE(w.size() == 1);
    CHECK(w.at(0).contains(QLatin1String("original price")));
    CHECK(w.at(0).contains(Money::format(1850, QStringLiteral("USD"))));

    Assignment h = working();
    h.pricing = {PricingType::Hourly, QStringLiteral("USD"), 0, 6500, 2, true};
    h.timeLogs = {{QStringLiteral("l1"),
                   utc("2026-03-10T15:00:00Z"),
                   utc("2026-03-10T17:30:00Z"),
                   {},
                   TimeLogSource::Desktop,
                   false,
                   false}};
    w = Rules::submitWarnings(h);
    REQUIRE(w.size() == 1);
    CHECK(w.at(0).contains(QLatin1String("0 h 30 min past the budget of 2 h")));
}

TEST_CASE("scorecard: computed from a hand-built history", "[scorecard]")
{
    const QDateTime now = utc("2026-06-01T12:00:00Z");
    auto job = [&](AssignmentStatus status, qint64 checkInAfterStartSecs, bool filesOnTime) {
        Assignment a = working();
        a.status = status;
        a.schedule.start = utc("2026-05-10T15:00:00Z");
        a.schedule.end = a.schedule.start.addSecs(3 * 3600);
        a.schedule.checkinGraceMinutes = 15;
        a.timeLogs = {{QStringLiteral("l"),
                       a.schedule.start.addSecs(checkInAfterStartSecs),
                       a.schedule.end,
                       {},
                       TimeLogSource::Desktop,
                       false,
                       false}};
        a.deliverablesDueAt = a.schedule.end.addSecs(86400);
        a.deliverables.first().uploadedAt = a.deliverablesDueAt.addSecs(filesOnTime ? -3600 : 3600);
        return a;
    };
    QList<Assignment> history;
    history << job(AssignmentStatus::Paid, 0, true)            // on time, files on time
            << job(AssignmentStatus::Paid, 15 * 60, true)      // at the end of the grace: on time
            << job(AssignmentStatus::Approved, 16 * 60, false) // late, files late
            << job(AssignmentStatus::Submitted, -10 * 60, true);
    Assignment cancelled = job(AssignmentStatus::Cancelled, 9999, false);
    history << cancelled;
    Assignment upcoming = job(AssignmentStatus::Assigned, 0, false);
    upcoming.schedule.start = now.addDays(2);
    upcoming.schedule.end = upcoming.schedule.start.addSecs(3600);
    upcoming.timeLogs.clear();
    upcoming.deliverablesDueAt = upcoming.schedule.end.addDays(1);
    history << upcoming;

    const Scorecard s = Scorecard::compute(history, now);
    CHECK(s.assignments == 6);
    CHECK(s.completed == 3);
    CHECK(s.cancelled == 1);
    CHECK(s.onTime.hits == 3);
    CHECK(s.onTime.of == 4);
    CHECK(s.onTime.percent() == 75);
    CHECK(s.deliverablesOnTime.hits == 3);
    CHECK(s.deliverablesOnTime.of == 4);
    // Rounded half up from counts: 2 of 3 is 66.67 -> 67; 1 of 8 is 12.5 -> 13.
    CHECK(Share{2, 3}.percent() == 67);
    CHECK(Share{1, 8}.percent() == 13);
    CHECK_FALSE(Share{}.percent().has_value());
    const Scorecard back = Scorecard::fromJson(s.toJson());
    CHECK(back.onTime.percent() == 75);
    CHECK(back.completed == 3);
}

TEST_CASE("earnings: pending, approved and paid by month and currency", "[earnings]")
{
    auto closed = [](AssignmentStatus status, const char *when, qint64 cents,
                     const QString &currency) {
        Assignment a = working();
        a.status = status;
        a.pricing = {PricingType::Flat, currency, cents, 0, 0, true};
        a.submittedAt = a.approvedAt = a.paidAt = utc(when);
        return a;
    };
    QList<Assignment> all;
    all << closed(AssignmentStatus::Paid, "2026-04-15T12:00:00Z", 15000, QStringLiteral("USD"))
        << closed(AssignmentStatus::Paid, "2026-04-20T12:00:00Z", 5000, QStringLiteral("USD"))
        << closed(AssignmentStatus::Approved, "2026-05-15T12:00:00Z", 7000, QStringLiteral("USD"))
        << closed(AssignmentStatus::Submitted, "2026-05-16T12:00:00Z", 900, QStringLiteral("JPY"))
        << closed(AssignmentStatus::InProgress, "2026-05-16T12:00:00Z", 100, QStringLiteral("USD"));
    all[2].fundsRequests = {{QStringLiteral("b"),
                             FundsKind::Bonus,
                             2500,
                             0,
                             QStringLiteral("x"),
                             {},
                             FundsStatus::Approved,
                             {},
                             {},
                             {}}};
    const QList<EarningsPeriod> p = Earnings::byMonth(all);
    REQUIRE(p.size() == 3);
    CHECK(p.at(0).period == QLatin1String("2026-05"));
    CHECK(p.at(0).currency == QLatin1String("JPY"));
    CHECK(p.at(0).pendingCents == 900);
    CHECK(p.at(1).currency == QLatin1String("USD"));
    CHECK(p.at(1).approvedCents == 9500); // with the approved bonus
    CHECK(p.at(2).period == QLatin1String("2026-04"));
    CHECK(p.at(2).paidCents == 20000);
    CHECK(p.at(2).assignments == 2);
    const QList<EarningsPeriod> totals = Earnings::totals(p);
    REQUIRE(totals.size() == 2);
    CHECK(totals.at(0).currency == QLatin1String("JPY"));
    CHECK(totals.at(0).pendingCents == 900);
    CHECK(totals.at(1).currency == QLatin1String("USD"));
    CHECK(totals.at(1).approvedCents == 9500);
    CHECK(totals.at(1).paidCents == 20000);
    CHECK(totals.at(1).assignments == 3);
}

TEST_CASE("notices: decisions found between two server documents, once", "[notices]")
{
    Assignment before = working();
    before.fundsRequests = {{QStringLiteral("e1"),
                             FundsKind::Expense,
                             1850,
                             0,
                             QStringLiteral("P"),
                             {},
                             FundsStatus::Pending,
                             {},
                             {},
                             {}}};
    Assignment after = before;
    after.fundsRequests[0].status = FundsStatus::Declined;
    after.fundsRequests[0].decisionNote = QStringLiteral("Parking is included");
    after.status = AssignmentStatus::Cancelled;
    const QList<Notice> n = Notices::between(before, after);
    REQUIRE(n.size() == 2);
    CHECK(n.at(0).kind == QLatin1String("request_declined"));
    CHECK(n.at(0).message.contains(QLatin1String("Parking is included")));
    CHECK(n.at(1).kind == QLatin1String("cancelled"));
    CHECK(Notices::between(after, after).isEmpty());
}

TEST_CASE("money: amounts typed by the worker, in minor units, never floats", "[money]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QString error;
    CHECK(Money::parse(QStringLiteral("42.5"), QStringLiteral("USD"), &error) == 4250);
    CHECK(Money::parse(QStringLiteral("USD 0.07"), QStringLiteral("USD"), &error) == 7);
    CHECK(Money::parse(QStringLiteral("4250"), QStringLiteral("JPY"), &error) == 4250);
    CHECK(Money::parse(QStringLiteral("1.234"), QStringLiteral("KWD"), &error) == 1234);
    CHECK_FALSE(Money::parse(QStringLiteral("42.505"), QStringLiteral("USD"), &error));
    CHECK(error.contains(QLatin1String("42.50")));
    CHECK_FALSE(Money::parse(QStringLiteral("42.5"), QStringLiteral("JPY"), &error));
    CHECK_FALSE(Money::parse(QStringLiteral("-5"), QStringLiteral("USD"), &error));
    CHECK_FALSE(Money::parse(QStringLiteral("abc"), QStringLiteral("USD"), &error));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    CHECK(Money::parse(QStringLiteral("42,50"), QStringLiteral("EUR"), &error) == 4250);
    QLocale::setDefault(QLocale::c());
}
