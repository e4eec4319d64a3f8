#pragma once

#include "Assignment.h"

namespace onsite {

// What an assignment pays, in the currency's minor units (docs/decisions.md, "Pay"):
// - flat: the flat amount;
// - hourly: the hours of completed visits (deleted ones do not count), capped at max_hours
//   plus the extra hours of approved budget increases, times the rate; the product is rounded
//   once, half up, to the minor unit: (seconds × rate + 1800) / 3600;
// - plus approved budget increases (for flat work their amount; for hourly work their extra
//   hours, paid through the cap above), approved expense reimbursements and approved bonuses.
// Pending requests are shown apart and not counted.
struct PayBreakdown {
    qint64 baseCents = 0;
    qint64 loggedSeconds = 0;
    qint64 budgetSeconds = 0; // hourly: the cap in seconds (with approved extra hours)
    qint64 paidSeconds = 0;
    qint64 overBudgetSeconds = 0;
    qint64 budgetIncreaseCents = 0; // flat work: approved increases
    qint64 reimbursementCents = 0;
    qint64 bonusCents = 0;
    qint64 pendingCents = 0;
    qint64 totalCents = 0;
    // Hourly work over budget: the request that would cover it (whole hours, rounded up).
    int suggestedExtraHours = 0;
    qint64 suggestedIncreaseCents = 0;
};

class PayCalculator
{
public:
    static PayBreakdown compute(const Assignment &a);
    static qint64 hourlyCents(qint64 seconds, qint64 rateCents);
};

} // namespace onsite
