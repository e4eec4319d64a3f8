#pragma once

#include "NetworkJob.h"

namespace onsite {

// DELETE /session: the token stops working on the server.
class SignOutJob : public NetworkJob
{
    Q_OBJECT
public:
    using NetworkJob::NetworkJob;

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &, QString *) override { return true; }
    QString path() const override { return QStringLiteral("session"); }
};

} // namespace onsite
