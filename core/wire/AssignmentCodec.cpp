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

// Writes every element of a list with `write`, in order.
template <typename T, typename F> QJsonArray writeList(const QList<T> &list, F write)
{
    QJsonArray out;
    for (const T &value : list)
        out.append(write(value));
    return out;
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

// The sections of the document as written: one helper each, in the order toJson inserts them.

QJsonObject siteToJson(const Site &s)
{
    return {{QStringLiteral("address"), s.address}, {QStringLiteral("city"), s.city},
            {QStringLiteral("region"), s.region},   {QStringLiteral("postal_code"), s.postalCode},
            {QStringLiteral("country"), s.country}, {QStringLiteral("time_zone"), s.timeZone}};
}

QJsonObject contactToJson(const SiteContact &c)
{
    return {{QStringLiteral("name"), c.name},
            {QStringLiteral("phone"), c.phone},
            {QStringLiteral("email"), c.email},
            {QStringLiteral("notes"), c.notes}};
}

QJsonObject scheduleToJson(const Schedule &s)
{
    return {{QStringLiteral("start"), instant(s.start)},
            {QStringLiteral("end"), instant(s.end)},
            {QStringLiteral("is_window"), s.isWindow},
            {QStringLiteral("confirm_required"), s.confirmRequired},
            {QStringLiteral("confirm_by"), instant(s.confirmBy)},
            {QStringLiteral("confirmed_at"), instant(s.confirmedAt)},
            {QStringLiteral("checkin_early_minutes"), s.checkinEarlyMinutes},
            {QStringLiteral("checkin_grace_minutes"), s.checkinGraceMinutes}};
}

QJsonObject phoneCheckinToJson(const PhoneCheckin &p)
{
    return {{QStringLiteral("required"), p.required},
            {QStringLiteral("number"), p.number},
            {QStringLiteral("instructions"), p.instructions}};
}

QJsonObject pricingToJson(const Pricing &p)
{
    return {{QStringLiteral("type"), toWire(p.type)},
            {QStringLiteral("currency"), p.currency},
            {QStringLiteral("flat_cents"), p.flatCents},
            {QStringLiteral("hourly_rate_cents"), p.hourlyRateCents},
            {QStringLiteral("max_hours"), p.maxHours},
            {QStringLiteral("counteroffers_allowed"), p.counteroffersAllowed}};
}

QJsonObject checklistItemToJson(const ChecklistItem &c)
{
    return {{QStringLiteral("kind"), toWire(c.kind)}, {QStringLiteral("required"), c.required}};
}

QJsonObject taskToJson(const Task &t)
{
    return {{QStringLiteral("id"), t.id},
            {QStringLiteral("type"), toWire(t.type)},
            {QStringLiteral("label"), t.label},
            {QStringLiteral("required"), t.required},
            {QStringLiteral("answer"), t.answer},
            {QStringLiteral("completed_at"), instant(t.completedAt)}};
}

QJsonObject fundsRequestToJson(const FundsRequest &f)
{
    return {{QStringLiteral("id"), f.id},
            {QStringLiteral("kind"), toWire(f.kind)},
            {QStringLiteral("amount_cents"), f.amountCents},
            {QStringLiteral("extra_hours"), f.extraHours},
            {QStringLiteral("reason"), f.reason},
            {QStringLiteral("receipt"), f.receipt},
            {QStringLiteral("status"), toWire(f.status)},
            {QStringLiteral("requested_at"), instant(f.requestedAt)},
            {QStringLiteral("decided_at"), instant(f.decidedAt)},
            {QStringLiteral("decision_note"), f.decisionNote}};
}

QJsonObject etaReportToJson(const EtaReport &e)
{
    return {{QStringLiteral("eta"), instant(e.eta)},
            {QStringLiteral("reason"), e.reason},
            {QStringLiteral("reported_at"), instant(e.reportedAt)}};
}

QJsonObject problemToJson(const ProblemReport &p)
{
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("kind"), toWire(p.kind)},
            {QStringLiteral("description"), p.description},
            {QStringLiteral("reported_at"), instant(p.reportedAt)}};
}

