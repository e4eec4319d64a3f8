#include "Operations.h"

#include "Enums.h"
#include "JsonReader.h"

#include <QUuid>

namespace onsite {
namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject idOnly(const QString &id)
{
    return {{QStringLiteral("id"), id}};
}

} // namespace

Operation Operations::confirmSchedule(qint64 id, const QDateTime &now)
{
    return Operation::make(id, OperationType::ScheduleConfirm, {}, now);
}

Operation Operations::checkIn(qint64 id, const QDateTime &now)
{
    return editVisit(id, newId(), now, {}, {}, now);
}

Operation Operations::checkOut(qint64 id, const TimeLog &open, const QDateTime &now)
{
    return editVisit(id, open.id, open.checkIn, now, open.note, now);
}

Operation Operations::editVisit(qint64 id, const QString &visitId, const QDateTime &checkIn,
                                const QDateTime &checkOut, const QString &note,
                                const QDateTime &now)
{
    QJsonObject payload{{QStringLiteral("id"), visitId},
                        {QStringLiteral("check_in"), JsonReader::formatInstant(checkIn)}};
    if (checkOut.isValid())
        payload.insert(QStringLiteral("check_out"), JsonReader::formatInstant(checkOut));
    if (!note.isEmpty())
        payload.insert(QStringLiteral("note"), note);
    return Operation::make(id, OperationType::TimeLogUpsert, payload, now);
}

Operation Operations::deleteVisit(qint64 id, const QString &visitId, const QDateTime &now)
{
    return Operation::make(id, OperationType::TimeLogDelete, idOnly(visitId), now);
}

Operation Operations::removeDeliverable(qint64 id, const QString &deliverableId,
                                        const QDateTime &now)
{
    return Operation::make(id, OperationType::DeliverableRemove, idOnly(deliverableId), now);
}

Operation Operations::requestFunds(qint64 id, FundsKind kind, qint64 amountCents,
                                   const QString &reason, int extraHours, const QString &receiptId,
                                   const QDateTime &now)
{
    QJsonObject payload{{QStringLiteral("id"), newId()},
                        {QStringLiteral("kind"), toWire(kind)},
                        {QStringLiteral("amount_cents"), amountCents},
                        {QStringLiteral("reason"), reason}};
    if (extraHours > 0)
        payload.insert(QStringLiteral("extra_hours"), extraHours);
    if (!receiptId.isEmpty())
        payload.insert(QStringLiteral("receipt"), receiptId);
    return Operation::make(id, OperationType::FundsRequestCreate, payload, now);
}

Operation Operations::withdrawFunds(qint64 id, const QString &requestId, const QDateTime &now)
{
    return Operation::make(id, OperationType::FundsRequestWithdraw, idOnly(requestId), now);
}

Operation Operations::completeTask(qint64 id, const QString &taskId, const QJsonValue &answer,
                                   const QDateTime &now)
{
    return Operation::make(id, OperationType::TaskComplete,
                           {{QStringLiteral("id"), taskId}, {QStringLiteral("answer"), answer}},
                           now);
}

Operation Operations::submit(qint64 id, const QString &notes, const QDateTime &now)
{
    QJsonObject payload;
    if (!notes.isEmpty())
        payload.insert(QStringLiteral("resolution"), notes);
    return Operation::make(id, OperationType::AssignmentSubmit, payload, now);
}

Operation Operations::reportEta(qint64 id, const QDateTime &eta, const QString &reason,
                                const QDateTime &now)
{
    return Operation::make(id, OperationType::EtaReport,
                           {{QStringLiteral("eta"), JsonReader::formatInstant(eta)},
                            {QStringLiteral("reason"), reason}},
                           now);
}

Operation Operations::reportProblem(qint64 id, ProblemKind kind, const QString &description,
                                    const QDateTime &now)
{
    return Operation::make(id, OperationType::ProblemReport,
                           {{QStringLiteral("id"), newId()},
                            {QStringLiteral("kind"), toWire(kind)},
                            {QStringLiteral("description"), description}},
                           now);
}

Operation Operations::postMessage(qint64 id, const QString &text, const QDateTime &now)
{
    return Operation::make(id, OperationType::MessagePost,
                           {{QStringLiteral("id"), newId()}, {QStringLiteral("text"), text}}, now);
}

Operation Operations::markMessagesRead(qint64 id, const QString &messageId, const QDateTime &now)
{
    return Operation::make(id, OperationType::MessageRead, idOnly(messageId), now);
}

Operation Operations::phoneCheckIn(qint64 id, const QString &visitId, const QDateTime &at,
                                   const QDateTime &now)
{
    return Operation::make(
        id, OperationType::PhoneCheckIn,
        {{QStringLiteral("id"), visitId}, {QStringLiteral("at"), JsonReader::formatInstant(at)}},
        now);
}

Operation Operations::phoneCheckOut(qint64 id, const QDateTime &at, const QDateTime &now)
{
    return Operation::make(id, OperationType::PhoneCheckOut,
                           {{QStringLiteral("at"), JsonReader::formatInstant(at)}}, now);
}

} // namespace onsite
