#pragma once

#include "NetworkJob.h"

namespace onsite {

// HEAD on an upload: how many bytes the server has (the only offset a resume may trust), and
// the deliverable once it is complete.
class UploadOffsetJob : public NetworkJob
{
    Q_OBJECT
public:
    UploadOffsetJob(QNetworkAccessManager *nam, QUrl uploadUrl, QString token,
                    QObject *parent = nullptr);
    qint64 offset() const { return m_offset; }
    qint64 length() const { return m_length; }
    QString deliverableId() const { return m_deliverableId; }

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &, QString *) override { return true; }
    QString path() const override { return {}; }
    QUrl url() const override { return m_uploadUrl; }
    bool expectsJson() const override { return false; }
    bool parseHeaders(QNetworkReply *reply, QString *error) override;

private:
    QUrl m_uploadUrl;
    qint64 m_offset = -1;
    qint64 m_length = -1;
    QString m_deliverableId;
};

} // namespace onsite
