#pragma once

#include "NetworkJob.h"
#include "Worker.h"

namespace onsite {

// POST /session {email, password} -> {token, worker}
class SignInJob : public NetworkJob
{
    Q_OBJECT
public:
    SignInJob(QNetworkAccessManager *nam, QUrl apiBase, QString email, QString password,
              QObject *parent = nullptr);
    QString token() const { return m_token; }
    Worker worker() const { return m_worker; }

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &body, QString *error) override;
    QString path() const override { return QStringLiteral("session"); }

private:
    QString m_email;
    QString m_password;
    QString m_token;
    Worker m_worker;
};

} // namespace onsite
