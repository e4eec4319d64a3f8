#include "HttpRoutes.h"

#include "AccessLog.h"
#include "ApiHandlers.h"
#include "CompanyActions.h"
#include "Database.h"
#include "FileSender.h"
#include "Sessions.h"
#include "SnapshotWatch.h"
#include "Tus.h"
#include "UploadStore.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>
#include <atomic>

namespace onsite::server {
namespace {

const QString kPrefix = QStringLiteral("/api/v1/");
// Sign-ins waiting for a password-check thread before newcomers are told to come back (429
// with Retry-After, like the failure limit: a client slows down, nothing is broken).
constexpr int kMaxWaitingSignIns = 64;
// The answer to a request whose client left before it was worked on (never sent).
const ApiError kClientGone{499, QStringLiteral("client_gone"),
                           QStringLiteral("The client closed the connection first.")};

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
    case 206:
        return "Partial Content";
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
    case 416:
        return "Range Not Satisfiable";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
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

constexpr qsizetype kSeparateBodyBytes = 64 * 1024;

// The status line and headers. A HEAD answer has no body and says so (Content-Length: 0):
// some clients otherwise wait for the body the length announces.
QByteArray headerBytes(const ApiResponse &r, bool head, bool close)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
    const bool file = !r.filePath.isEmpty();
    const qint64 length = file ? r.fileSize : head ? 0 : r.body.size();
    if (r.status != 204 && r.status >= 200) {
        if ((!head && !r.body.isEmpty()) || file)
            out += "Content-Type: " + r.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(length) + "\r\n";
    }
    for (const auto &h : r.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

QByteArray serialize(const ApiResponse &r, bool head, bool close)
{
    QByteArray out = headerBytes(r, head, close);
    if (!head && r.status != 204)
        out += r.body;
    return out;
}

void write(QTcpSocket *socket, const ApiResponse &r, bool head, bool close)
{
    if (FileSender *sending = FileSender::active(socket)) {
        QPointer<QTcpSocket> guard(socket);
        sending->then([guard, r, head, close] {
            if (guard)
                write(guard, r, head, close);
        });
        return;
    }
    // A big body is handed over as it is (the socket keeps a reference, not a copy); a small
    // one goes with its headers, in one write to the system.
    const bool body = !head && r.status != 204 && !r.body.isEmpty();
    if (body && r.body.size() > kSeparateBodyBytes) {
        socket->write(headerBytes(r, head, close));
        socket->write(r.body);
    } else {
        socket->write(serialize(r, head, close));
    }
    if (!r.filePath.isEmpty() && !head) {
        FileSender::start(socket, r.filePath, r.fileOffset, r.fileSize, close);
        return;
    }
    if (close)
        socket->disconnectFromHost();
}

ApiResponse tooLarge(qint64 limit, bool chunk)
{
    ApiResponse r = ApiResponse::error(
        {413, QStringLiteral("too_large"),
         QStringLiteral("The request body is larger than %1 bytes.").arg(limit)});
    if (chunk)
        r.headers.append(qMakePair(QByteArray("Tus-Resumable"), QByteArray(Tus::kVersion)));
    return r;
}

bool isUploadPath(QByteArrayView path)
{
    return path.startsWith("/api/v1/uploads");
}

// POST /company/assignments/{id}/documents: the file is the body.
bool isDocumentPath(QByteArrayView path)
{
    return path.startsWith("/api/v1/company/assignments/") && path.endsWith("/documents");
}

void accessLog(const ApiRequest &r, const QString &fullPath, int status, qint64 bytes, qint64 us,
               const char *note = "")
{
    AccessLog::write(r.peer, r.method, fullPath, status, bytes, us, note);
}

// On PostgreSQL a request that may be answered from memory (a GET whose session is kept) waits
// for the database's version (WriteEpoch); everything else does not need it.
bool wantsVersion(const ApiRequest &r)
{
    if (!Database::isPostgres() || r.method != QLatin1String("GET"))
        return false;
    const QString token = r.bearerToken();
    return !token.isEmpty() && Sessions::mayBeKept(token);
}

} // namespace

HttpRoutes::HttpRoutes(int threads, qint64 maxJsonBody, QObject *parent)
    : QAbstractHttpServer(parent), m_maxJsonBody(maxJsonBody)
{
    m_pool.setMaxThreadCount(threads);
    m_pool.setExpiryTimeout(-1); // threads keep their database connections for good
    // Password checks (Argon2id, 64 MiB and most of a core each) get their own few threads: a
    // wave of sign-ins then queues behind itself instead of in front of every sync and op.
    m_signInPool.setMaxThreadCount(qBound(2, QThread::idealThreadCount(), threads));
    m_signInPool.setExpiryTimeout(-1);
    AccessLog::flushEvery(this, 100);
}

HttpRoutes::~HttpRoutes()
{
    // Work still running answers through this object: let it finish first.
    m_pool.waitForDone();
    m_signInPool.waitForDone();
    AccessLog::flush();
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

    auto call = std::make_shared<Call>();
    call->fullPath = fullPath;
    call->timer = timer;
    call->head = head;
    call->close = close;
    call->client = socket;
    // Answered without a handler, still in its turn on the connection.
    auto answerNow = [&](const ApiResponse &resp) {
        call->r = r;
        call->ready = resp;
        start(call);
        return true;
    };
    if (!fullPath.startsWith(kPrefix))
        return answerNow(ApiResponse::error(ApiError::notFound(QStringLiteral("route"))));
    // The connection's gate refuses most oversized bodies before they are read; this catches
    // whatever framing reached the toolkit another way.
    const qint64 limit = bodyLimit(fullPath.toUtf8());
    if (req.body().size() > limit)
        return answerNow(tooLarge(limit, isUploadPath(fullPath.toUtf8())));
    r.body = req.body();
    call->r = r;
    start(call);
    return true;
}

void HttpRoutes::start(const std::shared_ptr<Call> &call)
{
    QTcpSocket *socket = call->client;
    if (const auto it = m_pipelined.find(socket); it != m_pipelined.end()) {
        it->append(call); // behind an answer not written yet
        return;
    }
    m_pipelined.insert(socket, {});
    if (!socket->property("onsite.ordered").toBool()) {
        socket->setProperty("onsite.ordered", true);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_pipelined.remove(socket); });
    }
    run(call);
}

