#include "Sessions.h"

#include "Accounts.h"
#include "Database.h"
#include "EpochCache.h"
#include "Secrets.h"
#include "WriteEpoch.h"

#include <atomic>

namespace onsite::server {
namespace {

std::atomic<qint64> g_idleMs{30 * Sessions::kDayMs};
std::atomic<qint64> g_maxMs{365 * Sessions::kDayMs};

// A session's row as last read.
struct Row {
    qint64 workerId = 0;
    qint64 createdAt = 0;
    qint64 lastUsedAt = 0;
};

// Sessions read since the last write (an app syncing every few seconds presents its token
// each time): no read of the table while nothing changed; a sign-out, a touch or any other
// write makes the next check read it again.
EpochCache<QString, Row> &knownSessions()
{
    static EpochCache<QString, Row> known;
    return known;
}

} // namespace

void Sessions::setLifetimes(qint64 idleMs, qint64 maxMs)
{
    g_idleMs = idleMs;
    g_maxMs = maxMs;
}

qint64 Sessions::idleMs()
{
    return g_idleMs;
}

qint64 Sessions::maxMs()
{
    return g_maxMs;
}

bool Sessions::mayBeKept(const QString &token)
{
    return knownSessions().holds(Secrets::tokenHash(token));
}

Sessions::Check Sessions::check(const QString &token, qint64 nowMs)
{
    const QString hash = Secrets::tokenHash(token);
    std::optional<Row> row = knownSessions().valid(hash);
    const bool known = row.has_value();
    std::optional<QByteArray> readAt;
    if (!row) {
        const std::optional<QByteArray> before = WriteEpoch::beforeRead();
        Sql q(QStringLiteral("SELECT worker_id, created_at, last_used_at%1 FROM sessions"
                             " WHERE token_hash = ?")
                  .arg(WriteEpoch::snapshotColumn()));
        if (!q.exec({hash}) || !q.next())
            return {};
        row = Row{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
        readAt = WriteEpoch::afterRead(before, q.value(3));
    }
    if (nowMs - row->lastUsedAt > g_idleMs || nowMs - row->createdAt > g_maxMs) {
        Sql drop(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
        drop.exec({hash});
        return {0, true};
    }
    if (nowMs - row->lastUsedAt > kTouchEveryMs) {
        // Whoever writes first wins; a failure only means the next request tries again.
        Sql touch(QStringLiteral(
            "UPDATE sessions SET last_used_at = ? WHERE token_hash = ? AND last_used_at < ?"));
        touch.exec({nowMs, hash, nowMs - kTouchEveryMs});
    } else if (!known && readAt) {
        knownSessions().put(hash, *row, *readAt);
    }
    return {row->workerId, false};
}

bool Sessions::clean(qint64 nowMs)
{
    Sql sessions(QStringLiteral("DELETE FROM sessions WHERE last_used_at < ? OR created_at < ?"));
    Sql failures(QStringLiteral("DELETE FROM signin_failures WHERE at < ?"));
    return sessions.exec({nowMs - g_idleMs, nowMs - g_maxMs}) &&
           failures.exec({nowMs - Accounts::kFailureWindowMs});
}

} // namespace onsite::server
