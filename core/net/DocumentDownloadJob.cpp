#include "DocumentDownloadJob.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace onsite {

DocumentDownloadJob::DocumentDownloadJob(QNetworkAccessManager *nam, QUrl apiBase, QString token,
                                         QString documentId, QString partialPath, QObject *parent)
    : NetworkJob(nam, std::move(apiBase), std::move(token), parent), m_id(std::move(documentId)),
      m_file(partialPath)
{
    m_have = QFileInfo(partialPath).size();
}

QNetworkReply *DocumentDownloadJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    request.setRawHeader("Accept", "*/*");
    if (m_have > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_have) + '-');
    QNetworkReply *reply = nam->get(request);
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        if (take(reply))
            Q_EMIT progressed(m_have);
    });
    return reply;
}

bool DocumentDownloadJob::take(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if ((status != 200 && status != 206) || m_writeFailed)
        return false; // an error's JSON body is read by NetworkJob
    if (!m_file.isOpen()) {
        QDir().mkpath(QFileInfo(m_file.fileName()).absolutePath());
        // 206: the rest of the file after the bytes held; 200: all of it, from the start.
        const bool resume = status == 206 && m_have > 0;
        if (!m_file.open(resume ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_writeFailed = true;
            return false;
        }
        if (!resume)
            m_have = 0;
    }
    const QByteArray bytes = reply->readAll();
    if (m_file.write(bytes) != bytes.size()) {
        m_writeFailed = true;
        return false;
    }
    m_have += bytes.size();
    return true;
}

bool DocumentDownloadJob::parseHeaders(QNetworkReply *reply, QString *error)
{
    take(reply);
    if (!m_file.isOpen() && !m_writeFailed) { // an empty answer: nothing came through readyRead
        QDir().mkpath(QFileInfo(m_file.fileName()).absolutePath());
        m_writeFailed = !m_file.open(QIODevice::Append);
    }
    const bool flushed = m_file.isOpen() && m_file.flush();
    m_file.close();
    if (m_writeFailed || !flushed) {
        *error = tr("The download could not be written to disk: %1").arg(m_file.errorString());
        return false;
    }
    return true;
}

} // namespace onsite
