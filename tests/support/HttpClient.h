#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

namespace onsite::test {

// A blocking HTTP client for tests that speak to a real server on loopback.
class HttpClient
{
public:
    struct Reply {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString errorCode() const;
        QString errorMessage() const;
        QByteArray header(const QByteArray &name) const
        {
            for (const auto &h : headers)
                if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                    return h.second;
            return {};
        }
    };

    explicit HttpClient(QUrl apiBase) : m_base(std::move(apiBase)) {}
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QString &token = {}, const Headers &headers = {});
    // Starts a request without waiting; collect() waits for its answer and deletes it.
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                        const QString &token = {}, const Headers &headers = {});
    static Reply collect(QNetworkReply *reply);
    Reply get(const QString &path, const QString &token = {})
    {
        return request("GET", path, {}, token);
    }
    Reply post(const QString &path, const QJsonObject &o, const QString &token = {});
    Reply patch(const QString &path, const QJsonObject &o, const QString &token = {});
    QString signIn(const QString &email, const QString &password = QStringLiteral("onsite-demo"));

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

} // namespace onsite::test
