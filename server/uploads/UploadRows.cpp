#include "UploadRows.h"

#include "Database.h"
#include "UploadFiles.h"

namespace onsite::server {
namespace {

const char kColumns[] =
    "id, worker_id, assignment_id, requirement_id, kind, filename, deliverable_id,"
    " sha256, length, upload_offset, expires_at, completed_at, result_deliverable";

QString forUpdate()
{
    return Database::isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
}

UploadRow readRow(Sql &q)
{
    UploadRow r;
    r.id = q.value(0).toString();
    r.workerId = q.value(1).toLongLong();
    r.assignmentId = q.value(2).toLongLong();
    r.requirementId = q.value(3).toString();
    r.kind = q.value(4).toString();
    r.filename = q.value(5).toString();
    r.deliverableId = q.value(6).toString();
    r.sha256 = q.value(7).toString();
    r.length = q.value(8).toLongLong();
    r.offset = q.value(9).toLongLong();
    r.expiresAt = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), Qt::UTC);
    r.completed = !q.value(11).isNull();
    r.result = q.value(12).toString();
    return r;
}

} // namespace

std::optional<UploadRow> UploadRows::load(qint64 workerId, const QString &id, bool lock,
                                          ApiError *err)
{
    if (!UploadFiles::isName(id)) {
        *err = ApiError::notFound(QStringLiteral("upload"));
        return std::nullopt;
    }
    Sql q(QStringLiteral("SELECT %1 FROM uploads WHERE id = ? AND worker_id = ?")
              .arg(QLatin1String(kColumns)) +
          (lock ? forUpdate() : QString()));
    if (!q.exec({id, workerId})) {
        *err = ApiError::internal();
        return std::nullopt;
    }
    if (!q.next()) {
        // Another worker's upload id is as unknown as a made-up one.
        *err = ApiError::notFound(QStringLiteral("upload"));
        return std::nullopt;
    }
    UploadRow row = readRow(q);
    q.query().finish();
    return row;
}

qint64 UploadRows::owner(const QString &id)
{
    if (!UploadFiles::isName(id))
        return 0;
    Sql q(QStringLiteral("SELECT worker_id FROM uploads WHERE id = ?"));
    return q.exec({id}) && q.next() ? q.value(0).toLongLong() : 0;
}

bool UploadRows::insert(const UploadRow &row, const QDateTime &now)
{
    Sql insert(QStringLiteral(
        "INSERT INTO uploads (id, worker_id, assignment_id, requirement_id, kind, filename,"
        " deliverable_id, sha256, length, upload_offset, created_at, expires_at, completed_at,"
        " result_deliverable) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QVariant completedAt = row.completed ? QVariant(now.toMSecsSinceEpoch())
                                               : QVariant(QMetaType(QMetaType::LongLong));
    const QVariant result =
        row.completed ? QVariant(row.result) : QVariant(QMetaType(QMetaType::QString));
    return insert.exec({row.id, row.workerId, row.assignmentId, row.requirementId, row.kind,
                        row.filename, row.deliverableId, row.sha256, row.length, row.offset,
                        now.toMSecsSinceEpoch(), row.expiresAt.toMSecsSinceEpoch(), completedAt,
                        result});
}

bool UploadRows::saveOffset(const UploadRow &row)
{
    Sql update(QStringLiteral("UPDATE uploads SET upload_offset = ?, expires_at = ? WHERE id = ?"));
    return update.exec({row.offset, row.expiresAt.toMSecsSinceEpoch(), row.id});
}

bool UploadRows::restart(const QString &id)
{
    Sql reset(QStringLiteral("UPDATE uploads SET upload_offset = 0 WHERE id = ?"));
    return reset.exec({id});
}

bool UploadRows::complete(const QString &id, const QString &resultDeliverable, const QDateTime &now)
{
    Sql done(
        QStringLiteral("UPDATE uploads SET completed_at = ?, result_deliverable = ? WHERE id = ?"));
    return done.exec({now.toMSecsSinceEpoch(), resultDeliverable, id});
}

bool UploadRows::remove(const QString &id)
{
    Sql del(QStringLiteral("DELETE FROM uploads WHERE id = ?"));
    return del.exec({id});
}

QStringList UploadRows::stale(qint64 nowMs, qint64 finishedBeforeMs)
{
    Sql expired(QStringLiteral("SELECT id FROM uploads WHERE (completed_at IS NULL AND"
                               " expires_at < ?) OR (completed_at IS NOT NULL AND"
                               " completed_at < ?)"));
    QStringList ids;
    if (expired.exec({nowMs, finishedBeforeMs}))
        while (expired.next())
            ids << expired.value(0).toString();
    return ids;
}

} // namespace onsite::server
