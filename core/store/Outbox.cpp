#include "Outbox.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

namespace onsite {
namespace {

const QString kOperationColumns =
    QStringLiteral("SELECT op_id, assignment_id, type, payload, created_at");

Operation operationFrom(const QSqlQuery &q)
{
    Operation op;
    op.opId = q.value(0).toString();
    op.assignmentId = q.value(1).toLongLong();
    op.type = q.value(2).toString();
    op.payload = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    op.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
    return op;
}

} // namespace

Outbox::Outbox(const QSqlDatabase &db) : m_db(db), m_pendingFor(db), m_anyPending(db)
{
    m_pendingFor.prepare(kOperationColumns + QStringLiteral(" FROM outbox WHERE state ="
                                                            " 'pending' AND assignment_id = ?"
                                                            " ORDER BY seq"));
    m_anyPending.prepare(
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM outbox WHERE state = 'pending')"));
}

bool Outbox::insert(const Operation &op, QString *error)
{
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO outbox (op_id, assignment_id, type, payload,"
                                  " created_at) VALUES (?, ?, ?, ?, ?)"));
    insert.addBindValue(op.opId);
    insert.addBindValue(op.assignmentId);
    insert.addBindValue(op.type);
    insert.addBindValue(
        QString::fromUtf8(QJsonDocument(op.payload).toJson(QJsonDocument::Compact)));
    insert.addBindValue(op.createdAt.toMSecsSinceEpoch());
    if (insert.exec())
        return true;
    *error = insert.lastError().text();
    return false;
}

bool Outbox::hasPending()
{
    const bool any = m_anyPending.exec() && m_anyPending.next() && m_anyPending.value(0).toBool();
    m_anyPending.finish();
    return any;
}

QList<Operation> Outbox::pendingFor(qint64 assignmentId)
{
    QList<Operation> out;
    m_pendingFor.addBindValue(assignmentId);
    if (m_pendingFor.exec())
        while (m_pendingFor.next())
            out.append(operationFrom(m_pendingFor));
    m_pendingFor.finish();
    return out;
}

QList<Operation> Outbox::pending(int limit)
{
    QList<Operation> out;
    QSqlQuery q(m_db);
    q.prepare(kOperationColumns +
              QStringLiteral(" FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?"));
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out.append(operationFrom(q));
    return out;
}

bool Outbox::resolve(const OperationResult &r, const QDateTime &now, qint64 *assignmentId,
                     QString *error)
{
    *assignmentId = 0;
    {
        QSqlQuery which(m_db);
        which.prepare(QStringLiteral("SELECT assignment_id FROM outbox WHERE op_id = ?"));
        which.addBindValue(r.opId);
        if (which.exec() && which.next())
            *assignmentId = which.value(0).toLongLong();
    }
    QSqlQuery q(m_db);
    if (r.status == OperationStatus::Applied || r.status == OperationStatus::Duplicate) {
        q.prepare(QStringLiteral("DELETE FROM outbox WHERE op_id = ?"));
        q.addBindValue(r.opId);
    } else if (r.status == OperationStatus::Rejected) {
        q.prepare(QStringLiteral("UPDATE outbox SET state = 'rejected', error_code = ?,"
                                 " last_error = ?, decided_at = ? WHERE op_id = ?"));
        q.addBindValue(r.code);
        q.addBindValue(r.message);
        q.addBindValue(now.toMSecsSinceEpoch());
        q.addBindValue(r.opId);
    } else { // the server failed on this one: it stays pending and is sent again
        q.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ?"
                                 " WHERE op_id = ?"));
        q.addBindValue(r.message);
        q.addBindValue(r.opId);
    }
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

bool Outbox::noteFailedAttempt(const QStringList &opIds, const QString &reason, QString *error)
{
    if (!m_db.transaction())
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE"
                             " op_id = ? AND state = 'pending'"));
    for (const QString &id : opIds) {
        q.addBindValue(reason);
        q.addBindValue(id);
        if (!q.exec()) {
            *error = q.lastError().text();
            m_db.rollback();
            return false;
        }
    }
    return m_db.commit();
}

QList<OutboxEntry> Outbox::entries()
{
    QList<OutboxEntry> out;
    QSqlQuery q(m_db);
    if (!q.exec(kOperationColumns + QStringLiteral(", state, attempts, last_error, error_code,"
                                                   " decided_at FROM outbox ORDER BY seq")))
        return out;
    while (q.next()) {
        OutboxEntry e;
        e.op = operationFrom(q);
        e.state = q.value(5).toString() == QLatin1String("rejected") ? OutboxEntry::State::Rejected
                                                                     : OutboxEntry::State::Pending;
        e.attempts = q.value(6).toInt();
        e.lastError = q.value(7).toString();
        e.errorCode = q.value(8).toString();
        if (!q.value(9).isNull())
            e.decidedAt = QDateTime::fromMSecsSinceEpoch(q.value(9).toLongLong(), Qt::UTC);
        out.append(e);
    }
    return out;
}

bool Outbox::dismiss(const QString &opId, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE op_id = ? AND state = 'rejected'"));
    q.addBindValue(opId);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

int Outbox::needsAttentionCount()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'rejected'")) &&
                   q.next()
               ? q.value(0).toInt()
               : 0;
}

int Outbox::pendingCount()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")) && q.next()
               ? q.value(0).toInt()
               : 0;
}

} // namespace onsite
