#include "HttpRoutes.h"

#include "ApiHandlers.h"
#include "FileSender.h"
#include "Tus.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHttpServerRequest>
#include <QMutex>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTextStream>
#include <QtConcurrent>

namespace onsite::server {
namespace {

const QString kPrefix = QStringLiteral("/api/v1/");

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 460:
        return "Checksum Mismatch";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

void write(QTcpSocket *socket, const ApiResponse &in, bool head, bool close)
{
    // A HEAD answer has no body and says so (Content-Length: 0): some clients otherwise wait
    // for the body the length announces.
    ApiResponse r = in;
    if (head)
        r.body.clear();
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
    const bool file = !r.filePath.isEmpty();
    if (r.status != 204 && r.status >= 200) {
        if (!r.body.isEmpty() || file)
            out += "Content-Type: " + r.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(file ? r.fileSize : r.body.size()) + "\r\n";
    }
    for (const auto &h : r.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!head && r.status != 204)
        out += r.body;
    socket->write(out);
    if (file && !head) {
        FileSender::start(socket, r.filePath, close);
        return;
    }
    if (close)
        socket->disconnectFromHost();
}

// The path as the access log may keep it: the calendar link's last segment is a credential
// (whoever has it reads the schedule), and so are secret-looking query parameters.
QString loggablePath(QString path)
{
    static const QRegularExpression calendar(QStringLiteral("(/calendar/)[^/?]+(\\.ics)"));
    static const QRegularExpression secrets(
        QStringLiteral("([?&](?:token|access_token|password|key|signature|hmac)=)[^&]*"),
        QRegularExpression::CaseInsensitiveOption);
    path.replace(calendar, QStringLiteral("\\1[redacted]\\2"));
    path.replace(secrets, QStringLiteral("\\1[redacted]"));
    return path;
}

void accessLog(const ApiRequest &r, const QString &fullPath, int status, qint64 bytes, qint64 us,
               const char *note = "")
{
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    QTextStream err(stderr);
    err << QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) << ' ' << r.peer.toString()
        << ' ' << r.method << ' ' << loggablePath(fullPath) << ' ' << status << ' ' << bytes << ' '
        << QString::number(double(us) / 1000.0, 'f', 1) << "ms" << note << '\n';
}

} // namespace

HttpRoutes::HttpRoutes(int threads, qint64 maxJsonBody, QObject *parent)
    : QAbstractHttpServer(parent), m_maxJsonBody(maxJsonBody)
{
    m_pool.setMaxThreadCount(threads);
    m_pool.setExpiryTimeout(-1); // threads keep their database connections for good
}

bool HttpRoutes::handleRequest(const QHttpServerRequest &req, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    ApiRequest r;
    r.method = methodName(req.method());
    const QString fullPath = req.url().path();
    r.path = fullPath.startsWith(kPrefix) ? fullPath.mid(kPrefix.size()) : QString();
    r.segments = r.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.query = req.query();
    r.headers = req.headers();
    r.peer = req.remoteAddress();
    // Behind the README's nginx every peer is loopback; nginx passes the client's address in
    // X-Real-IP, which is believed only from loopback.
    const QHostAddress real(QString::fromLatin1(r.header("X-Real-IP")));
    if (r.peer.isLoopback() && !real.isNull())
        r.peer = real;
    const bool head = r.method == QLatin1String("HEAD");
    const bool close = r.header("Connection").compare("close", Qt::CaseInsensitive) == 0;

    auto answerNow = [&](const ApiResponse &resp) {
        write(socket, resp, head, close);
        accessLog(r, fullPath, resp.status, resp.body.size(), timer.nsecsElapsed() / 1000);
        return true;
    };
    if (!fullPath.startsWith(kPrefix))
        return answerNow(ApiResponse::error(ApiError::notFound(QStringLiteral("route"))));
    // Upload chunks may be up to the tus chunk size; everything else is JSON.
    const bool chunk = r.segments.value(0) == QLatin1String("uploads");
    const qint64 limit = chunk ? Tus::kMaxChunk : m_maxJsonBody;
    if (req.body().size() > limit) {
        ApiResponse tooLarge = ApiResponse::error(
            {413, QStringLiteral("too_large"),
             QStringLiteral("The request body is larger than %1 bytes.").arg(limit)});
        if (chunk)
            tooLarge.headers.append(
                qMakePair(QByteArray("Tus-Resumable"), QByteArray(Tus::kVersion)));
        return answerNow(tooLarge);
    }
    r.body = req.body();

    QPointer<QTcpSocket> client(socket);
    auto *watcher = new QFutureWatcher<ApiResponse>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [watcher, client, r, fullPath, timer, head, close] {
                const ApiResponse resp = watcher->result();
                watcher->deleteLater();
                if (!client || client->state() != QAbstractSocket::ConnectedState) {
                    // The client hung up while we worked: the work stands (an applied op stays
                    // applied, and a retry answers "duplicate"), the answer has nowhere to go.
                    accessLog(r, fullPath, resp.status, 0, timer.nsecsElapsed() / 1000,
                              " (client gone)");
                    return;
                }
                write(client, resp, head, close);
                accessLog(r, fullPath, resp.status, resp.body.size(), timer.nsecsElapsed() / 1000);
            });
    watcher->setFuture(QtConcurrent::run(&m_pool, [r] { return ApiHandlers::handle(r); }));
    return true;
}

void HttpRoutes::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // Not reached: handleRequest() takes every request.
    ApiResponse r = ApiResponse::error(ApiError::notFound(QStringLiteral("route")));
    write(socket, r, false, false);
}

} // namespace onsite::server
