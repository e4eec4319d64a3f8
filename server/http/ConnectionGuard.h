#pragma once

#include "RequestGate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace onsite::server {

class HttpRoutes;

// Watches one connection ahead of the toolkit (its readyRead slot runs first): every request
// passes RequestGate, so an oversized body is answered 413 from its headers and never read
// in; a connection idle between requests, or stalled in one, is closed after the idle
// timeout; a request whose answer is being worked on is never cut off.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    // Lives as the socket's child; must be made before the toolkit sees the socket.
    ConnectionGuard(QTcpSocket *socket, HttpRoutes *routes, int idleMs);
    ~ConnectionGuard() override;

private:
    qint64 limitFor(QByteArrayView method, QByteArrayView path);
    void releaseLargeBody();
    void onReadyRead();
    void onBytesWritten();
    void onTimer();
    void arm();
    void refuse(RequestGate::Verdict verdict);
    void drain();

    QTcpSocket *m_socket;
    HttpRoutes *m_routes;
    RequestGate m_gate;
    int m_idleMs;
    QTimer m_timer;
    QElapsedTimer m_activity;       // last byte read or written
    QElapsedTimer m_requestStarted; // first byte of the request being read
    QElapsedTimer m_awaitStarted;   // when m_awaitingAnswer last became true
    bool m_awaitingAnswer = false;  // a whole request arrived, no answer byte written yet
    bool m_refused = false;
    qint64 m_drained = 0;
    qint64 m_largeBodyAt = -1; // the request holding one of the server's large-body places
};

} // namespace onsite::server
