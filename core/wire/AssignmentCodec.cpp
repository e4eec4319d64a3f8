#include "AssignmentCodec.h"

#include "CodecCounters.h"

#include "Enums.h"
#include "JsonReader.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace onsite {
namespace {

QJsonValue instant(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(JsonReader::formatInstant(t)) : QJsonValue();
}

// Reads every element of an array of objects with `read`, naming "key[i]" in errors.
template <typename T, typename F>
QList<T> readList(JsonReader &r, const char *key, QString *error, F read)
{
    QList<T> out;
    const QJsonArray arr = r.array(key);
    for (int i = 0; i < arr.size() && r.ok(); ++i) {
        const QString p = r.path(QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i));
        if (!arr.at(i).isObject()) {
            *error = p + QStringLiteral(": expected an object");
            break;
        }
        JsonReader item(arr.at(i).toObject(), p, error);
        T value = read(item);
        if (!item.ok())
            break;
        out.append(value);
    }
    return out;
}

} // namespace

QJsonObject AssignmentCodec::timeLogToJson(const TimeLog &l)
{
    return {{QStringLiteral("id"), l.id},
            {QStringLiteral("check_in"), instant(l.checkIn)},
            {QStringLiteral("check_out"), instant(l.checkOut)},
            {QStringLiteral("note"), l.note},
            {QStringLiteral("source"), toWire(l.source)},
            {QStringLiteral("edited"), l.edited},
            {QStringLiteral("deleted"), l.deleted}};
}

QJsonArray AssignmentCodec::labelsToJson(const QList<Label> &labels)
{
    QJsonArray out;
    for (const Label &l : labels)
        out.append(QJsonObject{{QStringLiteral("code"), l.code},
                               {QStringLiteral("text"), l.text},
                               {QStringLiteral("since"), instant(l.since)}});
    return out;
}

QJsonObject AssignmentCodec::toJson(const Assignment &a)
{
    CodecCounters::countEncode();
    QJsonObject o;
    o.insert(QStringLiteral("id"), a.id);
    o.insert(QStringLiteral("rev"), a.rev);
    o.insert(QStringLiteral("status"), toWire(a.status));
    o.insert(QStringLiteral("title"), a.title);
    o.insert(QStringLiteral("company"), QJsonObject{{QStringLiteral("id"), a.company.id},
                                                    {QStringLiteral("name"), a.company.name}});
    o.insert(QStringLiteral("description"), a.description);
    o.insert(QStringLiteral("instructions"), a.instructions);
    o.insert(QStringLiteral("special_instructions"), a.specialInstructions);
    o.insert(QStringLiteral("site"), QJsonObject{{QStringLiteral("address"), a.site.address},
                                                 {QStringLiteral("city"), a.site.city},
                                                 {QStringLiteral("region"), a.site.region},
                                                 {QStringLiteral("postal_code"), a.site.postalCode},
                                                 {QStringLiteral("country"), a.site.country},
                                                 {QStringLiteral("time_zone"), a.site.timeZone}});
    const Schedule &s = a.schedule;
    o.insert(QStringLiteral("schedule"),
             QJsonObject{{QStringLiteral("start"), instant(s.start)},
                         {QStringLiteral("end"), instant(s.end)},
                         {QStringLiteral("is_window"), s.isWindow},
                         {QStringLiteral("confirm_required"), s.confirmRequired},
                         {QStringLiteral("confirm_by"), instant(s.confirmBy)},
                         {QStringLiteral("confirmed_at"), instant(s.confirmedAt)},
                         {QStringLiteral("checkin_early_minutes"), s.checkinEarlyMinutes},
                         {QStringLiteral("checkin_grace_minutes"), s.checkinGraceMinutes}});
    o.insert(QStringLiteral("phone_checkin"),
             QJsonObject{{QStringLiteral("required"), a.phoneCheckin.required},
                         {QStringLiteral("number"), a.phoneCheckin.number},
                         {QStringLiteral("instructions"), a.phoneCheckin.instructions}});
    const Pricing &p = a.pricing;
    o.insert(QStringLiteral("pricing"),
             QJsonObject{{QStringLiteral("type"), toWire(p.type)},
                         {QStringLiteral("currency"), p.currency},
                         {QStringLiteral("flat_cents"), p.flatCents},
                         {QStringLiteral("hourly_rate_cents"), p.hourlyRateCents},
                         {QStringLiteral("max_hours"), p.maxHours},
                         {QStringLiteral("counteroffers_allowed"), p.counteroffersAllowed}});
    QJsonArray checklist;
    for (const ChecklistItem &c : a.checklist)
        checklist.append(QJsonObject{{QStringLiteral("kind"), toWire(c.kind)},
                                     {QStringLiteral("required"), c.required}});
    o.insert(QStringLiteral("checklist"), checklist);
    QJsonArray tasks;
    for (const Task &t : a.tasks)
        tasks.append(QJsonObject{{QStringLiteral("id"), t.id},
                                 {QStringLiteral("type"), toWire(t.type)},
                                 {QStringLiteral("label"), t.label},
                                 {QStringLiteral("required"), t.required},
                                 {QStringLiteral("answer"), t.answer},
                                 {QStringLiteral("completed_at"), instant(t.completedAt)}});
    o.insert(QStringLiteral("tasks"), tasks);
    QJsonArray logs;
    for (const TimeLog &l : a.timeLogs)
        logs.append(timeLogToJson(l));
    o.insert(QStringLiteral("time_logs"), logs);
    QJsonArray funds;
    for (const FundsRequest &f : a.fundsRequests)
        funds.append(QJsonObject{{QStringLiteral("id"), f.id},
                                 {QStringLiteral("kind"), toWire(f.kind)},
                                 {QStringLiteral("amount_cents"), f.amountCents},
                                 {QStringLiteral("extra_hours"), f.extraHours},
                                 {QStringLiteral("reason"), f.reason},
                                 {QStringLiteral("receipt"), f.receipt},
                                 {QStringLiteral("status"), toWire(f.status)},
                                 {QStringLiteral("requested_at"), instant(f.requestedAt)},
                                 {QStringLiteral("decided_at"), instant(f.decidedAt)},
                                 {QStringLiteral("decision_note"), f.decisionNote}});
    o.insert(QStringLiteral("funds_requests"), funds);
    QJsonArray reqs;
    for (const DeliverableRequirement &r : a.deliverableRequirements)
        reqs.append(QJsonObject{{QStringLiteral("id"), r.id},
                                {QStringLiteral("kind"), toWire(r.kind)},
                                {QStringLiteral("description"), r.description},
                                {QStringLiteral("count"), r.count}});
    o.insert(QStringLiteral("deliverable_requirements"), reqs);
    o.insert(QStringLiteral("deliverables_due_at"), instant(a.deliverablesDueAt));
    QJsonArray files;
    for (const Deliverable &d : a.deliverables)
        files.append(QJsonObject{{QStringLiteral("id"), d.id},
                                 {QStringLiteral("requirement_id"), d.requirementId},
                                 {QStringLiteral("kind"), toWire(d.kind)},
                                 {QStringLiteral("filename"), d.filename},
                                 {QStringLiteral("size"), d.size},
                                 {QStringLiteral("sha256"), d.sha256},
                                 {QStringLiteral("uploaded_at"), instant(d.uploadedAt)}});
    o.insert(QStringLiteral("deliverables"), files);
    o.insert(QStringLiteral("labels"), labelsToJson(a.labels));
    o.insert(QStringLiteral("resolution"), a.resolution);
    o.insert(QStringLiteral("submitted_at"), instant(a.submittedAt));
    o.insert(QStringLiteral("approved_at"), instant(a.approvedAt));
    o.insert(QStringLiteral("paid_at"), instant(a.paidAt));
    return o;
}

