#include "PayCalculator.h"

namespace onsite {

qint64 PayCalculator::hourlyCents(qint64 seconds, qint64 rateCents)
{
    return (seconds * rateCents + 1800) / 3600;
}

PayBreakdown PayCalculator::compute(const Assignment &a)
{
    PayBreakdown p;
    const bool hourly = a.pricing.type == PricingType::Hourly;
    int extraHours = 0;
    for (const FundsRequest &f : a.fundsRequests) {
        if (f.status == FundsStatus::Pending) {
            p.pendingCents += hourly && f.kind == FundsKind::BudgetIncrease
                                  ? f.extraHours * a.pricing.hourlyRateCents
                                  : f.amountCents;
            continue;
        }
        if (f.status != FundsStatus::Approved)
            continue;
        switch (f.kind) {
        case FundsKind::BudgetIncrease:
            if (hourly)
                extraHours += f.extraHours;
            else
                p.budgetIncreaseCents += f.amountCents;
            break;
        case FundsKind::Expense:
            p.reimbursementCents += f.amountCents;
            break;
        case FundsKind::Bonus:
            p.bonusCents += f.amountCents;
            break;
        }
    }
    for (const TimeLog &l : a.timeLogs)
        if (!l.deleted && l.checkOut.isValid() && l.checkOut > l.checkIn)
            p.loggedSeconds += l.checkIn.secsTo(l.checkOut);
    if (hourly) {
        p.budgetSeconds = qint64(a.pricing.maxHours + extraHours) * 3600;
        p.paidSeconds = qMin(p.loggedSeconds, p.budgetSeconds);
        p.overBudgetSeconds = qMax<qint64>(0, p.loggedSeconds - p.budgetSeconds);
        p.baseCents = hourlyCents(p.paidSeconds, a.pricing.hourlyRateCents);
        if (p.overBudgetSeconds > 0) {
            p.suggestedExtraHours = int((p.overBudgetSeconds + 3599) / 3600);
            p.suggestedIncreaseCents = p.suggestedExtraHours * a.pricing.hourlyRateCents;
        }
    } else {
        p.baseCents = a.pricing.flatCents;
    }
    p.totalCents = p.baseCents + p.budgetIncreaseCents + p.reimbursementCents + p.bonusCents;
    return p;
}

} // namespace onsite
