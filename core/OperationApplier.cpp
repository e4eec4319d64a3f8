#include "OperationApplier.h"

#include "JsonReader.h"
#include "Rules.h"
#include "SiteTime.h"

namespace onsite {
namespace {

OperationOutcome refuse(const char *code, const QString &message)
{
    return {false, QString::fromLatin1(code), message};
}

// Whether [aIn, aOut) and [bIn, bOut) share time; an open visit (no check-out) runs on.
bool overlaps(const QDateTime &aIn, const QDateTime &aOut, const QDateTime &bIn,
              const QDateTime &bOut)
{
    const bool aEndsBeforeB = aOut.isValid() && aOut <= bIn;
    const bool bEndsBeforeA = bOut.isValid() && bOut <= aIn;
    return !aEndsBeforeB && !bEndsBeforeA;
}

} // namespace

OperationOutcome OperationApplier::apply(Assignment &a, const Operation &op, const QDateTime &now)
{
    if (!Rules::isActive(a))
        return refuse("read_only", tr("This assignment is %1 and can no longer be changed.")
                                       .arg(Rules::statusText(a.status).toLower()));
    if (op.type == QLatin1String("schedule.confirm"))
        return confirm(a, op, now);
    if (op.type == QLatin1String("time_log.upsert"))
        return upsertLog(a, op, now);
    if (op.type == QLatin1String("time_log.delete"))
        return deleteLog(a, op);
    if (op.type == QLatin1String("deliverable.remove"))
        return removeDeliverable(a, op);
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
        return refuse("phone_required",
                      tr("This client requires checking in and out by phone: call %1.")
                          .arg(a.phoneCheckin.number));
    for (int i = 0; i < a.timeLogs.size(); ++i) {
        const TimeLog &l = a.timeLogs.at(i);
        if (i == index || l.deleted || !overlaps(in, out, l.checkIn, l.checkOut))
            continue;
        if (!l.checkOut.isValid())
            return refuse("overlap", tr("You are still checked in since %1; check out first.")
                                         .arg(SiteTime::format(l.checkIn, a.site.timeZone)));
        return refuse("overlap", tr("This visit overlaps the visit from %1 to %2.")
                                     .arg(SiteTime::format(l.checkIn, a.site.timeZone),
                                          SiteTime::format(l.checkOut, a.site.timeZone)));
    }
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

OperationOutcome OperationApplier::deleteLog(Assignment &a, const Operation &op)
{
    const QString id = op.payload.value(QStringLiteral("id")).toString();
    if (op.payload.size() != 1 || id.isEmpty())
        return refuse("invalid", tr("time_log.delete takes the id of the visit."));
    for (TimeLog &l : a.timeLogs)
        if (l.id == id) {
            l.deleted = true; // kept, marked: the client company still sees what was recorded
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

} // namespace onsite
