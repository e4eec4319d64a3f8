#include "UploadTransfers.h"

#include "Log.h"

#include "UploadChunkJob.h"
#include "UploadCreateJob.h"
#include "UploadEngine.h"
#include "UploadHasher.h"
#include "UploadOffsetJob.h"
#include "UploadQueue.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <QtConcurrent>

namespace onsite {

UploadTransfers::UploadTransfers(const Settings *settings, QNetworkAccessManager *nam,
                                 QObject *parent)
    : QObject(parent), m_settings(settings), m_nam(nam)
{
    m_monotonic.start();
    m_readPool.setMaxThreadCount(2);
}

UploadTransfers::~UploadTransfers()
{
    m_readPool.waitForDone();
}

void UploadTransfers::start(const UploadItem &item)
{
    UploadTransfer t;
    t.backoff = Backoff(m_settings->retryBaseMs, m_settings->retryMaxMs);
    t.retryTimer = new QTimer(this);
    t.retryTimer->setSingleShot(true);
    const QString id = item.id;
    connect(t.retryTimer, &QTimer::timeout, this, [this, id] { step(id); });
    t.offset = item.url.isEmpty() ? 0 : -1;
    m_transfers.insert(id, t);
    step(id);
}

template <typename Job> Job *UploadTransfers::startJob(const QString &id, Job *job)
{
    job->setTimeoutMs(m_settings->timeoutMs);
    m_transfers[id].job = job;
    job->start();
    return job;
}

void UploadTransfers::step(const QString &id)
{
    if (!m_transfers.contains(id))
        return;
    const auto item = m_queue->item(id);
    if (!item || item->state != UploadItem::State::Queued) {
        end(id);
        Q_EMIT scheduleNeeded();
        return;
    }
    if (item->url.isEmpty())
        create(*item);
    else if (m_transfers.value(id).offset < 0)
        askOffset(*item);
    else
        pump(id);
}

void UploadTransfers::create(const UploadItem &item)
{
    const QString id = item.id;
    auto *job = new UploadCreateJob(m_nam, m_settings->apiBase, m_settings->token, item, this);
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

void UploadTransfers::askOffset(const UploadItem &item)
{
    const QString id = item.id;
    auto *job = new UploadOffsetJob(m_nam, QUrl(item.url), m_settings->token, this);
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

void UploadTransfers::pump(const QString &id)
{
    constexpr int kInFlight = 2;
    const auto item = m_queue->item(id);
    if (!item || !m_transfers.contains(id))
        return;
    UploadTransfer &t = m_transfers[id];
    // A late call after a failure: the retry (which first asks the offset) takes over.
    if (t.offset < 0 || t.retryTimer->isActive())
        return;
    if (t.chunks.isEmpty())
        t.sendOffset = t.offset;
    if (!fileUnchanged(*item))
        return;
    const qint64 chunkSize = qMin(m_settings->clientChunk, m_settings->serverChunk);
    while (t.chunks.size() < kInFlight && t.sendOffset < item->size && t.newestSent)
        if (!sendChunk(*item, t, chunkSize))
            return failItem(id, UploadEngine::tr("\"%1\" cannot be read.").arg(item->filename));
}

// False when the file moved (the item failed) or changed since it was added: never mix two
// versions of a file in one upload, the worker decides which to send.
bool UploadTransfers::fileUnchanged(const UploadItem &item)
{
    const QFileInfo info(item.path);
    if (!info.exists()) {
        failItem(item.id, UploadEngine::tr("\"%1\" is no longer at %2; add it again.")
                              .arg(item.filename, QDir::toNativeSeparators(info.absolutePath())));
        return false;
    }
    if (info.size() == item.size && info.lastModified().toMSecsSinceEpoch() == item.mtimeMs)
        return true;
    m_queue->setState(
        item.id, UploadItem::State::Changed,
        UploadEngine::tr("\"%1\" changed on disk since it was added.").arg(item.filename));
    end(item.id);
    Q_EMIT itemsChanged(item.assignmentId);
    Q_EMIT scheduleNeeded();
    return false;
}

// Sends the chunk at t.sendOffset and starts reading the one after it; false when the file
// cannot be read.
bool UploadTransfers::sendChunk(const UploadItem &item, UploadTransfer &t, qint64 chunkSize)
{
    const QString id = item.id;
    const qint64 total = item.size;
    const qint64 base = t.sendOffset;
    const qint64 want = qMin(chunkSize, total - base);
    const auto read = t.next.isValid() && t.nextOffset == base
                          ? t.next.result()
                          : UploadHasher::readChunk(item.path, base, want);
    t.next = {};
    if (read.first.size() != want)
        return false;
    if (base + want < total) {
        // Read and hash the following chunk while this one travels.
        t.nextOffset = base + want;
        t.next = QtConcurrent::run(&m_readPool, &UploadHasher::readChunk, item.path, t.nextOffset,
                                   qMin(chunkSize, total - t.nextOffset));
    }
    auto *job = new UploadChunkJob(m_nam, QUrl(item.url), m_settings->token, base, read.first,
                                   read.second, this);
    job->setTimeoutMs(m_settings->timeoutMs);
    t.chunks.append(job);
    t.sendOffset = base + want;
    t.newestSent = false;
    connect(job, &UploadChunkJob::progress, this, [this, id, base, want, total](qint64 sent) {
        onChunkProgress(id, base, want, total, sent);
    });
    connect(job, &NetworkJob::finished, this,
            [this, job, id, total] { onChunkFinished(id, job, total); });
    job->start();
    return true;
}

void UploadTransfers::onChunkProgress(const QString &id, qint64 base, qint64 want, qint64 total,
                                      qint64 sent)
{
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
}

void UploadTransfers::onChunkFinished(const QString &id, UploadChunkJob *job, qint64 total)
{
    job->deleteLater();
    auto it = m_transfers.find(id);
    if (it == m_transfers.end() || !it->chunks.contains(job))
        return;
    it->chunks.removeAll(job);
    if (job->errorKind() != NetworkJob::ErrorKind::None) {
        // Whatever else is in flight now starts at the wrong offset: drop it, ask.
        it->dropChunks(this);
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
}

void UploadTransfers::onJobFailed(const QString &id, NetworkJob *job)
{
    UploadTransfer &t = m_transfers[id];
    const int status = job->httpStatus();
    switch (job->errorKind()) {
    case NetworkJob::ErrorKind::Cancelled:
        return;
    case NetworkJob::ErrorKind::NeedsSignIn:
        Q_EMIT signInRequired(job->errorMessage()); // the engine pauses everything first
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

void UploadTransfers::retryLater(const QString &id)
{
    UploadTransfer &t = m_transfers[id];
    t.dropChunks(this);
    t.offset = -1; // after any doubt, the server's offset is the truth
    t.retryTimer->start(t.backoff.nextDelayMs());
}

void UploadTransfers::finishItem(const QString &id, const QString &deliverableId)
{
    const auto item = m_queue->item(id);
    m_queue->setDone(id, deliverableId);
    end(id);
    if (item) {
        Q_EMIT progress(id, item->size, item->size, false);
        Q_EMIT itemsChanged(item->assignmentId);
        qCInfo(lcUpload) << "uploaded" << item->filename << "as deliverable" << deliverableId;
        Q_EMIT uploaded(id, deliverableId, item->assignmentId);
    }
    Q_EMIT scheduleNeeded();
}

void UploadTransfers::failItem(const QString &id, const QString &message)
{
    const auto item = m_queue->item(id);
    m_queue->setState(id, UploadItem::State::Failed, message);
    end(id);
    if (item)
        Q_EMIT itemsChanged(item->assignmentId);
    Q_EMIT scheduleNeeded();
}

void UploadTransfers::end(const QString &id)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
        return;
    UploadTransfer t = *it;
    m_transfers.erase(it);
    t.dropChunks(this);
    if (t.job) {
        t.job->disconnect(this);
        t.job->abort();
        t.job->deleteLater();
    }
    if (t.retryTimer)
        t.retryTimer->deleteLater();
}

} // namespace onsite
