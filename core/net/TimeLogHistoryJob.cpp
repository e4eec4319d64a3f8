#include "TimeLogHistoryJob.h"

#include <QNetworkAccessManager>

namespace onsite {

QNetworkReply *TimeLogHistoryJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    return nam->get(request);
}

bool TimeLogHistoryJob::parse(const QJsonObject &body, QString *error)
{
    if (!body.value(QStringLiteral("history")).isArray()) {
        *error = QStringLiteral("history: expected an array");
        return false;
    }
    m_history = body.value(QStringLiteral("history")).toArray();
    return true;
}

} // namespace onsite
