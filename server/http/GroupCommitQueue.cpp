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

void GroupCommitQueue::submit(Work work, Done done)
{
    {
        QMutexLocker lock(&m_mutex);
        m_items.push_back({std::move(work), std::move(done)});
    }
    m_wake.wakeOne();
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
    for (size_t i = 0; i < batch.size(); ++i)
        batch.at(i).done(committed ? answers.at(qsizetype(i))
                                   : ApiResponse::error(ApiError::internal()));
}

} // namespace onsite::server
