#include "Sessions.h"

#include "Accounts.h"
#include "Database.h"
#include "Secrets.h"

#include <atomic>

namespace onsite::server {
namespace {

std::atomic<qint64> g_idleMs{30 * Sessions::kDayMs};
std::atomic<qint64> g_maxMs{365 * Sessions::kDayMs};

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

Sessions::Check Sessions::check(const QString &token, qint64 nowMs)
{
    const QString hash = Secrets::tokenHash(token);
    Check out;
    qint64 createdAt = 0, lastUsedAt = 0;
    {
        Sql q(QStringLiteral(
            "SELECT worker_id, created_at, last_used_at FROM sessions WHERE token_hash = ?"));
        if (!q.exec({hash}) || !q.next())
            return out;
        out.workerId = q.value(0).toLongLong();
        createdAt = q.value(1).toLongLong();
        lastUsedAt = q.value(2).toLongLong();
    }
    if (nowMs - lastUsedAt > g_idleMs || nowMs - createdAt > g_maxMs) {
        Sql drop(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
        drop.exec({hash});
        return {0, true};
    }
    if (nowMs - lastUsedAt > kTouchEveryMs) {
        // Whoever writes first wins; a failure only means the next request tries again.
        Sql touch(QStringLiteral(
            "UPDATE sessions SET last_used_at = ? WHERE token_hash = ? AND last_used_at < ?"));
        touch.exec({nowMs, hash, nowMs - kTouchEveryMs});
    }
    return out;
}

bool Sessions::clean(qint64 nowMs)
{
    Sql sessions(QStringLiteral("DELETE FROM sessions WHERE last_used_at < ? OR created_at < ?"));
    Sql failures(QStringLiteral("DELETE FROM signin_failures WHERE at < ?"));
    return sessions.exec({nowMs - g_idleMs, nowMs - g_maxMs}) &&
           failures.exec({nowMs - Accounts::kFailureWindowMs});
}

} // namespace onsite::server
