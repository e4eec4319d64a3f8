#include "UploadChunkJob.h"

#include "Tus.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace onsite {

UploadChunkJob::UploadChunkJob(QNetworkAccessManager *nam, QUrl uploadUrl, QString token,
                               qint64 offset, QByteArray chunk, QByteArray sha256, QObject *parent)
    : NetworkJob(nam, QUrl(), std::move(token), parent), m_uploadUrl(std::move(uploadUrl)),
      m_offset(offset), m_chunk(std::move(chunk)), m_sha256(std::move(sha256))
{}

QNetworkReply *UploadChunkJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    request.setRawHeader("Tus-Resumable", Tus::kVersion);
    request.setRawHeader("Upload-Offset", QByteArray::number(m_offset));
    request.setRawHeader("Upload-Checksum", "sha256 " + m_sha256.toBase64());
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/offset+octet-stream"));
    QNetworkReply *reply = nam->sendCustomRequest(request, "PATCH", m_chunk);
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this](qint64 sent, qint64) { Q_EMIT progress(sent); });
    return reply;
}

bool UploadChunkJob::parseHeaders(QNetworkReply *reply, QString *error)
{
    bool ok = false;
    m_newOffset = reply->rawHeader("Upload-Offset").toLongLong(&ok);
    if (!ok || m_newOffset != m_offset + m_chunk.size()) {
        *error = tr("unexpected Upload-Offset");
        return false;
    }
    m_deliverableId = QString::fromLatin1(reply->rawHeader(Tus::kDeliverableHeader));
    return true;
}

} // namespace onsite
