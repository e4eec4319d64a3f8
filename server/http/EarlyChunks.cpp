#include "EarlyChunks.h"

#include <QTimer>

namespace onsite::server {

bool EarlyChunks::wait(const QString &uploadId, qint64 workerId, qint64 waitedMs,
                       std::function<void()> retry, std::function<void()> giveUp)
{
    if (workerId <= 0 || waitedMs >= kWaitMs || m_waiting.size() >= kInAll ||
        m_perWorker.value(workerId) >= kPerWorker)
        return false;
    const quint64 serial = m_nextSerial++;
    m_waiting.append({serial, uploadId, workerId, std::move(retry), std::move(giveUp)});
    ++m_perWorker[workerId];
    QTimer::singleShot(int(kWaitMs - waitedMs), this, [this, serial] {
        const Entry e = take(serial);
        if (e.giveUp)
            e.giveUp();
    });
    return true;
}

void EarlyChunks::stored(const QString &uploadId)
{
    QList<quint64> ready;
    for (const Entry &e : std::as_const(m_waiting))
        if (e.uploadId == uploadId)
            ready.append(e.serial);
    for (const quint64 serial : ready) {
        const Entry e = take(serial);
        if (e.retry)
            e.retry();
    }
}

EarlyChunks::Entry EarlyChunks::take(quint64 serial)
{
    for (qsizetype i = 0; i < m_waiting.size(); ++i) {
        if (m_waiting.at(i).serial != serial)
            continue;
        Entry e = m_waiting.takeAt(i);
        if (--m_perWorker[e.workerId] <= 0)
            m_perWorker.remove(e.workerId);
        return e;
    }
    return {};
}

} // namespace onsite::server
