#include "UploadQueue.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace onsite {
namespace {

const char kColumns[] = "id, assignment_id, requirement_id, kind, path, filename, size, mtime_ms,"
                        " sha256, url, upload_offset, state, error, deliverable_id, created_at";

UploadItem read(const QSqlQuery &q)
{
    UploadItem i;
    i.id = q.value(0).toString();
    i.assignmentId = q.value(1).toLongLong();
    i.requirementId = q.value(2).toString();
    i.kind = q.value(3).toString();
    i.path = q.value(4).toString();
    i.filename = q.value(5).toString();
    i.size = q.value(6).toLongLong();
    i.mtimeMs = q.value(7).toLongLong();
    i.sha256 = q.value(8).toString();
    i.url = q.value(9).toString();
    i.offset = q.value(10).toLongLong();
    i.state = UploadItem::stateFromName(q.value(11).toString());
    i.error = q.value(12).toString();
    i.deliverableId = q.value(13).toString();
    i.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(14).toLongLong(), Qt::UTC);
    return i;
}

QString nn(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s; // a null QString would bind as SQL NULL
}

} // namespace

QString UploadItem::stateName(State s)
{
    switch (s) {
    case State::Hashing:
        return QStringLiteral("hashing");
    case State::Queued:
        return QStringLiteral("queued");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Changed:
        return QStringLiteral("changed");
    case State::Done:
        return QStringLiteral("done");
    }
    return QStringLiteral("failed");
}

UploadItem::State UploadItem::stateFromName(const QString &s)
{
    for (State st : {State::Hashing, State::Queued, State::Failed, State::Changed, State::Done})
        if (stateName(st) == s)
            return st;
    return State::Failed;
}

bool UploadQueue::run(const QString &sql, const QVariantList &values, QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

bool UploadQueue::add(const UploadItem &i, QString *error)
{
    return run(QStringLiteral("INSERT INTO uploads (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                              " ?, ?, ?, ?)")
                   .arg(QLatin1String(kColumns)),
               {i.id, i.assignmentId, nn(i.requirementId), nn(i.kind), nn(i.path), nn(i.filename),
                i.size, i.mtimeMs, nn(i.sha256), nn(i.url), i.offset,
                UploadItem::stateName(i.state), nn(i.error), nn(i.deliverableId),
                i.createdAt.toMSecsSinceEpoch()},
               error);
}

QList<UploadItem> UploadQueue::items(qint64 assignmentId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM uploads%2 ORDER BY created_at, id")
                  .arg(QLatin1String(kColumns),
                       assignmentId >= 0 ? QStringLiteral(" WHERE assignment_id = ?") : QString()));
    if (assignmentId >= 0)
        q.addBindValue(assignmentId);
    QList<UploadItem> out;
    if (q.exec())
        while (q.next())
            out.append(read(q));
    return out;
}

std::optional<UploadItem> UploadQueue::item(const QString &id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM uploads WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return read(q);
    return std::nullopt;
}

bool UploadQueue::setHashed(const QString &id, const QString &sha256, qint64 size, qint64 mtimeMs)
{
    return run(QStringLiteral("UPDATE uploads SET sha256 = ?, size = ?, mtime_ms = ?, url = '',"
                              " upload_offset = 0, state = 'queued', error = '' WHERE id = ?"),
               {sha256, size, mtimeMs, id});
}

bool UploadQueue::setUrl(const QString &id, const QString &url, qint64 offset)
{
    return run(QStringLiteral("UPDATE uploads SET url = ?, upload_offset = ? WHERE id = ?"),
               {nn(url), offset, id});
}

bool UploadQueue::setOffset(const QString &id, qint64 offset)
{
    return run(QStringLiteral("UPDATE uploads SET upload_offset = ? WHERE id = ?"), {offset, id});
}

bool UploadQueue::setState(const QString &id, UploadItem::State state, const QString &error)
{
    return run(QStringLiteral("UPDATE uploads SET state = ?, error = ? WHERE id = ?"),
               {UploadItem::stateName(state), nn(error), id});
}

bool UploadQueue::setDone(const QString &id, const QString &deliverableId)
{
    return run(QStringLiteral("UPDATE uploads SET state = 'done', error = '', deliverable_id = ?,"
                              " upload_offset = size WHERE id = ?"),
               {deliverableId, id});
}

bool UploadQueue::remove(const QString &id)
{
    return run(QStringLiteral("DELETE FROM uploads WHERE id = ?"), {id});
}

} // namespace onsite
