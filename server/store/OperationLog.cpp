#include "OperationLog.h"

#include "AssignmentCodec.h"
#include "AssignmentStore.h"
#include "Database.h"
#include "Enums.h"
#include "JsonReader.h"
#include "Operation.h"
#include "OperationApplier.h"
#include "Operations.h"
#include "StoredJson.h"

#include <QJsonArray>

namespace onsite::server {
namespace {

QJsonObject result(const QString &opId, OperationStatus status, const QString &code,
                   const QString &message, const QJsonObject &assignment)
{
    QJsonObject o{{QStringLiteral("op_id"), opId},
                  {QStringLiteral("status"), toWire(status)},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("message"), message}};
    if (!assignment.isEmpty())
        o.insert(QStringLiteral("assignment"), assignment);
    return o;
}

} // namespace

QJsonObject OperationLog::applyOperations(qint64 workerId, const QJsonArray &ops,
                                          const QDateTime &now)
{
    QJsonArray results;
    for (const QJsonValue &v : ops)
        results.append(applyOperation(workerId, v.toObject(), now));
    return {{QStringLiteral("results"), results}};
}

namespace {

QJsonObject internalError(const QString &opId)
{
    return result(opId, OperationStatus::Error, QStringLiteral("internal"),
                  ApiError::internal().message, {});
}

// An op_id claimed before: answered as the first time was, changing nothing; another worker's
// op_id is refused.
QJsonObject answerAgain(Transaction &tx, const Operation &op, qint64 workerId, const QDateTime &now)
{
    Sql first(QStringLiteral("SELECT status, code, message, worker_id FROM ops WHERE op_id = ?"));
    if (!first.exec({op.opId}) || !first.next())
        return internalError(op.opId);
    if (first.value(3).toLongLong() != workerId)
        return result(op.opId, OperationStatus::Rejected, QStringLiteral("conflict"),
                      QStringLiteral("This op_id was already used."), {});
    const QString status = first.value(0).toString();
    const QString code = first.value(1).toString();
    const QString message = first.value(2).toString();
    tx.commit();
    ApiError ignored;
    return result(op.opId, OperationStatus::Duplicate, code,
                  message.isEmpty() ? QStringLiteral("Already %1.").arg(status) : message,
                  AssignmentStore::workerAssignment(workerId, op.assignmentId, now, &ignored));
}

// Keeps what each edited or deleted visit looked like before, for the client company (only
// those visits are encoded, not the whole document).
bool keepVisitHistory(const Assignment &before, const Assignment &after, const QString &opId)
{
    for (const TimeLog &old : before.timeLogs)
        for (const TimeLog &now : after.timeLogs) {
            if (now.id != old.id || (now.checkIn == old.checkIn && now.checkOut == old.checkOut &&
                                     now.note == old.note && now.deleted == old.deleted))
                continue;
            Sql history(QStringLiteral(
                "INSERT INTO time_log_history (assignment_id, log_id, op_id, replaced_at,"
                " previous) VALUES (?, ?, ?, ?, ?)"));
            if (!history.exec({after.id, old.id, opId, Database::nowMs(),
                               StoredJson::compact(AssignmentCodec::timeLogToJson(old))}))
                return false;
        }
    return true;
}

bool recordOutcome(const QString &opId, OperationStatus status, const QString &code,
                   const QString &message)
{
    Sql record(QStringLiteral("UPDATE ops SET status = ?, code = ?, message = ? WHERE op_id = ?"));
    return record.exec({toWire(status), code, message, opId});
}

// The claimed op on the worker's locked document: decoded once, decided by the applier,
// written once, and answered from what was written.
QJsonObject decide(Transaction &tx, const Operation &op, qint64 workerId, const QDateTime &now)
{
    Sql load(QStringLiteral("SELECT doc FROM assignments WHERE id = ? AND worker_id = ?") +
             Database::forUpdate());
    if (!load.exec({op.assignmentId, workerId}))
        return internalError(op.opId);
    if (!load.next()) {
        const QString message = QStringLiteral("No such assignment.");
        if (!recordOutcome(op.opId, OperationStatus::Rejected, QStringLiteral("not_found"),
                           message) ||
            !tx.commit())
            return internalError(op.opId);
        return result(op.opId, OperationStatus::Rejected, QStringLiteral("not_found"), message, {});
    }
    QJsonObject stored = StoredJson::parse(load.value(0).toString());
    QString why;
    auto a = AssignmentCodec::fromJson(stored, &why);
    load.query().finish();
    if (!a)
        return internalError(op.opId);
    const Assignment before = *a;
    const OperationOutcome outcome = OperationApplier::apply(*a, op, now);
    bool ok = !outcome.applied || (keepVisitHistory(before, *a, op.opId) &&
                                   AssignmentStore::saveChanged(*a, workerId, &stored));
    const OperationStatus status =
        outcome.applied ? OperationStatus::Applied : OperationStatus::Rejected;
    ok = ok && recordOutcome(op.opId, status, outcome.code, outcome.message);
    if (!ok || !tx.commit())
        return internalError(op.opId);
    // Answered from the document just written (or, refused, as loaded): no second read, no
    // second encoding.
    return result(op.opId, status, outcome.code, outcome.message,
                  AssignmentStore::present(*a, stored, now));
}

} // namespace

