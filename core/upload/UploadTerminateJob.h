#pragma once

#include "NetworkJob.h"

namespace onsite {

// DELETE on an upload (tus termination): the worker cancelled it; the server drops its bytes.
class UploadTerminateJob : public NetworkJob
{
    Q_OBJECT
public:
    UploadTerminateJob(QNetworkAccessManager *nam, QUrl uploadUrl, QString token,
                       QObject *parent = nullptr);

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &, QString *) override { return true; }
    QString path() const override { return {}; }
    QUrl url() const override { return m_uploadUrl; }
    bool expectsJson() const override { return false; }

private:
    QUrl m_uploadUrl;
};

} // namespace onsite
