#include "OperationApplier.h"

#include "FieldReports.h"
#include "JsonReader.h"
#include "MessageThread.h"
#include "Money.h"
#include "Rules.h"
#include "SiteTime.h"

#include <QRegularExpression>
#include <algorithm>
#include <optional>

namespace onsite {
namespace {

OperationOutcome refuse(const char *code, const QString &message)
{
    return {false, QString::fromLatin1(code), message};
}

// Whether [aIn, aOut) and [bIn, bOut) share time; an open visit (no check-out) runs on.
// The first key of `payload` not in `allowed`, as a refusal; an empty outcome when all are known.
std::optional<OperationOutcome> unknownField(const QJsonObject &payload,
                                             std::initializer_list<const char *> allowed)
{
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        bool known = false;
        for (const char *k : allowed)
            known = known || it.key() == QLatin1String(k);
        if (!known)
            return refuse("invalid", OperationApplier::tr("Unknown field \"%1\".").arg(it.key()));
    }
    return std::nullopt;
}

bool overlaps(const QDateTime &aIn, const QDateTime &aOut, const QDateTime &bIn,
              const QDateTime &bOut)
{
    const bool aEndsBeforeB = aOut.isValid() && aOut <= bIn;
    const bool bEndsBeforeA = bOut.isValid() && bOut <= aIn;
    return !aEndsBeforeB && !bEndsBeforeA;
}

// Every string an operation carries has a limit, checked here once for the app and the
// server: ids (a key "id", "receipt" or ending in "_id") at kMaxIdLength, any other text at
// kMaxTextLength. Without it five visit ids of 900,000 characters grew a document to 4.5 MB.
std::optional<OperationOutcome> tooLong(const QJsonObject &payload)
{
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        if (!it.value().isString())
            continue;
        const QString &key = it.key();
        const bool isId = key == QLatin1String("id") || key == QLatin1String("receipt") ||
                          key.endsWith(QLatin1String("_id"));
        const int limit = isId ? OperationApplier::kMaxIdLength : OperationApplier::kMaxTextLength;
        if (it.value().toString().size() > limit)
            return refuse(
                "invalid",
                OperationApplier::tr("\"%1\" is longer than %2 characters.").arg(key).arg(limit));
    }
    return std::nullopt;
}

} // namespace

OperationOutcome OperationApplier::apply(Assignment &a, const Operation &op, const QDateTime &now)
{
    if (auto bad = tooLong(op.payload))
        return *bad;
    // The thread outlives the work: questions about pay come after approval, and a cancelled
    // assignment may need a word. Every other change is for work still to do.
    if (op.is(OperationType::MessagePost))
        return postMessage(a, op, now);
    if (op.is(OperationType::MessageRead))
        return markRead(a, op);
    if (!Rules::isActive(a))
        return refuse("read_only", tr("This assignment is %1 and can no longer be changed.")
                                       .arg(Rules::statusText(a.status).toLower()));
    const std::optional<OperationType> kind = op.kind();
    if (!kind)
        return refuse("unknown_type", tr("Unknown operation \"%1\".").arg(op.type));
    switch (*kind) {
    case OperationType::ScheduleConfirm:
        return confirm(a, op, now);
    case OperationType::TimeLogUpsert:
        return upsertLog(a, op, now);
    case OperationType::PhoneCheckIn:
        return phoneCheckIn(a, op, now);
    case OperationType::PhoneCheckOut:
        return phoneCheckOut(a, op, now);
    case OperationType::TimeLogDelete:
        return deleteLog(a, op);
    case OperationType::DeliverableRemove:
        return removeDeliverable(a, op);
    case OperationType::FundsRequestCreate:
        return createFundsRequest(a, op, now);
    case OperationType::FundsRequestWithdraw:
        return withdrawFundsRequest(a, op);
    case OperationType::TaskComplete:
        return completeTask(a, op, now);
    case OperationType::AssignmentSubmit:
        return submit(a, op, now);
    case OperationType::EtaReport:
        return reportEta(a, op, now);
    case OperationType::ProblemReport:
        return reportProblem(a, op, now);
    case OperationType::MessagePost:
        return postMessage(a, op, now);
    case OperationType::MessageRead:
        return markRead(a, op);
    }
    return refuse("unknown_type", tr("Unknown operation \"%1\".").arg(op.type));
}