QJsonObject messageToJson(const Message &m)
{
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("from"), toWire(m.from)},
            {QStringLiteral("author"), m.author},
            {QStringLiteral("text"), m.text},
            {QStringLiteral("sent_at"), instant(m.sentAt)}};
}

QJsonObject messageFileToJson(const MessageFile &f)
{
    return {{QStringLiteral("id"), f.id},
            {QStringLiteral("message_id"), f.messageId},
            {QStringLiteral("filename"), f.filename},
            {QStringLiteral("size"), f.size},
            {QStringLiteral("sha256"), f.sha256},
            {QStringLiteral("uploaded_at"), instant(f.uploadedAt)}};
}

QJsonObject requirementToJson(const DeliverableRequirement &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("kind"), toWire(r.kind)},
            {QStringLiteral("description"), r.description},
            {QStringLiteral("count"), r.count}};
}

QJsonObject deliverableToJson(const Deliverable &d)
{
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("requirement_id"), d.requirementId},
            {QStringLiteral("kind"), toWire(d.kind)},
            {QStringLiteral("filename"), d.filename},
            {QStringLiteral("size"), d.size},
            {QStringLiteral("sha256"), d.sha256},
            {QStringLiteral("uploaded_at"), instant(d.uploadedAt)}};
}

} // namespace

QJsonObject AssignmentCodec::documentToJson(const ClientDocument &d)
{
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("filename"), d.filename},
            {QStringLiteral("size"), d.size},
            {QStringLiteral("sha256"), d.sha256},
            {QStringLiteral("added_at"), instant(d.addedAt)}};
}

