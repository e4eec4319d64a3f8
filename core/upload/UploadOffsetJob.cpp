#include "UploadOffsetJob.h"

#include "Tus.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace onsite {

UploadOffsetJob::UploadOffsetJob(QNetworkAccessManager *nam, QUrl uploadUrl, QString token,
                                 QObject *parent)
    : NetworkJob(nam, QUrl(), std::move(token), parent), m_uploadUrl(std::move(uploadUrl))
{}

QNetworkReply *UploadOffsetJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    request.setRawHeader("Tus-Resumable", Tus::kVersion);
    return nam->head(request);
}

bool UploadOffsetJob::parseHeaders(QNetworkReply *reply, QString *error)
{
    bool ok = false;
    m_offset = reply->rawHeader("Upload-Offset").toLongLong(&ok);
    if (!ok || m_offset < 0) {
        *error = tr("no Upload-Offset");
        return false;
    }
    m_length = reply->rawHeader("Upload-Length").toLongLong();
    m_deliverableId = QString::fromLatin1(reply->rawHeader(Tus::kDeliverableHeader));
    return true;
}

} // namespace onsite
