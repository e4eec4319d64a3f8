#include "SnapshotWatch.h"

#include "Database.h"

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace onsite::server {
namespace {

struct Waiter {
    quint64 round; // the first round that started after it asked
    SnapshotWatch::Callback then;
};

struct Watch {
    std::mutex mutex;
    std::condition_variable changed;
    quint64 started = 0; // rounds begun
    quint64 done = 0;    // rounds finished; `snapshot` is the last one's
    quint64 wanted = 0;  // the latest round a caller waits for
    bool stopping = false;
    std::optional<QByteArray> snapshot;
    std::vector<Waiter> waiters; // callers of after(), in the order they asked
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
        // Waiters are in the order they asked, so those this round serves come first.
        auto served = w.waiters.begin();
        while (served != w.waiters.end() && served->round <= round)
            ++served;
        if (served == w.waiters.begin())
            continue;
        std::vector<Waiter> ready(std::make_move_iterator(w.waiters.begin()),
                                  std::make_move_iterator(served));
        w.waiters.erase(w.waiters.begin(), served);
        lock.unlock();
        for (const Waiter &waiter : ready)
            waiter.then(snapshot);
        lock.lock();
    }
}

// Under the lock: the round a caller asking now needs, started if nobody has yet.
quint64 ask(Watch &w)
{
    if (!w.thread.joinable())
        w.thread = std::thread(rounds);
    // A round already under way may have read its snapshot before this call: wait for the next.
    const quint64 needed = w.started + 1;
    w.wanted = qMax(w.wanted, needed);
    w.changed.notify_all();
    return needed;
}

} // namespace

std::optional<QByteArray> SnapshotWatch::fresh()
{
    Watch &w = watch();
    std::unique_lock lock(w.mutex);
    if (w.stopping)
        return std::nullopt;
    const quint64 needed = ask(w);
    w.changed.wait(lock, [&w, needed] { return w.stopping || w.done >= needed; });
    return w.stopping ? std::nullopt : w.snapshot;
}

void SnapshotWatch::after(Callback then)
{
    Watch &w = watch();
    std::unique_lock lock(w.mutex);
    if (w.stopping) {
        lock.unlock();
        then(std::nullopt);
        return;
    }
    const quint64 needed = ask(w);
    w.waiters.push_back({needed, std::move(then)});
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
    std::vector<Waiter> left;
    {
        std::lock_guard lock(w.mutex);
        left.swap(w.waiters);
    }
    for (const Waiter &waiter : left)
        waiter.then(std::nullopt);
}

} // namespace onsite::server
