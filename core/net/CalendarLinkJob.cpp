#include "CalendarLinkJob.h"

#include <QNetworkAccessManager>

namespace onsite {

QNetworkReply *CalendarLinkJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return nam->post(request, QByteArrayLiteral("{}"));
}

bool CalendarLinkJob::parse(const QJsonObject &body, QString *error)
{
    m_url = body.value(QStringLiteral("url")).toString();
    if (!m_url.startsWith(QLatin1String("http"))) {
        *error = QStringLiteral("url: expected an http(s) URL");
        return false;
    }
    return true;
}

} // namespace onsite
