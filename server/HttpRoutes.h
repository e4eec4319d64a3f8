#pragma once

#include <QObject>
#include <QThreadPool>

class QHttpServer;

namespace onsite::server
{

// The one place that speaks the Qt HttpServer API (it changed between Qt 6.4 and 6.8): a
// single rule takes every request, copies it, refuses oversized bodies with 413, runs the
// handler on the sized database pool and writes one access-log line per request.
class HttpRoutes : public QObject
{
    Q_OBJECT
public:
    HttpRoutes(QHttpServer *server, int threads, qint64 maxJsonBody, QObject *parent = nullptr);
    QThreadPool *pool() { return &m_pool; }

private:
    QThreadPool m_pool;
    qint64 m_maxJsonBody;
};

} // namespace onsite::server