OperationOutcome OperationApplier::confirm(Assignment &a, const Operation &op, const QDateTime &now)
{
    if (!op.payload.isEmpty())
        return refuse("invalid", tr("schedule.confirm takes no fields."));
    if (!a.schedule.confirmRequired)
        return refuse("not_required", tr("This assignment does not ask for a confirmation."));
    if (!a.schedule.confirmedAt.isValid())
        a.schedule.confirmedAt = qMin(op.createdAt, now);
    return {true, {}, {}};
}

OperationOutcome OperationApplier::upsertLog(Assignment &a, const Operation &op,
                                             const QDateTime &now)
{
    QString error;
    JsonReader r(op.payload, QString(), &error);
    const QString id = r.string("id", true);
    const QDateTime in = r.instant("check_in", true);
    const QDateTime out = r.instant("check_out");
    const QString note = r.string("note");
    for (auto it = op.payload.begin(); it != op.payload.end() && r.ok(); ++it)
        if (it.key() != QLatin1String("id") && it.key() != QLatin1String("check_in") &&
            it.key() != QLatin1String("check_out") && it.key() != QLatin1String("note"))
            r.fail(it.key(), QStringLiteral("unknown field"));
    if (!r.ok())
        return refuse("invalid", error);
    if (note.size() > 2000)
        return refuse("invalid", tr("The note is longer than 2000 characters."));
    if (out.isValid() && out < in)
        return refuse("check_out_before_check_in", tr("Check-out (%1) is before check-in (%2).")
                                                       .arg(SiteTime::format(out, a.site.timeZone),
                                                            SiteTime::format(in, a.site.timeZone)));
    const QDateTime latest = now.addSecs(kFutureToleranceSecs);
    if (in > latest || (out.isValid() && out > latest))
        return refuse("in_future",
                      tr("%1 is in the future.")
                          .arg(in > latest ? tr("The check-in time") : tr("The check-out time")));
    int index = -1;
    for (int i = 0; i < a.timeLogs.size(); ++i)
        if (a.timeLogs.at(i).id == id)
            index = i;
    if (index >= 0 && a.timeLogs.at(index).deleted)
        return refuse("deleted", tr("This visit was deleted and cannot be changed."));
    if (index < 0 && a.phoneCheckin.required)
        return refuse("phone_required", Rules::phoneRequiredText(a));
    if (auto overlap = refuseOverlap(a, index, in, out))
        return *overlap;
    if (index < 0) {
        TimeLog l;
        l.id = id;
        l.checkIn = in;
        l.checkOut = out;
        l.note = note;
        l.source = TimeLogSource::Desktop;
        a.timeLogs.append(l);
        if (a.status == AssignmentStatus::Assigned)
            a.status = AssignmentStatus::InProgress; // the first check-in starts the work
    } else {
        TimeLog &l = a.timeLogs[index];
        // Checking out of an open visit is not an edit; changing a recorded time or note is.
        const bool checkOutOnly =
            !l.checkOut.isValid() && out.isValid() && l.checkIn == in && l.note == note;
        if (!checkOutOnly && (l.checkIn != in || l.checkOut != out || l.note != note))
            l.edited = true;
        l.checkIn = in;
        l.checkOut = out;
        l.note = note;
    }
    return {true, {}, {}};
}

std::optional<OperationOutcome> OperationApplier::refuseOverlap(const Assignment &a, int except,
                                                                const QDateTime &in,
                                                                const QDateTime &out)
{
    for (int i = 0; i < a.timeLogs.size(); ++i) {
        const TimeLog &l = a.timeLogs.at(i);
        if (i == except || l.deleted || !overlaps(in, out, l.checkIn, l.checkOut))
            continue;
        if (!l.checkOut.isValid())
            return refuse("overlap", tr("You are still checked in since %1; check out first.")
                                         .arg(SiteTime::format(l.checkIn, a.site.timeZone)));
        return refuse("overlap", tr("This visit overlaps the visit from %1 to %2.")
                                     .arg(SiteTime::format(l.checkIn, a.site.timeZone),
                                          SiteTime::format(l.checkOut, a.site.timeZone)));
    }
    return std::nullopt;
}

bool OperationApplier::isPhoneOperation(const Operation &op)
{
    return op.is(OperationType::PhoneCheckIn) || op.is(OperationType::PhoneCheckOut);
}

