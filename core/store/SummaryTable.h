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
    // schemaVersion: the file's (3 or later); later versions added columns.
    SummaryTable(const QSqlDatabase &db, int schemaVersion);

    // Prepares the write statement (the writer's connection only).
    void prepareWrite();
    bool write(const Assignment &a, QString *error);
    // Fills the rows of documents that have none (after a migration emptied them).
    bool rebuildMissing(QString *error);
    QList<AssignmentSummary> all(QString *error);

private:
    // The columns the file has, in the order write() binds and all() reads them.
    QStringList columns() const;

    QSqlDatabase m_db;
    int m_version;
    QSqlQuery m_upsertRow;
};

} // namespace onsite
