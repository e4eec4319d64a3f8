#pragma once

#include "ApiResponse.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <deque>
#include <functional>
#include <memory>

namespace onsite::server {

// Group commit for the worker's ops: one writer thread takes every request that queued while
// the last commit ran and works them inside one Batch, each request's transactions as
// savepoints, then commits once (one fsync for the lot) and only then answers them. A failed
// commit answers every request of the batch 500; their ops were not kept, and the client's
// retry (same op_ids) applies them.
class GroupCommitQueue
{
public:
    using Work = std::function<ApiResponse()>;
    // Called on the writer thread with the answer, once its batch has committed (or failed).
    using Done = std::function<void(const ApiResponse &)>;
    explicit GroupCommitQueue(int maxBatch = 64);
    ~GroupCommitQueue(); // works what is queued, then stops
    void submit(Work work, Done done);

private:
    struct Item {
        Work work;
        Done done;
    };
    void loop();
    void runBatch(std::deque<Item> &batch);

    const int m_maxBatch;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Item> m_items;
    bool m_stop = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace onsite::server