void HttpRoutes::run(const std::shared_ptr<Call> &call)
{
    if (call->ready)
        answer(*call, *call->ready);
    else
        dispatch(call);
}

void HttpRoutes::next(QTcpSocket *socket)
{
    const auto it = m_pipelined.find(socket);
    if (it == m_pipelined.end())
        return;
    if (it->isEmpty()) {
        m_pipelined.erase(it);
        return;
    }
    run(it->takeFirst());
}

HttpRoutes::Outcome HttpRoutes::work(const ApiRequest &r, bool clientGone)
{
    if (clientGone)
        return {ApiResponse::error(kClientGone)};
    Outcome o{ApiHandlers::handle(r)};
    if (!o.resp.aheadOfUpload.isEmpty())
        o.aheadWorker = UploadStore::owner(o.resp.aheadOfUpload);
    return o;
}

void HttpRoutes::dispatch(const std::shared_ptr<Call> &call)
{
    // A request whose client has hung up before its turn is not worked on (its retry will be):
    // work piled up behind a stall must not outlive the clients that gave up on it.
    auto gone = std::make_shared<std::atomic_bool>(false);
    if (call->client)
        call->watch =
            connect(call->client, &QAbstractSocket::disconnected, this, [gone] { *gone = true; });
    // The answer comes back to the event loop as one queued call (no future, no watcher: each
    // of their events woke the event loop once more).
    const auto deliver = [this, call](const Outcome &outcome) {
        QMetaObject::invokeMethod(
            this, [this, call, outcome] { worked(call, outcome); }, Qt::QueuedConnection);
    };
    const ApiRequest &r = call->r;
    const bool post = r.method == QLatin1String("POST") && r.segments.size() == 1;
    if (post && r.segments.first() == QLatin1String("ops")) {
        m_opsQueue.submit([r, gone] { return work(r, *gone).resp; },
                          [deliver](const ApiResponse &resp) { deliver(Outcome{resp}); });
        return;
    }
    if (!post || r.segments.first() != QLatin1String("session")) {
        if (!wantsVersion(r)) {
            m_pool.start([r, gone, deliver] { deliver(work(r, *gone)); });
            return;
        }
        // Its version is taken without holding a pool thread while it waits, so one round
        // trip serves every such request of the moment, not only as many as there are threads.
        QThreadPool *pool = &m_pool;
        SnapshotWatch::after([r, gone, deliver, pool](const std::optional<QByteArray> &version) {
            ApiRequest taken = r;
            taken.versionTaken = true;
            taken.version = version;
            pool->start([taken, gone, deliver] { deliver(work(taken, *gone)); });
        });
        return;
    }
    if (m_signInsWaiting >= kMaxWaitingSignIns) {
        ApiResponse busy = ApiResponse::error(
            {429, QStringLiteral("busy"),
             QStringLiteral("Many people are signing in right now; try again in a few seconds.")});
        busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("5")));
        deliver(Outcome{busy});
        return;
    }
    ++m_signInsWaiting;
    std::atomic_int *waiting = &m_signInsWaiting;
    m_signInPool.start([r, gone, waiting, deliver] {
        --*waiting;
        deliver(work(r, *gone));
    });
}

