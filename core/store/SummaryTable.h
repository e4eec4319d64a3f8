#pragma once

#include "Assignment.h"
#include "AssignmentSummary.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace onsite {

// The dashboard's columns of every assignment (assignment_rows), kept beside each document so
// a list of 100,000 loads without decoding documents. Works on LocalStore's connection.
class SummaryTable
{
public:
    // withCheckinOpens: the file has schema version 7's column.
    SummaryTable(const QSqlDatabase &db, bool withCheckinOpens);

    // Prepares the write statement (the writer's connection only).
    void prepareWrite();
    bool write(const Assignment &a, QString *error);
    // Fills the rows of documents that have none (after a migration emptied them).
    bool rebuildMissing(QString *error);
    QList<AssignmentSummary> all(QString *error);

private:
    QSqlDatabase m_db;
    bool m_withCheckinOpens;
    QSqlQuery m_upsertRow;
};

} // namespace onsite
