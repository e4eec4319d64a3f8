#include "UploadOptionsJob.h"

#include "Tus.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace onsite {

QNetworkReply *UploadOptionsJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    return nam->sendCustomRequest(request, "OPTIONS");
}

bool UploadOptionsJob::parseHeaders(QNetworkReply *reply, QString *error)
{
    if (!reply->rawHeader("Tus-Version").split(',').contains(Tus::kVersion)) {
        *error = tr("the server does not speak tus %1").arg(QLatin1String(Tus::kVersion));
        return false;
    }
    m_maxSize = reply->rawHeader("Tus-Max-Size").toLongLong();
    m_chunkSize = reply->rawHeader(Tus::kChunkSizeHeader).toLongLong();
    return true;
}

} // namespace onsite
