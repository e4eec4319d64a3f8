#include "DocumentFiles.h"

#include "AppSession.h"
#include "AppSettings.h"
#include "AssignmentPage.h"
#include "DocumentCache.h"
#include "DocumentsSection.h"
#include "MainWindow.h"
#include "ReadCache.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QUrl>
#include <optional>

namespace onsite {

DocumentFiles::DocumentFiles(AppSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    connect(session, &AppSession::engineCreated, this, &DocumentFiles::startCache);
    connect(session, &AppSession::sessionClosed, this, &DocumentFiles::stopCache);
    connect(session, &AppSession::syncFinished, this, [this](bool ok) { refreshWanted(ok); });
    DocumentsSection *section = session->window()->page()->documents();
    section->setStatusSource([this](const ClientDocument &d) {
        return m_cache ? m_cache->status(d) : DocumentCache::Status{};
    });
    connect(section, &DocumentsSection::openRequested, this, &DocumentFiles::open);
    // Files attached to messages open the same way (fetched into the same folder first).
    connect(session->window()->page()->messages(), &MessagesSection::fileOpenRequested, this,
            &DocumentFiles::open);
}

DocumentFiles::~DocumentFiles()
{
    stopCache();
}

QString DocumentFiles::folderFor(const QString &databasePath)
{
    QString base = databasePath;
    if (base.endsWith(QLatin1String(".sqlite")))
        base.chop(7);
    return base + QStringLiteral("-documents");
}

void DocumentFiles::startCache()
{
    stopCache();
    m_cache = new DocumentCache(m_session->network(), folderFor(m_session->databasePath()), this);
    m_cache->setLimitBytes(qint64(AppSettings::documentsLimitMb()) << 20);
    m_cache->setServer(m_session->api(), m_session->token());
    connect(m_cache, &DocumentCache::changed, this, &DocumentFiles::onChanged);
    refreshWanted(false); // what the cache file already lists, before the first sync ends
}

void DocumentFiles::stopCache()
{
    m_openAfter.clear();
    if (m_cache)
        disconnect(m_cache, nullptr, this, nullptr);
    delete m_cache; // stops its download; the partial file stays for the next session
}

void DocumentFiles::applyLimit()
{
    if (m_cache)
        m_cache->setLimitBytes(qint64(AppSettings::documentsLimitMb()) << 20);
}

void DocumentFiles::refreshWanted(bool mayDelete)
{
    const QString db = m_session->databasePath();
    if (!m_cache || db.isEmpty())
        return;
    // nullopt: the cache file could not be read (not migrated yet on a first start); the
    // copies are then kept as they are, not taken for unwanted.
    using Wanted = std::optional<QList<DocumentCache::Wanted>>;
    auto *watcher = new QFutureWatcher<Wanted>(this);
    QPointer<DocumentCache> cache = m_cache;
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, cache, mayDelete] {
        watcher->deleteLater();
        const Wanted wanted = watcher->result();
        if (cache && wanted)
            cache->keep(*wanted, mayDelete);
    });
    watcher->setFuture(readCache(
        m_session->loadPool(), db,
        [](LocalStore &store) -> Wanted {
            QString error;
            const QList<Assignment> active = store.activeWithDocuments(&error);
            if (!error.isEmpty())
                return std::nullopt;
            QList<DocumentCache::Wanted> out;
            for (const Assignment &a : active)
                for (const ClientDocument &d : a.documents)
                    out.append({a.schedule.start, d});
            return out;
        },
        [](const QString &) -> Wanted { return std::nullopt; }));
}

void DocumentFiles::onChanged(const QString &documentId)
{
    m_session->window()->page()->documents()->refresh(documentId);
    if (!m_cache || !m_openAfter.contains(documentId))
        return;
    const ClientDocument d = m_openAfter.value(documentId);
    const DocumentCache::Status s = m_cache->status(d);
    if (s.state == DocumentCache::State::Ready) {
        m_openAfter.remove(documentId);
        openFile(d);
    } else if (s.state == DocumentCache::State::Failed) {
        m_openAfter.remove(documentId);
        m_session->window()->page()->showError(
            tr("\"%1\" could not be fetched: %2").arg(d.filename, s.message));
    }
}

void DocumentFiles::open(const ClientDocument &d)
{
    if (!m_cache)
        return;
    if (m_cache->status(d).state == DocumentCache::State::Ready) {
        openFile(d);
        return;
    }
    m_openAfter.insert(d.id, d);
    m_session->window()->showMessage(tr("Fetching \"%1\"…").arg(d.filename));
    m_cache->fetch(d);
}

void DocumentFiles::openFile(const ClientDocument &d)
{
    const QString path = m_cache->filePath(d);
    AssignmentPage *page = m_session->window()->page();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path))) {
        page->showError(
            tr("No program on this computer opens \"%1\". The copy is in %2.")
                .arg(d.filename, QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
        return;
    }
    page->showError(QString()); // an earlier "could not be fetched" no longer holds
    m_session->window()->showMessage(tr("Opened \"%1\".").arg(d.filename));
}

} // namespace onsite
