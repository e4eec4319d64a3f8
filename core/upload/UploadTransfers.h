#pragma once

#include "UploadItem.h"
#include "UploadTransfer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QUrl>

class QNetworkAccessManager;

namespace onsite {

class NetworkJob;
class UploadChunkJob;
class UploadQueue;

// The per-item state machine of the uploads travelling now (DESIGN §4): create the upload on
// the server, ask its offset after any doubt, send the file in chunks (the next one read and
// hashed while one travels) and judge each failure: try again later, ask the offset, start
// over, or give the item up. UploadEngine decides which items travel; this runs them.
class UploadTransfers : public QObject
{
    Q_OBJECT
public:
    // Owned and set by UploadEngine; read here when each request starts.
    struct Settings {
        QUrl apiBase;
        QString token;
        int timeoutMs = 30000;
        qint64 clientChunk = 8 * 1024 * 1024;
        qint64 serverChunk = 0; // 0: not known yet (OPTIONS)
        int retryBaseMs = 1000;
        int retryMaxMs = 60000;
    };

    UploadTransfers(const Settings *settings, QNetworkAccessManager *nam, QObject *parent);
    ~UploadTransfers() override;
    void setQueue(UploadQueue *queue) { m_queue = queue; }

    int count() const { return int(m_transfers.size()); }
    bool contains(const QString &id) const { return m_transfers.contains(id); }
    QStringList ids() const { return m_transfers.keys(); }
    // Starts sending a queued item: it is created on the server, or asked where it stopped.
    void start(const UploadItem &item);
    // Stops an item's requests and forgets its transfer; the queue keeps its state.
    void end(const QString &id);

Q_SIGNALS:
    void progress(const QString &id, qint64 sent, qint64 total, bool hashing);
    void itemsChanged(qint64 assignmentId);
    void uploaded(const QString &id, const QString &deliverableId, qint64 assignmentId);
    void signInRequired(const QString &message);
    // A transfer ended or found its item no longer queued: another item may start.
    void scheduleNeeded();

private:
    void step(const QString &id);
    void create(const UploadItem &item);
    void askOffset(const UploadItem &item);
    void pump(const QString &id);
    bool fileUnchanged(const UploadItem &item);
    bool sendChunk(const UploadItem &item, UploadTransfer &t, qint64 chunkSize);
    void onChunkProgress(const QString &id, qint64 base, qint64 want, qint64 total, qint64 sent);
    void onChunkFinished(const QString &id, UploadChunkJob *job, qint64 total);
    void onJobFailed(const QString &id, NetworkJob *job);
    void retryLater(const QString &id);
    void finishItem(const QString &id, const QString &deliverableId);
    void failItem(const QString &id, const QString &message);
    template <typename Job> Job *startJob(const QString &id, Job *job);

    const Settings *m_settings;
    QNetworkAccessManager *m_nam;
    UploadQueue *m_queue = nullptr;
    QHash<QString, UploadTransfer> m_transfers;
    QThreadPool m_readPool;    // reading and hashing the next chunk of each transfer
    QElapsedTimer m_monotonic; // throttles progress and offset saves (not wall time)
};

} // namespace onsite