OperationOutcome OperationApplier::phoneCheckIn(Assignment &a, const Operation &op,
                                                const QDateTime &now)
{
    // Made by the server from a signed call: the phone rule does not refuse it, every other
    // visit rule (one open visit, no overlap, not in the future) does as for the desktop.
    QString error;
    JsonReader r(op.payload, QString(), &error);
    const QString id = r.string("id", true);
    const QDateTime at = r.instant("at", true);
    if (!r.ok() || op.payload.size() != 2)
        return refuse("invalid", error.isEmpty() ? tr("phone.check_in takes id and at.") : error);
    if (at > now.addSecs(kFutureToleranceSecs))
        return refuse("in_future", tr("%1 is in the future.").arg(tr("The check-in time")));
    for (const TimeLog &l : a.timeLogs)
        if (l.id == id)
            return refuse("invalid", tr("This visit is already recorded."));
    if (auto overlap = refuseOverlap(a, -1, at, QDateTime()))
        return *overlap;
    TimeLog l;
    l.id = id;
    l.checkIn = at;
    l.source = TimeLogSource::Phone;
    a.timeLogs.append(l);
    if (a.status == AssignmentStatus::Assigned)
        a.status = AssignmentStatus::InProgress; // the first check-in starts the work
    return {true, {}, {}};
}

OperationOutcome OperationApplier::phoneCheckOut(Assignment &a, const Operation &op,
                                                 const QDateTime &now)
{
    QString error;
    JsonReader r(op.payload, QString(), &error);
    const QDateTime at = r.instant("at", true);
    if (!r.ok() || op.payload.size() != 1)
        return refuse("invalid", error.isEmpty() ? tr("phone.check_out takes at.") : error);
    if (at > now.addSecs(kFutureToleranceSecs))
        return refuse("in_future", tr("%1 is in the future.").arg(tr("The check-out time")));
    const int open = Rules::openVisit(a);
    if (open < 0)
        return refuse("not_checked_in", tr("You are not checked in to this assignment."));
    TimeLog &l = a.timeLogs[open];
    if (at < l.checkIn)
        return refuse("check_out_before_check_in",
                      tr("Check-out (%1) is before check-in (%2).")
                          .arg(SiteTime::format(at, a.site.timeZone),
                               SiteTime::format(l.checkIn, a.site.timeZone)));
    if (auto overlap = refuseOverlap(a, open, l.checkIn, at))
        return *overlap;
    l.checkOut = at;
    return {true, {}, {}};
}

OperationOutcome OperationApplier::deleteLog(Assignment &a, const Operation &op)
{
    const QString id = op.payload.value(QStringLiteral("id")).toString();
    if (op.payload.size() != 1 || id.isEmpty())
        return refuse("invalid", tr("time_log.delete takes the id of the visit."));
    for (TimeLog &l : a.timeLogs)
        if (l.id == id) {
            l.deleted = true; // kept, marked: the client company still sees what was recorded
            // A check-in made by mistake and deleted did not start the work: with no visit
            // left and nothing else begun, the assignment is Assigned again (its checklist,
            // labels and the actions offered follow).
            if (a.status == AssignmentStatus::InProgress && !Rules::hasWorkBesideVisits(a) &&
                std::none_of(a.timeLogs.cbegin(), a.timeLogs.cend(),
                             [](const TimeLog &v) { return !v.deleted; }))
                a.status = AssignmentStatus::Assigned;
            return {true, {}, {}};
        }
    return refuse("not_found", tr("That visit does not exist."));
}

OperationOutcome OperationApplier::removeDeliverable(Assignment &a, const Operation &op)
{
    const QString id = op.payload.value(QStringLiteral("id")).toString();
    if (op.payload.size() != 1 || id.isEmpty())
        return refuse("invalid", tr("deliverable.remove takes the id of the file."));
    for (int i = 0; i < a.deliverables.size(); ++i)
        if (a.deliverables.at(i).id == id) {
            // The stored file goes with the server's next clean-up; the document forgets it now.
            a.deliverables.removeAt(i);
            return {true, {}, {}};
        }
    return refuse("not_found", tr("That file is not among the deliverables."));
}

