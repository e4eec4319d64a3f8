#pragma once

#include <QAbstractHttpServer>
#include <QThreadPool>

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
    QThreadPool *pool() { return &m_pool; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    QThreadPool m_pool;
    qint64 m_maxJsonBody;
};

} // namespace onsite::server
