#include "Earnings.h"

#include "PayCalculator.h"

#include <QMap>

namespace onsite {

QList<EarningsPeriod> Earnings::byMonth(const QList<Assignment> &assignments)
{
    QMap<QPair<QString, QString>, EarningsPeriod> periods;
    for (const Assignment &a : assignments) {
        QDateTime when;
        qint64 EarningsPeriod::*bucket = nullptr;
        switch (a.status) {
        case AssignmentStatus::Submitted:
            when = a.submittedAt;
            bucket = &EarningsPeriod::pendingCents;
            break;
        case AssignmentStatus::Approved:
            when = a.approvedAt.isValid() ? a.approvedAt : a.submittedAt;
            bucket = &EarningsPeriod::approvedCents;
            break;
        case AssignmentStatus::Paid:
            when = a.paidAt.isValid() ? a.paidAt : a.approvedAt;
            bucket = &EarningsPeriod::paidCents;
            break;
        default:
            continue;
        }
        if (!when.isValid())
            continue;
        const QString period = when.toLocalTime().toString(QStringLiteral("yyyy-MM"));
        EarningsPeriod &p = periods[{period, a.pricing.currency}];
        p.period = period;
        p.currency = a.pricing.currency;
        p.*bucket += PayCalculator::compute(a).totalCents;
        ++p.assignments;
    }
    QList<EarningsPeriod> out = periods.values();
    std::stable_sort(out.begin(), out.end(), [](const EarningsPeriod &x, const EarningsPeriod &y) {
        return x.period != y.period ? x.period > y.period : x.currency < y.currency;
    });
    return out;
}

QList<EarningsPeriod> Earnings::totals(const QList<EarningsPeriod> &periods)
{
    QMap<QString, EarningsPeriod> byCurrency;
    for (const EarningsPeriod &p : periods) {
        EarningsPeriod &t = byCurrency[p.currency];
        t.currency = p.currency;
        t.pendingCents += p.pendingCents;
        t.approvedCents += p.approvedCents;
        t.paidCents += p.paidCents;
        t.assignments += p.assignments;
    }
    return byCurrency.values();
}

} // namespace onsite
