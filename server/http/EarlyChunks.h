#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>

namespace onsite::server {

// tus PATCHes that reached the server ahead of their upload's offset: a client sends the next
// chunk while the previous one is still arriving or being stored, and the two can reach the
// handlers in either order. Such a PATCH waits here, on the event loop and holding no handler
// thread, until a chunk of the same upload is stored (then it is tried again) or its time is
// up (then it is answered 409). Bounded: a few per worker, a few dozen in all; past that the
// answer is 409 at once.
//
// Waits are keyed by the upload and the worker whose upload it is (as the server knows it,
// not by how the request was signed): a worker's tokens share its room, and an upload has one
// owner, so a stored chunk only ever wakes that worker's own waits.
class EarlyChunks : public QObject
{
    Q_OBJECT
public:
    static constexpr int kWaitMs = 3000;
    static constexpr int kPerWorker = 4;
    static constexpr int kInAll = 64;

    explicit EarlyChunks(QObject *parent = nullptr) : QObject(parent) {}

    // Takes a PATCH to wait (workerId: the upload's owner; waitedMs: how long it has waited
    // already). false: no room or no time left, answer it now.
    bool wait(const QString &uploadId, qint64 workerId, qint64 waitedMs,
              std::function<void()> retry, std::function<void()> giveUp);
    // A chunk of this upload was stored: whatever waited on it is tried again.
    void stored(const QString &uploadId);
    int waiting() const { return int(m_waiting.size()); }
    int waitingOf(qint64 workerId) const { return m_perWorker.value(workerId); }

private:
    struct Entry {
        quint64 serial;
        QString uploadId;
        qint64 workerId;
        std::function<void()> retry;
        std::function<void()> giveUp;
    };
    Entry take(quint64 serial);

    QList<Entry> m_waiting;
    QHash<qint64, int> m_perWorker;
    quint64 m_nextSerial = 1;
};

} // namespace onsite::server
