#include "GroupCommitQueue.h"

#include "Database.h"

namespace onsite::server {

GroupCommitQueue::GroupCommitQueue(int maxBatch) : m_maxBatch(maxBatch)
{
    m_thread.reset(QThread::create([this] { loop(); }));
    m_thread->start();
}

GroupCommitQueue::~GroupCommitQueue()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
    }
    m_wake.wakeAll();
    m_thread->wait();
}

QFuture<ApiResponse> GroupCommitQueue::submit(Work work)
{
    Item item{std::move(work), QPromise<ApiResponse>()};
    QFuture<ApiResponse> future = item.promise.future();
    {
        QMutexLocker lock(&m_mutex);
        m_items.push_back(std::move(item));
    }
    m_wake.wakeOne();
    return future;
}

void GroupCommitQueue::loop()
{
    for (;;) {
        std::deque<Item> batch;
        {
            QMutexLocker lock(&m_mutex);
            while (m_items.empty() && !m_stop)
                m_wake.wait(&m_mutex);
            if (m_items.empty())
                return;
            while (!m_items.empty() && int(batch.size()) < m_maxBatch) {
                batch.push_back(std::move(m_items.front()));
                m_items.pop_front();
            }
        }
        runBatch(batch);
    }
}

void GroupCommitQueue::runBatch(std::deque<Item> &batch)
{
    for (Item &item : batch)
        item.promise.start();
    QList<ApiResponse> answers;
    bool committed = false;
    {
        Batch tx;
        if (tx.ok()) {
            for (Item &item : batch)
                answers.append(item.work());
            committed = tx.commit();
        }
    }
    for (size_t i = 0; i < batch.size(); ++i) {
        Item &item = batch.at(i);
        item.promise.addResult(committed ? answers.at(qsizetype(i))
                                         : ApiResponse::error(ApiError::internal()));
        item.promise.finish();
    }
}

} // namespace onsite::server
