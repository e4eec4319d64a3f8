#pragma once

#include "Assignment.h"
#include "AssignmentSummary.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <functional>
#include <limits>

namespace onsite {

// The dashboard's columns of every assignment (assignment_rows), kept beside each document so
// a list of 100,000 loads without decoding documents. Works on LocalStore's connection.
class SummaryTable
{
public:
    // schemaVersion: the file's (3 or later); later versions added columns.
    SummaryTable(const QSqlDatabase &db, int schemaVersion);

    // Prepares the write statement (the writer's connection only).
    void prepareWrite();
    bool write(const Assignment &a, QString *error);
    // Fills the rows of documents that have none (after a migration emptied them).
    bool rebuildMissing(QString *error);
    // The rows of ids in [fromId, toId), in id order.
    QList<AssignmentSummary> all(QString *error, qint64 fromId = kFirstId, qint64 toId = kEndId);
    // The id that starts the second half of the ids, so two threads can read a long list at
    // once; 0 when the ids span fewer than `atLeast`.
    qint64 middleId(int atLeast);
    // Hands each row of ids in [fromId, toId) to `take` as it is read, so a caller that keeps
    // something smaller holds no list of them all.
    bool each(qint64 fromId, qint64 toId, const std::function<void(AssignmentSummary &&)> &take,
              QString *error);

    static constexpr qint64 kFirstId = std::numeric_limits<qint64>::min();
    static constexpr qint64 kEndId = std::numeric_limits<qint64>::max();

private:
    // The columns the file has, in the order write() binds and all() reads them.
    QStringList columns() const;

    QSqlDatabase m_db;
    int m_version;
    QSqlQuery m_upsertRow;
};

} // namespace onsite
