#pragma once

#include "ApiError.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace onsite::server {

// The worker's operations (POST /ops) and the phone system's calls, applied through the one
// OperationApplier at most once each (the ops table, keyed by op_id, decides across
// processes), with the earlier states of edited visits kept for the client company.
class OperationLog
{
public:
    // Applies each operation in order, each in its own transaction; returns {results: [...]}.
    static QJsonObject applyOperations(qint64 workerId, const QJsonArray &ops,
                                       const QDateTime &now);
    static QJsonObject applyOperation(qint64 workerId, const QJsonObject &raw,
                                      const QDateTime &now);
    // A check-in or check-out from the phone system; each call_id counts once. Returns the
    // assignment, or sets *error (with an empty result when there is no such assignment).
    static QJsonObject applyPhoneEvent(const QString &callId, qint64 id, bool checkIn,
                                       const QDateTime &at, const QDateTime &now, QString *error);
    // Earlier states of the assignment's edited or deleted time logs, oldest first.
    static QJsonObject timeLogHistory(qint64 companyId, qint64 id, ApiError *err);
    // The same for the worker's own assignment (for the record they print).
    static QJsonObject workerTimeLogHistory(qint64 workerId, qint64 id, ApiError *err);
};

} // namespace onsite::server
