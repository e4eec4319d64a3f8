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
    auto currentDoc = [&]() -> QJsonObject {
        ApiError ignored;
        return AssignmentStore::workerAssignment(workerId, op->assignmentId, now, &ignored);
    };
    Transaction tx;
    if (!tx.ok())
        return result(op->opId, OperationStatus::Error, QStringLiteral("internal"),
                      ApiError::internal().message, {});
    // Claim the op_id. A second process sending the same op waits here for the first to
    // commit, then finds the row: the database, not memory, decides "at most once".
    Sql claim(QStringLiteral("INSERT INTO ops (op_id, worker_id, assignment_id, type, status, code,"
                             " message, received_at) VALUES (?, ?, ?, ?, 'pending', '', '', ?)"
                             " ON CONFLICT (op_id) DO NOTHING RETURNING worker_id"));
    const bool claimed = claim.execReturning({op->opId, workerId, op->assignmentId, op->type,
                                              Database::nowMs()}) >= 0;
    if (!claimed) {
        Sql first(
            QStringLiteral("SELECT status, code, message, worker_id FROM ops WHERE op_id = ?"));
        if (!first.exec({op->opId}) || !first.next())
            return result(op->opId, OperationStatus::Error, QStringLiteral("internal"),
                          ApiError::internal().message, {});
        if (first.value(3).toLongLong() != workerId)
            return result(op->opId, OperationStatus::Rejected, QStringLiteral("conflict"),
                          QStringLiteral("This op_id was already used."), {});
        const QString status = first.value(0).toString();
        const QString code = first.value(1).toString();
        const QString message = first.value(2).toString();
        tx.commit();
        // Answers as the first time did, and changes nothing.
        return result(op->opId, OperationStatus::Duplicate, code,
                      message.isEmpty() ? QStringLiteral("Already %1.").arg(status) : message,
                      currentDoc());
    }
    auto finish = [&](OperationStatus status, const QString &code, const QString &message) {
        Sql record(
            QStringLiteral("UPDATE ops SET status = ?, code = ?, message = ? WHERE op_id = ?"));
        return record.exec({toWire(status), code, message, op->opId});
    };
    Sql load(QStringLiteral("SELECT doc FROM assignments WHERE id = ? AND worker_id = ?") +
             Database::forUpdate());
    if (!load.exec({op->assignmentId, workerId}))
        return result(op->opId, OperationStatus::Error, QStringLiteral("internal"),
                      ApiError::internal().message, {});
    if (!load.next()) {
        const QString message = QStringLiteral("No such assignment.");
        if (finish(OperationStatus::Rejected, QStringLiteral("not_found"), message) && tx.commit())
            return result(op->opId, OperationStatus::Rejected, QStringLiteral("not_found"), message,
                          {});
        return result(op->opId, OperationStatus::Error, QStringLiteral("internal"),
                      ApiError::internal().message, {});
    }
    QJsonObject stored = StoredJson::parse(load.value(0).toString());
    auto a = AssignmentCodec::fromJson(stored, &why);
    load.query().finish();
    if (!a)
        return result(op->opId, OperationStatus::Error, QStringLiteral("internal"),
                      ApiError::internal().message, {});
    const Assignment before = *a;
    const OperationOutcome outcome = OperationApplier::apply(*a, *op, now);
    bool ok = true;
    if (outcome.applied) {
        // Keep what each edited or deleted log looked like before, for the client company
        // (only those logs are encoded).
        for (int i = 0; i < before.timeLogs.size() && ok; ++i) {
            const TimeLog &old = before.timeLogs.at(i);
            for (const TimeLog &now_ : a->timeLogs) {
                if (now_.id != old.id)
                    continue;
                if (now_.checkIn != old.checkIn || now_.checkOut != old.checkOut ||
                    now_.note != old.note || now_.deleted != old.deleted) {
                    Sql history(QStringLiteral(
                        "INSERT INTO time_log_history (assignment_id, log_id, op_id, replaced_at,"
                        " previous) VALUES (?, ?, ?, ?, ?)"));
                    ok = history.exec({a->id, old.id, op->opId, Database::nowMs(),
                                       StoredJson::compact(AssignmentCodec::timeLogToJson(old))});
                }
            }
        }
        ok = ok && AssignmentStore::saveChanged(*a, workerId, &stored);
    }
    const OperationStatus status =
        outcome.applied ? OperationStatus::Applied : OperationStatus::Rejected;
    ok = ok && finish(status, outcome.code, outcome.message);
    if (!ok || !tx.commit())
        return result(op->opId, OperationStatus::Error, QStringLiteral("internal"),
                      ApiError::internal().message, {});
    // Answered from the document just written (or, refused, as loaded): no second read, no
    // second encoding.
    return result(op->opId, status, outcome.code, outcome.message,
                  AssignmentStore::present(*a, stored, now));
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
