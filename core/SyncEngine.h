#pragma once

#include "Backoff.h"
#include "ChangesJob.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace onsite
{

class LocalStore;

// Brings the local cache up to date with the server: pages of GET /changes, each applied in
// one transaction together with its cursor, so a crash or a cut between pages loses nothing
// and the next run continues where the last committed page ended. Lives on its own thread in
// the app (it owns the only writing connection), or on the test's thread in tests.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(QString databasePath, QUrl apiBase, QObject *parent = nullptr);
    ~SyncEngine() override;

    void setPageSize(int n) { m_pageSize = n; }
    void setRequestTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Totals of the current or last run, for progress and benchmarks.
    int requestsMade() const { return m_requests; }
    qint64 bytesReceived() const { return m_bytes; }
    bool isRunning() const { return m_job != nullptr; }

public Q_SLOTS:
    void open(); // opens the store on the engine's thread
    void setToken(const QString &token);
    void setIntervalSecs(int secs); // 0: no periodic sync
    void syncNow();
    void cancel();

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void syncStarted();
    void pageApplied(int pages, int assignments, const QString &cursor);
    void syncFinished(bool ok, const QString &message, const QDateTime &at);
    void storeChanged();
    void onlineChanged(bool online);
    void signInRequired(const QString &message);
    void pendingCountChanged(int count);

private:
    void requestPage();
    void onPageFinished();
    void finish(bool ok, const QString &message);
    void setOnline(bool online);

    QString m_path;
    QUrl m_apiBase;
    QString m_token;
    int m_pageSize = 500;
    int m_timeoutMs = 30000;
    std::unique_ptr<LocalStore> m_store;
    QNetworkAccessManager *m_nam = nullptr;
    QTimer *m_periodic = nullptr;
    QTimer *m_retry = nullptr;
    QPointer<ChangesJob> m_job;
    Backoff m_backoff;
    int m_pages = 0;
    int m_applied = 0;
    int m_requests = 0;
    qint64 m_bytes = 0;
    bool m_online = false;
    bool m_cancelled = false;
};

} // namespace onsite
