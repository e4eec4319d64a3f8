#include "Rules.h"

#include "Money.h"
#include "PayCalculator.h"
#include "SiteTime.h"

namespace onsite {

bool Rules::isActive(const Assignment &a)
{
    return a.status == AssignmentStatus::Assigned || a.status == AssignmentStatus::InProgress;
}

bool Rules::isNotConfirmed(const Assignment &a, const QDateTime &now)
{
    const Schedule &s = a.schedule;
    if (!isActive(a) || !s.confirmRequired || !s.confirmBy.isValid())
        return false;
    // Confirming late still clears the label: the client then knows the worker is coming.
    return !s.confirmedAt.isValid() && now > s.confirmBy;
}

QDateTime Rules::checkinWindowOpens(const Assignment &a)
{
    return a.schedule.start.addSecs(-60 * qint64(a.schedule.checkinEarlyMinutes));
}

QDateTime Rules::checkinWindowCloses(const Assignment &a)
{
    const QDateTime base = a.schedule.isWindow ? a.schedule.end : a.schedule.start;
    return base.addSecs(60 * qint64(a.schedule.checkinGraceMinutes));
}

bool Rules::hasCheckinInWindow(const Assignment &a)
{
    const QDateTime open = checkinWindowOpens(a);
    const QDateTime close = checkinWindowCloses(a);
    for (const TimeLog &l : a.timeLogs)
        if (!l.deleted && l.checkIn >= open && l.checkIn <= close)
            return true;
    return false;
}

bool Rules::isWorkerLate(const Assignment &a, const QDateTime &now)
{
    if (!isActive(a) || !a.schedule.start.isValid())
        return false;
    return now > checkinWindowCloses(a) && !hasCheckinInWindow(a);
}

int Rules::deliverablesFor(const Assignment &a, const QString &requirementId)
{
    int n = 0;
    for (const Deliverable &d : a.deliverables)
        if (d.requirementId == requirementId)
            ++n;
    return n;
}

bool Rules::deliverablesMet(const Assignment &a)
{
    for (const DeliverableRequirement &r : a.deliverableRequirements)
        if (deliverablesFor(a, r.id) < r.count)
            return false;
    return true;
}

bool Rules::areDeliverablesLate(const Assignment &a, const QDateTime &now)
{
    if (!isActive(a) || !a.deliverablesDueAt.isValid())
        return false;
    return now > a.deliverablesDueAt && !deliverablesMet(a);
}

QList<Label> Rules::potentialLabels(const Assignment &a)
{
    // Each rule is "a condition of the document" and "a deadline"; the condition does not
    // depend on the time, so asking the rule one instant after its deadline gives it.
    QList<Label> out;
    auto add = [&](const char *code, const QDateTime &deadline, bool late) {
        if (deadline.isValid() && late)
            out.append({QString::fromLatin1(code), labelText(QString::fromLatin1(code)), deadline});
    };
    add("not_confirmed", a.schedule.confirmBy, isNotConfirmed(a, a.schedule.confirmBy.addMSecs(1)));
    add("worker_late", checkinWindowCloses(a), isWorkerLate(a, checkinWindowCloses(a).addMSecs(1)));
    add("deliverables_late", a.deliverablesDueAt,
        areDeliverablesLate(a, a.deliverablesDueAt.addMSecs(1)));
    return out;
}

QList<Label> Rules::labelsAt(const QList<Label> &potential, const QDateTime &now)
{
    QList<Label> out;
    for (const Label &l : potential)
        if (now > l.since)
            out.append(l);
    return out;
}

QList<Label> Rules::labels(const Assignment &a, const QDateTime &now)
{
    return labelsAt(potentialLabels(a), now);
}

QString Rules::labelText(const QString &code)
{
    if (code == QLatin1String("not_confirmed"))
        return tr("Not Confirmed");
    if (code == QLatin1String("worker_late"))
        return tr("Worker Late");
    if (code == QLatin1String("deliverables_late"))
        return tr("Deliverables Late");
    return code;
}

bool Rules::hasCompletedVisit(const Assignment &a)
{
    for (const TimeLog &l : a.timeLogs)
        if (!l.deleted && l.checkOut.isValid())
            return true;
    return false;
}

int Rules::openVisit(const Assignment &a)
{
    for (int i = int(a.timeLogs.size()) - 1; i >= 0; --i)
        if (!a.timeLogs.at(i).deleted && !a.timeLogs.at(i).checkOut.isValid())
            return i;
    return -1;
}

bool Rules::isCheckedIn(const Assignment &a)
{
    return openVisit(a) >= 0;
}

QString Rules::phoneRequiredText(const Assignment &a)
{
    return tr("This client requires checking in and out by phone: call %1.")
        .arg(a.phoneCheckin.number);
}

QString Rules::checkInBlocker(const Assignment &a)
{
    if (!isActive(a))
        return tr("This assignment is %1: no more visits can be recorded.")
            .arg(statusText(a.status).toLower());
    if (a.phoneCheckin.required)
        return phoneRequiredText(a);
    if (const int open = openVisit(a); open >= 0)
        return tr("You are still checked in since %1; check out first.")
            .arg(SiteTime::format(a.timeLogs.at(open).checkIn, a.site.timeZone));
    // Once every required step is done the next step is submitting, not another visit.
    const ChecklistProgress progress = checklist(a);
    if (progress.requiredTotal > 0 && progress.complete())
        return tr("Everything on the checklist is done: submit it for approval.");
    return {};
}

QString Rules::checkOutBlocker(const Assignment &a)
{
    if (!isActive(a))
        return tr("This assignment is %1: no more visits can be recorded.")
            .arg(statusText(a.status).toLower());
    if (a.phoneCheckin.required)
        return phoneRequiredText(a);
    if (!isCheckedIn(a))
        return tr("You are not checked in to this assignment.");
    return {};
}

QString Rules::checkInOutsideWindowText(const Assignment &a, const QDateTime &at)
{
    if (!a.schedule.start.isValid())
        return {};
    const QDateTime open = checkinWindowOpens(a);
    const QDateTime close = checkinWindowCloses(a);
    if (at >= open && at <= close)
        return {};
    const QString window =
        tr("%1 to %2 (site time)")
            .arg(SiteTime::format(open, a.site.timeZone), SiteTime::format(close, a.site.timeZone));
    return at < open ? tr("The check-in window is %1: it opens %2.")
                           .arg(window, SiteTime::relative(open, at))
                     : tr("The check-in window was %1: it closed %2.")
                           .arg(window, SiteTime::relative(close, at));
}

bool Rules::hasWorkBesideVisits(const Assignment &a)
{
    for (const FundsRequest &f : a.fundsRequests)
        if (f.status != FundsStatus::Withdrawn)
            return true;
    for (const Task &t : a.tasks)
        if (t.completedAt.isValid())
            return true;
    return !a.deliverables.isEmpty();
}

ChecklistProgress Rules::checklist(const Assignment &a)
{
    ChecklistProgress p;
    auto add = [&p](QString key, QString title, bool required, bool done) {
        p.entries.append({std::move(key), std::move(title), required, done});
        if (required) {
            ++p.requiredTotal;
            if (done)
                ++p.requiredDone;
        }
    };
    for (const ChecklistItem &c : a.checklist) {
        switch (c.kind) {
        case ChecklistKind::ConfirmSchedule:
            add(QStringLiteral("confirm_schedule"), tr("Confirm schedule"), c.required,
                a.schedule.confirmedAt.isValid());
            break;
        case ChecklistKind::CheckInOut:
            add(QStringLiteral("check_in_out"), tr("Check in and check out"), c.required,
                hasCompletedVisit(a) && !isCheckedIn(a));
            break;
        case ChecklistKind::Deliverables:
            add(QStringLiteral("deliverables"), tr("Upload deliverables"), c.required,
                deliverablesMet(a));
            break;
        case ChecklistKind::CloseoutNotes:
            add(QStringLiteral("closeout_notes"), tr("Close-out notes"), c.required,
                !a.resolution.trimmed().isEmpty());
            break;
        }
    }
    for (const Task &t : a.tasks)
        add(QStringLiteral("task:") + t.id, t.label, t.required, t.completedAt.isValid());
    return p;
}

NextDue Rules::nextDue(const Assignment &a)
{
    switch (a.status) {
    case AssignmentStatus::Submitted:
        return {QStringLiteral("await_approval"), tr("Awaiting approval"), {}};
    case AssignmentStatus::Approved:
        return {QStringLiteral("await_payment"), tr("Awaiting payment"), {}};
    case AssignmentStatus::Paid:
    case AssignmentStatus::Cancelled:
        return {};
    case AssignmentStatus::Assigned:
    case AssignmentStatus::InProgress:
        break;
    }
    const ChecklistProgress p = checklist(a);
    auto requiredOpen = [&p](const QString &key) {
        for (const ChecklistEntry &e : p.entries)
            if (e.key == key && e.required && !e.done)
                return true;
        return false;
    };
    // In the order a worker meets them on the day.
    if (requiredOpen(QStringLiteral("confirm_schedule")))
        return {QStringLiteral("confirm_schedule"), tr("Confirm schedule"), a.schedule.confirmBy};
    if (isCheckedIn(a))
        return {QStringLiteral("check_out"), tr("Check out"), a.schedule.end};
    if (!hasCompletedVisit(a) && a.status == AssignmentStatus::Assigned)
        return {QStringLiteral("check_in"), tr("Check in"), checkinWindowCloses(a)};
    if (requiredOpen(QStringLiteral("check_in_out")))
        return {QStringLiteral("check_in"), tr("Check in"), checkinWindowCloses(a)};
    if (requiredOpen(QStringLiteral("deliverables")))
        return {QStringLiteral("deliverables"), tr("Upload deliverables"), a.deliverablesDueAt};
    // The close-out notes are written in the submit dialog, so they are part of "submit".
    for (const ChecklistEntry &e : p.entries)
        if (e.required && !e.done && e.key != QLatin1String("closeout_notes"))
            return {e.key, e.title, {}};
    return {QStringLiteral("submit"), tr("Submit for approval"), {}};
}

QString Rules::statusText(AssignmentStatus s)
{
    switch (s) {
    case AssignmentStatus::Assigned:
        return tr("Assigned");
    case AssignmentStatus::InProgress:
        return tr("In progress");
    case AssignmentStatus::Submitted:
        return tr("Pending approval");
    case AssignmentStatus::Approved:
        return tr("Approved");
    case AssignmentStatus::Paid:
        return tr("Paid");
    case AssignmentStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString Rules::fundsKindText(FundsKind k)
{
    switch (k) {
    case FundsKind::BudgetIncrease:
        return tr("Budget increase");
    case FundsKind::Expense:
        return tr("Expense reimbursement");
    case FundsKind::Bonus:
        return tr("Bonus");
    }
    return {};
}

QString Rules::fundsStatusText(FundsStatus s)
{
    switch (s) {
    case FundsStatus::Pending:
        return tr("Pending");
    case FundsStatus::Approved:
        return tr("Approved");
    case FundsStatus::Declined:
        return tr("Declined");
    case FundsStatus::Withdrawn:
        return tr("Withdrawn");
    }
    return {};
}

bool Rules::canRequestFunds(const Assignment &a)
{
    return a.status == AssignmentStatus::InProgress;
}

bool Rules::canRequest(const Assignment &a, FundsKind k)
{
    return canRequestFunds(a) && (k != FundsKind::BudgetIncrease || a.pricing.counteroffersAllowed);
}

QString Rules::counteroffersOffText(const Assignment &a)
{
    return tr("%1 does not accept budget increases (counteroffers are turned off); the "
              "assignment pays as offered. Expenses and bonuses can still be requested.")
        .arg(a.company.name.isEmpty() ? tr("This client") : a.company.name);
}

QList<ChecklistEntry> Rules::submitBlockers(const Assignment &a, const QString &resolution)
{
    Assignment withNotes = a;
    withNotes.resolution = resolution;
    QList<ChecklistEntry> out;
    if (isCheckedIn(a))
        out.append({QStringLiteral("check_out"), tr("Check out"), true, false});
    for (const ChecklistEntry &e : checklist(withNotes).entries)
        if (e.required && !e.done && !(e.key == QLatin1String("check_in_out") && isCheckedIn(a)))
            out.append(e);
    return out;
}

QList<ChecklistEntry> Rules::submitBlockersBesideNotes(const Assignment &a)
{
    QList<ChecklistEntry> out = submitBlockers(a, a.resolution);
    out.removeIf([](const ChecklistEntry &e) { return e.key == QLatin1String("closeout_notes"); });
    return out;
}

QStringList Rules::submitWarnings(const Assignment &a)
{
    QStringList out;
    const QString currency = a.pricing.currency;
    for (const FundsRequest &f : a.fundsRequests)
        if (f.status == FundsStatus::Pending)
            out << tr("Your %1 request for %2 is still pending: if you submit now, the assignment "
                      "is approved at the original price and the request is not paid.")
                       .arg(fundsKindText(f.kind).toLower(),
                            Money::format(f.amountCents, currency));
    const PayBreakdown pay = PayCalculator::compute(a);
    if (pay.overBudgetSeconds > 0)
        out << tr("You logged %1 h %2 min past the budget of %3 h; that time is not paid unless a "
                  "budget increase is approved before you submit.")
                   .arg(pay.overBudgetSeconds / 3600)
                   .arg(pay.overBudgetSeconds % 3600 / 60, 2, 10, QLatin1Char('0'))
                   .arg(pay.budgetSeconds / 3600);
    return out;
}

} // namespace onsite
