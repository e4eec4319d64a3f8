#include "UploadEngine.h"

#include "Log.h"

#include "AcceptedFiles.h"
#include "DownloadJob.h"
#include "LocalStore.h"
#include "Sha256.h"
#include "UploadChunkJob.h"
#include "UploadCreateJob.h"
#include "UploadOffsetJob.h"
#include "UploadOptionsJob.h"
#include "UploadQueue.h"
#include "UploadTerminateJob.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent>

namespace onsite {
namespace {

// A chunk of the file and its SHA-256 (empty data when it cannot be read).
QPair<QByteArray, QByteArray> readChunk(const QString &path, qint64 offset, qint64 size)
{
    QFile f(path);
    QByteArray chunk;
    if (f.open(QIODevice::ReadOnly) && f.seek(offset))
        chunk = f.read(size);
    return {chunk, Sha256::hash(chunk)};
}

struct HashResult {
    bool ok = false;
    QString sha256;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    QString error;
};

} // namespace

UploadEngine::UploadEngine(LocalStore *store, QUrl apiBase, QObject *parent)
    : UploadEngine(std::move(apiBase), parent)
{
    attach(store);
}

void UploadEngine::attach(LocalStore *store)
{
    m_store = store;
    m_queue = std::make_unique<UploadQueue>(store->database());
}

UploadEngine::UploadEngine(QUrl apiBase, QObject *parent)
    : QObject(parent), m_store(nullptr), m_apiBase(std::move(apiBase)),
      m_nam(new QNetworkAccessManager(this)), m_optionsRetry(new QTimer(this))
{
    m_monotonic.start();
    m_pool.setMaxThreadCount(1); // one disk reader: hashing two files at once only seeks more
    m_readPool.setMaxThreadCount(2);
    m_optionsRetry->setSingleShot(true);
    connect(m_optionsRetry, &QTimer::timeout, this, &UploadEngine::fetchOptions);
}

UploadEngine::~UploadEngine()
{
    for (auto &h : m_hashing)
        h.cancel->store(true);
    m_pool.waitForDone();
    m_readPool.waitForDone();
}

void UploadEngine::setRetryDelays(int baseMs, int maxMs)
{
    m_retryBaseMs = baseMs;
    m_retryMaxMs = maxMs;
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
    return m_transfers.isEmpty() && m_hashing.isEmpty() && m_pendingChecks == 0;
}

void UploadEngine::setToken(const QString &token)
{
    m_token = token;
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
                if (!m_queue)
                    return;
                if (!c.verdict.ok) {
                    qCInfo(lcUpload) << "refused" << path << c.verdict.message;
                    Q_EMIT refused(path, c.verdict.message);
                    checkIdle();
                    return;
                }
                UploadItem item;
                item.id =
                    itemId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : itemId;
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
            });
    watcher->setFuture(QtConcurrent::run(&m_pool, &AcceptedFiles::checkFile, path, maxSize));
}

void UploadEngine::startHash(const UploadItem &item)
{
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_hashing.insert(item.id, {cancel});
    const QString id = item.id;
    const QString path = item.path;
    const qint64 assignmentId = item.assignmentId;
    QPointer<UploadEngine> self(this);
    auto *watcher = new QFutureWatcher<HashResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id, assignmentId] {
        const HashResult r = watcher->result();
        watcher->deleteLater();
        const bool cancelled = !m_hashing.contains(id) || m_hashing.value(id).cancel->load();
        m_hashing.remove(id);
        if (cancelled || !m_queue->item(id)) {
            checkIdle();
            return;
        }
        if (r.ok)
            m_queue->setHashed(id, r.sha256, r.size, r.mtimeMs);
        else
            m_queue->setState(id, UploadItem::State::Failed, r.error);
        Q_EMIT itemsChanged(assignmentId);
        schedule();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [self, id, path, cancel]() {
        HashResult r;
        QFile f(path);
        const QFileInfo before(path);
        if (!f.open(QIODevice::ReadOnly)) {
            r.error = tr("\"%1\" can no longer be read.").arg(before.fileName());
            return r;
        }
        Sha256 hash;
        QByteArray buffer(4 << 20, Qt::Uninitialized);
        qint64 n = 0, total = 0, reported = 0;
        const qint64 size = f.size();
        while ((n = f.read(buffer.data(), buffer.size())) > 0) {
            if (cancel->load())
                return r;
            hash.addData(buffer.constData(), n);
            total += n;
            if (total - reported >= (64 << 20) && self) {
                reported = total;
                QMetaObject::invokeMethod(self, [self, id, total, size] {
                    if (self)
                        Q_EMIT self->progress(id, total, size, true);
                });
            }
        }
        const QFileInfo after(path);
        if (n < 0 || total != size || after.size() != size ||
            after.lastModified() != before.lastModified()) {
            r.error =
                tr("\"%1\" changed while it was being read; add it again.").arg(before.fileName());
            return r;
        }
        r.ok = true;
        r.sha256 = QString::fromLatin1(hash.result().toHex());
        r.size = size;
        r.mtimeMs = after.lastModified().toMSecsSinceEpoch();
        return r;
    }));
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
    const QStringList ids = m_transfers.keys();
    for (const QString &id : ids)
        endTransfer(id);
}

