#include "Notices.h"

#include "MessageThread.h"
#include "Money.h"
#include "Rules.h"
#include "SiteTime.h"

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
    if (auto c = changed(before, after))
        out.append(*c);
    if (auto m = messages(before, after))
        out.append(*m);
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
                        after.cancelReason.isEmpty()
                            ? tr("%1 cancelled the assignment.").arg(after.company.name)
                            : tr("%1 cancelled the assignment: %2")
                                  .arg(after.company.name, after.cancelReason)});
            break;
        default:
            break;
        }
    }
    return out;
}

namespace {

QString payText(const Pricing &p)
{
    if (p.type == PricingType::Flat)
        return Notices::tr("%1 flat").arg(Money::format(p.flatCents, p.currency));
    return Notices::tr("%1 per hour, up to %n hours", nullptr, p.maxHours)
        .arg(Money::format(p.hourlyRateCents, p.currency));
}

} // namespace

std::optional<Notice> Notices::changed(const Assignment &before, const Assignment &after)
{
    if (!Rules::isActive(before) || !Rules::isActive(after))
        return std::nullopt;
    const QString tz = after.site.timeZone;
    QStringList what;
    const Schedule &was = before.schedule;
    const Schedule &now = after.schedule;
    if (was.start != now.start)
        what << tr("The schedule moved from %1 to %2.")
                    .arg(SiteTime::format(was.start, tz), SiteTime::format(now.start, tz));
    else if (was.end != now.end)
        what << tr("The work now ends at %1 instead of %2.")
                    .arg(SiteTime::format(now.end, tz), SiteTime::format(was.end, tz));
    const Pricing &p0 = before.pricing;
    const Pricing &p1 = after.pricing;
    if (p0.type != p1.type || p0.currency != p1.currency || p0.flatCents != p1.flatCents ||
        p0.hourlyRateCents != p1.hourlyRateCents || p0.maxHours != p1.maxHours)
        what << tr("The pay changed from %1 to %2.").arg(payText(p0), payText(p1));
    QStringList tasks;
    for (const Task &t : after.tasks)
        if (std::none_of(before.tasks.cbegin(), before.tasks.cend(),
                         [&t](const Task &old) { return old.id == t.id; }))
            tasks << t.label;
    if (!tasks.isEmpty())
        what << tr("New task: %1.", nullptr, int(tasks.size()))
                    .arg(tasks.join(QStringLiteral("; ")));
    QStringList files;
    for (const DeliverableRequirement &r : after.deliverableRequirements)
        if (std::none_of(before.deliverableRequirements.cbegin(),
                         before.deliverableRequirements.cend(),
                         [&r](const DeliverableRequirement &old) { return old.id == r.id; }))
            files << tr("%1 (%n to upload)", nullptr, r.count).arg(r.description);
    if (!files.isEmpty())
        what << tr("Also required: %1.").arg(files.join(QStringLiteral("; ")));
    if (what.isEmpty())
        return std::nullopt;
    return Notice{
        after.id, QStringLiteral("changed"),
        tr("Changed by %1: #%2 %3").arg(after.company.name).arg(after.id).arg(after.title),
        what.join(QLatin1Char(' '))};
}

std::optional<Notice> Notices::messages(const Assignment &before, const Assignment &after)
{
    QList<const Message *> fresh;
    for (const Message &m : after.messages)
        if (m.from == MessageFrom::Company && MessageThread::indexOf(before, m.id) < 0 &&
            MessageThread::indexOf(after, after.messagesRead) < MessageThread::indexOf(after, m.id))
            fresh.append(&m);
    if (fresh.isEmpty())
        return std::nullopt;
    const QString name = QStringLiteral("#%1 %2").arg(after.id).arg(after.title);
    QString text = fresh.constLast()->text;
    if (text.size() > 300)
        text = text.left(300) + QStringLiteral("…");
    if (fresh.size() > 1)
        text = tr("%1 (%2 new messages in all)").arg(text).arg(fresh.size());
    return Notice{after.id, QStringLiteral("message"),
                  tr("Message from %1 about %2").arg(after.company.name, name), text};
}

bool Notices::possible(const Assignment &after)
{
    if (MessageThread::unreadCount(after) > 0) // only what is unread can be announced
        return true;
    if (after.status == AssignmentStatus::Approved || after.status == AssignmentStatus::Paid ||
        after.status == AssignmentStatus::Cancelled)
        return true;
    return std::any_of(
        after.fundsRequests.cbegin(), after.fundsRequests.cend(), [](const FundsRequest &f) {
            return f.status == FundsStatus::Approved || f.status == FundsStatus::Declined;
        });
}

} // namespace onsite
