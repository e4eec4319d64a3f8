#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace onsite {

// The kinds of change (wire names in Enums.cpp, the one place they are spelled). Phone
// check-ins and check-outs are made by the server from signed calls, never sent by a worker.
enum class OperationType {
    ScheduleConfirm,
    TimeLogUpsert,
    TimeLogDelete,
    PhoneCheckIn,
    PhoneCheckOut,
    DeliverableRemove,
    FundsRequestCreate,
    FundsRequestWithdraw,
    TaskComplete,
    AssignmentSubmit,
    EtaReport,
    ProblemReport,
    MessagePost,
    MessageRead
};
// The server's answer to one operation.
enum class OperationStatus { Applied, Duplicate, Rejected, Error };

// One change a worker made, as it travels in the outbox and in POST /ops (DESIGN §4):
// {op_id, assignment_id, type, payload, created_at}. The op_id is a client UUID, so the server
// can apply each one at most once however often it is sent.
struct Operation {
    QString opId;
    qint64 assignmentId = 0;
    QString type; // the wire name, kept as sent: an unknown one is refused, not lost
    QJsonObject payload;
    QDateTime createdAt;

    // The type, when this version knows it.
    std::optional<OperationType> kind() const;
    bool is(OperationType t) const { return kind() == t; }

    // A new operation with a fresh op_id (Operations builds each kind's payload).
    static Operation make(qint64 assignmentId, OperationType type, const QJsonObject &payload,
                          const QDateTime &now);
    // By wire name: for tests and tools that speak the wire.
    static Operation make(qint64 assignmentId, const QString &type, const QJsonObject &payload,
                          const QDateTime &now);
    QJsonObject toJson() const;
    static std::optional<Operation> fromJson(const QJsonObject &o, QString *error);
};

} // namespace onsite
