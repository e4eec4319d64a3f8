#pragma once

#include "NetworkJob.h"

namespace onsite {

// GET /me/scorecard
class ScorecardJob : public NetworkJob
{
    Q_OBJECT
public:
    using NetworkJob::NetworkJob;
    QJsonObject scorecard() const { return m_scorecard; }

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &body, QString *error) override;
    QString path() const override { return QStringLiteral("me/scorecard"); }

private:
    QJsonObject m_scorecard;
};

} // namespace onsite
