#include "MalformedRunner.h"

#include "MalformedGenerator.h"

namespace bench {

MalformedRunner::MalformedRunner(Server &server, MalformedGenerator &gen, int connections)
    : m_server(server), m_gen(gen), m_slots(connections)
{
    for (Slot &s : m_slots)
        s.timer.setSingleShot(true);
    for (int i = 0; i < connections; ++i)
        QObject::connect(&m_slots[i].timer, &QTimer::timeout, this, [this, i] { onHang(i); });
    QObject::connect(&server.process(), &QProcess::finished, this, [this] {
        serverGone = true;
        m_loop.quit();
    });
}

bool MalformedRunner::run(qint64 n)
{
    m_remaining = n;
    for (int i = 0; i < int(m_slots.size()); ++i)
        startNext(i);
    if (m_inFlight > 0)
        m_loop.exec();
    return !serverGone;
}

QList<QByteArray> MalformedRunner::inFlight() const
{
    QList<QByteArray> out;
    for (const Slot &s : m_slots)
        if (s.busy)
            out << s.c.label + ": " + printable(s.c.bytes, 300);
    return out;
}

void MalformedRunner::drop(Slot &s)
{
    if (!s.socket)
        return;
    s.socket->disconnect(this);
    resetAndClose(s.socket);
    s.socket->deleteLater();
    s.socket = nullptr;
    s.connected = false;
}

void MalformedRunner::startNext(int i)
{
    Slot &s = m_slots[i];
    if (serverGone || m_remaining <= 0) {
        if (m_inFlight == 0)
            m_loop.quit();
        return;
    }
    --m_remaining;
    ++m_inFlight;
    s.c = m_gen.next();
    s.busy = true;
    s.parser.reset(s.c.head);
    if (s.c.ownConnection || !s.socket || !s.connected)
        open(i);
    else
        send(i);
}

void MalformedRunner::open(int i)
{
    Slot &s = m_slots[i];
    drop(s);
    s.socket = new QTcpSocket(this);
    const quint64 gen = ++s.generation;
    QTcpSocket *sock = s.socket;
    QObject::connect(sock, &QTcpSocket::connected, this, [this, i, gen] {
        if (m_slots[i].generation != gen)
            return;
        m_slots[i].connected = true;
        send(i);
    });
    QObject::connect(sock, &QTcpSocket::readyRead, this, [this, i, gen] {
        if (m_slots[i].generation == gen)
            onRead(i);
    });
    QObject::connect(sock, &QTcpSocket::disconnected, this, [this, i, gen] {
        if (m_slots[i].generation == gen)
            onClosed(i);
    });
    QObject::connect(sock, &QTcpSocket::errorOccurred, this,
                     [this, i, gen](QAbstractSocket::SocketError e) {
                         if (m_slots[i].generation != gen)
                             return;
                         if (!m_slots[i].connected) {
                             ++connectFailures;
                             finish(i, -2, {});
                         } else if (e == QAbstractSocket::RemoteHostClosedError)
                             onClosed(i);
                     });
    sock->connectToHost(m_server.host(), m_server.port());
    s.timer.start(kHangMs);
}

void MalformedRunner::send(int i)
{
    Slot &s = m_slots[i];
    s.socket->write(s.c.bytes);
    s.timer.start(kHangMs);
}

void MalformedRunner::onRead(int i)
{
    Slot &s = m_slots[i];
    const QByteArray bytes = s.socket->readAll();
    if (!s.busy) {
        // An answer after the one expected: the server read the last request as two.
        ++extraBytes;
        ++extraByLabel[s.c.label];
        if (firstExtra.size() < 5)
            firstExtra.append({s.c.label, s.c.bytes, bytes.left(400)});
        drop(s);
        return;
    }
    switch (s.parser.feed(bytes)) {
    case ResponseParser::State::Incomplete:
        return;
    case ResponseParser::State::Invalid:
        finish(i, -3, bytes);
        drop(s);
        return;
    case ResponseParser::State::Complete:
        break;
    }
    const Response &r = s.parser.response();
    const bool leftover = s.parser.hasLeftover();
    if (leftover) {
        // More than one answer to one request: the server read it as two.
        ++extraBytes;
        ++extraByLabel[s.c.label];
        if (firstExtra.size() < 5)
            firstExtra.append({s.c.label, s.c.bytes, bytes.left(400)});
    }
    const bool keep = !s.c.ownConnection && !r.closes() && !leftover;
    finish(i, r.status, r.body);
    if (!keep)
        drop(s);
}

void MalformedRunner::onClosed(int i)
{
    Slot &s = m_slots[i];
    s.connected = false;
    if (s.busy)
        finish(i, -1, {});
    drop(s);
}

void MalformedRunner::onHang(int i)
{
    Slot &s = m_slots[i];
    if (!s.busy)
        return;
    ++hangs;
    ++hangsByLabel[s.c.label];
    if (firstHangs.size() < 5)
        firstHangs.append({s.c.label, s.c.bytes, "(nothing within 10 s)"});
    finish(i, 0, {});
    drop(s);
}

void MalformedRunner::finish(int i, int status, const QByteArray &answer)
{
    Slot &s = m_slots[i];
    if (!s.busy)
        return;
    s.busy = false;
    s.timer.stop();
    ++done;
    --m_inFlight;
    if (status != 0)
        ++byStatus[status];
    if (status == -1) {
        ++closed;
        ++closedByLabel[s.c.label];
    }
    if (status >= 500) {
        ++fiveXX;
        ++fiveXXByLabel[s.c.label];
        if (firstFiveXX.size() < 5)
            firstFiveXX.append({s.c.label, s.c.bytes, answer.left(300)});
    }
    QTimer::singleShot(0, this, [this, i] { startNext(i); });
}

void MalformedRunner::resetFigures()
{
    byStatus.clear();
    done = hangs = fiveXX = closed = extraBytes = connectFailures = 0;
    firstFiveXX.clear();
    firstHangs.clear();
    firstExtra.clear();
    hangsByLabel.clear();
    fiveXXByLabel.clear();
    closedByLabel.clear();
    extraByLabel.clear();
}

void MalformedRunner::printFigures(double seconds) const
{
    QStringList statusText;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        statusText << (it.key() == -1   ? QStringLiteral("closed without answer %1").arg(it.value())
                       : it.key() == -2 ? QStringLiteral("connect failed %1").arg(it.value())
                       : it.key() == -3 ? QStringLiteral("unreadable answer %1").arg(it.value())
                                        : QStringLiteral("%1: %2").arg(it.key()).arg(it.value()));
    out() << "  " << done << " requests in " << seconds << " s: " << qRound(double(done) / seconds)
          << " requests/s\n";
    out() << "  by status: " << statusText.join(QStringLiteral(", ")) << "\n";
    out() << "  5xx: " << fiveXX << " (target 0)" << (fiveXX ? "  FAIL" : "") << "\n";
    for (auto it = fiveXXByLabel.cbegin(); it != fiveXXByLabel.cend(); ++it)
        out() << "    " << it.value() << " x " << it.key() << "\n";
    for (const auto &f : firstFiveXX)
        out() << "    5xx for " << f.label << ": " << printable(f.request)
              << "\n      answer: " << printable(f.answer, 200) << "\n";
    out() << "  hangs (no answer and no close within 10 s): " << hangs << " (target 0)"
          << (hangs ? "  FAIL" : "") << "\n";
    for (auto it = hangsByLabel.cbegin(); it != hangsByLabel.cend(); ++it)
        out() << "    " << it.value() << " x " << it.key() << "\n";
    for (const auto &f : firstHangs)
        out() << "    hang: " << printable(f.request) << "\n";
    out() << "  closed without an answer (allowed): " << closed << "\n";
    for (auto it = closedByLabel.cbegin(); it != closedByLabel.cend(); ++it)
        out() << "    " << it.value() << " x " << it.key() << "\n";
    out() << "  requests answered twice (read by the server as two requests): " << extraBytes
          << "\n";
    for (auto it = extraByLabel.cbegin(); it != extraByLabel.cend(); ++it)
        out() << "    " << it.value() << " x " << it.key() << "\n";
    for (const auto &f : firstExtra)
        out() << "    answered twice: " << printable(f.request)
              << "\n      answers: " << printable(f.answer, 400) << "\n";
}

} // namespace bench
