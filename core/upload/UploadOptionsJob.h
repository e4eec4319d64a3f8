#pragma once

#include "NetworkJob.h"

namespace onsite {

// OPTIONS /uploads: the server's tus limits (largest file, largest chunk).
class UploadOptionsJob : public NetworkJob
{
    Q_OBJECT
public:
    using NetworkJob::NetworkJob;
    qint64 maxSize() const { return m_maxSize; }
    qint64 chunkSize() const { return m_chunkSize; }

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &, QString *) override { return true; }
    QString path() const override { return QStringLiteral("uploads"); }
    bool expectsJson() const override { return false; }
    bool parseHeaders(QNetworkReply *reply, QString *error) override;

private:
    qint64 m_maxSize = 0;
    qint64 m_chunkSize = 0;
};

} // namespace onsite
