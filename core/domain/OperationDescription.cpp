#include "OperationDescription.h"

#include "Enums.h"
#include "FieldReports.h"
#include "JsonReader.h"
#include "Money.h"
#include "OperationApplier.h"
#include "SiteTime.h"

#include <QHash>
#include <QLocale>

namespace onsite {
namespace {

QString id(const Operation &op)
{
    return op.payload.value(QStringLiteral("id")).toString();
}

QDateTime instant(const Operation &op, const char *key)
{
    const QJsonValue v = op.payload.value(QLatin1String(key));
    return v.isString() ? JsonReader::parseInstant(v.toString()) : QDateTime();
}

// "14:02" when on the day of the change (site time), else "Mon 30 Nov 14:02".
QString when(const QDateTime &utc, const Assignment *a, const QDateTime &madeAt)
{
    const QString zone = a ? a->site.timeZone : QString();
    const QDateTime t = SiteTime::inZone(utc, zone);
    const QLocale l;
    if (madeAt.isValid() && SiteTime::inZone(madeAt, zone).date() == t.date())
        return l.toString(t.time(), QStringLiteral("HH:mm"));
    return l.toString(t, QStringLiteral("ddd d MMM HH:mm"));
}

QString day(const QDateTime &utc, const Assignment *a)
{
    return QLocale().toString(SiteTime::inZone(utc, a ? a->site.timeZone : QString()).date(),
                              QStringLiteral("ddd d MMM"));
}

const TimeLog *findLog(const Assignment *a, const QString &logId)
{
    if (a)
        for (const TimeLog &l : a->timeLogs)
            if (l.id == logId)
                return &l;
    return nullptr;
}

} // namespace

// A visit recorded, changed or closed.
QString OperationDescription::describeVisit(const Operation &op, const Assignment *before)
{
    const QDateTime in = instant(op, "check_in");
    const QDateTime out = instant(op, "check_out");
    const QString note = op.payload.value(QStringLiteral("note")).toString();
    const TimeLog *log = findLog(before, id(op));
    if (!log || log->deleted) {
        if (out.isValid())
            return tr("Recorded a visit %1–%2")
                .arg(when(in, before, op.createdAt), when(out, before, op.createdAt));
        return tr("Checked in %1").arg(when(in, before, op.createdAt));
    }
    QStringList parts;
    if (in.isValid() && in != log->checkIn)
        parts << tr("Changed check-in to %1").arg(when(in, before, op.createdAt));
    if (out.isValid() && !log->checkOut.isValid())
        parts << tr("Checked out %1").arg(when(out, before, op.createdAt));
    else if (out.isValid() && out != log->checkOut)
        parts << tr("Changed check-out to %1").arg(when(out, before, op.createdAt));
    else if (!out.isValid() && log->checkOut.isValid())
        parts << tr("Removed the check-out");
    if (note != log->note)
        parts << (note.isEmpty() ? tr("Removed the note") : tr("Changed the note"));
    if (parts.isEmpty())
        return tr("Saved the visit of %1 unchanged").arg(day(log->checkIn, before));
    // The first part keeps its capital; the others follow it in lower case.
    for (int i = 1; i < parts.size(); ++i)
        parts[i][0] = parts[i].at(0).toLower();
    return parts.join(tr(", "));
}

QString OperationDescription::describe(const Operation &op, const Assignment *before)
{
    const std::optional<OperationType> kind = op.kind();
    if (!kind)
        return op.type;
    switch (*kind) {
    case OperationType::TimeLogUpsert:
    case OperationType::PhoneCheckIn:
    case OperationType::PhoneCheckOut:
        return describeVisit(op, before);
    case OperationType::TimeLogDelete: {
        const TimeLog *log = findLog(before, id(op));
        return log ? tr("Deleted the visit of %1").arg(day(log->checkIn, before))
                   : tr("Deleted a visit");
    }
    case OperationType::ScheduleConfirm:
        return tr("Confirmed the schedule");
    case OperationType::FundsRequestCreate: {
        const QString currency = before ? before->pricing.currency : QString();
        const QString amount =
            Money::format(op.payload.value(QStringLiteral("amount_cents")).toInteger(), currency);
        const auto fundsKind =
            fromWire<FundsKind>(op.payload.value(QStringLiteral("kind")).toString());
        if (fundsKind == FundsKind::Expense)
            return tr("Requested %1 expense").arg(amount);
        if (fundsKind == FundsKind::Bonus)
            return tr("Requested %1 bonus").arg(amount);
        return tr("Requested %1 budget increase").arg(amount);
    }
    case OperationType::FundsRequestWithdraw:
        if (before)
            for (const FundsRequest &r : before->fundsRequests)
                if (r.id == id(op))
                    return tr("Withdrew the request for %1")
                        .arg(Money::format(r.amountCents, before->pricing.currency));
        return tr("Withdrew a funds request");
    case OperationType::TaskComplete:
        if (before)
            for (const Task &task : before->tasks)
                if (task.id == id(op))
                    return tr("Answered \"%1\"").arg(task.label);
        return tr("Answered a task");
    case OperationType::DeliverableRemove:
        if (before)
            for (const Deliverable &d : before->deliverables)
                if (d.id == id(op))
                    return tr("Removed %1").arg(d.filename);
        return tr("Removed a file");
    case OperationType::AssignmentSubmit:
        return tr("Submitted for approval");
    case OperationType::EtaReport: {
        const QDateTime eta =
            JsonReader::parseInstant(op.payload.value(QStringLiteral("eta")).toString());
        return eta.isValid()
                   ? tr("Reported running late, arriving %1")
                         .arg(SiteTime::format(eta, before ? before->site.timeZone : QString()))
                   : tr("Reported running late");
    }
    case OperationType::MessagePost:
        return tr("Wrote to %1: \"%2\"")
            .arg(before ? before->company.name : tr("the client company"),
                 op.payload.value(QStringLiteral("text")).toString().left(60));
    case OperationType::MessageRead:
        return tr("Read the messages");
    case OperationType::ProblemReport: {
        const auto problem =
            fromWire<ProblemKind>(op.payload.value(QStringLiteral("kind")).toString());
        return problem ? tr("Reported a problem: %1").arg(FieldReports::problemKindText(*problem))
                       : tr("Reported a problem");
    }
    }
    return op.type;
}

QStringList
OperationDescription::describeAll(const QList<OutboxEntry> &entries,
                                  const std::function<std::optional<Assignment>(qint64)> &serverDoc,
                                  const QDateTime &now)
{
    QHash<qint64, std::optional<Assignment>> state;
    QStringList out;
    for (const OutboxEntry &e : entries) {
        auto it = state.find(e.op.assignmentId);
        if (it == state.end())
            it = state.insert(e.op.assignmentId, serverDoc(e.op.assignmentId));
        std::optional<Assignment> &a = *it;
        out << describe(e.op, a ? &*a : nullptr);
        // Refused operations are not part of the worker's view; pending ones are.
        if (a && e.state == OutboxEntry::State::Pending) {
            Assignment next = *a;
            if (OperationApplier::apply(next, e.op, now).applied)
                a = next;
        }
    }
    return out;
}

QString OperationDescription::describeUpload(const UploadItem &item, qint64 sent)
{
    const qint64 done = sent >= 0 ? sent : item.offset;
    switch (item.state) {
    case UploadItem::State::Hashing:
        return tr("Checking %1 before upload").arg(item.filename);
    case UploadItem::State::Queued:
        if (item.size > 0 && done > 0)
            return tr("Uploading %1 (%2 %)").arg(item.filename).arg(int(done * 100 / item.size));
        return tr("Waiting to upload %1").arg(item.filename);
    case UploadItem::State::Failed:
        return tr("Upload of %1 stopped").arg(item.filename);
    case UploadItem::State::Changed:
        return tr("Upload of %1 waiting: the file changed").arg(item.filename);
    case UploadItem::State::Done:
        return tr("Uploaded %1").arg(item.filename);
    }
    return item.filename;
}

OperationDescription::Unsent OperationDescription::unsent(const QList<OutboxEntry> &entries,
                                                          qint64 assignmentId)
{
    Unsent u;
    for (const OutboxEntry &e : entries) {
        if (e.op.assignmentId != assignmentId || e.state != OutboxEntry::State::Pending)
            continue;
        if (e.op.is(OperationType::TimeLogUpsert) || e.op.is(OperationType::TimeLogDelete))
            u.timeLogs.insert(id(e.op));
        else if (e.op.is(OperationType::FundsRequestCreate) ||
                 e.op.is(OperationType::FundsRequestWithdraw))
            u.fundsRequests.insert(id(e.op));
        else if (e.op.is(OperationType::DeliverableRemove))
            u.deliverables.insert(id(e.op));
        else if (e.op.is(OperationType::ProblemReport))
            u.problems.insert(id(e.op));
        else if (e.op.is(OperationType::EtaReport))
            ++u.etaReports;
        else if (e.op.is(OperationType::MessagePost))
            u.messages.insert(id(e.op));
    }
    return u;
}

} // namespace onsite
