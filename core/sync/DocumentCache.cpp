#include "DocumentCache.h"

#include "AcceptedFiles.h"
#include "DocumentDownloadJob.h"
#include "Sha256.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtConcurrent>
#include <algorithm>

namespace onsite {
namespace {

// The SHA-256 of the file in hex; empty when it cannot be read.
QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    Sha256 sha;
    while (!f.atEnd()) {
        const QByteArray piece = f.read(1 << 20);
        if (piece.isEmpty() && f.error() != QFileDevice::NoError)
            return {};
        sha.addData(piece);
    }
    return sha.result().toHex();
}

} // namespace

DocumentCache::DocumentCache(QNetworkAccessManager *nam, QString dir, QObject *parent)
    : QObject(parent), m_nam(nam), m_dir(std::move(dir))
{
    connect(&m_check, &QFutureWatcherBase::finished, this, &DocumentCache::onChecked);
}

DocumentCache::~DocumentCache()
{
    blockSignals(true); // nobody is told about a download stopped by the end
    stop();
    m_check.waitForFinished();
}

void DocumentCache::setServer(const QUrl &apiBase, const QString &token)
{
    m_apiBase = apiBase;
    m_token = token;
    next();
}

void DocumentCache::setLimitBytes(qint64 bytes)
{
    m_limit = qMax<qint64>(0, bytes);
    keep(m_wanted, false);
}

QString DocumentCache::folder(const QString &documentId) const
{
    // The id names a folder: anything but a plain id (a server's mistake) is hashed first.
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    const QString name =
        plain.match(documentId).hasMatch()
            ? documentId
            : QString::fromLatin1(
                  QCryptographicHash::hash(documentId.toUtf8(), QCryptographicHash::Sha1).toHex());
    return QDir(m_dir).filePath(name);
}

QString DocumentCache::partialPath(const QString &documentId) const
{
    return folder(documentId) + QStringLiteral("/.partial");
}

QString DocumentCache::filePath(const ClientDocument &d) const
{
    QString name = AcceptedFiles::sanitizedName(d.filename);
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name = QStringLiteral("document") + name;
    return folder(d.id) + QLatin1Char('/') + name;
}

bool DocumentCache::isReady(const ClientDocument &d) const
{
    const QFileInfo f(filePath(d));
    return f.isFile() && f.size() == d.size;
}

DocumentCache::Status DocumentCache::status(const ClientDocument &d) const
{
    if (isReady(d) && m_current.id != d.id)
        return {State::Ready, d.size, {}};
    return m_status.value(d.id);
}

qint64 DocumentCache::usedBytes() const
{
    qint64 used = 0;
    QDirIterator it(m_dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (it.fileName() != QLatin1String(".partial"))
            used += it.fileInfo().size();
    }
    return used;
}

void DocumentCache::setStatus(const QString &id, State state, qint64 have, const QString &message)
{
    m_status.insert(id, {state, have, message});
    Q_EMIT changed(id);
}

void DocumentCache::keep(QList<Wanted> wanted, bool mayDelete)
{
    std::stable_sort(wanted.begin(), wanted.end(),
                     [](const Wanted &a, const Wanted &b) { return a.start < b.start; });
    m_wanted = wanted;
    m_kept.clear();
    qint64 room = m_limit;
    for (const Wanted &w : std::as_const(m_wanted)) {
        const ClientDocument &d = w.document;
        if (m_kept.contains(d.id))
            continue;
        if (d.size <= room) {
            room -= d.size;
            m_kept.insert(d.id);
            if (!isReady(d))
                enqueue(d);
        } else if (!m_asked.contains(d.id)) {
            QString why;
            if (m_limit == 0)
                why = tr("Not kept offline: keeping documents offline is off in Settings.");
            else if (d.size > m_limit)
                why = tr("Not kept offline: larger than the %1 MB set in Settings.")
                          .arg(m_limit >> 20);
            else
                why = tr("Not kept offline: the documents of sooner assignments fill the %1 MB "
                         "set in Settings.")
                          .arg(m_limit >> 20);
            setStatus(d.id, State::NotKept, 0, why);
        }
    }
    removeUnwanted(mayDelete);
    next();
}

void DocumentCache::fetch(const ClientDocument &d)
{
    m_asked.insert(d.id);
    if (isReady(d) || m_current.id == d.id)
        return;
    m_queue.erase(std::remove_if(m_queue.begin(), m_queue.end(),
                                 [&](const ClientDocument &q) { return q.id == d.id; }),
                  m_queue.end());
    m_queue.prepend(d);
    setStatus(d.id, State::Waiting);
    next();
}

