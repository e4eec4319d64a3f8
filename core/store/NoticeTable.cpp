#include "NoticeTable.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace onsite {

bool NoticeTable::add(const QList<Notice> &notices, const QDateTime &now, QString *error)
{
    for (const Notice &n : notices) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO notices (assignment_id, kind, title, message,"
                                 " created_at) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(n.assignmentId);
        q.addBindValue(n.kind);
        q.addBindValue(n.title);
        q.addBindValue(n.message);
        q.addBindValue(now.toMSecsSinceEpoch());
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

QList<Notice> NoticeTable::take(QString *error)
{
    QList<Notice> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral(
            "SELECT id, assignment_id, kind, title, message FROM notices ORDER BY id"))) {
        *error = q.lastError().text();
        return out;
    }
    qint64 last = 0;
    while (q.next()) {
        last = q.value(0).toLongLong();
        out.append({q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString()});
    }
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM notices WHERE id <= ?"));
    del.addBindValue(last);
    if (!out.isEmpty() && !del.exec())
        *error = del.lastError().text();
    return out;
}

} // namespace onsite
