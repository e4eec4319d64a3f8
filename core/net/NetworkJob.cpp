#include "NetworkJob.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace onsite {

NetworkJob::NetworkJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, QObject *parent)
    : QObject(parent), m_nam(nam), m_apiBase(std::move(apiBase)), m_token(std::move(token))
{}

NetworkJob::~NetworkJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QByteArray NetworkJob::jsonBody(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QUrl NetworkJob::url() const
{
    QUrl url = m_apiBase;
    QString base = url.path();
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    url.setPath(base + path());
    const QUrlQuery q = query();
    if (!q.isEmpty())
        url.setQuery(q);
    return url;
}

bool NetworkJob::parseHeaders(QNetworkReply *, QString *)
{
    return true;
}

void NetworkJob::start()
{
    QNetworkRequest request(url());
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("Onsite/" ONSITE_VERSION));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    m_reply = send(m_nam, request);
    connect(m_reply, &QNetworkReply::finished, this, &NetworkJob::onReplyFinished);
}

void NetworkJob::abort()
{
    m_aborted = true;
    if (m_reply)
        m_reply->abort();
}

void NetworkJob::fail(ErrorKind kind, QString code, QString message)
{
    m_errorKind = kind;
    m_errorCode = std::move(code);
    m_errorMessage = std::move(message);
}

void NetworkJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    m_bytesReceived = body.size();
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject error = doc.object().value(QStringLiteral("error")).toObject();
    const QString serverMessage = error.value(QStringLiteral("message")).toString();
    const QString serverCode = error.value(QStringLiteral("code")).toString();

    if (m_aborted) {
        fail(ErrorKind::Cancelled, QStringLiteral("cancelled"), tr("Cancelled"));
    } else if (m_httpStatus == 0) {
        // No HTTP answer at all: refused, reset, timed out, DNS. The network may come back.
        fail(ErrorKind::Retry, QStringLiteral("network"),
             tr("Cannot reach the server: %1").arg(reply->errorString()));
    } else if (m_httpStatus == 401 && serverCode == QLatin1String("session_expired")) {
        fail(ErrorKind::NeedsSignIn, serverCode,
             tr("Your session has ended (sessions end after a time unused, and some time after "
                "signing in). Sign in again; nothing you did on this computer is lost."));
    } else if (m_httpStatus == 401) {
        fail(ErrorKind::NeedsSignIn, serverCode,
             serverMessage.isEmpty() ? tr("Please sign in again.") : serverMessage);
    } else if (m_httpStatus == 408 || m_httpStatus == 429 || m_httpStatus >= 500) {
        fail(ErrorKind::Retry, serverCode.isEmpty() ? QStringLiteral("server") : serverCode,
             serverMessage.isEmpty()
                 ? tr("The server is not answering properly (HTTP %1).").arg(m_httpStatus)
                 : serverMessage);
    } else if (m_httpStatus >= 400) {
        fail(ErrorKind::Fatal, serverCode,
             serverMessage.isEmpty()
                 ? tr("The server refused the request (HTTP %1).").arg(m_httpStatus)
                 : serverMessage);
    } else if (reply->error() != QNetworkReply::NoError) {
        fail(ErrorKind::Retry, QStringLiteral("network"), reply->errorString());
    } else if (!expectsJson()) {
        QString why;
        if (!parseHeaders(reply, &why))
            fail(ErrorKind::Retry, QStringLiteral("bad_response"),
                 tr("The server's answer could not be read: %1").arg(why));
    } else if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        // A 2xx with a body we cannot read is a broken proxy or a cut transfer: try again.
        fail(ErrorKind::Retry, QStringLiteral("bad_response"),
             tr("The server's answer could not be read."));
    } else {
        QString why;
        m_body = body;
        const bool parsed = parse(doc.object(), &why);
        m_body.clear();
        if (!parsed)
            fail(ErrorKind::Retry, QStringLiteral("bad_response"),
                 tr("The server's answer could not be read: %1").arg(why));
    }
    Q_EMIT finished();
}

} // namespace onsite
