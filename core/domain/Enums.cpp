#include "Enums.h"

#include <array>
#include <utility>

namespace onsite {
namespace {

template <typename E, std::size_t N> using Table = std::array<std::pair<E, const char *>, N>;

const Table<AssignmentStatus, 6> kStatus{{{AssignmentStatus::Assigned, "assigned"},
                                          {AssignmentStatus::InProgress, "in_progress"},
                                          {AssignmentStatus::Submitted, "submitted"},
                                          {AssignmentStatus::Approved, "approved"},
                                          {AssignmentStatus::Paid, "paid"},
                                          {AssignmentStatus::Cancelled, "cancelled"}}};
const Table<PricingType, 2> kPricing{
    {{PricingType::Flat, "flat"}, {PricingType::Hourly, "hourly"}}};
const Table<ChecklistKind, 4> kChecklist{{{ChecklistKind::ConfirmSchedule, "confirm_schedule"},
                                          {ChecklistKind::CheckInOut, "check_in_out"},
                                          {ChecklistKind::Deliverables, "deliverables"},
                                          {ChecklistKind::CloseoutNotes, "closeout_notes"}}};
const Table<TaskType, 3> kTask{
    {{TaskType::Checkbox, "checkbox"}, {TaskType::Text, "text"}, {TaskType::Number, "number"}}};
const Table<TimeLogSource, 2> kSource{
    {{TimeLogSource::Desktop, "desktop"}, {TimeLogSource::Phone, "phone"}}};
const Table<FundsKind, 3> kFundsKind{{{FundsKind::BudgetIncrease, "budget_increase"},
                                      {FundsKind::Expense, "expense"},
                                      {FundsKind::Bonus, "bonus"}}};
const Table<FundsStatus, 4> kFundsStatus{{{FundsStatus::Pending, "pending"},
                                          {FundsStatus::Approved, "approved"},
                                          {FundsStatus::Declined, "declined"},
                                          {FundsStatus::Withdrawn, "withdrawn"}}};
const Table<DeliverableKind, 3> kDeliverable{{{DeliverableKind::SignOff, "sign_off"},
                                              {DeliverableKind::Photo, "photo"},
                                              {DeliverableKind::Other, "other"}}};
const Table<ProblemKind, 5> kProblemKind{{{ProblemKind::NoAccess, "no_access"},
                                          {ProblemKind::PartsMissing, "parts_missing"},
                                          {ProblemKind::ScopeDiffers, "scope_differs"},
                                          {ProblemKind::CantMakeIt, "cant_make_it"},
                                          {ProblemKind::Other, "other"}}};
const Table<MessageFrom, 2> kMessageFrom{
    {{MessageFrom::Worker, "worker"}, {MessageFrom::Company, "company"}}};
const Table<OperationType, 14> kOperation{
    {{OperationType::ScheduleConfirm, "schedule.confirm"},
     {OperationType::TimeLogUpsert, "time_log.upsert"},
     {OperationType::TimeLogDelete, "time_log.delete"},
     {OperationType::PhoneCheckIn, "phone.check_in"},
     {OperationType::PhoneCheckOut, "phone.check_out"},
     {OperationType::DeliverableRemove, "deliverable.remove"},
     {OperationType::FundsRequestCreate, "funds_request.create"},
     {OperationType::FundsRequestWithdraw, "funds_request.withdraw"},
     {OperationType::TaskComplete, "task.complete"},
     {OperationType::AssignmentSubmit, "assignment.submit"},
     {OperationType::EtaReport, "eta.report"},
     {OperationType::ProblemReport, "problem.report"},
     {OperationType::MessagePost, "message.post"},
     {OperationType::MessageRead, "message.read"}}};
const Table<OperationStatus, 4> kOperationStatus{{{OperationStatus::Applied, "applied"},
                                                  {OperationStatus::Duplicate, "duplicate"},
                                                  {OperationStatus::Rejected, "rejected"},
                                                  {OperationStatus::Error, "error"}}};

template <typename E, std::size_t N> QString name(const Table<E, N> &t, E v)
{
    for (const auto &[e, n] : t)
        if (e == v)
            return QString::fromLatin1(n);
    return {};
}

template <typename E, std::size_t N> std::optional<E> parse(const Table<E, N> &t, const QString &s)
{
    for (const auto &[e, n] : t)
        if (s == QLatin1String(n))
            return e;
    return std::nullopt;
}

} // namespace

QString toWire(AssignmentStatus v)
{
    return name(kStatus, v);
}
QString toWire(PricingType v)
{
    return name(kPricing, v);
}
QString toWire(ChecklistKind v)
{
    return name(kChecklist, v);
}
QString toWire(TaskType v)
{
    return name(kTask, v);
}
QString toWire(TimeLogSource v)
{
    return name(kSource, v);
}
QString toWire(FundsKind v)
{
    return name(kFundsKind, v);
}
QString toWire(FundsStatus v)
{
    return name(kFundsStatus, v);
}
QString toWire(DeliverableKind v)
{
    return name(kDeliverable, v);
}

template <> std::optional<AssignmentStatus> fromWire(const QString &s)
{
    return parse(kStatus, s);
}
template <> std::optional<PricingType> fromWire(const QString &s)
{
    return parse(kPricing, s);
}
template <> std::optional<ChecklistKind> fromWire(const QString &s)
{
    return parse(kChecklist, s);
}
template <> std::optional<TaskType> fromWire(const QString &s)
{
    return parse(kTask, s);
}
template <> std::optional<TimeLogSource> fromWire(const QString &s)
{
    return parse(kSource, s);
}
template <> std::optional<FundsKind> fromWire(const QString &s)
{
    return parse(kFundsKind, s);
}
template <> std::optional<FundsStatus> fromWire(const QString &s)
{
    return parse(kFundsStatus, s);
}
template <> std::optional<DeliverableKind> fromWire(const QString &s)
{
    return parse(kDeliverable, s);
}
QString toWire(ProblemKind v)
{
    return name(kProblemKind, v);
}
template <> std::optional<ProblemKind> fromWire(const QString &s)
{
    return parse(kProblemKind, s);
}
QString toWire(MessageFrom v)
{
    return name(kMessageFrom, v);
}
template <> std::optional<MessageFrom> fromWire(const QString &s)
{
    return parse(kMessageFrom, s);
}
QString toWire(OperationType v)
{
    return name(kOperation, v);
}
template <> std::optional<OperationType> fromWire(const QString &s)
{
    return parse(kOperation, s);
}
QString toWire(OperationStatus v)
{
    return name(kOperationStatus, v);
}
template <> std::optional<OperationStatus> fromWire(const QString &s)
{
    return parse(kOperationStatus, s);
}

} // namespace onsite
