#pragma once

#include "NetworkJob.h"

namespace onsite {

// POST /me/calendar: a new private calendar subscription URL for the worker (any earlier one
// stops working).
class CalendarLinkJob : public NetworkJob
{
    Q_OBJECT
public:
    using NetworkJob::NetworkJob;
    QString link() const { return m_url; }

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &body, QString *error) override;
    QString path() const override { return QStringLiteral("me/calendar"); }

private:
    QString m_url;
};

} // namespace onsite
