#include "ConnectionGuard.h"

#include "HttpRoutes.h"

#include <QTcpSocket>
#include <sys/socket.h>

namespace onsite::server {
namespace {

// Looked at without copying: the headers and whatever follows them in one read.
constexpr qint64 kPeekWindow = RequestGate::kMaxHeaderBytes + 8 * 1024;
// After a refusal the rest of the body is read and dropped for a moment, so the client sees
// the answer instead of a reset, then the connection goes.
constexpr qint64 kMaxDrain = 16 * 1024 * 1024;
constexpr int kDrainMs = 2000;
// However busy the handler, a request waits no longer than this for its answer: past it the
// toolkit is not going to answer (it framed the request otherwise than the gate did).
constexpr qint64 kMinAnswerWaitMs = 120 * 1000;

int statusFor(RequestGate::Verdict v)
{
    switch (v) {
    case RequestGate::Verdict::TooLarge:
        return 413;
    case RequestGate::Verdict::HeadersTooLarge:
        return 431;
    case RequestGate::Verdict::Busy:
        return 503;
    default:
        return 400;
    }
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, HttpRoutes *routes, int idleMs)
    : QObject(socket), m_socket(socket), m_routes(routes),
      m_gate([this](QByteArrayView method, QByteArrayView path) { return limitFor(method, path); }),
      m_idleMs(idleMs)
{
    m_timer.setSingleShot(true);
    m_activity.start();
    connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QIODevice::bytesWritten, this, &ConnectionGuard::onBytesWritten);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimer);
    arm();
}

ConnectionGuard::~ConnectionGuard()
{
    releaseLargeBody();
}

// A large body (a company's document, up to 64 MiB) is read whole into memory: only a few are
// taken at once, server-wide, whoever sends them (the token is checked after the body), and
// the rest are told to come back (503 with Retry-After) before their bodies are read.
qint64 ConnectionGuard::limitFor(QByteArrayView method, QByteArrayView path)
{
    if (method == "POST" && HttpRoutes::isLargeBodyPath(path)) {
        if (m_largeBodyAt < 0 && !m_routes->takeLargeBody())
            return RequestGate::kBusy;
        m_largeBodyAt = m_gate.completed(); // this request's number on the connection
    }
    return m_routes->bodyLimit(path);
}

void ConnectionGuard::releaseLargeBody()
{
    if (m_largeBodyAt < 0)
        return;
    m_largeBodyAt = -1;
    m_routes->releaseLargeBody();
}

void ConnectionGuard::onReadyRead()
{
    if (m_refused)
        return drain();
    m_activity.restart();
    const qint64 available = m_socket->bytesAvailable();
    const bool wasIdle = m_gate.idle();
    const qint64 before = m_gate.completed();
    // Bytes the toolkit has not read yet (its transaction keeps earlier ones buffered).
    const QByteArray window = m_socket->peek(qMin(available, kPeekWindow));
    RequestGate::Verdict verdict = m_gate.feed(window);
    qint64 seen = window.size();
    while (verdict == RequestGate::Verdict::Pass && seen < available) {
        if (const qint64 plain = m_gate.plainBodyLeft()) {
            const qint64 n = qMin(plain, available - seen); // counted, not copied
            m_gate.skipBody(n);
            seen += n;
            continue;
        }
        // A chunked body, or another request after a body, in the same read (rare): look.
        const QByteArray all = m_socket->peek(available);
        verdict = m_gate.feed(QByteArrayView(all).sliced(seen));
        seen = available;
    }
    if (m_largeBodyAt >= 0 && m_gate.completed() > m_largeBodyAt)
        releaseLargeBody(); // all of it arrived
    if (verdict != RequestGate::Verdict::Pass)
        return refuse(verdict);
    if (m_gate.completed() != before && !m_awaitingAnswer) {
        m_awaitingAnswer = true;
        m_awaitStarted.restart();
    }
    if (!m_gate.idle() && (wasIdle || m_gate.completed() != before))
        m_requestStarted.restart();
    arm();
}

void ConnectionGuard::onBytesWritten()
{
    m_activity.restart();
    m_awaitingAnswer = false;
    if (m_refused && m_socket->bytesToWrite() == 0) {
        // The answer is out: say so with a half close, read what is still coming, then go.
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    }
    arm();
}

void ConnectionGuard::arm()
{
    qint64 due = m_idleMs - m_activity.elapsed();
    // Headers get one idle period in all, however slowly they trickle in.
    if (m_gate.inHeaders() && m_requestStarted.isValid())
        due = qMin(due, m_idleMs - m_requestStarted.elapsed());
    if (m_refused)
        due = qMin<qint64>(due, kDrainMs - m_requestStarted.elapsed());
    m_timer.start(int(qMax<qint64>(due, 0)));
}

void ConnectionGuard::onTimer()
{
    if (m_refused) {
        m_socket->abort();
        return;
    }
    const bool headersLate =
        m_gate.inHeaders() && m_requestStarted.isValid() && m_requestStarted.elapsed() >= m_idleMs;
    if (m_activity.elapsed() < m_idleMs && !headersLate)
        return arm();
    const bool answerLate = m_awaitingAnswer && m_awaitStarted.elapsed() >=
                                                    qMax<qint64>(2 * m_idleMs, kMinAnswerWaitMs);
    if (m_awaitingAnswer && !headersLate && !answerLate) {
        // The handler is still at work on a request: not idle.
        m_activity.restart();
        return arm();
    }
    // An answer the client does not read would hold a graceful close open: cut it.
    if (m_socket->bytesToWrite() > 0 || !m_gate.idle())
        m_socket->abort();
    else
        m_socket->disconnectFromHost();
}

void ConnectionGuard::refuse(RequestGate::Verdict verdict)
{
    m_refused = true;
    // The toolkit never sees the rest of this connection.
    disconnect(m_socket, &QIODevice::readyRead, m_routes, nullptr);
    m_socket->write(HttpRoutes::refusal(statusFor(verdict), m_socket->peerAddress(), m_gate.path(),
                                        m_gate.limit(), m_gate.isHead()));
    m_requestStarted.restart();
    drain();
    arm();
}

void ConnectionGuard::drain()
{
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_drained += m_socket->skip(m_socket->bytesAvailable());
    if (m_drained > kMaxDrain)
        m_socket->abort();
}

} // namespace onsite::server
