#include "WriteEpoch.h"

#include "Database.h"

#include <atomic>

namespace onsite::server {
namespace {

std::atomic<quint64> g_epoch{1};

} // namespace

std::optional<quint64> WriteEpoch::current()
{
    if (Database::isPostgres())
        return std::nullopt;
    // data_version moves when any other connection has committed since this one last asked
    // (this thread's own commits bump the epoch themselves). A thread's first answer has
    // nothing to compare with, so it counts as a change.
    thread_local qint64 seen = -1;
    Sql q(QStringLiteral("PRAGMA data_version"));
    if (!q.exec() || !q.next()) {
        bump();
        return std::nullopt;
    }
    const qint64 version = q.value(0).toLongLong();
    if (version != seen) {
        seen = version;
        bump();
    }
    return g_epoch.load(std::memory_order_acquire);
}

void WriteEpoch::bump()
{
    g_epoch.fetch_add(1, std::memory_order_acq_rel);
}

} // namespace onsite::server
