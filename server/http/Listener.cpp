#include "Listener.h"

#include "ConnectionGuard.h"
#include "HttpRoutes.h"

#include <QTcpSocket>
#include <cerrno>
#include <sys/resource.h>
#include <sys/socket.h>

namespace onsite::server {
namespace {

constexpr int kAcceptQueue = 1024;
constexpr int kRetryAcceptMs = 200;
// Descriptors kept for the database, its WAL, stored files and the process itself.
constexpr rlim_t kReserved = 128;

} // namespace

Listener::Listener(HttpRoutes *routes, int maxConnections, int idleMs, QObject *parent)
    : QTcpServer(parent), m_routes(routes), m_maxConnections(maxConnections), m_idleMs(idleMs)
{
    setListenBacklogSize(kAcceptQueue);
    m_resume.setSingleShot(true);
    connect(&m_resume, &QTimer::timeout, this, [this] {
        m_notifier->setEnabled(true);
        acceptAll();
    });
}

bool Listener::start(const QHostAddress &address, quint16 port)
{
    // Qt's accept loop stays off: it accepts only while fewer than "max pending" connections
    // wait, and nothing waits in a list of zero. Ours accepts.
    setMaxPendingConnections(0);
    if (!listen(address, port))
        return false;
    pauseAccepting();
    m_notifier = std::make_unique<QSocketNotifier>(socketDescriptor(), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &Listener::acceptAll);
    return true;
}

void Listener::acceptAll()
{
    bool any = false;
    for (;;) {
        const int fd =
            ::accept4(int(socketDescriptor()), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd >= 0) {
            take(fd);
            any = true;
            continue;
        }
        if (errno == EINTR || errno == ECONNABORTED)
            continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
            // Out of descriptors or memory: the connection waits in the queue; try again
            // shortly (idle timeouts free descriptors), without spinning.
            m_notifier->setEnabled(false);
            m_resume.start(kRetryAcceptMs);
        }
        break; // EAGAIN: all taken
    }
    if (any)
        Q_EMIT newConnection(); // the HTTP server takes them from the pending list
}

int Listener::connectionsThatFit()
{
    rlimit lim{};
    if (::getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return 1000;
    if (lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &lim);
        ::getrlimit(RLIMIT_NOFILE, &lim);
    }
    if (lim.rlim_cur == RLIM_INFINITY)
        return 100000;
    return int(
        qBound<rlim_t>(16, lim.rlim_cur > kReserved ? lim.rlim_cur - kReserved : 16, 100000));
}

void Listener::take(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_open >= m_maxConnections) {
        socket->write(HttpRoutes::refusal(503, socket->peerAddress(), QByteArray(), 0));
        socket->disconnectFromHost();
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(1000, socket, &QAbstractSocket::abort); // if the peer never reads
        return;
    }
    ++m_open;
    ++m_accepted;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    // The whole of one request sits in the socket's buffer until the toolkit has parsed it:
    // room for the largest request allowed, and no more.
    socket->setReadBufferSize(m_routes->largestBody() + RequestGate::kMaxHeaderBytes + 64 * 1024);
    new ConnectionGuard(socket, m_routes, m_idleMs);
    addPendingConnection(socket);
}

} // namespace onsite::server
