#pragma once

#include "Backoff.h"
#include "Clock.h"
#include "UploadHasher.h"
#include "UploadItem.h"
#include "UploadTransfers.h"

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
struct FileCheck;

// Sends deliverable files with tus 1.0.0 (DESIGN §4). Each file is checked (name, content,
// size) and hashed off this thread before it is queued; its state lives in the local store, so
// an upload resumes after a network cut or a restart from the offset the server reports (never
// from one the client remembers), and a file changed on disk since it was added is stopped and
// the worker asked. At most maxActive files travel at once, one chunk each, every chunk with its
// SHA-256. Lives on the sync thread beside SyncEngine and writes through its store. This class
// keeps the queue (adding, hashing, cancelling, retrying) and decides what travels; each
// travelling item's steps are UploadTransfers', the reading and hashing UploadHasher's.
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
    void setChunkSize(qint64 bytes) { m_settings.clientChunk = bytes; }
    void setRequestTimeoutMs(int ms) { m_settings.timeoutMs = ms; }
    void setRetryDelays(int baseMs, int maxMs);
    QList<UploadItem> items(qint64 assignmentId = -1) const;
    int activeCount() const { return m_transfers->count(); }
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
    struct Hashing {
        std::shared_ptr<std::atomic_bool> cancel;
    };

    void schedule();
    void fetchOptions();
    void onSignInRequired(const QString &message);
    void terminateOnServer(const UploadItem &item);
    void addChecked(const FileCheck &c, qint64 assignmentId, const QString &path,
                    const QString &kind, const QString &requirementId, const QString &itemId);
    void startHash(const UploadItem &item);
    void onHashed(const QString &id, const QString &path, qint64 assignmentId,
                  const UploadHasher::Result &r);
    void checkIdle();

    LocalStore *m_store;
    std::unique_ptr<UploadQueue> m_queue;
    UploadTransfers::Settings m_settings;
    QNetworkAccessManager *m_nam;
    UploadTransfers *m_transfers;
    QThreadPool m_pool; // file checks and hashing: never on this thread
    QHash<QString, Hashing> m_hashing;
    int m_pendingChecks = 0;
    int m_maxActive = 2;
    SystemClock m_systemClock;
    const Clock *m_clock = &m_systemClock;
    qint64 m_maxSize = 0;
    QPointer<NetworkJob> m_optionsJob;
    QTimer *m_optionsRetry;
    Backoff m_optionsBackoff;
    bool m_paused = false;
};

} // namespace onsite
