#include "UploadCreateJob.h"

#include "Tus.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace onsite {

UploadCreateJob::UploadCreateJob(QNetworkAccessManager *nam, QUrl apiBase, QString token,
                                 UploadItem item, QObject *parent)
    : NetworkJob(nam, std::move(apiBase), std::move(token), parent), m_item(std::move(item))
{}

QNetworkReply *UploadCreateJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    QMap<QString, QString> meta{
        {QStringLiteral("assignment_id"), QString::number(m_item.assignmentId)},
        {QStringLiteral("kind"), m_item.kind},
        {QStringLiteral("filename"), m_item.filename},
        {QStringLiteral("sha256"), m_item.sha256},
        {QStringLiteral("deliverable_id"), m_item.id}};
    if (!m_item.requirementId.isEmpty())
        meta.insert(QStringLiteral("requirement_id"), m_item.requirementId);
    request.setRawHeader("Tus-Resumable", Tus::kVersion);
    request.setRawHeader("Upload-Length", QByteArray::number(m_item.size));
    request.setRawHeader("Upload-Metadata", Tus::encodeMetadata(meta));
    return nam->post(request, QByteArray());
}

bool UploadCreateJob::parseHeaders(QNetworkReply *reply, QString *error)
{
    const QByteArray location = reply->rawHeader("Location");
    if (location.isEmpty()) {
        *error = tr("no upload location");
        return false;
    }
    m_uploadUrl = reply->url().resolved(QUrl::fromEncoded(location));
    m_offset = reply->rawHeader("Upload-Offset").toLongLong();
    m_deliverableId = QString::fromLatin1(reply->rawHeader(Tus::kDeliverableHeader));
    return true;
}

} // namespace onsite
