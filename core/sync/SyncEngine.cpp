#include "SyncEngine.h"

#include "ChangesJob.h"
#include "LocalStore.h"
#include "Log.h"
#include "ScorecardJob.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QThread>
#include <QTimer>
#include <QUuid>

namespace onsite {

SyncEngine::SyncEngine(QString databasePath, QUrl apiBase, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath)), m_apiBase(std::move(apiBase))
{}

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
        emitCounts();
}

void SyncEngine::emitCounts()
{
    Q_EMIT pendingCountChanged(m_store->pendingOperationCount());
    Q_EMIT needsAttentionChanged(m_store->needsAttentionCount());
}

void SyncEngine::record(const Operation &op)
{
    if (!m_store) {
        Q_EMIT recorded(op.opId, false, QStringLiteral("storage"),
                        tr("The local cache is not open."));
        return;
    }
    QString error;
    Assignment view;
    const OperationOutcome outcome = m_store->record(op, m_clock->now(), &error, &view);
    Q_EMIT recorded(op.opId, outcome.applied, outcome.code, outcome.message);
    if (!outcome.applied)
        return;
    Q_EMIT storeChanged({view});
    emitCounts();
    if (m_job)
        m_again = true; // picked up when the running sync ends
    else if (!m_token.isEmpty())
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
}

void SyncEngine::dismiss(const QString &opId)
{
    QString error;
    if (m_store && m_store->dismiss(opId, &error))
        emitCounts();
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
    push();
}

void SyncEngine::push()
{
    const QList<Operation> ops = m_store->pendingOperations(m_pushBatch);
    if (ops.isEmpty()) {
        requestPage(m_store->cursor());
        return;
    }
    auto *job = new PushJob(m_nam, m_apiBase, m_token, ops, this);
    job->setTimeoutMs(m_timeoutMs);
    connect(job, &NetworkJob::finished, this, &SyncEngine::onPushFinished);
    m_job = job;
    ++m_requests;
    job->start();
}

void SyncEngine::onPushFinished()
{
    auto *job = static_cast<PushJob *>(m_job.data());
    m_job = nullptr;
    job->deleteLater();
    m_bytes += job->bytesReceived();
    QStringList ids;
    for (const Operation &op : job->operations())
        ids << op.opId;
    QString error;
    if (job->errorKind() == NetworkJob::ErrorKind::Retry) // nothing was decided: they go again
        m_store->noteFailedAttempt(ids, job->errorMessage(), &error);
    if (endedWithoutAnswer(job))
        return;
    if (job->errorKind() == NetworkJob::ErrorKind::Fatal) {
        // The server refused the whole batch (this app sent something it cannot read): each
        // operation goes to Needs attention with the reason instead of being retried forever.
        setOnline(true);
        QList<OperationResult> refused;
        for (const QString &id : std::as_const(ids))
            refused.append(
                {id, OperationStatus::Rejected, job->errorCode(), job->errorMessage(), {}, {}});
        QList<Assignment> changed;
        m_store->applyResults(refused, m_clock->now(), &error, &changed);
        Q_EMIT storeChanged(changed);
        emitCounts();
        finish(false, job->errorMessage());
        return;
    }
    setOnline(true);
    QList<Assignment> changed;
    if (!m_store->applyResults(job->results(), m_clock->now(), &error, &changed)) {
        finish(false, tr("Could not save to the local cache: %1").arg(error));
        return;
    }
    for (const OperationResult &r : job->results())
        if (r.status == OperationStatus::Rejected) {
            qCWarning(lcSync) << "operation" << r.opId << "refused:" << r.code << r.message;
            Q_EMIT operationRejected(r.opId, r.message);
        }
    deliverNotices();       // an answer carries the latest document, decisions included
    if (!changed.isEmpty()) // an answer that confirms what the worker sees changes nothing
        Q_EMIT storeChanged(changed);
    emitCounts();
    if (m_cancelled) {
        finish(false, tr("Sync cancelled."));
        return;
    }
    push(); // more pending operations, or on to the pull
}

void SyncEngine::cancel()
{
    m_cancelled = true;
    m_retry->stop();
    if (m_job && !m_storing) // while a page is stored, the request ahead is dropped after it
        m_job->abort();
}

void SyncEngine::requestPage(const QString &cursor)
{
    auto *job = new ChangesJob(m_nam, m_apiBase, m_token, cursor, m_pageSize, this);
    if (!cursor.isEmpty() && cursor != QLatin1String("0")) {
        LocalStore *store = m_store.get();
        job->setKnown([store](const QList<ChangesJob::Revision> &revisions) {
            return store->revisionsHeld(revisions);
        });
    }
    job->setTimeoutMs(m_timeoutMs);
    connect(job, &NetworkJob::finished, this, &SyncEngine::onPageFinished);
    m_job = job;
    ++m_requests;
    job->start();
}

