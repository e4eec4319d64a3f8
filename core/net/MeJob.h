#pragma once

#include "NetworkJob.h"
#include "Worker.h"

namespace onsite {

// GET /me
class MeJob : public NetworkJob
{
    Q_OBJECT
public:
    using NetworkJob::NetworkJob;
    Worker worker() const { return m_worker; }

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &body, QString *error) override;
    QString path() const override { return QStringLiteral("me"); }

private:
    Worker m_worker;
};

} // namespace onsite
