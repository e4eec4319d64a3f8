// SnapshotWatch against the real PostgreSQL of $ONSITE_TEST_PG_URL: every caller is answered
// exactly once, a commit changes the answer, and callers still waiting when the watch stops
// are answered empty rather than forgotten (a request left waiting would never be answered).
#include "Database.h"
#include "SnapshotWatch.h"

#include <QMutex>
#include <QSemaphore>
#include <QThread>
#include <catch2/catch.hpp>

#include <atomic>
#include <memory>
#include <vector>

using onsite::server::Database;
using onsite::server::SnapshotWatch;
using onsite::server::Sql;

namespace {

struct Answers {
    QMutex mutex;
    std::vector<int> calls;      // per waiter
    std::vector<bool> withValue; // per waiter: answered with a snapshot
    QSemaphore done;
};

// `n` waiters asked from `threads` threads at once; each records its own answer.
void ask(Answers &a, int first, int n, int threads)
{
    std::vector<QThread *> askers;
    for (int t = 0; t < threads; ++t) {
        askers.push_back(QThread::create([&a, first, n, threads, t] {
            for (int i = first + t; i < first + n; i += threads)
                SnapshotWatch::after([&a, i](const std::optional<QByteArray> &v) {
                    {
                        QMutexLocker lock(&a.mutex);
                        ++a.calls[size_t(i)];
                        a.withValue[size_t(i)] = v.has_value() && !v->isEmpty();
                    }
                    a.done.release();
                });
        }));
        askers.back()->start();
    }
    for (QThread *t : askers) {
        t->wait();
        delete t;
    }
}

} // namespace

TEST_CASE("the snapshot watch answers every waiter once, a commit changes its answer, and "
          "waiters left when it stops are answered empty",
          "[server][postgres]")
{
    QString error;
    REQUIRE(Database::configure(
        qEnvironmentVariable("ONSITE_TEST_PG_URL",
                             QStringLiteral("postgresql://postgres@127.0.0.1:55432/postgres")),
        &error));

    constexpr int kWaiting = 200;
    constexpr int kLeft = 500;
    Answers a;
    a.calls.assign(kWaiting + kLeft, 0);
    a.withValue.assign(kWaiting + kLeft, false);

    ask(a, 0, kWaiting, 4);
    REQUIRE(a.done.tryAcquire(kWaiting, 30000));
    for (int i = 0; i < kWaiting; ++i) {
        CHECK(a.calls[size_t(i)] == 1);
        CHECK(a.withValue[size_t(i)]);
    }

    const std::optional<QByteArray> before = SnapshotWatch::fresh();
    REQUIRE(before.has_value());
    CHECK(SnapshotWatch::fresh() == before); // nothing committed: the same answer
    {
        // A transaction that takes an id commits as a write would (another process's, say).
        Sql write(QStringLiteral("SELECT txid_current()"));
        REQUIRE(write.exec());
    }
    const std::optional<QByteArray> after = SnapshotWatch::fresh();
    REQUIRE(after.has_value());
    CHECK(after != before);

    // A round's callbacks hold up the next round (they should only hand work on): one that
    // blocks keeps every waiter after it queued, so the stop finds them all still waiting.
    QSemaphore entered, release;
    SnapshotWatch::after([&](const std::optional<QByteArray> &) {
        entered.release();
        release.acquire();
    });
    REQUIRE(entered.tryAcquire(1, 30000));
    ask(a, kWaiting, kLeft, 4);
    QThread *stopper = QThread::create([] { SnapshotWatch::stop(); });
    stopper->start();
    // Stopping is seen once a new caller is answered at once, on its own thread.
    for (bool stopped = false; !stopped;) {
        QThread *asker = QThread::currentThread();
        auto answeredHere = std::make_shared<std::atomic_bool>(false);
        SnapshotWatch::after([asker, answeredHere](const std::optional<QByteArray> &v) {
            if (QThread::currentThread() == asker && !v)
                *answeredHere = true;
        });
        stopped = *answeredHere;
    }
    release.release();
    REQUIRE(stopper->wait(30000));
    delete stopper;
    REQUIRE(a.done.tryAcquire(kLeft, 30000));
    CHECK_FALSE(a.done.tryAcquire(1, 200)); // and nobody twice
    for (int i = kWaiting; i < kWaiting + kLeft; ++i) {
        CHECK(a.calls[size_t(i)] == 1);
        CHECK_FALSE(a.withValue[size_t(i)]);
    }

    // Once stopped, a caller is answered at once, empty.
    std::optional<QByteArray> late = QByteArray("unset");
    SnapshotWatch::after([&late](const std::optional<QByteArray> &v) { late = v; });
    CHECK_FALSE(late.has_value());
    CHECK_FALSE(SnapshotWatch::fresh().has_value());
}
