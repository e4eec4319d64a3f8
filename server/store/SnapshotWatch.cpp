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
    int waiting = 0;
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
        w.changed.wait(lock, [&w] { return w.stopping || w.waiting > 0; });
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
    ++w.waiting;
    w.changed.notify_all();
    w.changed.wait(lock, [&w, needed] { return w.stopping || w.done >= needed; });
    --w.waiting;
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