OperationOutcome OperationApplier::createFundsRequest(Assignment &a, const Operation &op,
                                                      const QDateTime &now)
{
    if (auto bad = unknownField(op.payload,
                                {"id", "kind", "amount_cents", "extra_hours", "reason", "receipt"}))
        return *bad;
    QString error;
    JsonReader r(op.payload, QString(), &error);
    const QString id = r.string("id", true);
    const FundsKind kind = r.enumeration("kind", true, FundsKind::Expense);
    const qint64 amount = r.integer("amount_cents", true, 1, kMaxRequestMinorUnits);
    const qint64 extraHours = r.integer("extra_hours", false, 0, 1000);
    const QString reason = r.string("reason", true);
    const QString receipt = r.string("receipt");
    if (!r.ok())
        return refuse("invalid", error);
    if (id.size() > 64 || receipt.size() > 64)
        return refuse("invalid", tr("The request or receipt id is too long."));
    if (reason.size() > kMaxTextLength)
        return refuse("invalid",
                      tr("The reason is longer than %1 characters.").arg(kMaxTextLength));
    if (!receipt.isEmpty() && kind != FundsKind::Expense)
        return refuse("invalid", tr("Only an expense reimbursement takes a receipt."));
    if (a.status != AssignmentStatus::InProgress)
        return refuse("not_in_progress",
                      tr("Extra funds can be requested once the work is in progress (after "
                         "the first check-in)."));
    if (kind == FundsKind::BudgetIncrease && !a.pricing.counteroffersAllowed)
        return refuse("counteroffers_off", Rules::counteroffersOffText(a));
    const bool hourly = a.pricing.type == PricingType::Hourly;
    if (kind == FundsKind::BudgetIncrease && hourly) {
        if (extraHours < 1)
            return refuse("invalid", tr("For hourly work, ask for at least one extra hour."));
        if (amount != extraHours * a.pricing.hourlyRateCents)
            return refuse("invalid", tr("The amount must be the extra hours times the rate, %1.")
                                         .arg(Money::format(extraHours * a.pricing.hourlyRateCents,
                                                            a.pricing.currency)));
    } else if (extraHours != 0) {
        return refuse("invalid", tr("Only a budget increase for hourly work takes extra hours."));
    }
    for (const FundsRequest &f : a.fundsRequests)
        if (f.id == id)
            return refuse("exists", tr("A request with this id already exists."));
    FundsRequest f;
    f.id = id;
    f.kind = kind;
    f.amountCents = amount;
    f.extraHours = int(extraHours);
    f.reason = reason.trimmed();
    f.receipt = receipt;
    f.status = FundsStatus::Pending;
    f.requestedAt = qMin(op.createdAt, now);
    a.fundsRequests.append(f);
    return {true, {}, {}};
}

OperationOutcome OperationApplier::withdrawFundsRequest(Assignment &a, const Operation &op)
{
    const QString id = op.payload.value(QStringLiteral("id")).toString();
    if (op.payload.size() != 1 || id.isEmpty())
        return refuse("invalid", tr("funds_request.withdraw takes the id of the request."));
    for (FundsRequest &f : a.fundsRequests)
        if (f.id == id) {
            if (f.status != FundsStatus::Pending)
                return refuse("decided", tr("This request was already %1.")
                                             .arg(Rules::fundsStatusText(f.status).toLower()));
            f.status = FundsStatus::Withdrawn;
            return {true, {}, {}};
        }
    return refuse("not_found", tr("That request does not exist."));
}

OperationOutcome OperationApplier::completeTask(Assignment &a, const Operation &op,
                                                const QDateTime &now)
{
    if (auto bad = unknownField(op.payload, {"id", "answer"}))
        return *bad;
    const QString id = op.payload.value(QStringLiteral("id")).toString();
    const QJsonValue answer = op.payload.value(QStringLiteral("answer"));
    Task *task = nullptr;
    for (Task &t : a.tasks)
        if (t.id == id)
            task = &t;
    if (!task)
        return refuse("not_found", tr("That task does not exist."));
    QString text;
    switch (task->type) {
    case TaskType::Checkbox:
        if (!answer.isBool())
            return refuse("invalid", tr("\"%1\" is answered with yes or no.").arg(task->label));
        text = answer.toBool() ? QStringLiteral("yes") : QString();
        break;
    case TaskType::Text:
        if (!answer.isString() || answer.toString().trimmed().isEmpty())
            return refuse("invalid", tr("\"%1\" needs a written answer.").arg(task->label));
        if (answer.toString().size() > kMaxTextLength)
            return refuse("invalid",
                          tr("The answer is longer than %1 characters.").arg(kMaxTextLength));
        text = answer.toString().trimmed();
        break;
    case TaskType::Number: {
        const QString s = answer.isString() ? answer.toString().trimmed() : QString();
        if (!isNumberAnswer(s))
            return refuse("invalid", tr("\"%1\" needs a number.").arg(task->label));
        text = s;
        break;
    }
    }
    task->answer = text;
    task->completedAt = text.isEmpty() ? QDateTime() : qMin(op.createdAt, now);
    return {true, {}, {}};
}

bool OperationApplier::isNumberAnswer(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^-?[0-9]{1,15}(\\.[0-9]{1,6})?$"));
    return number.match(text).hasMatch();
}

