#pragma once

#include "Backoff.h"
#include "Clock.h"
#include "UploadItem.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QUrl>
#include <atomic>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace onsite {

class LocalStore;
class NetworkJob;
class UploadQueue;

// Sends deliverable files with tus 1.0.0 (DESIGN §4). Each file is checked (name, content,
// size) and hashed off this thread before it is queued; its state lives in the local store, so
// an upload resumes after a network cut or a restart from the offset the server reports (never
// from one the client remembers), and a file changed on disk since it was added is stopped and
// the worker asked. At most maxActive files travel at once, one chunk each, every chunk with its
// SHA-256. Lives on the sync thread beside SyncEngine and writes through its store.
class UploadEngine : public QObject
{
    Q_OBJECT
public:
    // Without a store, attach() one on the engine's thread before anything else.
    explicit UploadEngine(QUrl apiBase, QObject *parent = nullptr);
    UploadEngine(LocalStore *store, QUrl apiBase, QObject *parent = nullptr);
    void attach(LocalStore *store);
    ~UploadEngine() override;

    // The time recorded on new uploads (tests set their own).
    void setClock(const Clock *clock) { m_clock = clock; }
    void setMaxActive(int n) { m_maxActive = qMax(1, n); }
    // The largest chunk this client sends; the server's announced chunk size caps it.
    void setChunkSize(qint64 bytes) { m_clientChunk = bytes; }
    void setRequestTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setRetryDelays(int baseMs, int maxMs);
    QList<UploadItem> items(qint64 assignmentId = -1) const;
    int activeCount() const { return int(m_transfers.size()); }
    bool isIdle() const;

public Q_SLOTS:
    void setToken(const QString &token);
    // Checks the file off this thread, then queues it (refused() says why it was not).
    // itemId, when given, is the id of the upload and of the deliverable it becomes (a receipt
    // named by a funds request before its upload ends); otherwise a new UUID.
    void add(qint64 assignmentId, const QString &path, const QString &kind,
             const QString &requirementId, const QString &itemId = QString());
    // Stops an upload that is not done and forgets it; the server drops the bytes it had.
    void cancel(const QString &id);
    void retry(const QString &id);
    // The file changed since it was added: upload what is on disk now.
    void useCurrentFile(const QString &id);
    void resume(); // (re)starts everything queued, e.g. when the network is back
    void pause();  // stops transfers, keeping every item's state
    // Fetches a deliverable's file to targetPath (to open it, or for a thumbnail).
    void download(const QString &deliverableId, const QString &targetPath);

Q_SIGNALS:
    void refused(const QString &path, const QString &message);
    void itemsChanged(qint64 assignmentId);
    // sent of total bytes; while hashing, hashing is true and sent counts bytes read.
    void progress(const QString &id, qint64 sent, qint64 total, bool hashing);
    void uploaded(const QString &id, const QString &deliverableId, qint64 assignmentId);
    void signInRequired(const QString &message);
    void idle(); // nothing queued, hashing or travelling
    void downloaded(const QString &deliverableId, const QString &path, bool ok,
                    const QString &message);

private:
    struct Transfer {
        QPointer<NetworkJob> job;
        QTimer *retryTimer = nullptr;
        Backoff backoff;
        qint64 offset = -1; // as the server last said; -1: ask it (HEAD)
        int checksumFailures = 0;
        qint64 lastProgressMs = -1000; // on m_monotonic
        qint64 lastSavedMs = -1000;
        // The next chunk, read and hashed on the pool while this one travels.
        QFuture<QPair<QByteArray, QByteArray>> next;
        qint64 nextOffset = -1;
        // Chunks in flight (at most two: the next one travels while the server stores the
        // last), the byte the next one starts at, and whether the newest has left entirely.
        QList<QPointer<NetworkJob>> chunks;
        qint64 sendOffset = 0;
        bool newestSent = true;
        qint64 shown = 0;
    };
    struct Hashing {
        std::shared_ptr<std::atomic_bool> cancel;
    };

    void schedule();
    void fetchOptions();
    void step(const QString &id);
    void create(const UploadItem &item);
    void askOffset(const UploadItem &item);
    void pump(const QString &id);
    void dropChunks(Transfer &t);
    void onJobFailed(const QString &id, NetworkJob *job);
    void retryLater(const QString &id);
    void finishItem(const QString &id, const QString &deliverableId);
    void failItem(const QString &id, const QString &message);
    void endTransfer(const QString &id);
    void terminateOnServer(const UploadItem &item);
    void startHash(const UploadItem &item);
    void checkIdle();
    template <typename Job> Job *startJob(const QString &id, Job *job);

    LocalStore *m_store;
    std::unique_ptr<UploadQueue> m_queue;
    QUrl m_apiBase;
    QString m_token;
    QNetworkAccessManager *m_nam;
    QThreadPool m_pool;     // file checks and hashing: never on this thread
    QThreadPool m_readPool; // reading and hashing the next chunk of each transfer
    QHash<QString, Transfer> m_transfers;
    QHash<QString, Hashing> m_hashing;
    int m_pendingChecks = 0;
    int m_maxActive = 2;
    SystemClock m_systemClock;
    const Clock *m_clock = &m_systemClock;
    QElapsedTimer m_monotonic; // throttles progress and offset saves (not wall time)
    qint64 m_clientChunk = 8 * 1024 * 1024;
    qint64 m_serverChunk = 0; // 0: not known yet (OPTIONS)
    qint64 m_maxSize = 0;
    QPointer<NetworkJob> m_optionsJob;
    QTimer *m_optionsRetry;
    Backoff m_optionsBackoff;
    int m_timeoutMs = 30000;
    int m_retryBaseMs = 1000;
    int m_retryMaxMs = 60000;
    bool m_paused = false;
};

} // namespace onsite
