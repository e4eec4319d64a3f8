#pragma once

#include "NetworkJob.h"

namespace onsite {

// PATCH on an upload: one chunk at the offset the server acknowledged, with its SHA-256 so a
// chunk damaged on the way is refused (460) instead of stored.
class UploadChunkJob : public NetworkJob
{
    Q_OBJECT
public:
    UploadChunkJob(QNetworkAccessManager *nam, QUrl uploadUrl, QString token, qint64 offset,
                   QByteArray chunk, QByteArray sha256, QObject *parent = nullptr);
    qint64 newOffset() const { return m_newOffset; }
    QString deliverableId() const { return m_deliverableId; }
    qint64 chunkSize() const { return m_chunk.size(); }

Q_SIGNALS:
    void progress(qint64 sent);

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &, QString *) override { return true; }
    QString path() const override { return {}; }
    QUrl url() const override { return m_uploadUrl; }
    bool expectsJson() const override { return false; }
    bool parseHeaders(QNetworkReply *reply, QString *error) override;

private:
    QUrl m_uploadUrl;
    qint64 m_offset;
    QByteArray m_chunk;
    QByteArray m_sha256;
    qint64 m_newOffset = -1;
    QString m_deliverableId;
};

} // namespace onsite
