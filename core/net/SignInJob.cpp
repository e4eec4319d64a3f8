#include "SignInJob.h"

#include <QNetworkAccessManager>

namespace onsite {

SignInJob::SignInJob(QNetworkAccessManager *nam, QUrl apiBase, QString email, QString password,
                     QObject *parent)
    : NetworkJob(nam, std::move(apiBase), QString(), parent), m_email(std::move(email)),
      m_password(std::move(password))
{}

QNetworkReply *SignInJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return nam->post(request, jsonBody({{QStringLiteral("email"), m_email},
                                        {QStringLiteral("password"), m_password}}));
}

bool SignInJob::parse(const QJsonObject &body, QString *error)
{
    m_token = body.value(QStringLiteral("token")).toString();
    m_worker = Worker::fromJson(body.value(QStringLiteral("worker")).toObject());
    if (m_token.isEmpty() || m_worker.id <= 0) {
        *error = QStringLiteral("token or worker missing");
        return false;
    }
    return true;
}

} // namespace onsite