OperationOutcome OperationApplier::submit(Assignment &a, const Operation &op, const QDateTime &now)
{
    if (auto bad = unknownField(op.payload, {"resolution"}))
        return *bad;
    const QJsonValue v = op.payload.value(QStringLiteral("resolution"));
    if (!v.isUndefined() && !v.isString())
        return refuse("invalid", tr("resolution: expected a string"));
    const QString resolution = v.toString().trimmed();
    if (resolution.size() > kMaxTextLength)
        return refuse("invalid",
                      tr("The close-out notes are longer than %1 characters.").arg(kMaxTextLength));
    const QList<ChecklistEntry> missing = Rules::submitBlockers(a, resolution);
    if (!missing.isEmpty()) {
        QStringList titles;
        for (const ChecklistEntry &e : missing)
            titles << e.title;
        return refuse(
            "incomplete",
            tr("Not ready to submit; still to do: %1.").arg(titles.join(QStringLiteral(", "))));
    }
    a.resolution = resolution;
    a.status = AssignmentStatus::Submitted;
    a.submittedAt = qMin(op.createdAt, now);
    return {true, {}, {}};
}

// Told when the worker reported it (offline, that is before the sync), so a report made in
// time is not refused for arriving after the window closed.
OperationOutcome OperationApplier::reportEta(Assignment &a, const Operation &op,
                                             const QDateTime &now)
{
    if (auto bad = unknownField(op.payload, {"eta", "reason"}))
        return *bad;
    QString error;
    JsonReader r(op.payload, QString(), &error);
    const QDateTime eta = r.instant("eta", true);
    const QString reason = r.string("reason", true).trimmed();
    if (!r.ok())
        return refuse("invalid", error);
    if (reason.isEmpty())
        return refuse("invalid", tr("Say why you will be late."));
    const QDateTime at = qMin(op.createdAt, now);
    if (const QString why = FieldReports::etaBlocker(a, at); !why.isEmpty())
        return refuse("not_allowed", why);
    if (const QString why = FieldReports::etaError(a, eta, at); !why.isEmpty())
        return refuse("invalid_eta", why);
    a.etaReports.append({eta, reason, at});
    return {true, {}, {}};
}

OperationOutcome OperationApplier::reportProblem(Assignment &a, const Operation &op,
                                                 const QDateTime &now)
{
    if (auto bad = unknownField(op.payload, {"id", "kind", "description"}))
        return *bad;
    QString error;
    JsonReader r(op.payload, QString(), &error);
    const QString id = r.string("id", true);
    const ProblemKind kind = r.enumeration("kind", true, ProblemKind::Other);
    const QString description = r.string("description", true).trimmed();
    if (!r.ok())
        return refuse("invalid", error);
    if (description.isEmpty())
        return refuse("invalid", tr("Describe the problem."));
    for (const ProblemReport &p : std::as_const(a.problems))
        if (p.id == id)
            return refuse("duplicate_id", tr("A problem with this id was reported already."));
    a.problems.append({id, kind, description, qMin(op.createdAt, now)});
    return {true, {}, {}};
}

OperationOutcome OperationApplier::postMessage(Assignment &a, const Operation &op,
                                               const QDateTime &now)
{
    if (auto bad = unknownField(op.payload, {"id", "text"}))
        return *bad;
    QString error;
    JsonReader r(op.payload, QString(), &error);
    const QString id = r.string("id", true);
    const QString text = r.string("text", true).trimmed();
    if (!r.ok())
        return refuse("invalid", error);
    if (text.isEmpty())
        return refuse("invalid", tr("Write the message first."));
    if (MessageThread::indexOf(a, id) >= 0)
        return refuse("duplicate_id", tr("A message with this id was posted already."));
    a.messages.append({id, MessageFrom::Worker, QString(), text, qMin(op.createdAt, now)});
    return {true, {}, {}};
}

// Read state only moves forward: a machine that read less and syncs later does not make read
// messages unread again.
OperationOutcome OperationApplier::markRead(Assignment &a, const Operation &op)
{
    const QString id = op.payload.value(QStringLiteral("id")).toString();
    if (op.payload.size() != 1 || id.isEmpty())
        return refuse("invalid", tr("message.read takes the id of the last message read."));
    const int at = MessageThread::indexOf(a, id);
    if (at < 0)
        return refuse("not_found", tr("That message does not exist."));
    if (at > MessageThread::indexOf(a, a.messagesRead))
        a.messagesRead = id;
    return {true, {}, {}};
}

} // namespace onsite
