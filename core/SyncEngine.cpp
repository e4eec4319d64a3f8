#include "SyncEngine.h"

#include "ChangesJob.h"
#include "LocalStore.h"

#include <QNetworkAccessManager>
#include <QThread>
#include <QTimer>
#include <QUuid>

namespace onsite
{

SyncEngine::SyncEngine(QString databasePath, QUrl apiBase, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath)), m_apiBase(std::move(apiBase))
{
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::open()
{
    // Everything with thread affinity is made here, on the thread the engine runs on.
    m_nam = new QNetworkAccessManager(this);
    m_periodic = new QTimer(this);
    connect(m_periodic, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &SyncEngine::syncNow);

    m_store = std::make_unique<LocalStore>(QStringLiteral("sync-") +
                                           QUuid::createUuid().toString(QUuid::WithoutBraces));
    QString error;
    const bool ok = m_store->open(m_path, &error);
    if (!ok)
        m_store.reset();
    Q_EMIT opened(ok, error);
    if (ok)
        Q_EMIT pendingCountChanged(m_store->pendingOperationCount());
}

void SyncEngine::setToken(const QString &token)
{
    m_token = token;
}

void SyncEngine::setIntervalSecs(int secs)
{
    if (secs > 0)
        m_periodic->start(secs * 1000);
    else
        m_periodic->stop();
}

void SyncEngine::syncNow()
{
    if (m_job || !m_store)
        return;
    if (m_token.isEmpty()) {
        Q_EMIT signInRequired(tr("Sign in to sync."));
        return;
    }
    m_retry->stop();
    m_cancelled = false;
    m_pages = 0;
    m_applied = 0;
    m_requests = 0;
    m_bytes = 0;
    Q_EMIT syncStarted();
    requestPage();
}

void SyncEngine::cancel()
{
    m_cancelled = true;
    m_retry->stop();
    if (m_job)
        m_job->abort();
}

void SyncEngine::requestPage()
{
    m_job = new ChangesJob(m_nam, m_apiBase, m_token, m_store->cursor(), m_pageSize, this);
    m_job->setTimeoutMs(m_timeoutMs);
    connect(m_job, &NetworkJob::finished, this, &SyncEngine::onPageFinished);
    ++m_requests;
    m_job->start();
}

void SyncEngine::onPageFinished()
{
    ChangesJob *job = m_job;
    m_job = nullptr;
    job->deleteLater();
    m_bytes += job->bytesReceived();

    switch (job->errorKind()) {
    case NetworkJob::ErrorKind::None:
        break;
    case NetworkJob::ErrorKind::Cancelled:
        finish(false, tr("Sync cancelled."));
        return;
    case NetworkJob::ErrorKind::NeedsSignIn:
        setOnline(true);
        finish(false, job->errorMessage());
        Q_EMIT signInRequired(job->errorMessage());
        return;
    case NetworkJob::ErrorKind::Retry:
        setOnline(job->httpStatus() != 0);
        m_retry->start(m_backoff.nextDelayMs());
        finish(false, job->errorMessage());
        return;
    case NetworkJob::ErrorKind::Fatal:
        setOnline(true);
        finish(false, job->errorMessage());
        return;
    }

    setOnline(true);
    QString error;
    if (!m_store->applyChangesPage(job->changes(), job->removed(), job->cursor(), &error)) {
        finish(false, tr("Could not save to the local cache: %1").arg(error));
        return;
    }
    ++m_pages;
    m_applied += job->changes().size() + job->removed().size();
    Q_EMIT pageApplied(m_pages, m_applied, job->cursor());
    if (!job->changes().isEmpty() || !job->removed().isEmpty())
        Q_EMIT storeChanged();
    if (job->more() && !m_cancelled) {
        requestPage();
        return;
    }
    m_backoff.reset();
    finish(!m_cancelled, m_cancelled ? tr("Sync cancelled.") : QString());
}

void SyncEngine::finish(bool ok, const QString &message)
{
    Q_EMIT syncFinished(ok, message, QDateTime::currentDateTimeUtc());
}

void SyncEngine::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    Q_EMIT onlineChanged(online);
}

} // namespace onsite
