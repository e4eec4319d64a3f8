#include "WriteEpoch.h"

#include "Database.h"
#include "SnapshotWatch.h"

#include <atomic>

namespace onsite::server {
namespace {

std::atomic<quint64> g_epoch{1};

// This request's version, once taken.
thread_local bool t_known = false;
thread_local std::optional<QByteArray> t_version;

std::optional<QByteArray> sqliteEpoch()
{
    // data_version moves when any other connection has committed since this one last asked
    // (this process's commits bump the epoch themselves). A thread's first answer has nothing
    // to compare with, so it counts as a change.
    thread_local qint64 seen = -1;
    Sql q(QStringLiteral("PRAGMA data_version"));
    if (!q.exec() || !q.next()) {
        WriteEpoch::bump();
        return std::nullopt;
    }
    const qint64 version = q.value(0).toLongLong();
    if (version != seen) {
        seen = version;
        WriteEpoch::bump();
    }
    return QByteArray::number(g_epoch.load(std::memory_order_acquire));
}

} // namespace

std::optional<QByteArray> WriteEpoch::current()
{
    // Inside a transaction reads may include this thread's own uncommitted work, which no
    // version covers. Group commit works its requests one after another inside one: they read
    // the database as they always did (on PostgreSQL, waiting for a round each would serialise
    // the batch behind round trips).
    if (Database::inTransaction())
        return std::nullopt;
    if (!t_known) {
        t_version = Database::isPostgres() ? SnapshotWatch::fresh() : sqliteEpoch();
        t_known = true;
    }
    return t_version;
}

std::optional<QByteArray> WriteEpoch::beforeRead()
{
    if (Database::inTransaction())
        return std::nullopt;
    if (!Database::isPostgres())
        return current();
    return t_known ? t_version : std::nullopt;
}

QString WriteEpoch::snapshotColumn()
{
    return Database::isPostgres() ? QStringLiteral(", pg_current_snapshot()::text")
                                  : QStringLiteral(", NULL");
}

std::optional<QByteArray> WriteEpoch::afterRead(const std::optional<QByteArray> &before,
                                                const QVariant &snapshot)
{
    if (Database::inTransaction())
        return std::nullopt;
    if (!Database::isPostgres() || snapshot.isNull())
        return before;
    return snapshot.toString().toLatin1();
}

void WriteEpoch::forget()
{
    t_known = false;
}

void WriteEpoch::taken(const std::optional<QByteArray> &version)
{
    t_version = version;
    t_known = true;
}

void WriteEpoch::bump()
{
    g_epoch.fetch_add(1, std::memory_order_acq_rel);
    // What this thread reads after its own write is not covered by a version taken before it.
    t_known = false;
}

} // namespace onsite::server
