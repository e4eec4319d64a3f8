#pragma once

#include "NetworkJob.h"
#include "UploadItem.h"

namespace onsite {

// POST /uploads (tus creation): announces the file's length and metadata; the answer's
// Location is where its bytes go. A file the server already has for that requirement comes
// back complete, with its deliverable.
class UploadCreateJob : public NetworkJob
{
    Q_OBJECT
public:
    UploadCreateJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, UploadItem item,
                    QObject *parent = nullptr);
    QUrl uploadUrl() const { return m_uploadUrl; }
    qint64 offset() const { return m_offset; }
    QString deliverableId() const { return m_deliverableId; }

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &, QString *) override { return true; }
    QString path() const override { return QStringLiteral("uploads"); }
    bool expectsJson() const override { return false; }
    bool parseHeaders(QNetworkReply *reply, QString *error) override;

private:
    UploadItem m_item;
    QUrl m_uploadUrl;
    qint64 m_offset = 0;
    QString m_deliverableId;
};

} // namespace onsite
