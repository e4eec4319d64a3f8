#include "DeliverableFiles.h"

#include "AcceptedFiles.h"
#include "AppSession.h"
#include "AssignmentActions.h"
#include "AssignmentPage.h"
#include "Clock.h"
#include "DeliverablesPanel.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "Operations.h"
#include "UploadEngine.h"
#include "UploadFilesDialog.h"
#include "UploadQueue.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace onsite {

DeliverableFiles::DeliverableFiles(AppSession *session, AssignmentActions *actions, QObject *parent)
    : QObject(parent), m_session(session), m_actions(actions)
{
    connect(m_session, &AppSession::engineCreated, this, &DeliverableFiles::connectEngine);
}

void DeliverableFiles::connectEngine()
{
    UploadEngine *uploads = m_session->uploads();
    AssignmentPage *page = m_session->window()->page();
    connect(uploads, &UploadEngine::itemsChanged, this, [this] { refreshUploads(); });
    connect(uploads, &UploadEngine::progress, page, &AssignmentPage::setUploadProgress);
    connect(uploads, &UploadEngine::refused, this,
            [this, page](const QString &path, const QString &message) {
                // Listed beside the deliverables of the assignment the file was added to.
                const qint64 id = m_addingFor.take(path);
                page->deliverables()->addRefused(id ? id : page->assignmentId(),
                                                 QFileInfo(path).fileName(), message);
            });
    connect(uploads, &UploadEngine::downloaded, this, &DeliverableFiles::onDownloaded);
}

void DeliverableFiles::onDownloaded(const QString &id, const QString &path, bool ok,
                                    const QString &message)
{
    AssignmentPage *page = m_session->window()->page();
    m_fetching.remove(id);
    if (ok)
        page->setCachedFile(id, path);
    if (m_openAfter.remove(id)) {
        if (ok)
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
        else
            page->showError(tr("The file could not be fetched: %1").arg(message));
    }
}

QString DeliverableFiles::cachePath(const QString &deliverableId, const QString &filename) const
{
    return QDir(m_session->dataDir())
        .filePath(QStringLiteral("files/%1/%2")
                      .arg(deliverableId, AcceptedFiles::sanitizedName(filename)));
}

void DeliverableFiles::useCachedFiles(const Assignment &a)
{
    constexpr qint64 kThumbnailFetchLimit = 8 * 1024 * 1024;
    for (const Deliverable &d : a.deliverables) {
        const QString path = cachePath(d.id, d.filename);
        if (QFileInfo::exists(path)) {
            m_session->window()->page()->setCachedFile(d.id, path);
        } else if (AcceptedFiles::isImage(d.filename) && d.size <= kThumbnailFetchLimit &&
                   m_session->uploads() && !m_fetching.contains(d.id)) {
            m_fetching.insert(d.id);
            const QString id = d.id;
            m_session->onUploads([id, path](UploadEngine *u) { u->download(id, path); });
        }
    }
}

void DeliverableFiles::openDeliverable(const QString &deliverableId, const QString &filename)
{
    const QString path = cachePath(deliverableId, filename);
    if (QFileInfo::exists(path)) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
        return;
    }
    m_openAfter.insert(deliverableId);
    m_session->window()->showMessage(tr("Fetching \"%1\"…").arg(filename));
    if (m_fetching.contains(deliverableId))
        return;
    m_fetching.insert(deliverableId);
    m_session->onUploads(
        [deliverableId, path](UploadEngine *u) { u->download(deliverableId, path); });
}

void DeliverableFiles::refreshUploads()
{
    LocalStore *reader = m_session->reader();
    if (!reader)
        return;
    AssignmentPage *page = m_session->window()->page();
    page->setUploads(UploadQueue(reader->database()).items(page->assignmentId()));
}

void DeliverableFiles::addFiles(qint64 id, const QList<FileChoice> &files)
{
    for (const FileChoice &c : files)
        m_addingFor.insert(c.path, id);
    m_session->onUploads([id, files](UploadEngine *u) {
        for (const FileChoice &c : files)
            u->add(id, c.path, c.kind, c.requirementId);
    });
}

void DeliverableFiles::removeDeliverable(qint64 id, const QString &deliverableId,
                                         const QString &uploadId)
{
    // Through the outbox like every change, so it waits offline; the local copy of the upload
    // is forgotten at once.
    m_actions->record(Operations::removeDeliverable(id, deliverableId, m_session->clock()->now()));
    cancelUpload(uploadId);
}

void DeliverableFiles::cancelUpload(const QString &uploadId)
{
    m_session->onUploads([uploadId](UploadEngine *u) { u->cancel(uploadId); });
}

void DeliverableFiles::retryUpload(const QString &uploadId)
{
    m_session->onUploads([uploadId](UploadEngine *u) { u->retry(uploadId); });
}

void DeliverableFiles::useNewVersion(const QString &uploadId)
{
    m_session->onUploads([uploadId](UploadEngine *u) { u->useCurrentFile(uploadId); });
}

} // namespace onsite
