#include "SnapshotWatch.h"

#include "Database.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace onsite::server {
namespace {

struct Watch {
    std::mutex mutex;
    std::condition_variable changed;
    quint64 started = 0; // rounds begun
    quint64 done = 0;    // rounds finished; `snapshot` is the last one's
    quint64 wanted = 0;  // the latest round a caller waits for
    bool stopping = false;
    std::optional<QByteArray> snapshot;
    std::thread thread;
};

// Never destroyed: stop() ends the thread; a process that never stops it ends with it parked.
Watch &watch()
{
    static Watch *w = new Watch;
    return *w;
}

void rounds()
{
    Watch &w = watch();
    std::unique_lock lock(w.mutex);
    for (;;) {
        // Only rounds someone waits for: a caller woken by the last round may not have left yet.
        w.changed.wait(lock, [&w] { return w.stopping || w.wanted > w.started; });
        if (w.stopping)
            return;
        const quint64 round = ++w.started;
        lock.unlock();
        std::optional<QByteArray> snapshot;
        {
            Sql q(QStringLiteral("SELECT pg_current_snapshot()::text"));
            if (q.exec() && q.next())
                snapshot = q.value(0).toString().toLatin1();
        }
        lock.lock();
        w.snapshot = snapshot;
        w.done = round;
        w.changed.notify_all();
    }
}

} // namespace

std::optional<QByteArray> SnapshotWatch::fresh()
{
    Watch &w = watch();
    std::unique_lock lock(w.mutex);
    if (w.stopping)
        return std::nullopt;
    if (!w.thread.joinable())
        w.thread = std::thread(rounds);
    // A round already under way may have read its snapshot before this call: wait for the next.
    const quint64 needed = w.started + 1;
    w.wanted = qMax(w.wanted, needed);
    w.changed.notify_all();
    w.changed.wait(lock, [&w, needed] { return w.stopping || w.done >= needed; });
    return w.stopping ? std::nullopt : w.snapshot;
}

void SnapshotWatch::stop()
{
    Watch &w = watch();
    {
        std::lock_guard lock(w.mutex);
        w.stopping = true;
        w.changed.notify_all();
    }
    if (w.thread.joinable())
        w.thread.join();
}

} // namespace onsite::server
