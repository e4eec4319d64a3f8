#pragma once

#include "Assignment.h"

#include <QList>

namespace onsite {

// One month of one currency: what the worker's closed work pays (PayCalculator's total).
// Pending: submitted and awaiting approval, counted in the month of submission; approved: in
// the month of approval; paid: in the month of payment. Months are the worker's local time.
struct EarningsPeriod {
    QString period; // "2026-11"
    QString currency;
    qint64 pendingCents = 0;
    qint64 approvedCents = 0;
    qint64 paidCents = 0;
    int assignments = 0;
};

class Earnings
{
public:
    // Newest period first; within a period, currencies in alphabetical order.
    static QList<EarningsPeriod> byMonth(const QList<Assignment> &assignments);
    // All periods added up, one entry per currency (alphabetical), `period` left empty.
    static QList<EarningsPeriod> totals(const QList<EarningsPeriod> &periods);
};

} // namespace onsite
