#include "UploadEngine.h"

#include "Log.h"

#include "AcceptedFiles.h"
#include "DownloadJob.h"
#include "LocalStore.h"
#include "UploadOptionsJob.h"
#include "UploadQueue.h"
#include "UploadTerminateJob.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent>

namespace onsite {

UploadEngine::UploadEngine(LocalStore *store, QUrl apiBase, QObject *parent)
    : UploadEngine(std::move(apiBase), parent)
{
    attach(store);
}

void UploadEngine::attach(LocalStore *store)
{
    m_store = store;
    m_queue = std::make_unique<UploadQueue>(store->database());
    m_transfers->setQueue(m_queue.get());
}

UploadEngine::UploadEngine(QUrl apiBase, QObject *parent)
    : QObject(parent), m_store(nullptr), m_nam(new QNetworkAccessManager(this)),
      m_transfers(new UploadTransfers(&m_settings, m_nam, this)), m_optionsRetry(new QTimer(this))
{
    m_settings.apiBase = std::move(apiBase);
    m_pool.setMaxThreadCount(1); // one disk reader: hashing two files at once only seeks more
    m_optionsRetry->setSingleShot(true);
    connect(m_optionsRetry, &QTimer::timeout, this, &UploadEngine::fetchOptions);
    connect(m_transfers, &UploadTransfers::progress, this, &UploadEngine::progress);
    connect(m_transfers, &UploadTransfers::itemsChanged, this, &UploadEngine::itemsChanged);
    connect(m_transfers, &UploadTransfers::uploaded, this, &UploadEngine::uploaded);
    connect(m_transfers, &UploadTransfers::signInRequired, this, &UploadEngine::onSignInRequired);
    connect(m_transfers, &UploadTransfers::scheduleNeeded, this, &UploadEngine::schedule);
}

UploadEngine::~UploadEngine()
{
    for (auto &h : m_hashing)
        h.cancel->store(true);
    m_pool.waitForDone();
}

void UploadEngine::setRetryDelays(int baseMs, int maxMs)
{
    m_settings.retryBaseMs = baseMs;
    m_settings.retryMaxMs = maxMs;
    m_optionsBackoff = Backoff(baseMs, maxMs);
}

QList<UploadItem> UploadEngine::items(qint64 assignmentId) const
{
    if (!m_queue)
        return {};
    return m_queue->items(assignmentId);
}

bool UploadEngine::isIdle() const
{
    return m_transfers->count() == 0 && m_hashing.isEmpty() && m_pendingChecks == 0;
}

void UploadEngine::setToken(const QString &token)
{
    m_settings.token = token;
}

void UploadEngine::add(qint64 assignmentId, const QString &path, const QString &kind,
                       const QString &requirementId, const QString &itemId)
{
    ++m_pendingChecks;
    const qint64 maxSize = m_maxSize;
    auto *watcher = new QFutureWatcher<FileCheck>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, assignmentId, path, kind, requirementId, itemId] {
                const FileCheck c = watcher->result();
                watcher->deleteLater();
                --m_pendingChecks;
                addChecked(c, assignmentId, path, kind, requirementId, itemId);
            });
    watcher->setFuture(QtConcurrent::run(&m_pool, &AcceptedFiles::checkFile, path, maxSize));
}

// The file was checked off this thread: queue it and start hashing it, or say why not.
void UploadEngine::addChecked(const FileCheck &c, qint64 assignmentId, const QString &path,
                              const QString &kind, const QString &requirementId,
                              const QString &itemId)
{
    if (!m_queue)
        return;
    if (!c.verdict.ok) {
        qCInfo(lcUpload) << "refused" << path << c.verdict.message;
        Q_EMIT refused(path, c.verdict.message);
        checkIdle();
        return;
    }
    UploadItem item;
    item.id = itemId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : itemId;
    item.assignmentId = assignmentId;
    item.requirementId = requirementId;
    item.kind = kind;
    item.path = path;
    item.filename = AcceptedFiles::sanitizedName(QFileInfo(path).fileName());
    item.size = c.size;
    item.mtimeMs = c.mtimeMs;
    item.createdAt = m_clock->now();
    QString error;
    if (!m_queue->add(item, &error)) {
        Q_EMIT refused(path, tr("The upload could not be saved: %1").arg(error));
        checkIdle();
        return;
    }
    Q_EMIT itemsChanged(assignmentId);
    startHash(item);
}

void UploadEngine::startHash(const UploadItem &item)
{
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_hashing.insert(item.id, {cancel});
    const QString id = item.id;
    const QString path = item.path;
    const qint64 assignmentId = item.assignmentId;
    QPointer<UploadEngine> self(this);
    auto *watcher = new QFutureWatcher<UploadHasher::Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id, path, assignmentId] {
        const UploadHasher::Result r = watcher->result();
        watcher->deleteLater();
        onHashed(id, path, assignmentId, r);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [self, id, path, cancel]() {
        return UploadHasher::hashFile(path, *cancel, [self, id](qint64 total, qint64 size) {
            if (self)
                QMetaObject::invokeMethod(self, [self, id, total, size] {
                    if (self)
                        Q_EMIT self->progress(id, total, size, true);
                });
        });
    }));
}

