#include "DownloadJob.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace onsite {

DownloadJob::DownloadJob(QNetworkAccessManager *nam, QUrl apiBase, QString token,
                         QString deliverableId, QString targetPath, QObject *parent)
    : NetworkJob(nam, std::move(apiBase), std::move(token), parent), m_id(std::move(deliverableId)),
      m_file(targetPath)
{}

QNetworkReply *DownloadJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    request.setRawHeader("Accept", "*/*");
    QNetworkReply *reply = nam->get(request);
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return; // an error's JSON body is read by NetworkJob
        if (!m_file.isOpen()) {
            QDir().mkpath(QFileInfo(m_file.fileName()).absolutePath());
            m_file.open(QIODevice::WriteOnly);
        }
        m_file.write(reply->readAll());
    });
    return reply;
}

bool DownloadJob::parseHeaders(QNetworkReply *reply, QString *error)
{
    if (!m_file.isOpen()) { // an empty file: nothing arrived through readyRead
        QDir().mkpath(QFileInfo(m_file.fileName()).absolutePath());
        m_file.open(QIODevice::WriteOnly);
    }
    m_file.write(reply->readAll());
    if (!m_file.commit()) {
        *error = m_file.errorString();
        return false;
    }
    return true;
}

} // namespace onsite
