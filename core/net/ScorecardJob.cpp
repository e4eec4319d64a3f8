#include "ScorecardJob.h"

#include <QNetworkAccessManager>

namespace onsite {

QNetworkReply *ScorecardJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    return nam->get(request);
}

bool ScorecardJob::parse(const QJsonObject &body, QString *error)
{
    if (!body.value(QStringLiteral("on_time")).isObject() ||
        !body.value(QStringLiteral("completed")).isDouble()) {
        *error = QStringLiteral("scorecard: on_time and completed are required");
        return false;
    }
    m_scorecard = body;
    return true;
}

} // namespace onsite
