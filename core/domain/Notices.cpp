#include "Notices.h"

#include "Money.h"
#include "Rules.h"

#include <algorithm>

namespace onsite {

QList<Notice> Notices::between(const Assignment &before, const Assignment &after)
{
    QList<Notice> out;
    const QString name = QStringLiteral("#%1 %2").arg(after.id).arg(after.title);
    for (const FundsRequest &f : after.fundsRequests) {
        if (f.status != FundsStatus::Approved && f.status != FundsStatus::Declined)
            continue;
        bool wasPending = false;
        for (const FundsRequest &old : before.fundsRequests)
            if (old.id == f.id)
                wasPending = old.status == FundsStatus::Pending;
        if (!wasPending)
            continue;
        const bool approved = f.status == FundsStatus::Approved;
        QString message = (approved ? tr("%1 approved your %2 request for %3.")
                                    : tr("%1 declined your %2 request for %3."))
                              .arg(after.company.name, Rules::fundsKindText(f.kind).toLower(),
                                   Money::format(f.amountCents, after.pricing.currency));
        if (!f.decisionNote.isEmpty())
            message += QLatin1Char(' ') + tr("Note: %1").arg(f.decisionNote);
        out.append(
            {after.id,
             approved ? QStringLiteral("request_approved") : QStringLiteral("request_declined"),
             approved ? tr("Request approved: %1").arg(name) : tr("Request declined: %1").arg(name),
             message});
    }
    if (before.status != after.status) {
        switch (after.status) {
        case AssignmentStatus::Approved:
            out.append({after.id, QStringLiteral("approved"), tr("Approved: %1").arg(name),
                        tr("%1 approved the work; payment follows.").arg(after.company.name)});
            break;
        case AssignmentStatus::Paid:
            out.append({after.id, QStringLiteral("paid"), tr("Paid: %1").arg(name),
                        tr("%1 marked the assignment paid.").arg(after.company.name)});
            break;
        case AssignmentStatus::Cancelled:
            out.append({after.id, QStringLiteral("cancelled"), tr("Cancelled: %1").arg(name),
                        tr("%1 cancelled the assignment.").arg(after.company.name)});
            break;
        default:
            break;
        }
    }
    return out;
}

bool Notices::possible(const Assignment &after)
{
    if (after.status == AssignmentStatus::Approved || after.status == AssignmentStatus::Paid ||
        after.status == AssignmentStatus::Cancelled)
        return true;
    return std::any_of(
        after.fundsRequests.cbegin(), after.fundsRequests.cend(), [](const FundsRequest &f) {
            return f.status == FundsStatus::Approved || f.status == FundsStatus::Declined;
        });
}

} // namespace onsite
