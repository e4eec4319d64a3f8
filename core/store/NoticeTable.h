#pragma once

#include "Notices.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace onsite {

// The notices table of the app's cache: company decisions found by syncs, kept until the app
// has shown them. Works on LocalStore's connection and inside its transactions.
class NoticeTable
{
public:
    explicit NoticeTable(const QSqlDatabase &db) : m_db(db) {}

    bool add(const QList<Notice> &notices, const QDateTime &now, QString *error);
    // Oldest first; each is returned once.
    QList<Notice> take(QString *error);

private:
    QSqlDatabase m_db;
};

} // namespace onsite
