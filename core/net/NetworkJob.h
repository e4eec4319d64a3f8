#pragma once

#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace onsite {

// One request to the Onsite API. Subclasses say what to send and how to read a 2xx answer;
// this class owns the timeout and turns every failure into one of three kinds the caller can
// act on: try again later, give up on this request, or ask the worker to sign in again.
class NetworkJob : public QObject
{
    Q_OBJECT
public:
    enum class ErrorKind { None, Retry, Fatal, NeedsSignIn, Cancelled };
    Q_ENUM(ErrorKind)

    NetworkJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, QObject *parent = nullptr);
    ~NetworkJob() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void start();
    void abort();

    ErrorKind errorKind() const { return m_errorKind; }
    QString errorCode() const { return m_errorCode; }
    QString errorMessage() const { return m_errorMessage; }
    int httpStatus() const { return m_httpStatus; }
    qint64 bytesReceived() const { return m_bytesReceived; }

Q_SIGNALS:
    void finished();

protected:
    virtual QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) = 0;
    // Reads a successful answer; false (with *error) when it is not what the API promises.
    virtual bool parse(const QJsonObject &body, QString *error) = 0;
    // The request for this job's path below the API base (e.g. "changes").
    virtual QString path() const = 0;
    virtual QUrlQuery query() const { return {}; }
    // The full URL; by default the API base plus path() and query(). Upload jobs use the URL the
    // server gave for the upload.
    virtual QUrl url() const;
    // Answers without a JSON body (tus uploads): read the headers of a 2xx instead of parse().
    virtual bool expectsJson() const { return true; }
    virtual bool parseHeaders(QNetworkReply *reply, QString *error);
    static QByteArray jsonBody(const QJsonObject &o);
    // The answer's bytes as they arrived, while parse() runs (a page keeps its documents' text).
    QByteArrayView rawBody() const { return m_body; }

private:
    void onReplyFinished();
    void fail(ErrorKind kind, QString code, QString message);

    QNetworkAccessManager *m_nam;
    QUrl m_apiBase;
    QString m_token;
    int m_timeoutMs = 30000;
    QPointer<QNetworkReply> m_reply;
    ErrorKind m_errorKind = ErrorKind::None;
    QString m_errorCode;
    QString m_errorMessage;
    int m_httpStatus = 0;
    qint64 m_bytesReceived = 0;
    QByteArray m_body; // set only while parse() runs
    bool m_aborted = false;
};

} // namespace onsite