void UploadEngine::onHashed(const QString &id, const QString &path, qint64 assignmentId,
                            const UploadHasher::Result &r)
{
    const bool cancelled = !m_hashing.contains(id) || m_hashing.value(id).cancel->load();
    m_hashing.remove(id);
    if (cancelled || !m_queue->item(id)) {
        checkIdle();
        return;
    }
    const QString name = QFileInfo(path).fileName();
    switch (r.outcome) {
    case UploadHasher::Outcome::Hashed:
        m_queue->setHashed(id, r.sha256, r.size, r.mtimeMs);
        break;
    case UploadHasher::Outcome::Unreadable:
        m_queue->setState(id, UploadItem::State::Failed,
                          tr("\"%1\" can no longer be read.").arg(name));
        break;
    case UploadHasher::Outcome::ChangedWhileRead:
        m_queue->setState(id, UploadItem::State::Failed,
                          tr("\"%1\" changed while it was being read; add it again.").arg(name));
        break;
    case UploadHasher::Outcome::Cancelled:
        m_queue->setState(id, UploadItem::State::Failed, QString());
        break;
    }
    Q_EMIT itemsChanged(assignmentId);
    schedule();
}

void UploadEngine::resume()
{
    if (!m_queue)
        return;
    m_paused = false;
    for (const UploadItem &i : m_queue->items())
        if (i.state == UploadItem::State::Hashing && !m_hashing.contains(i.id))
            startHash(i); // the app stopped while hashing: start that file again
    schedule();
}

void UploadEngine::pause()
{
    m_paused = true;
    const QStringList ids = m_transfers->ids();
    for (const QString &id : ids)
        m_transfers->end(id);
}

void UploadEngine::onSignInRequired(const QString &message)
{
    pause();
    Q_EMIT signInRequired(message);
}

void UploadEngine::fetchOptions()
{
    if (m_optionsJob || m_paused)
        return;
    auto *job = new UploadOptionsJob(m_nam, m_settings.apiBase, m_settings.token, this);
    job->setTimeoutMs(m_settings.timeoutMs);
    m_optionsJob = job;
    connect(job, &NetworkJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->errorKind() == NetworkJob::ErrorKind::None) {
            m_settings.serverChunk = job->chunkSize() > 0 ? job->chunkSize() : 1024 * 1024;
            m_maxSize = job->maxSize();
            m_optionsBackoff.reset();
            schedule();
        } else if (job->errorKind() != NetworkJob::ErrorKind::Cancelled) {
            m_optionsRetry->start(m_optionsBackoff.nextDelayMs());
        }
    });
    job->start();
}

void UploadEngine::schedule()
{
    if (!m_queue)
        return;
    if (m_paused || m_settings.token.isEmpty()) {
        checkIdle();
        return;
    }
    if (m_settings.serverChunk == 0) {
        fetchOptions();
        return;
    }
    for (const UploadItem &i : m_queue->items()) {
        if (m_transfers->count() >= m_maxActive)
            break;
        if (i.state != UploadItem::State::Queued || m_transfers->contains(i.id))
            continue;
        m_transfers->start(i);
    }
    checkIdle();
}

void UploadEngine::checkIdle()
{
    if (isIdle())
        Q_EMIT idle();
}

void UploadEngine::terminateOnServer(const UploadItem &item)
{
    if (item.url.isEmpty())
        return;
    auto *job = new UploadTerminateJob(m_nam, QUrl(item.url), m_settings.token, this);
    connect(job, &NetworkJob::finished, job, &QObject::deleteLater);
    job->start(); // best effort: an upload left behind expires on the server anyway
}

void UploadEngine::cancel(const QString &id)
{
    if (!m_queue)
        return;
    const auto item = m_queue->item(id);
    if (m_hashing.contains(id))
        m_hashing.value(id).cancel->store(true);
    m_transfers->end(id);
    if (!item)
        return;
    if (item->state != UploadItem::State::Done)
        terminateOnServer(*item);
    m_queue->remove(id);
    Q_EMIT itemsChanged(item->assignmentId);
    schedule();
}

void UploadEngine::retry(const QString &id)
{
    if (!m_queue)
        return;
    const auto item = m_queue->item(id);
    if (!item || item->state != UploadItem::State::Failed)
        return;
    if (item->sha256.isEmpty()) {
        m_queue->setState(id, UploadItem::State::Hashing);
        startHash(*item);
    } else {
        m_queue->setState(id, UploadItem::State::Queued);
    }
    Q_EMIT itemsChanged(item->assignmentId);
    schedule();
}

void UploadEngine::useCurrentFile(const QString &id)
{
    if (!m_queue)
        return;
    const auto item = m_queue->item(id);
    if (!item || item->state != UploadItem::State::Changed)
        return;
    terminateOnServer(*item);
    // Checked again like a new file (it may no longer be acceptable), under a new id.
    m_queue->remove(id);
    Q_EMIT itemsChanged(item->assignmentId);
    add(item->assignmentId, item->path, item->kind, item->requirementId);
}

void UploadEngine::download(const QString &deliverableId, const QString &targetPath)
{
    auto *job = new DownloadJob(m_nam, m_settings.apiBase, m_settings.token, deliverableId,
                                targetPath, this);
    job->setTimeoutMs(m_settings.timeoutMs);
    connect(job, &NetworkJob::finished, this, [this, job] {
        job->deleteLater();
        const bool ok = job->errorKind() == NetworkJob::ErrorKind::None;
        Q_EMIT downloaded(job->deliverableId(), job->targetPath(), ok,
                          ok ? QString() : job->errorMessage());
    });
    job->start();
}

} // namespace onsite
