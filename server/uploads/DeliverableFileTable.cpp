#include "DeliverableFileTable.h"

#include "AssignmentCodec.h"
#include "Database.h"
#include "Sha256.h"
#include "UploadFiles.h"

#include <QFile>
#include <QJsonDocument>
#include <QList>
#include <QPair>

namespace onsite::server {

bool DeliverableFileTable::add(const Record &r)
{
    Sql file(QStringLiteral(
        "INSERT INTO deliverable_files (deliverable_id, assignment_id, worker_id, stored_name,"
        " size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    return file.exec({r.deliverableId, r.assignmentId, r.workerId, r.storedName, r.size, r.sha256,
                      r.createdAtMs});
}

bool DeliverableFileTable::isTaken(const QString &deliverableId, bool *taken)
{
    Sql q(QStringLiteral("SELECT 1 FROM deliverable_files WHERE deliverable_id = ?"));
    const bool ok = q.exec({deliverableId});
    *taken = ok && q.next();
    return ok;
}

bool DeliverableFileTable::store(qint64 workerId, qint64 assignmentId, const QString &deliverableId,
                                 const QByteArray &content)
{
    QString name;
    if (!UploadFiles::store(content, &name))
        return false;
    return add({deliverableId, assignmentId, workerId, name, qint64(content.size()),
                QString::fromLatin1(Sha256::hex(content)), Database::nowMs()});
}

bool DeliverableFileTable::find(qint64 workerId, qint64 companyId, const QString &deliverableId,
                                QString *path, QString *filename, qint64 *size)
{
    Sql q(QStringLiteral("SELECT f.stored_name, f.size, a.doc FROM deliverable_files f"
                         " JOIN assignments a ON a.id = f.assignment_id"
                         " WHERE f.deliverable_id = ? AND %1")
              .arg(workerId ? QStringLiteral("a.worker_id = ?")
                            : QStringLiteral("a.company_id = ?")));
    if (!q.exec({deliverableId, workerId ? workerId : companyId}) || !q.next())
        return false;
    *path = UploadFiles::storedPath(q.value(0).toString());
    *size = q.value(1).toLongLong();
    QString why;
    const auto a = AssignmentCodec::fromJson(
        QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(), &why);
    if (!a)
        return false;
    for (const Deliverable &d : a->deliverables)
        if (d.id == deliverableId) {
            *filename = d.filename;
            return QFile::exists(*path);
        }
    for (const ClientDocument &d : a->documents)
        if (d.id == deliverableId) {
            *filename = d.filename;
            return QFile::exists(*path);
        }
    for (const MessageFile &f : a->messageFiles)
        if (f.id == deliverableId) {
            *filename = f.filename;
            return QFile::exists(*path);
        }
    return false;
}

int DeliverableFileTable::removeOrphans()
{
    Sql files(
        QStringLiteral("SELECT f.deliverable_id, f.stored_name, a.doc FROM"
                       " deliverable_files f LEFT JOIN assignments a ON a.id = f.assignment_id"));
    QList<QPair<QString, QString>> orphans;
    if (files.exec())
        while (files.next()) {
            const QString doc = files.value(2).toString();
            if (!doc.contains(QStringLiteral("\"id\":\"%1\"").arg(files.value(0).toString())))
                orphans.append({files.value(0).toString(), files.value(1).toString()});
        }
    int removed = 0;
    for (const auto &o : orphans) {
        Transaction tx;
        Sql del(QStringLiteral("DELETE FROM deliverable_files WHERE deliverable_id = ?"));
        if (tx.ok() && del.exec({o.first}) && tx.commit()) {
            QFile::remove(UploadFiles::storedPath(o.second));
            ++removed;
        }
    }
    return removed;
}

} // namespace onsite::server
