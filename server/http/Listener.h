#pragma once

#include <QHostAddress>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTimer>
#include <memory>

namespace onsite::server {

class HttpRoutes;

// The listening socket: a long accept queue (a burst waits instead of being reset), a cap on
// open connections (over it a connection is answered 503 and closed, so the process never
// reaches its file-descriptor limit), a ConnectionGuard on every connection, and, should
// accept() still fail for want of descriptors, a pause and a retry instead of a busy loop.
// (Qt 6.4's own accept loop keeps the first error it ever saw, usually "try again", so at
// EMFILE it polls and fails forever at full CPU: we accept ourselves. Linux-first.)
class Listener : public QTcpServer
{
    Q_OBJECT
public:
    Listener(HttpRoutes *routes, int maxConnections, int idleMs, QObject *parent = nullptr);
    bool start(const QHostAddress &address, quint16 port);
    int openConnections() const { return m_open; }
    // Connections accepted so far.
    quint64 accepted() const { return m_accepted; }

    // Raises the soft descriptor limit to the hard one; returns the connections that fit
    // beside the database and files.
    static int connectionsThatFit();

private:
    void acceptAll();
    void take(qintptr descriptor);

    HttpRoutes *m_routes;
    int m_maxConnections;
    int m_idleMs;
    int m_open = 0;
    quint64 m_accepted = 0;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_resume;
};

} // namespace onsite::server
