#include "UploadTerminateJob.h"

#include "Tus.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace onsite {

UploadTerminateJob::UploadTerminateJob(QNetworkAccessManager *nam, QUrl uploadUrl, QString token,
                                       QObject *parent)
    : NetworkJob(nam, QUrl(), std::move(token), parent), m_uploadUrl(std::move(uploadUrl))
{}

QNetworkReply *UploadTerminateJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    request.setRawHeader("Tus-Resumable", Tus::kVersion);
    return nam->deleteResource(request);
}

} // namespace onsite
