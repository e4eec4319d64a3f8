#pragma once

#include "Operation.h"
#include "OutboxEntry.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <optional>

namespace onsite {

// The outbox table of the app's cache: the worker's operations not yet acknowledged by the
// server, in the order they were made. Works on LocalStore's connection and inside its
// transactions; the queries run for every stored document are prepared once.
class Outbox
{
public:
    explicit Outbox(const QSqlDatabase &db);

    bool insert(const Operation &op, QString *error);
    bool hasPending();
    QList<Operation> pendingFor(qint64 assignmentId);
    QList<Operation> pending(int limit);
    // Takes the server's answer to one operation: applied ones leave, refused ones stay with
    // the reason, failed ones count an attempt. *assignmentId: the operation's assignment.
    bool resolve(const OperationResult &r, const QDateTime &now, qint64 *assignmentId,
                 QString *error);
    bool noteFailedAttempt(const QStringList &opIds, const QString &reason, QString *error);
    QList<OutboxEntry> entries();
    bool dismiss(const QString &opId, QString *error);
    int needsAttentionCount();
    int pendingCount();

private:
    QSqlDatabase m_db;
    QSqlQuery m_pendingFor;
    QSqlQuery m_anyPending;
};

} // namespace onsite
