// A load run worker's uploads by tus: create, PATCH chunk by chunk, HEAD to resume after a
// lost answer.

#include "Worker.h"

#include "Load.h"
#include "LoadUtil.h"

#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

namespace loadrun {

void Worker::startUpload()
{
    QList<qint64> ids;
    for (qint64 id : activeAssignments())
        if (!m_assignments.value(id).photoRequirement.isEmpty())
            ids << id;
    if (ids.isEmpty())
        return;
    Upload u;
    u.assignmentId = ids.at(QRandomGenerator::global()->bounded(int(ids.size())));
    u.requirement = m_assignments.value(u.assignmentId).photoRequirement;
    u.data = pngBytes(QRandomGenerator::global()->bounded(16 * 1024, 256 * 1024));
    u.sha256 = QString::fromLatin1(sha256(u.data).toHex());
    u.deliverableId = uuid();
    m_upload = u;
    createUpload();
}

QNetworkRequest Worker::tusRequest(const QUrl &url) const
{
    QNetworkRequest req = request(url);
    req.setRawHeader("Tus-Resumable", "1.0.0");
    return req;
}

void Worker::createUpload()
{
    Upload &u = *m_upload;
    QNetworkRequest req = tusRequest(api(QStringLiteral("uploads")));
    req.setRawHeader("Upload-Length", QByteArray::number(u.data.size()));
    req.setRawHeader(
        "Upload-Metadata",
        tusMetadata({{QStringLiteral("assignment_id"), QString::number(u.assignmentId)},
                     {QStringLiteral("requirement_id"), u.requirement},
                     {QStringLiteral("kind"), QStringLiteral("photo")},
                     {QStringLiteral("filename"),
                      QStringLiteral("site-%1.png").arg(u.deliverableId.left(8))},
                     {QStringLiteral("sha256"), u.sha256},
                     {QStringLiteral("deliverable_id"), u.deliverableId}}));
    send(UploadCreate, "POST", req, {}, [this](QNetworkReply *r, int status, const QByteArray &b) {
        if (retryable(r, status, "uploads create")) {
            // The same deliverable_id again: a creation that did happen leaves an
            // upload nobody finishes, never a second deliverable.
            QTimer::singleShot(backoffMs(++m_upload->attempts), this, [this] { createUpload(); });
            return;
        }
        m_upload->attempts = 0;
        if (status != 201) {
            m_load->error(m_index, QStringLiteral("tus create: %1").arg(describe(status, b)));
            endUpload();
            return;
        }
        m_upload->url =
            m_load->opt.base.resolved(QUrl(QString::fromLatin1(r->rawHeader("Location"))));
        if (uploadState(r))
            patch();
    });
}

bool Worker::uploadState(QNetworkReply *r)
{
    Upload &u = *m_upload;
    bool ok = false;
    const qint64 offset = r->rawHeader("Upload-Offset").toLongLong(&ok);
    if (!ok || offset < 0 || offset > u.data.size()) {
        m_load->error(m_index, QStringLiteral("tus: bad Upload-Offset \"%1\"")
                                   .arg(QString::fromLatin1(r->rawHeader("Upload-Offset"))));
        endUpload();
        return false;
    }
    u.offset = offset;
    if (offset < u.data.size())
        return true;
    const QString deliverable = QString::fromLatin1(r->rawHeader("Onsite-Deliverable-Id"));
    if (deliverable.isEmpty()) {
        m_load->error(m_index, QStringLiteral("tus: all bytes in but no deliverable id"));
    } else {
        m_load->uploads.push_back(
            {m_index, u.assignmentId, deliverable, u.sha256, qint64(u.data.size()), u.resumes});
        m_load->uploadedBytes += u.data.size();
    }
    endUpload();
    return false;
}

void Worker::patch()
{
    const Upload &u = *m_upload;
    const QByteArray chunk = u.data.mid(u.offset, m_load->opt.chunk);
    QNetworkRequest req = tusRequest(u.url);
    req.setHeader(QNetworkRequest::ContentTypeHeader,
                  QByteArray("application/offset+octet-stream"));
    req.setRawHeader("Upload-Offset", QByteArray::number(u.offset));
    req.setRawHeader("Upload-Checksum", "sha256 " + sha256(chunk).toBase64());
    send(UploadPatch, "PATCH", req, chunk,
         [this](QNetworkReply *r, int status, const QByteArray &b) {
             Upload &up = *m_upload;
             if (retryable(r, status, "uploads patch")) {
                 up.failedSinceHead = true;
                 QTimer::singleShot(backoffMs(++up.attempts), this, [this] { head(); });
                 return;
             }
             if (status == 409) {
                 // Only after a chunk whose answer was lost can the server be ahead of us.
                 if (up.failedSinceHead)
                     m_load->retry(QStringLiteral("uploads patch 409 after a lost answer"));
                 else
                     m_load->error(m_index,
                                   QStringLiteral("tus PATCH: %1").arg(describe(status, b)));
                 head();
                 return;
             }
             up.attempts = 0;
             if (status != 204) {
                 m_load->error(m_index, QStringLiteral("tus PATCH: %1").arg(describe(status, b)));
                 endUpload();
                 return;
             }
             if (uploadState(r))
                 patch();
         });
}

void Worker::head()
{
    ++m_upload->resumes;
    send(UploadHead, "HEAD", tusRequest(m_upload->url), {},
         [this](QNetworkReply *r, int status, const QByteArray &b) {
             Upload &u = *m_upload;
             if (retryable(r, status, "uploads head")) {
                 QTimer::singleShot(backoffMs(++u.attempts), this, [this] { head(); });
                 return;
             }
             u.attempts = 0;
             u.failedSinceHead = false;
             if (status != 200) {
                 m_load->error(m_index, QStringLiteral("tus HEAD: %1").arg(describe(status, b)));
                 endUpload();
                 return;
             }
             if (uploadState(r))
                 patch();
         });
}

} // namespace loadrun
