#include "HttpClient.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>

namespace onsite::test {

QString HttpClient::Reply::errorCode() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString HttpClient::Reply::errorMessage() const
{
    return json.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("message"))
        .toString();
}

QNetworkReply *HttpClient::send(const QByteArray &method, const QString &path,
                                const QByteArray &body, const QString &token,
                                const Headers &headers)
{
    QUrl url = m_base;
    const int q = path.indexOf(QLatin1Char('?'));
    url.setPath(m_base.path() + (q < 0 ? path : path.left(q)));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest req(url);
    req.setTransferTimeout(30000);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QBuffer *buffer = new QBuffer;
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, buffer);
    buffer->setParent(reply);
    return reply;
}

HttpClient::Reply HttpClient::collect(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

HttpClient::Reply HttpClient::request(const QByteArray &method, const QString &path,
                                      const QByteArray &body, const QString &token,
                                      const Headers &headers)
{
    return collect(send(method, path, body, token, headers));
}

HttpClient::Reply HttpClient::post(const QString &path, const QJsonObject &o, const QString &token)
{
    return request("POST", path, QJsonDocument(o).toJson(QJsonDocument::Compact), token);
}

HttpClient::Reply HttpClient::patch(const QString &path, const QJsonObject &o, const QString &token)
{
    return request("PATCH", path, QJsonDocument(o).toJson(QJsonDocument::Compact), token);
}

QString HttpClient::signIn(const QString &email, const QString &password)
{
    const Reply r = post(QStringLiteral("session"), {{QStringLiteral("email"), email},
                                                     {QStringLiteral("password"), password}});
    return r.json.value(QStringLiteral("token")).toString();
}

} // namespace onsite::test
