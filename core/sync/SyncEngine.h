#pragma once

#include "Backoff.h"
#include "ChangesJob.h"
#include "Clock.h"
#include "Operation.h"
#include "PushJob.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace onsite {

class LocalStore;

// Keeps the local cache and the server in step. Each sync first pushes the outbox in order
// (POST /ops, in batches; every answer stored in one transaction), then pulls pages of
// GET /changes, each applied in one transaction together with its cursor, so a crash or a cut
// at any point loses nothing and the next run continues where the last commit ended. The next
// page is asked for (from the cursor of the page in hand) while a page is stored. It also
// records the worker's changes (record()), so it owns the only writing connection. Lives on its
// own thread in the app, or on the test's thread in tests.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(QString databasePath, QUrl apiBase, QObject *parent = nullptr);
    ~SyncEngine() override;

    void setPageSize(int n) { m_pageSize = n; }
    void setRequestTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setClock(const Clock *clock) { m_clock = clock; }
    void setPushBatchSize(int n) { m_pushBatch = n; }

    // Totals of the current or last run, for progress and benchmarks (a next page's request
    // asked ahead and dropped unanswered, after a cancel or a failure, is not counted).
    int requestsMade() const { return m_requests; }
    qint64 bytesReceived() const { return m_bytes; }
    bool isRunning() const { return m_job != nullptr; }
    LocalStore *store() const { return m_store.get(); }

public Q_SLOTS:
    void open(); // opens the store on the engine's thread
    void setToken(const QString &token);
    void setIntervalSecs(int secs); // 0: no periodic sync
    void syncNow();
    void cancel();
    // Records a change made by the worker (checked, then stored with its operation in one
    // transaction) and sends it soon; answers with recorded().
    void record(const onsite::Operation &op);
    void dismiss(const QString &opId);
    // Fetches GET /me/scorecard, keeps it in the cache (meta "scorecard") for offline use and
    // answers with scorecardChanged(), or scorecardFailed() with the reason.
    void refreshScorecard();

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void syncStarted();
    void pageApplied(int pages, int assignments, const QString &cursor);
    void syncFinished(bool ok, const QString &message, const QDateTime &at);
    // The cache changed. `views`: the worker's view of each assignment written, when this
    // engine knows them all (a recorded op, the answers to ops); empty: anything may have
    // changed (a page of the change feed).
    void storeChanged(const QList<Assignment> &views);
    void onlineChanged(bool online);
    void signInRequired(const QString &message);
    void pendingCountChanged(int count);
    void needsAttentionChanged(int count);
    void recorded(const QString &opId, bool ok, const QString &code, const QString &message);
    // An operation the server refused: it stays in Needs attention until dismissed.
    void operationRejected(const QString &opId, const QString &message);
    // A decision of the client company that arrived with a sync (Notices), once each.
    void notice(qint64 assignmentId, const QString &kind, const QString &title,
                const QString &message);
    void scorecardChanged(const QJsonObject &scorecard);
    void scorecardFailed(const QString &message);

private:
    void push();
    void onPushFinished();
    void requestPage(const QString &cursor);
    void onPageFinished();
    // Stores the page in one transaction with its cursor and reports it; false (*error) if not.
    bool storePage(ChangesJob *job, QString *error);
    // The next page's request, asked for ahead, is not wanted after all: dropped unanswered.
    void dropPageJob();
    void emitCounts();
    // Cancelled, session ended, or no usable answer (retried later): reports it and returns
    // true. A success or a refusal of the whole request returns false for the caller.
    bool endedWithoutAnswer(NetworkJob *job);
    void finish(bool ok, const QString &message);
    void setOnline(bool online);
    void deliverNotices();

    QString m_path;
    QUrl m_apiBase;
    QString m_token;
    int m_pageSize = 500;
    int m_timeoutMs = 30000;
    std::unique_ptr<LocalStore> m_store;
    QNetworkAccessManager *m_nam = nullptr;
    QTimer *m_periodic = nullptr;
    QTimer *m_retry = nullptr;
    QPointer<NetworkJob> m_job;
    QPointer<NetworkJob> m_scorecardJob;
    SystemClock m_systemClock;
    const Clock *m_clock = &m_systemClock;
    int m_pushBatch = 50;
    bool m_again = false;
    Backoff m_backoff;
    int m_pages = 0;
    int m_applied = 0;
    int m_requests = 0;
    qint64 m_bytes = 0;
    bool m_online = false;
    bool m_cancelled = false;
    bool m_storing = false; // a page is being stored while the next one is fetched
};

} // namespace onsite