void DocumentCache::enqueue(const ClientDocument &d)
{
    if (m_current.id == d.id)
        return;
    for (const ClientDocument &q : std::as_const(m_queue))
        if (q.id == d.id)
            return;
    m_queue.append(d);
    setStatus(d.id, State::Waiting);
}

// Copies neither kept nor asked for go, and so do their places in the queue.
void DocumentCache::removeUnwanted(bool deleteCopies)
{
    const auto wanted = [this](const QString &id) {
        return m_kept.contains(id) || m_asked.contains(id);
    };
    m_queue.erase(std::remove_if(m_queue.begin(), m_queue.end(),
                                 [&](const ClientDocument &q) { return !wanted(q.id); }),
                  m_queue.end());
    if (m_job && !wanted(m_current.id))
        m_job->abort(); // the rest of a document nobody needs now
    QSet<QString> folders;
    for (const QString &id : m_kept + m_asked)
        folders.insert(QFileInfo(folder(id)).fileName());
    if (!m_current.id.isEmpty())
        folders.insert(QFileInfo(folder(m_current.id)).fileName());
    const QStringList present =
        deleteCopies ? QDir(m_dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot) : QStringList();
    for (const QString &name : present)
        if (!folders.contains(name))
            QDir(QDir(m_dir).filePath(name)).removeRecursively();
    for (auto it = m_status.begin(); it != m_status.end();)
        it = wanted(it.key()) || it->state == State::NotKept ? std::next(it) : m_status.erase(it);
}

void DocumentCache::next()
{
    if (m_job || m_check.isRunning() || !m_current.id.isEmpty() || m_token.isEmpty() ||
        m_queue.isEmpty())
        return;
    m_current = m_queue.takeFirst();
    const QString partial = partialPath(m_current.id);
    const qint64 held = QFileInfo(partial).size();
    if (held > m_current.size)
        QFile::remove(partial); // not this document's bytes
    if (held == m_current.size && held > 0) {
        onDownloaded(); // all there: only the check is left
        return;
    }
    m_job = new DocumentDownloadJob(m_nam, m_apiBase, m_token, m_current.id, partial, this);
    m_job->setTimeoutMs(15000); // no byte for 15 s: no signal, tried again later
    connect(m_job, &DocumentDownloadJob::progressed, this,
            [this](qint64 have) { setStatus(m_current.id, State::Downloading, have); });
    connect(m_job, &NetworkJob::finished, this, &DocumentCache::onDownloaded);
    setStatus(m_current.id, State::Downloading, m_job->have());
    m_job->start();
}

void DocumentCache::onDownloaded()
{
    DocumentDownloadJob *job = m_job;
    m_job = nullptr;
    const QString id = m_current.id;
    if (job) {
        job->deleteLater();
        const auto kind = job->errorKind();
        if (kind != NetworkJob::ErrorKind::None) {
            m_current = {};
            if (kind == NetworkJob::ErrorKind::Cancelled) {
                m_status.remove(id);
                Q_EMIT changed(id);
                next();
                return;
            }
            if (kind == NetworkJob::ErrorKind::Fatal)
                QFile::remove(partialPath(id)); // refused (removed, not ours): start over
            setStatus(id, State::Failed, 0, job->errorMessage());
            next();
            return;
        }
    }
    setStatus(id, State::Downloading, m_current.size);
    const QString partial = partialPath(id);
    m_check.setFuture(QtConcurrent::run([partial] { return fileSha256(partial); }));
}

void DocumentCache::onChecked()
{
    const ClientDocument d = m_current;
    m_current = {};
    const QString partial = partialPath(d.id);
    const QByteArray sha = m_check.result();
    if (sha.isEmpty() || QString::fromLatin1(sha).compare(d.sha256, Qt::CaseInsensitive) != 0) {
        QFile::remove(partial);
        setStatus(d.id, State::Failed, 0,
                  tr("The downloaded copy did not match the server's; Onsite downloads it "
                     "again after the next sync."));
    } else {
        const QString final = filePath(d);
        QFile::remove(final);
        if (QFile::rename(partial, final)) {
            m_status.remove(d.id);
            Q_EMIT changed(d.id);
        } else {
            setStatus(d.id, State::Failed, 0,
                      tr("The downloaded copy could not be saved in %1.")
                          .arg(QDir::toNativeSeparators(m_dir)));
        }
    }
    next();
}

void DocumentCache::stop()
{
    m_queue.clear();
    if (m_job)
        m_job->abort();
}

} // namespace onsite