QJsonObject OperationLog::applyOperation(qint64 workerId, const QJsonObject &raw,
                                         const QDateTime &now)
{
    QString why;
    const auto op = Operation::fromJson(raw, &why);
    if (!op) {
        // The op_id is echoed so the client can match the answer; a malformed one, only as
        // far as a UUID goes.
        return result(raw.value(QStringLiteral("op_id")).toString().left(36),
                      OperationStatus::Rejected, QStringLiteral("invalid"), why, {});
    }
    if (OperationApplier::isPhoneOperation(*op))
        return result(op->opId, OperationStatus::Rejected, QStringLiteral("unknown_type"),
                      QStringLiteral("Only the phone system records phone check-ins."), {});
    Transaction tx;
    if (!tx.ok())
        return internalError(op->opId);
    // Claim the op_id. A second process sending the same op waits here for the first to
    // commit, then finds the row: the database, not memory, decides "at most once".
    Sql claim(QStringLiteral("INSERT INTO ops (op_id, worker_id, assignment_id, type, status, code,"
                             " message, received_at) VALUES (?, ?, ?, ?, 'pending', '', '', ?)"
                             " ON CONFLICT (op_id) DO NOTHING RETURNING worker_id"));
    const bool claimed = claim.execReturning({op->opId, workerId, op->assignmentId, op->type,
                                              Database::nowMs()}) >= 0;
    return claimed ? decide(tx, *op, workerId, now) : answerAgain(tx, *op, workerId, now);
}

namespace {

// The edit history of an assignment whose `ownerColumn` is `owner`.
QJsonObject historyOf(const QString &ownerColumn, qint64 owner, qint64 id, ApiError *err)
{
    Sql mine(QStringLiteral("SELECT 1 FROM assignments WHERE id = ? AND %1 = ?").arg(ownerColumn));
    if (!mine.exec({id, owner}) || !mine.next()) {
        *err = ApiError::notFound(QStringLiteral("assignment"));
        return {};
    }
    Sql q(QStringLiteral("SELECT log_id, op_id, replaced_at, previous FROM time_log_history"
                         " WHERE assignment_id = ? ORDER BY replaced_at, log_id"));
    if (!q.exec({id})) {
        *err = ApiError::internal();
        return {};
    }
    QJsonArray history;
    while (q.next())
        history.append(
            QJsonObject{{QStringLiteral("log_id"), q.value(0).toString()},
                        {QStringLiteral("op_id"), q.value(1).toString()},
                        {QStringLiteral("replaced_at"),
                         JsonReader::formatInstant(
                             QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC))},
                        {QStringLiteral("previous"), StoredJson::parse(q.value(3).toString())}});
    return {{QStringLiteral("history"), history}};
}

} // namespace

QJsonObject OperationLog::timeLogHistory(qint64 companyId, qint64 id, ApiError *err)
{
    return historyOf(QStringLiteral("company_id"), companyId, id, err);
}

QJsonObject OperationLog::workerTimeLogHistory(qint64 workerId, qint64 id, ApiError *err)
{
    return historyOf(QStringLiteral("worker_id"), workerId, id, err);
}

QJsonObject OperationLog::applyPhoneEvent(const QString &callId, qint64 id, bool checkIn,
                                          const QDateTime &at, const QDateTime &now, QString *error)
{
    Transaction tx;
    Sql load(QStringLiteral("SELECT doc, worker_id FROM assignments WHERE id = ?") +
             Database::forUpdate());
    if (!tx.ok() || !load.exec({id}) || !load.next()) {
        *error = QStringLiteral("No such assignment.");
        return {};
    }
    QString why;
    auto a = AssignmentCodec::fromJson(StoredJson::parse(load.value(0).toString()), &why);
    const qint64 workerId = load.value(1).toLongLong();
    load.query().finish();
    ApiError ignored;
    if (!a) {
        *error = why;
        return {};
    }
    // The call is recorded like an operation, so a retried webhook changes nothing.
    Sql claim(QStringLiteral("INSERT INTO ops (op_id, worker_id, assignment_id, type, status, code,"
                             " message, received_at) VALUES (?, ?, ?, ?, 'applied', '', '', ?)"
                             " ON CONFLICT (op_id) DO NOTHING RETURNING worker_id"));
    if (claim.execReturning(
            {QStringLiteral("phone:") + callId, workerId, id,
             toWire(checkIn ? OperationType::PhoneCheckIn : OperationType::PhoneCheckOut),
             Database::nowMs()}) < 0) {
        tx.commit();
        return AssignmentStore::companyAssignment(a->company.id, id, now, &ignored);
    }
    // The same rules as every other visit, through the one applier.
    const Operation op =
        checkIn ? Operations::phoneCheckIn(id, QStringLiteral("phone-") + callId, at, now)
                : Operations::phoneCheckOut(id, at, now);
    const OperationOutcome outcome = OperationApplier::apply(*a, op, now);
    if (!outcome.applied) {
        *error = outcome.message; // the claim is rolled back: a corrected retry may apply
        return AssignmentCodec::toJson(*a);
    }
    if (!AssignmentStore::saveChanged(*a, workerId) || !tx.commit()) {
        *error = QStringLiteral("The server could not record the call; retry it.");
        return AssignmentCodec::toJson(*a);
    }
    return AssignmentStore::companyAssignment(a->company.id, id, now, &ignored);
}

} // namespace onsite::server
