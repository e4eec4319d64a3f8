#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace onsite {

// The assignment document of DESIGN §4. Plain data: the rules (Rules) and the wire format
// (AssignmentCodec) live elsewhere so client and server share them unchanged.

enum class AssignmentStatus { Assigned, InProgress, Submitted, Approved, Paid, Cancelled };
enum class PricingType { Flat, Hourly };
enum class ChecklistKind { ConfirmSchedule, CheckInOut, Deliverables, CloseoutNotes };
enum class TaskType { Checkbox, Text, Number };
enum class TimeLogSource { Desktop, Phone };
enum class FundsKind { BudgetIncrease, Expense, Bonus };
enum class FundsStatus { Pending, Approved, Declined, Withdrawn };
enum class DeliverableKind { SignOff, Photo, Other };
// What kind of trouble a worker reports (issue 14 §4); wire names in Enums.cpp.
enum class ProblemKind { NoAccess, PartsMissing, ScopeDiffers, CantMakeIt, Other };
enum class MessageFrom { Worker, Company };

struct CompanyRef {
    qint64 id = 0;
    QString name;
};

struct Site {
    QString address;
    QString city;
    QString region;
    QString postalCode;
    QString country;
    QString timeZone; // IANA id, e.g. "America/Chicago"
};

// Who to ask for at the site (issue 14 §3); every part optional.
struct SiteContact {
    QString name;
    QString phone;
    QString email;
    QString notes;
    bool isEmpty() const
    {
        return name.isEmpty() && phone.isEmpty() && email.isEmpty() && notes.isEmpty();
    }
};

struct Schedule {
    QDateTime start; // UTC
    QDateTime end;   // UTC
    bool isWindow = false;
    bool confirmRequired = false;
    QDateTime confirmBy;   // UTC, null when not required
    QDateTime confirmedAt; // UTC, null until confirmed
    int checkinEarlyMinutes = 0;
    int checkinGraceMinutes = 0;
};

struct PhoneCheckin {
    bool required = false;
    QString number;
    QString instructions;
};

struct Pricing {
    PricingType type = PricingType::Flat;
    QString currency; // ISO 4217
    qint64 flatCents = 0;
    qint64 hourlyRateCents = 0;
    int maxHours = 0;
    bool counteroffersAllowed = true;
};

struct ChecklistItem {
    ChecklistKind kind = ChecklistKind::CheckInOut;
    bool required = true;
};

struct Task {
    QString id;
    TaskType type = TaskType::Checkbox;
    QString label;
    bool required = true;
    QString answer;
    QDateTime completedAt;
};

struct TimeLog {
    QString id; // client UUID
    QDateTime checkIn;
    QDateTime checkOut; // null while on site
    QString note;
    TimeLogSource source = TimeLogSource::Desktop;
    bool edited = false;
    bool deleted = false;
};

struct FundsRequest {
    QString id; // client UUID
    FundsKind kind = FundsKind::BudgetIncrease;
    qint64 amountCents = 0;
    int extraHours = 0;
    QString reason;
    QString receipt; // deliverable id of the receipt file, if any
    FundsStatus status = FundsStatus::Pending;
    QDateTime requestedAt;
    QDateTime decidedAt;
    QString decisionNote;
};

struct DeliverableRequirement {
    QString id;
    DeliverableKind kind = DeliverableKind::Other;
    QString description;
    int count = 1;
};

struct Deliverable {
    QString id;
    QString requirementId;
    DeliverableKind kind = DeliverableKind::Other;
    QString filename;
    qint64 size = 0;
    QString sha256;
    QDateTime uploadedAt;
};

// A file the client company attached to the assignment (issue 14 §2): a work order, a
// diagram, a parts list, a site photo. The worker reads it; only the company adds one.
struct ClientDocument {
    QString id; // the server's
    QString filename;
    qint64 size = 0;
    QString sha256;
    QDateTime addedAt;
};

// "I will be there at 14:40": told to the company before the check-in window closes. A
// record, like the thread: a later report is added, none is edited.
struct EtaReport {
    QDateTime eta;
    QString reason;
    QDateTime reportedAt;
};

struct ProblemReport {
    QString id; // client UUID
    ProblemKind kind = ProblemKind::Other;
    QString description;
    QDateTime reportedAt;
};

// One post in the assignment's thread between the worker and the client company (issue 14
// §1). The record of what was agreed: never edited or deleted once posted.
struct Message {
    QString id; // the worker's client UUID, or the server's for the company's
    MessageFrom from = MessageFrom::Worker;
    QString author; // the company's name; empty for the worker's own
    QString text;
    QDateTime sentAt;
};

// A file the worker attached to a message (issue 14 §1), uploaded like a deliverable. Listed
// beside the thread rather than in it: the upload and the message.post op travel separately,
// and either may reach the server first.
struct MessageFile {
    QString id; // the upload's (client UUID), as a deliverable's
    QString messageId;
    QString filename;
    qint64 size = 0;
    QString sha256;
    QDateTime uploadedAt;
};

struct Label {
    QString code; // not_confirmed, worker_late, deliverables_late
    QString text;
    QDateTime since;
};

struct Assignment {
    qint64 id = 0;
    qint64 rev = 0;
    AssignmentStatus status = AssignmentStatus::Assigned;
    QString title;
    CompanyRef company;
    QString description;
    QString instructions;
    QString specialInstructions;
    Site site;
    SiteContact contact;
    Schedule schedule;
    PhoneCheckin phoneCheckin;
    Pricing pricing;
    QList<ChecklistItem> checklist;
    QList<Task> tasks;
    QList<TimeLog> timeLogs;
    QList<FundsRequest> fundsRequests;
    QList<DeliverableRequirement> deliverableRequirements;
    QDateTime deliverablesDueAt;
    QList<Deliverable> deliverables;
    QList<ClientDocument> documents; // oldest first
    QList<EtaReport> etaReports;     // oldest first
    QList<ProblemReport> problems;   // oldest first
    QList<Message> messages;         // oldest first
    QString messagesRead;            // the last message the worker has read (its id); synced
    QList<MessageFile> messageFiles; // the worker's files attached to messages, oldest first
    QList<Label> labels; // as last computed; Rules::labels() recomputes them from the clock
    QString resolution;
    QString cancelReason; // the company's, when it cancelled
    QDateTime submittedAt;
    QDateTime approvedAt;
    QDateTime paidAt;
};

} // namespace onsite
