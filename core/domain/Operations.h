#pragma once

#include "Assignment.h"
#include "Operation.h"

#include <QJsonValue>

namespace onsite {

// Builds each kind of change a worker (or, for calls, the server) makes, with its payload as
// the wire wants it (DESIGN §4). Callers say what happened; field names live here and in the
// applier that reads them. Every operation gets a fresh op_id; `now` is its created_at.
class Operations
{
public:
    static Operation confirmSchedule(qint64 id, const QDateTime &now);
    // A new visit starting now, with a new visit id.
    static Operation checkIn(qint64 id, const QDateTime &now);
    // Closes the open visit `open` now, keeping its check-in and note.
    static Operation checkOut(qint64 id, const TimeLog &open, const QDateTime &now);
    // A visit as the worker typed it (checkOut invalid: still open; note empty: none).
    static Operation editVisit(qint64 id, const QString &visitId, const QDateTime &checkIn,
                               const QDateTime &checkOut, const QString &note,
                               const QDateTime &now);
    static Operation deleteVisit(qint64 id, const QString &visitId, const QDateTime &now);
    static Operation removeDeliverable(qint64 id, const QString &deliverableId,
                                       const QDateTime &now);
    // A new request with a new id; receiptId names the upload that becomes its receipt (empty:
    // none), extraHours 0 for none.
    static Operation requestFunds(qint64 id, FundsKind kind, qint64 amountCents,
                                  const QString &reason, int extraHours, const QString &receiptId,
                                  const QDateTime &now);
    static Operation withdrawFunds(qint64 id, const QString &requestId, const QDateTime &now);
    static Operation completeTask(qint64 id, const QString &taskId, const QJsonValue &answer,
                                  const QDateTime &now);
    static Operation submit(qint64 id, const QString &notes, const QDateTime &now);
    static Operation reportEta(qint64 id, const QDateTime &eta, const QString &reason,
                               const QDateTime &now);
    // A new problem report with a new id.
    static Operation reportProblem(qint64 id, ProblemKind kind, const QString &description,
                                   const QDateTime &now);
    // A new message in the assignment's thread, with a new id.
    static Operation postMessage(qint64 id, const QString &text, const QDateTime &now);
    // The thread read up to and including `messageId`.
    static Operation markMessagesRead(qint64 id, const QString &messageId, const QDateTime &now);
    // Made by the server from a signed phone call (visit id derived from the call).
    static Operation phoneCheckIn(qint64 id, const QString &visitId, const QDateTime &at,
                                  const QDateTime &now);
    static Operation phoneCheckOut(qint64 id, const QDateTime &at, const QDateTime &now);
};

} // namespace onsite
