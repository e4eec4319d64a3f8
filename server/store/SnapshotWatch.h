#pragma once

#include <QByteArray>
#include <functional>
#include <optional>

namespace onsite::server {

// PostgreSQL's answer to "has anything been committed since?", shared by every request waiting
// for it. One thread asks for the current snapshot (pg_current_snapshot(): the newest committed
// transaction and those still running) in rounds, and a caller is given the snapshot of the first
// round that started after it asked. Two equal snapshots mean no transaction that wrote anything
// committed in between, whichever process made it; one round trip serves every request that
// arrived during the round before, so a busy server asks far less often than it answers.
class SnapshotWatch
{
public:
    using Callback = std::function<void(const std::optional<QByteArray> &)>;

    // Blocks until such a snapshot is known; empty if it could not be read or the watch stopped.
    static std::optional<QByteArray> fresh();
    // The same without blocking: `then` is called on the watch's thread once the snapshot is
    // known (or, if the watch stops first, empty, on the thread that stops it). It should only
    // hand work on: the next round waits for it.
    static void after(Callback then);
    // Ends the rounds (callers waiting get an empty answer) and the thread.
    static void stop();
};

} // namespace onsite::server
