#pragma once

#include "ApiRequest.h"
#include "ApiResponse.h"
#include "EarlyChunks.h"
#include "GroupCommitQueue.h"

#include <QAbstractHttpServer>
#include <QByteArrayView>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QThreadPool>
#include <atomic>
#include <memory>
#include <optional>

namespace onsite::server {

// The one place that speaks the Qt HttpServer API (it changed between Qt 6.4 and 6.8). Every
// request is copied out of the toolkit, oversized bodies are refused with 413, the handler
// runs on the sized database pool, and the answer is written back on the event loop only if
// the client is still there. (Qt 6.4's own QFuture responses write to the socket after a client
// that hung up has been deleted, and crash the server: our crash tests found it.) One
// access-log line per request.
class HttpRoutes : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpRoutes(int threads, qint64 maxJsonBody, QObject *parent = nullptr);
    ~HttpRoutes() override;
    QThreadPool *pool() { return &m_pool; }
    // The most body bytes a request to this path may carry (ConnectionGuard's gate asks).
    qint64 bodyLimit(QByteArrayView path) const;
    qint64 largestBody() const;
    // Routes whose body may be large (a company's document): HttpRoutes lets only
    // kMaxLargeBodies of them be read at once.
    static bool isLargeBodyPath(QByteArrayView path);
    bool takeLargeBody();
    void releaseLargeBody() { --m_largeBodies; }
    static constexpr int kMaxLargeBodies = 4;
    // Answers written so far (how busy the server has been).
    quint64 answered() const { return m_answered; }
    // A whole "Connection: close" answer for a request refused before the toolkit reads it
    // (413, 431, 400, or 503 when the server is full), logged like any other; the answer to a
    // HEAD has no body.
    static QByteArray refusal(int status, const QHostAddress &peer, const QByteArray &path,
                              qint64 limit, bool head = false);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Call {
        ApiRequest r;
        QString fullPath;
        QElapsedTimer timer;
        bool head = false;
        bool close = false;
        QPointer<QTcpSocket> client;
        QMetaObject::Connection watch;    // the client's hang-up, while the request is worked on
        std::optional<ApiResponse> ready; // answered without a handler (a refusal, a 404)
    };
    // A handler's answer and, when it is a tus PATCH ahead of its upload's offset, the worker
    // whose upload that is (EarlyChunks counts waits per worker, whatever token was sent).
    struct Outcome {
        ApiResponse resp;
        qint64 aheadWorker = 0;
    };
    static Outcome work(const ApiRequest &r, bool clientGone);
    // Requests pipelined on one connection are worked on one after another, so their answers
    // go out in the order they were asked (HTTP/1.1); start() queues a call behind the one
    // being answered, next() starts the following one once an answer is written.
    void start(const std::shared_ptr<Call> &call);
    void run(const std::shared_ptr<Call> &call);
    void next(QTcpSocket *socket);
    void dispatch(const std::shared_ptr<Call> &call);
    void worked(const std::shared_ptr<Call> &call, const Outcome &outcome);
    void answer(const Call &call, const ApiResponse &resp);

    QThreadPool m_pool;          // every handler but sign-in
    QThreadPool m_signInPool;    // sign-in: the password check
    GroupCommitQueue m_opsQueue; // POST /ops: one writer, commits shared
    std::atomic_int m_signInsWaiting{0};
    std::atomic_int m_largeBodies{0}; // large bodies being read now
    EarlyChunks m_earlyChunks;
    QHash<QTcpSocket *, QList<std::shared_ptr<Call>>> m_pipelined; // a socket here is answering
    qint64 m_maxJsonBody;
    quint64 m_answered = 0; // event loop only
};

} // namespace onsite::server
