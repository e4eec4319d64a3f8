#include <catch2/catch.hpp>

#include "AssignmentCodec.h"
#include "CatchQt.h"
#include "Fixtures.h"
#include "Money.h"
#include "PayCalculator.h"

#include <QLocale>

using namespace onsite;
using namespace onsite::test;

namespace {

Assignment hourly(qint64 rateCents, int maxHours, const QString &currency = QStringLiteral("USD"))
{
    Assignment a;
    a.pricing = {PricingType::Hourly, currency, 0, rateCents, maxHours, true};
    return a;
}

void visit(Assignment &a, qint64 seconds, bool deleted = false)
{
    const QDateTime in = utc("2026-03-10T15:00:00Z").addSecs(a.timeLogs.size() * 86400);
    TimeLog l;
    l.id = QString::number(a.timeLogs.size());
    l.checkIn = in;
    l.checkOut = in.addSecs(seconds);
    l.deleted = deleted;
    a.timeLogs.append(l);
}

FundsRequest request(FundsKind kind, qint64 cents, FundsStatus status, int extraHours = 0)
{
    FundsRequest f;
    f.kind = kind;
    f.amountCents = cents;
    f.status = status;
    f.extraHours = extraHours;
    return f;
}

} // namespace

TEST_CASE("pricing: hourly pay rounds once, half up, to the minor unit", "[pricing]")
{
    Assignment a = hourly(6500, 8);
    visit(a, 90 * 60);
    CHECK(PayCalculator::compute(a).baseCents == 9750);    // 1.5 h x 65.00
    CHECK(PayCalculator::hourlyCents(1, 6500) == 2);       // 1.806 cents -> 2
    CHECK(PayCalculator::hourlyCents(20 * 60, 100) == 33); // 33.33 -> 33
    CHECK(PayCalculator::hourlyCents(18, 100) == 1);       // exactly half a cent -> up
    CHECK(PayCalculator::hourlyCents(17, 100) == 0);       // 0.47 -> 0
    // Rounding happens on the total, not per visit: three 20-minute visits are one hour.
    Assignment b = hourly(100, 8);
    visit(b, 20 * 60);
    visit(b, 20 * 60);
    visit(b, 20 * 60);
    CHECK(PayCalculator::compute(b).baseCents == 100);
    // The largest rate over the longest span of dates does not overflow.
    const qint64 hours = qint64(3652425) * 24; // 10,000 years
    CHECK(PayCalculator::hourlyCents(hours * 3600, AssignmentCodec::kMaxHourlyRateCents) ==
          hours * AssignmentCodec::kMaxHourlyRateCents);
}

TEST_CASE("pricing: hours past the cap are not paid, and the app proposes the increase",
          "[pricing]")
{
    Assignment a = hourly(6500, 4);
    visit(a, 4 * 3600);
    PayBreakdown p = PayCalculator::compute(a);
    CHECK(p.baseCents == 26000);
    CHECK(p.overBudgetSeconds == 0); // exactly at the cap is within it
    CHECK(p.suggestedExtraHours == 0);

    visit(a, 1); // one second over
    p = PayCalculator::compute(a);
    CHECK(p.paidSeconds == 4 * 3600);
    CHECK(p.baseCents == 26000);
    CHECK(p.overBudgetSeconds == 1);
    CHECK(p.suggestedExtraHours == 1);
    CHECK(p.suggestedIncreaseCents == 6500);

    visit(a, 90 * 60);
    CHECK(PayCalculator::compute(a).suggestedExtraHours == 2); // 1 h 30 min 1 s over -> 2 hours

    // An approved increase of 2 extra hours raises the cap; a pending one does not.
    a.fundsRequests.append(request(FundsKind::BudgetIncrease, 0, FundsStatus::Pending, 5));
    CHECK(PayCalculator::compute(a).baseCents == 26000);
    CHECK(PayCalculator::compute(a).pendingCents == 5 * 6500);
    a.fundsRequests.append(request(FundsKind::BudgetIncrease, 0, FundsStatus::Approved, 2));
    p = PayCalculator::compute(a);
    CHECK(p.budgetSeconds == 6 * 3600);
    CHECK(p.paidSeconds == 5 * 3600 + 90 * 60 + 1 - 3600);
    CHECK(p.overBudgetSeconds == 0);
}

TEST_CASE("pricing: deleted and open visits do not count", "[pricing]")
{
    Assignment a = hourly(1000, 10);
    visit(a, 3600);
    visit(a, 7200, true);
    TimeLog open;
    open.id = QStringLiteral("open");
    open.checkIn = utc("2026-03-20T15:00:00Z");
    a.timeLogs.append(open);
    const PayBreakdown p = PayCalculator::compute(a);
    CHECK(p.loggedSeconds == 3600);
    CHECK(p.baseCents == 1000);
}

TEST_CASE("pricing: flat work plus approved requests, pending and declined apart", "[pricing]")
{
    Assignment a;
    a.pricing = {PricingType::Flat, QStringLiteral("USD"), 17500, 0, 0, true};
    visit(a, 10 * 3600); // hours do not change flat pay
    a.fundsRequests = {request(FundsKind::BudgetIncrease, 5000, FundsStatus::Approved),
                       request(FundsKind::Expense, 1850, FundsStatus::Approved),
                       request(FundsKind::Bonus, 2500, FundsStatus::Approved),
                       request(FundsKind::Bonus, 9999, FundsStatus::Declined),
                       request(FundsKind::Expense, 777, FundsStatus::Withdrawn),
                       request(FundsKind::Expense, 1200, FundsStatus::Pending)};
    const PayBreakdown p = PayCalculator::compute(a);
    CHECK(p.baseCents == 17500);
    CHECK(p.budgetIncreaseCents == 5000);
    CHECK(p.reimbursementCents == 1850);
    CHECK(p.bonusCents == 2500);
    CHECK(p.pendingCents == 1200);
    CHECK(p.totalCents == 17500 + 5000 + 1850 + 2500);
    CHECK(p.overBudgetSeconds == 0);
}

TEST_CASE("money: currencies without cents, and with three decimals", "[pricing]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    CHECK(Money::decimals(QStringLiteral("USD")) == 2);
    CHECK(Money::decimals(QStringLiteral("JPY")) == 0);
    CHECK(Money::decimals(QStringLiteral("KWD")) == 3);
    CHECK(Money::format(123450, QStringLiteral("USD")) == QStringLiteral("USD 1,234.50"));
    CHECK(Money::format(-5, QStringLiteral("EUR")) == QStringLiteral("EUR -0.05"));
    CHECK(Money::format(2000, QStringLiteral("JPY")) == QStringLiteral("JPY 2,000"));
    CHECK(Money::format(1234567, QStringLiteral("KWD")) == QStringLiteral("KWD 1,234.567"));
    // Hourly pay in yen: the minor unit is the yen; 1 h 20 min at 1,500 yen is 2,000 yen.
    Assignment a = hourly(1500, 8, QStringLiteral("JPY"));
    visit(a, 80 * 60);
    CHECK(Money::format(PayCalculator::compute(a).totalCents, QStringLiteral("JPY")) ==
          QStringLiteral("JPY 2,000"));
    QLocale::setDefault(QLocale::system());
}