void UploadEngine::fetchOptions()
{
    if (m_optionsJob || m_paused)
        return;
    auto *job = new UploadOptionsJob(m_nam, m_apiBase, m_token, this);
    job->setTimeoutMs(m_timeoutMs);
    m_optionsJob = job;
    connect(job, &NetworkJob::finished, this, [this, job] {
        job->deleteLater();
        if (job->errorKind() == NetworkJob::ErrorKind::None) {
            m_serverChunk = job->chunkSize() > 0 ? job->chunkSize() : 1024 * 1024;
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
    if (m_paused || m_token.isEmpty()) {
        checkIdle();
        return;
    }
    if (m_serverChunk == 0) {
        fetchOptions();
        return;
    }
    for (const UploadItem &i : m_queue->items()) {
        if (m_transfers.size() >= m_maxActive)
            break;
        if (i.state != UploadItem::State::Queued || m_transfers.contains(i.id))
            continue;
        Transfer t;
        t.backoff = Backoff(m_retryBaseMs, m_retryMaxMs);
        t.retryTimer = new QTimer(this);
        t.retryTimer->setSingleShot(true);
        const QString id = i.id;
        connect(t.retryTimer, &QTimer::timeout, this, [this, id] { step(id); });
        t.offset = i.url.isEmpty() ? 0 : -1;
        m_transfers.insert(id, t);
        step(id);
    }
    checkIdle();
}

void UploadEngine::checkIdle()
{
    if (isIdle())
        Q_EMIT idle();
}

template <typename Job> Job *UploadEngine::startJob(const QString &id, Job *job)
{
    job->setTimeoutMs(m_timeoutMs);
    m_transfers[id].job = job;
    job->start();
    return job;
}

void UploadEngine::step(const QString &id)
{
    if (!m_transfers.contains(id))
        return;
    const auto item = m_queue->item(id);
    if (!item || item->state != UploadItem::State::Queued) {
        endTransfer(id);
        schedule();
        return;
    }
    if (item->url.isEmpty())
        create(*item);
    else if (m_transfers.value(id).offset < 0)
        askOffset(*item);
    else
        pump(id);
}

void UploadEngine::create(const UploadItem &item)
{
    const QString id = item.id;
    auto *job = new UploadCreateJob(m_nam, m_apiBase, m_token, item, this);
    connect(job, &NetworkJob::finished, this, [this, job, id] {
        job->deleteLater();
        if (!m_transfers.contains(id))
            return;
        if (job->errorKind() != NetworkJob::ErrorKind::None)
            return onJobFailed(id, job);
        m_queue->setUrl(id, job->uploadUrl().toString(), job->offset());
        if (!job->deliverableId().isEmpty())
            return finishItem(id, job->deliverableId()); // the server had these bytes already
        m_transfers[id].offset = job->offset();
        step(id);
    });
    startJob(id, job);
}

void UploadEngine::askOffset(const UploadItem &item)
{
    const QString id = item.id;
    auto *job = new UploadOffsetJob(m_nam, QUrl(item.url), m_token, this);
    connect(job, &NetworkJob::finished, this, [this, job, id] {
        job->deleteLater();
        if (!m_transfers.contains(id))
            return;
        if (job->errorKind() != NetworkJob::ErrorKind::None)
            return onJobFailed(id, job);
        if (!job->deliverableId().isEmpty())
            return finishItem(id, job->deliverableId());
        m_queue->setOffset(id, job->offset());
        m_transfers[id].offset = job->offset();
        step(id);
    });
    startJob(id, job);
}

void UploadEngine::pump(const QString &id)
{
    constexpr int kInFlight = 2;
    const auto item = m_queue->item(id);
    if (!item || !m_transfers.contains(id))
        return;
    Transfer &t = m_transfers[id];
    // A late call after a failure: the retry (which first asks the offset) takes over.
    if (t.offset < 0 || t.retryTimer->isActive())
        return;
    if (t.chunks.isEmpty())
        t.sendOffset = t.offset;
    const QFileInfo info(item->path);
    if (!info.exists())
        return failItem(id,
                        tr("\"%1\" is no longer at %2; add it again.")
                            .arg(item->filename, QDir::toNativeSeparators(info.absolutePath())));
    if (info.size() != item->size || info.lastModified().toMSecsSinceEpoch() != item->mtimeMs) {
        // Never mix two versions of a file in one upload: the worker decides which to send.
        m_queue->setState(id, UploadItem::State::Changed,
                          tr("\"%1\" changed on disk since it was added.").arg(item->filename));
        endTransfer(id);
        Q_EMIT itemsChanged(item->assignmentId);
        return schedule();
    }
    const qint64 chunkSize = qMin(m_clientChunk, m_serverChunk);
    const qint64 total = item->size;
    while (t.chunks.size() < kInFlight && t.sendOffset < total && t.newestSent) {
        const qint64 base = t.sendOffset;
        const qint64 want = qMin(chunkSize, total - base);
        const auto read = t.next.isValid() && t.nextOffset == base
                              ? t.next.result()
                              : readChunk(item->path, base, want);
        t.next = {};
        if (read.first.size() != want)
            return failItem(id, tr("\"%1\" cannot be read.").arg(item->filename));
        if (base + want < total) {
            // Read and hash the following chunk while this one travels.
            t.nextOffset = base + want;
            t.next = QtConcurrent::run(&m_readPool, readChunk, item->path, t.nextOffset,
                                       qMin(chunkSize, total - t.nextOffset));
        }
        auto *job = new UploadChunkJob(m_nam, QUrl(item->url), m_token, base, read.first,
                                       read.second, this);
        job->setTimeoutMs(m_timeoutMs);
        t.chunks.append(job);
        t.sendOffset = base + want;
        t.newestSent = false;
        connect(job, &UploadChunkJob::progress, this, [this, id, base, want, total](qint64 sent) {
            auto it = m_transfers.find(id);
            if (it == m_transfers.end())
                return;
            if (sent == want && base + want == it->sendOffset && !it->newestSent) {
                it->newestSent = true; // all of it left: the next may start while this is stored
                QMetaObject::invokeMethod(
                    this, [this, id] { pump(id); }, Qt::QueuedConnection);
            }
            const qint64 now = m_monotonic.elapsed();
            if (base + sent > it->shown && now - it->lastProgressMs >= 100) {
                it->lastProgressMs = now;
                it->shown = base + sent;
                Q_EMIT progress(id, base + sent, total, false);
            }
        });
        connect(job, &NetworkJob::finished, this, [this, job, id, total] {
            job->deleteLater();
            auto it = m_transfers.find(id);
            if (it == m_transfers.end() || !it->chunks.contains(job))
                return;
            it->chunks.removeAll(job);
            if (job->errorKind() != NetworkJob::ErrorKind::None) {
                // Whatever else is in flight now starts at the wrong offset: drop it, ask.
                dropChunks(*it);
                return onJobFailed(id, job);
            }
            it->offset = qMax(it->offset, job->newOffset());
            it->checksumFailures = 0;
            it->backoff.reset();
            // Only for display after a restart (a resume asks the server): once a second.
            const qint64 nowMs = m_monotonic.elapsed();
            if (nowMs - it->lastSavedMs >= 1000 || it->offset == total) {
                it->lastSavedMs = nowMs;
                m_queue->setOffset(id, it->offset);
            }
            Q_EMIT progress(id, it->offset, total, false);
            if (it->offset == total) {
                if (!job->deliverableId().isEmpty())
                    return finishItem(id, job->deliverableId());
                it->offset = -1; // complete but not yet recorded: ask
                return step(id);
            }
            if (it->chunks.isEmpty()) {
                it->newestSent = true; // its last progress signal may never have come
                pump(id);
            }
        });
        job->start();
    }
}

void UploadEngine::dropChunks(Transfer &t)
{
    for (const QPointer<NetworkJob> &j : std::as_const(t.chunks))
        if (j) {
            j->disconnect(this);
            j->abort();
            j->deleteLater();
        }
    t.chunks.clear();
    t.newestSent = true;
    t.next = {};
}

void UploadEngine::onJobFailed(const QString &id, NetworkJob *job)
{
    Transfer &t = m_transfers[id];
    const int status = job->httpStatus();
    switch (job->errorKind()) {
    case NetworkJob::ErrorKind::Cancelled:
        return;
    case NetworkJob::ErrorKind::NeedsSignIn:
        pause();
        Q_EMIT signInRequired(job->errorMessage());
        return;
    case NetworkJob::ErrorKind::Retry:
        return retryLater(id);
    default:
        break;
    }
    // 409 on a chunk or HEAD is tus's offset mismatch (judged by status alone: the body may not
    // have survived the way); asking the offset sorts it out, including a closed assignment
    // (the upload is then gone, and creating it again says why).
    if (status == 409 && !job->inherits("onsite::UploadCreateJob")) {
        t.offset = -1; // the server knows better: ask it
        return step(id);
    }
    if (status == 460) {
        // Damaged on the way (or the file is not what was hashed): send again a few times.
        t.offset = -1;
        if (++t.checksumFailures < 5)
            return retryLater(id);
        return failItem(id, job->errorMessage());
    }
    if (status == 404 || status == 410) {
        const auto item = m_queue->item(id);
        if (item && !item->url.isEmpty() &&
            (job->inherits("onsite::UploadOffsetJob") || job->inherits("onsite::UploadChunkJob"))) {
            // The server no longer has the upload (expired or cleaned): start it again.
            m_queue->setUrl(id, QString(), 0);
            t.offset = 0;
            return step(id);
        }
    }
    failItem(id, job->errorMessage());
}

void UploadEngine::retryLater(const QString &id)
{
    Transfer &t = m_transfers[id];
    dropChunks(t);
    t.offset = -1; // after any doubt, the server's offset is the truth
    t.retryTimer->start(t.backoff.nextDelayMs());
}

void UploadEngine::finishItem(const QString &id, const QString &deliverableId)
{
    const auto item = m_queue->item(id);
    m_queue->setDone(id, deliverableId);
    endTransfer(id);
    if (item) {
        Q_EMIT progress(id, item->size, item->size, false);
        Q_EMIT itemsChanged(item->assignmentId);
        qCInfo(lcUpload) << "uploaded" << item->filename << "as deliverable" << deliverableId;
        Q_EMIT uploaded(id, deliverableId, item->assignmentId);
    }
    schedule();
}

void UploadEngine::failItem(const QString &id, const QString &message)
{
    const auto item = m_queue->item(id);
    m_queue->setState(id, UploadItem::State::Failed, message);
    endTransfer(id);
    if (item)
        Q_EMIT itemsChanged(item->assignmentId);
    schedule();
}

void UploadEngine::endTransfer(const QString &id)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
        return;
    Transfer t = *it;
    m_transfers.erase(it);
    dropChunks(t);
    if (t.job) {
        t.job->disconnect(this);
        t.job->abort();
        t.job->deleteLater();
    }
    if (t.retryTimer)
        t.retryTimer->deleteLater();
}

void UploadEngine::terminateOnServer(const UploadItem &item)
{
    if (item.url.isEmpty())
        return;
    auto *job = new UploadTerminateJob(m_nam, QUrl(item.url), m_token, this);
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
    endTransfer(id);
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
    auto *job = new DownloadJob(m_nam, m_apiBase, m_token, deliverableId, targetPath, this);
    job->setTimeoutMs(m_timeoutMs);
    connect(job, &NetworkJob::finished, this, [this, job] {
        job->deleteLater();
        const bool ok = job->errorKind() == NetworkJob::ErrorKind::None;
        Q_EMIT downloaded(job->deliverableId(), job->targetPath(), ok,
                          ok ? QString() : job->errorMessage());
    });
    job->start();
}

} // namespace onsite
