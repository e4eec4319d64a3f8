#include "CalendarFeed.h"

#include "Accounts.h"
#include "AssignmentStore.h"
#include "Database.h"
#include "ICalendar.h"
#include "Secrets.h"

namespace onsite::server {

QString CalendarFeed::newLink(qint64 workerId, ApiError *err)
{
    const QString token = Secrets::newToken("cal_");
    Sql q(QStringLiteral("INSERT INTO calendar_links (worker_id, token_hash, created_at) "
                         "VALUES (?, ?, ?) ON CONFLICT (worker_id) DO UPDATE SET "
                         "token_hash = excluded.token_hash, created_at = excluded.created_at"));
    if (!q.exec({workerId, Secrets::tokenHash(token), Database::nowMs()})) {
        *err = ApiError::internal();
        return {};
    }
    return token;
}

QByteArray CalendarFeed::feed(const QString &token, const QDateTime &now, ApiError *err)
{
    Sql owner(QStringLiteral("SELECT worker_id FROM calendar_links WHERE token_hash = ?"));
    if (!owner.exec({Secrets::tokenHash(token)}) || !owner.next()) {
        *err = ApiError::notFound(QStringLiteral("calendar"));
        return {};
    }
    const qint64 workerId = owner.value(0).toLongLong();
    const QList<Assignment> all = AssignmentStore::workerAssignments(workerId, err);
    if (*err)
        return {};
    const QString name = Accounts::worker(workerId).value(QStringLiteral("name")).toString();
    return ICalendar::build(all, now, QStringLiteral("Onsite — %1").arg(name));
}

} // namespace onsite::server