// On the event loop: a stored chunk wakes the PATCHes that waited for it; a PATCH ahead of its
// upload waits for the chunk before it if there is room (EarlyChunks), else is answered.
void HttpRoutes::worked(const std::shared_ptr<Call> &call, const Outcome &outcome)
{
    disconnect(call->watch);
    const ApiResponse &resp = outcome.resp;
    const bool uploadPatch = call->r.method == QLatin1String("PATCH") &&
                             call->r.segments.value(0) == QLatin1String("uploads");
    if (uploadPatch && resp.status == 204)
        m_earlyChunks.stored(call->r.segments.value(1));
    if (!resp.aheadOfUpload.isEmpty() && call->client &&
        m_earlyChunks.wait(
            resp.aheadOfUpload, outcome.aheadWorker, call->timer.elapsed(),
            [this, call] { dispatch(call); }, [this, call, resp] { answer(*call, resp); }))
        return;
    answer(*call, resp);
}

void HttpRoutes::answer(const Call &call, const ApiResponse &resp)
{
    const qint64 us = call.timer.nsecsElapsed() / 1000;
    ++m_answered;
    if (!call.client || call.client->state() != QAbstractSocket::ConnectedState) {
        // The client hung up while we worked: the work stands (an applied op stays applied,
        // and a retry answers "duplicate"), the answer has nowhere to go.
        accessLog(call.r, call.fullPath, resp.status, 0, us, " (client gone)");
        if (call.client)
            next(call.client);
        return;
    }
    write(call.client, resp, call.head, call.close);
    accessLog(call.r, call.fullPath, resp.status, resp.body.size(), us);
    next(call.client);
}

qint64 HttpRoutes::bodyLimit(QByteArrayView path) const
{
    // Upload chunks may be up to the tus chunk size, a company's document up to its limit;
    // everything else is JSON.
    if (isUploadPath(path))
        return Tus::kMaxChunk;
    if (isDocumentPath(path))
        return CompanyActions::kMaxDocumentSize;
    return m_maxJsonBody;
}

bool HttpRoutes::isLargeBodyPath(QByteArrayView path)
{
    return isDocumentPath(path);
}

bool HttpRoutes::takeLargeBody()
{
    if (++m_largeBodies <= kMaxLargeBodies)
        return true;
    --m_largeBodies;
    return false;
}

qint64 HttpRoutes::largestBody() const
{
    return qMax(qMax(Tus::kMaxChunk, CompanyActions::kMaxDocumentSize), m_maxJsonBody);
}

QByteArray HttpRoutes::refusal(int status, const QHostAddress &peer, const QByteArray &path,
                               qint64 limit, bool head)
{
    ApiResponse r;
    switch (status) {
    case 413:
        r = tooLarge(limit, isUploadPath(path));
        break;
    case 431:
        r = ApiResponse::error({431, QStringLiteral("headers_too_large"),
                                QStringLiteral("The request's headers are too large.")});
        break;
    case 503:
        r = ApiResponse::error(
            {503, QStringLiteral("busy"),
             isDocumentPath(path)
                 ? QStringLiteral("The server is receiving as many documents as it takes at "
                                  "once; try again in a few seconds.")
                 : QStringLiteral("The server has too many connections; try again shortly.")});
        r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        break;
    default:
        r = ApiResponse::error(ApiError::badRequest(QStringLiteral("Malformed HTTP request.")));
        break;
    }
    AccessLog::write(peer, QStringLiteral("-"), QString::fromUtf8(path), r.status, r.body.size(), 0,
                     " (refused before its body)");
    return serialize(r, head, true);
}

void HttpRoutes::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // Not reached: handleRequest() takes every request.
    ApiResponse r = ApiResponse::error(ApiError::notFound(QStringLiteral("route")));
    write(socket, r, false, false);
}

} // namespace onsite::server