void SyncEngine::onPageFinished()
{
    auto *job = static_cast<ChangesJob *>(m_job.data());
    m_job = nullptr;
    job->deleteLater();
    m_bytes += job->bytesReceived();

    if (endedWithoutAnswer(job))
        return;
    if (job->errorKind() == NetworkJob::ErrorKind::Fatal) {
        setOnline(true);
        finish(false, job->errorMessage());
        return;
    }

    setOnline(true);
    // The next page is asked for now, from this page's cursor (which this page's transaction
    // stores), so the server prepares it and it arrives while this one is stored.
    if (job->more() && !m_cancelled)
        requestPage(job->cursor());
    QString error;
    m_storing = true;
    const bool stored = storePage(job, &error);
    m_storing = false;
    if (!stored || m_cancelled)
        dropPageJob();
    if (!stored) {
        finish(false, tr("Could not save to the local cache: %1").arg(error));
        return;
    }
    if (m_job)
        return; // the next page is on its way
    m_backoff.reset();
    finish(!m_cancelled, m_cancelled ? tr("Sync cancelled.") : QString());
}

bool SyncEngine::storePage(ChangesJob *job, QString *error)
{
    int written = 0;
    if (!m_store->applyChangesPage(job->changes(), job->removed(), job->cursor(), m_clock->now(),
                                   error, &written, &job->received()))
        return false;
    ++m_pages;
    deliverNotices();
    m_applied += job->changes().size() + job->skipped() + job->removed().size();
    Q_EMIT pageApplied(m_pages, m_applied, job->cursor());
    if (written > 0) // the answer to our own op already showed what this page brings back
        Q_EMIT storeChanged({});
    return true;
}

void SyncEngine::dropPageJob()
{
    if (!m_job)
        return;
    NetworkJob *job = m_job;
    m_job = nullptr;
    --m_requests; // asked ahead and never answered: it does not count
    disconnect(job, nullptr, this, nullptr);
    job->abort();
    job->deleteLater();
}

bool SyncEngine::endedWithoutAnswer(NetworkJob *job)
{
    switch (job->errorKind()) {
    case NetworkJob::ErrorKind::None:
    case NetworkJob::ErrorKind::Fatal:
        return false;
    case NetworkJob::ErrorKind::Cancelled:
        finish(false, tr("Sync cancelled."));
        return true;
    case NetworkJob::ErrorKind::NeedsSignIn:
        setOnline(true);
        finish(false, job->errorMessage());
        Q_EMIT signInRequired(job->errorMessage());
        return true;
    case NetworkJob::ErrorKind::Retry:
        setOnline(job->httpStatus() != 0); // an HTTP answer means the network is there
        m_retry->start(m_backoff.nextDelayMs());
        finish(false, job->errorMessage());
        return true;
    }
    return false;
}

void SyncEngine::finish(bool ok, const QString &message)
{
    if (ok)
        qCInfo(lcSync) << "sync done:" << m_pages << "pages," << m_applied << "changes,"
                       << m_requests << "requests";
    else
        qCWarning(lcSync) << "sync ended:" << message;
    Q_EMIT syncFinished(ok, message, m_clock->now());
    if (m_again && ok) {
        m_again = false;
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
    }
}

void SyncEngine::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    Q_EMIT onlineChanged(online);
}

void SyncEngine::deliverNotices()
{
    QString error;
    for (const Notice &n : m_store->takeNotices(&error))
        Q_EMIT notice(n.assignmentId, n.kind, n.title, n.message);
}

void SyncEngine::refreshScorecard()
{
    if (m_scorecardJob || !m_store)
        return;
    if (m_token.isEmpty()) {
        Q_EMIT scorecardFailed(tr("Sign in first."));
        return;
    }
    auto *job = new ScorecardJob(m_nam, m_apiBase, m_token, this);
    job->setTimeoutMs(m_timeoutMs);
    m_scorecardJob = job;
    connect(job, &NetworkJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->errorKind() != NetworkJob::ErrorKind::None) {
            Q_EMIT scorecardFailed(job->errorMessage());
            return;
        }
        QString error;
        m_store->setMeta(
            QStringLiteral("scorecard"),
            QString::fromUtf8(QJsonDocument(job->scorecard()).toJson(QJsonDocument::Compact)),
            &error);
        Q_EMIT scorecardChanged(job->scorecard());
    });
    job->start();
}

} // namespace onsite