std::optional<Assignment> AssignmentCodec::fromJson(const QJsonObject &o, QString *error)
{
    CodecCounters::countDecode();
    QString localError;
    QString *err = error ? error : &localError;
    err->clear();
    Assignment a;
    JsonReader r(o, QString(), err);
    a.id = r.integer("id", true, 1);
    a.rev = r.integer("rev", true, 0);
    a.status = r.enumeration("status", true, AssignmentStatus::Assigned);
    a.title = r.string("title", true);

    JsonReader company(r.object("company", true), r.path(QStringLiteral("company")), err);
    a.company.id = company.integer("id", true, 1);
    a.company.name = company.string("name", true);

    a.description = r.string("description");
    a.instructions = r.string("instructions");
    a.specialInstructions = r.string("special_instructions");

    JsonReader site(r.object("site", true), r.path(QStringLiteral("site")), err);
    a.site.address = site.string("address");
    a.site.city = site.string("city", true);
    a.site.region = site.string("region");
    a.site.postalCode = site.string("postal_code");
    a.site.country = site.string("country");
    a.site.timeZone = site.string("time_zone", true);
    if (site.ok() && !QTimeZone::isTimeZoneIdAvailable(a.site.timeZone.toUtf8()))
        site.fail(QStringLiteral("time_zone"),
                  QStringLiteral("unknown IANA time zone \"%1\"").arg(a.site.timeZone));

    JsonReader sched(r.object("schedule", true), r.path(QStringLiteral("schedule")), err);
    Schedule &s = a.schedule;
    s.start = sched.instant("start", true);
    s.end = sched.instant("end", true);
    s.isWindow = sched.boolean("is_window");
    s.confirmRequired = sched.boolean("confirm_required");
    s.confirmBy = sched.instant("confirm_by", s.confirmRequired);
    s.confirmedAt = sched.instant("confirmed_at");
    s.checkinEarlyMinutes = int(sched.integer("checkin_early_minutes", false, 0, 24 * 60));
    s.checkinGraceMinutes = int(sched.integer("checkin_grace_minutes", false, 0, 24 * 60));
    if (sched.ok() && s.end < s.start)
        sched.fail(QStringLiteral("end"), QStringLiteral("must not be before schedule.start"));

    JsonReader phone(r.object("phone_checkin"), r.path(QStringLiteral("phone_checkin")), err);
    a.phoneCheckin.required = phone.boolean("required");
    a.phoneCheckin.number = phone.string("number", a.phoneCheckin.required);
    a.phoneCheckin.instructions = phone.string("instructions");

    JsonReader pricing(r.object("pricing", true), r.path(QStringLiteral("pricing")), err);
    Pricing &p = a.pricing;
    p.type = pricing.enumeration("type", true, PricingType::Flat);
    p.currency = pricing.string("currency", true);
    static const QRegularExpression currencyRe(QStringLiteral("^[A-Z]{3}$"));
    if (pricing.ok() && !currencyRe.match(p.currency).hasMatch())
        pricing.fail(QStringLiteral("currency"), QStringLiteral("expected an ISO 4217 code"));
    // Bounded so pay sums cannot overflow: an hourly rate times every second in the range of
    // dates stays far below 2^63.
    p.flatCents = pricing.integer("flat_cents", false, 0, kMaxFlatCents);
    p.hourlyRateCents = pricing.integer("hourly_rate_cents", false, 0, kMaxHourlyRateCents);
    p.maxHours = int(pricing.integer("max_hours", false, 0, 10000));
    p.counteroffersAllowed = pricing.boolean("counteroffers_allowed", true);

    a.checklist = readList<ChecklistItem>(r, "checklist", err, [](JsonReader &i) {
        ChecklistItem c;
        c.kind = i.enumeration("kind", true, ChecklistKind::CheckInOut);
        c.required = i.boolean("required", true);
        return c;
    });
    a.tasks = readList<Task>(r, "tasks", err, [](JsonReader &i) {
        Task t;
        t.id = i.string("id", true);
        t.type = i.enumeration("type", true, TaskType::Checkbox);
        t.label = i.string("label", true);
        t.required = i.boolean("required", true);
        t.answer = i.string("answer");
        t.completedAt = i.instant("completed_at");
        return t;
    });
    a.timeLogs = readList<TimeLog>(r, "time_logs", err, [](JsonReader &i) {
        TimeLog l;
        l.id = i.string("id", true);
        l.checkIn = i.instant("check_in", true);
        l.checkOut = i.instant("check_out");
        l.note = i.string("note");
        l.source = i.enumeration("source", false, TimeLogSource::Desktop);
        l.edited = i.boolean("edited");
        l.deleted = i.boolean("deleted");
        if (i.ok() && l.checkOut.isValid() && l.checkOut < l.checkIn)
            i.fail(QStringLiteral("check_out"), QStringLiteral("must not be before check_in"));
        return l;
    });
    a.fundsRequests = readList<FundsRequest>(r, "funds_requests", err, [](JsonReader &i) {
        FundsRequest f;
        f.id = i.string("id", true);
        f.kind = i.enumeration("kind", true, FundsKind::BudgetIncrease);
        f.amountCents = i.integer("amount_cents", true);
        f.extraHours = int(i.integer("extra_hours", false, 0, 10000));
        f.reason = i.string("reason", true);
        f.receipt = i.string("receipt");
        f.status = i.enumeration("status", true, FundsStatus::Pending);
        f.requestedAt = i.instant("requested_at", true);
        f.decidedAt = i.instant("decided_at");
        f.decisionNote = i.string("decision_note");
        return f;
    });
    a.deliverableRequirements =
        readList<DeliverableRequirement>(r, "deliverable_requirements", err, [](JsonReader &i) {
            DeliverableRequirement d;
            d.id = i.string("id", true);
            d.kind = i.enumeration("kind", true, DeliverableKind::Other);
            d.description = i.string("description");
            d.count = int(i.integer("count", true, 1, 1000));
            return d;
        });
    a.deliverablesDueAt = r.instant("deliverables_due_at");
    a.deliverables = readList<Deliverable>(r, "deliverables", err, [](JsonReader &i) {
        Deliverable d;
        d.id = i.string("id", true);
        d.requirementId = i.string("requirement_id");
        d.kind = i.enumeration("kind", true, DeliverableKind::Other);
        d.filename = i.string("filename", true);
        d.size = i.integer("size", true);
        d.sha256 = i.string("sha256", true);
        d.uploadedAt = i.instant("uploaded_at", true);
        return d;
    });
    a.labels = readList<Label>(r, "labels", err, [](JsonReader &i) {
        Label l;
        l.code = i.string("code", true);
        l.text = i.string("text");
        l.since = i.instant("since");
        return l;
    });
    a.resolution = r.string("resolution");
    a.submittedAt = r.instant("submitted_at");
    a.approvedAt = r.instant("approved_at");
    a.paidAt = r.instant("paid_at");

    if (!err->isEmpty())
        return std::nullopt;
    return a;
}

} // namespace onsite
