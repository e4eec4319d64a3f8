#pragma once

#include "Assignment.h"
#include "Operation.h"

#include <QJsonObject>
#include <optional>

namespace onsite {

// An operation in the outbox as the Activity view shows it: waiting to be sent (perhaps after
// failed attempts), or refused by the server with its reason until the worker dismisses it.
struct OutboxEntry {
    enum class State { Pending, Rejected };
    Operation op;
    State state = State::Pending;
    int attempts = 0;
    QString lastError; // the last failed attempt, or the server's reason when rejected
    QString errorCode;
    QDateTime decidedAt;
};

// The server's answer to one operation of POST /ops, with the assignment as it stands after.
struct OperationResult {
    QString opId;
    OperationStatus status = OperationStatus::Error;
    QString code;
    QString message;
    std::optional<Assignment> assignment;
    QJsonObject assignmentJson; // the assignment as it arrived, stored as is
};

} // namespace onsite