namespace {

QJsonObject labelToJson(const Label &l)
{
    return {{QStringLiteral("code"), l.code},
            {QStringLiteral("text"), l.text},
            {QStringLiteral("since"), instant(l.since)}};
}

// The sections as read: each fills its part of `a` and keeps the first error in `err`. The
// order of the calls in fromJson is the order fields are checked (which error is reported).

void readHeader(JsonReader &r, Assignment &a, QString *err)
{
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
}

void readSite(JsonReader &r, Site &s, QString *err)
{
    JsonReader site(r.object("site", true), r.path(QStringLiteral("site")), err);
    s.address = site.string("address");
    s.city = site.string("city", true);
    s.region = site.string("region");
    s.postalCode = site.string("postal_code");
    s.country = site.string("country");
    s.timeZone = site.string("time_zone", true);
    if (site.ok() && !QTimeZone::isTimeZoneIdAvailable(s.timeZone.toUtf8()))
        site.fail(QStringLiteral("time_zone"),
                  QStringLiteral("unknown IANA time zone \"%1\"").arg(s.timeZone));
}

// Optional: documents written before it have none.
void readContact(JsonReader &r, SiteContact &c, QString *err)
{
    JsonReader contact(r.object("contact"), r.path(QStringLiteral("contact")), err);
    c.name = contact.string("name").trimmed();
    c.phone = contact.string("phone").trimmed();
    c.email = contact.string("email").trimmed();
    c.notes = contact.string("notes");
    // Something a mail program can be pointed at, or nothing.
    static const QRegularExpression mailbox(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (contact.ok() && !c.email.isEmpty() && !mailbox.match(c.email).hasMatch())
        contact.fail(QStringLiteral("email"), QStringLiteral("not an email address"));
    // A number to dial: digits, with + ( ) - . / and spaces between them.
    static const QRegularExpression dialable(QStringLiteral("^\\+?[0-9 ()./-]*[0-9][0-9 ()./-]*$"));
    if (contact.ok() && !c.phone.isEmpty() && !dialable.match(c.phone).hasMatch())
        contact.fail(QStringLiteral("phone"), QStringLiteral("not a phone number"));
}

void readSchedule(JsonReader &r, Schedule &s, QString *err)
{
    JsonReader sched(r.object("schedule", true), r.path(QStringLiteral("schedule")), err);
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
}

void readPhoneCheckin(JsonReader &r, PhoneCheckin &p, QString *err)
{
    JsonReader phone(r.object("phone_checkin"), r.path(QStringLiteral("phone_checkin")), err);
    p.required = phone.boolean("required");
    p.number = phone.string("number", p.required);
    p.instructions = phone.string("instructions");
}

void readPricing(JsonReader &r, Pricing &p, QString *err)
{
    JsonReader pricing(r.object("pricing", true), r.path(QStringLiteral("pricing")), err);
    p.type = pricing.enumeration("type", true, PricingType::Flat);
    p.currency = pricing.string("currency", true);
    static const QRegularExpression currencyRe(QStringLiteral("^[A-Z]{3}$"));
    if (pricing.ok() && !currencyRe.match(p.currency).hasMatch())
        pricing.fail(QStringLiteral("currency"), QStringLiteral("expected an ISO 4217 code"));
    // Bounded so pay sums cannot overflow: an hourly rate times every second in the range of
    // dates stays far below 2^63.
    p.flatCents = pricing.integer("flat_cents", false, 0, AssignmentCodec::kMaxFlatCents);
    p.hourlyRateCents =
        pricing.integer("hourly_rate_cents", false, 0, AssignmentCodec::kMaxHourlyRateCents);
    p.maxHours = int(pricing.integer("max_hours", false, 0, 10000));
    p.counteroffersAllowed = pricing.boolean("counteroffers_allowed", true);
}

ChecklistItem readChecklistItem(JsonReader &i)
{
    ChecklistItem c;
    c.kind = i.enumeration("kind", true, ChecklistKind::CheckInOut);
    c.required = i.boolean("required", true);
    return c;
}

Task readTask(JsonReader &i)
{
    Task t;
    t.id = i.string("id", true);
    t.type = i.enumeration("type", true, TaskType::Checkbox);
    t.label = i.string("label", true);
    t.required = i.boolean("required", true);
    t.answer = i.string("answer");
    t.completedAt = i.instant("completed_at");
    return t;
}

TimeLog readTimeLog(JsonReader &i)
{
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
}

FundsRequest readFundsRequest(JsonReader &i)
{
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
}

DeliverableRequirement readRequirement(JsonReader &i)
{
    DeliverableRequirement d;
    d.id = i.string("id", true);
    d.kind = i.enumeration("kind", true, DeliverableKind::Other);
    d.description = i.string("description");
    d.count = int(i.integer("count", true, 1, 1000));
    return d;
}

Deliverable readDeliverable(JsonReader &i)
{
    Deliverable d;
    d.id = i.string("id", true);
    d.requirementId = i.string("requirement_id");
    d.kind = i.enumeration("kind", true, DeliverableKind::Other);
    d.filename = i.string("filename", true);
    d.size = i.integer("size", true);
    d.sha256 = i.string("sha256", true);
    d.uploadedAt = i.instant("uploaded_at", true);
    return d;
}

ClientDocument readDocument(JsonReader &i)
{
    ClientDocument d;
    d.id = i.string("id", true);
    d.filename = i.string("filename", true);
    d.size = i.integer("size", true);
    d.sha256 = i.string("sha256", true);
    d.addedAt = i.instant("added_at", true);
    return d;
}

EtaReport readEtaReport(JsonReader &i)
{
    EtaReport e;
    e.eta = i.instant("eta", true);
    e.reason = i.string("reason");
    e.reportedAt = i.instant("reported_at", true);
    return e;
}

ProblemReport readProblem(JsonReader &i)
{
    ProblemReport p;
    p.id = i.string("id", true);
    p.kind = i.enumeration("kind", true, ProblemKind::Other);
    p.description = i.string("description", true);
    p.reportedAt = i.instant("reported_at", true);
    return p;
}

Message readMessage(JsonReader &i)
{
    Message m;
    m.id = i.string("id", true);
    m.from = i.enumeration("from", true, MessageFrom::Worker);
    m.author = i.string("author");
    m.text = i.string("text", true);
    m.sentAt = i.instant("sent_at", true);
    return m;
}

MessageFile readMessageFile(JsonReader &i)
{
    MessageFile f;
    f.id = i.string("id", true);
    f.messageId = i.string("message_id", true);
    f.filename = i.string("filename", true);
    f.size = i.integer("size", true);
    f.sha256 = i.string("sha256", true);
    f.uploadedAt = i.instant("uploaded_at", true);
    return f;
}

Label readLabel(JsonReader &i)
{
    Label l;
    l.code = i.string("code", true);
    l.text = i.string("text");
    l.since = i.instant("since");
    return l;
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
    return writeList(labels, labelToJson);
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
    o.insert(QStringLiteral("site"), siteToJson(a.site));
    o.insert(QStringLiteral("contact"), contactToJson(a.contact));
    o.insert(QStringLiteral("schedule"), scheduleToJson(a.schedule));
    o.insert(QStringLiteral("phone_checkin"), phoneCheckinToJson(a.phoneCheckin));
    o.insert(QStringLiteral("pricing"), pricingToJson(a.pricing));
    o.insert(QStringLiteral("checklist"), writeList(a.checklist, checklistItemToJson));
    o.insert(QStringLiteral("tasks"), writeList(a.tasks, taskToJson));
    o.insert(QStringLiteral("time_logs"), writeList(a.timeLogs, timeLogToJson));
    o.insert(QStringLiteral("funds_requests"), writeList(a.fundsRequests, fundsRequestToJson));
    o.insert(QStringLiteral("deliverable_requirements"),
             writeList(a.deliverableRequirements, requirementToJson));
    o.insert(QStringLiteral("deliverables_due_at"), instant(a.deliverablesDueAt));
    o.insert(QStringLiteral("deliverables"), writeList(a.deliverables, deliverableToJson));
    o.insert(QStringLiteral("documents"), writeList(a.documents, AssignmentCodec::documentToJson));
    o.insert(QStringLiteral("eta_reports"), writeList(a.etaReports, etaReportToJson));
    o.insert(QStringLiteral("problems"), writeList(a.problems, problemToJson));
    o.insert(QStringLiteral("messages"), writeList(a.messages, messageToJson));
    o.insert(QStringLiteral("messages_read"), a.messagesRead);
    o.insert(QStringLiteral("message_files"), writeList(a.messageFiles, messageFileToJson));
    o.insert(QStringLiteral("labels"), labelsToJson(a.labels));
    o.insert(QStringLiteral("resolution"), a.resolution);
    o.insert(QStringLiteral("cancel_reason"), a.cancelReason);
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
    readHeader(r, a, err);
    readSite(r, a.site, err);
    readContact(r, a.contact, err);
    readSchedule(r, a.schedule, err);
    readPhoneCheckin(r, a.phoneCheckin, err);
    readPricing(r, a.pricing, err);
    a.checklist = readList<ChecklistItem>(r, "checklist", err, readChecklistItem);
    a.tasks = readList<Task>(r, "tasks", err, readTask);
    a.timeLogs = readList<TimeLog>(r, "time_logs", err, readTimeLog);
    a.fundsRequests = readList<FundsRequest>(r, "funds_requests", err, readFundsRequest);
    a.deliverableRequirements =
        readList<DeliverableRequirement>(r, "deliverable_requirements", err, readRequirement);
    a.deliverablesDueAt = r.instant("deliverables_due_at");
    a.deliverables = readList<Deliverable>(r, "deliverables", err, readDeliverable);
    a.documents = readList<ClientDocument>(r, "documents", err, readDocument);
    a.etaReports = readList<EtaReport>(r, "eta_reports", err, readEtaReport);
    a.problems = readList<ProblemReport>(r, "problems", err, readProblem);
    a.messages = readList<Message>(r, "messages", err, readMessage);
    a.messagesRead = r.string("messages_read");
    a.messageFiles = readList<MessageFile>(r, "message_files", err, readMessageFile);
    a.labels = readList<Label>(r, "labels", err, readLabel);
    a.resolution = r.string("resolution");
    a.cancelReason = r.string("cancel_reason");
    a.submittedAt = r.instant("submitted_at");
    a.approvedAt = r.instant("approved_at");
    a.paidAt = r.instant("paid_at");

    if (!err->isEmpty())
        return std::nullopt;
    return a;
}

} // namespace onsite
