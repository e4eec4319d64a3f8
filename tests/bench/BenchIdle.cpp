// Idle connections against the real onsite-server: N connections (default 2,000) opened and
// left idle, half sending nothing at all and half one GET /me whose answer they read, then
// M (default 1,000) authenticated GET /me one after another on a fresh keep-alive connection:
// p50/p99/max (target p99 < 50 ms), beside the same measurement before the idle connections
// were opened. Then whether the idle connections are still held (each probed with a
// non-blocking peek: a closed one reads end-of-file) and how many sockets the server holds;
// with --idle-timeout S the server closes them after S seconds, and the benchmark waits for
// that and reports how many it closed.
// Run by hand: build/bin/bench_idle [--idle N] [--requests M] [--idle-timeout S]
#include "BenchHttp.h"

#include <QCommandLineParser>
#include <QThread>
#include <QTimer>
#include <memory>
#include <vector>

using namespace bench;

namespace {

// Still open from this side's view: no end-of-file and no error waiting.
bool stillOpen(QTcpSocket *s)
{
    if (s->state() != QAbstractSocket::ConnectedState || s->socketDescriptor() < 0)
        return false;
    char c;
    const ssize_t n = ::recv(int(s->socketDescriptor()), &c, 1, MSG_PEEK | MSG_DONTWAIT);
    return n > 0 || (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
}

int countOpen(const std::vector<std::unique_ptr<QTcpSocket>> &sockets)
{
    int n = 0;
    for (const auto &s : sockets)
        n += stillOpen(s.get()) ? 1 : 0;
    return n;
}

// M GET /me one after another on one new keep-alive connection; their times in ms, or empty
// on a failure (printed).
QList<double> measure(const Server &server, const QByteArray &token, int requests)
{
    Connection c;
    if (!c.open(server.host(), server.port())) {
        out() << "  could not connect for the measurement\n";
        return {};
    }
    const QByteArray request =
        buildRequest("GET", "/api/v1/me", {{"Authorization", "Bearer " + token}});
    QList<double> ms;
    QElapsedTimer t;
    for (int i = 0; i < requests; ++i) {
        Response r;
        t.start();
        const bool ok = c.roundTrip(request, &r, false, 10000);
        ms << double(t.nsecsElapsed()) / 1e6;
        if (!ok || r.status != 200) {
            out() << "  GET /me #" << i + 1 << " failed: "
                  << (ok ? QStringLiteral("status %1").arg(r.status)
                         : QStringLiteral("no answer within 10 s"))
                  << "\n";
            return {};
        }
    }
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    QCommandLineOption idleOpt(QStringLiteral("idle"), QStringLiteral("Idle connections (2000)."),
                               QStringLiteral("n"), QStringLiteral("2000"));
    QCommandLineOption requestsOpt(QStringLiteral("requests"),
                                   QStringLiteral("Measured GET /me (1000)."), QStringLiteral("n"),
                                   QStringLiteral("1000"));
    QCommandLineOption timeoutOpt(QStringLiteral("idle-timeout"),
                                  QStringLiteral("The server's --idle-timeout (its default: 60)."),
                                  QStringLiteral("seconds"));
    cli.addOptions({idleOpt, requestsOpt, timeoutOpt});
    cli.process(app);
    const int idle = qMax(0, cli.value(idleOpt).toInt());
    const int requests = qMax(1, cli.value(requestsOpt).toInt());
    const int idleTimeout = cli.isSet(timeoutOpt) ? cli.value(timeoutOpt).toInt() : 0;
    const double targetP99 = 50.0;

    const qint64 fdLimit = raiseFdLimit();
    if (fdLimit >= 0 && fdLimit < idle + 64) {
        out() << "the descriptor limit (" << fdLimit << ") is too low for " << idle
              << " connections\n";
        return 2;
    }
    QTemporaryDir dir;
    QStringList args{QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--db"),
                     QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.sqlite")),
                     QStringLiteral("--files"),
                     dir.filePath(QStringLiteral("files")),
                     QStringLiteral("--demo")};
    if (idleTimeout > 0)
        args << QStringLiteral("--idle-timeout") << QString::number(idleTimeout);
    Server server;
    if (!server.start(args, dir.filePath(QStringLiteral("server.log")))) {
        out() << "onsite-server did not start: " << server.output() << server.logTail() << "\n";
        return 2;
    }
    out() << "bench_idle: " << idle << " idle connections, then " << requests
          << " GET /me one after another (server idle timeout "
          << (idleTimeout > 0 ? QString::number(idleTimeout) + QStringLiteral(" s")
                              : QStringLiteral("60 s, its default"))
          << "; this process's descriptor limit " << fdLimit << ")\n";

    QByteArray token;
    {
        Connection c;
        Response r;
        if (!c.open(server.host(), server.port()) ||
            !c.roundTrip(buildRequest("POST", "/api/v1/session",
                                      {{"Content-Type", "application/json"}},
                                      R"({"email":"alex@demo.onsite","password":"onsite-demo"})"),
                         &r) ||
            r.status != 200) {
            out() << "sign-in failed (" << r.status << ")\n";
            return 2;
        }
        token = jsonObject(r.body).value(QStringLiteral("token")).toString().toUtf8();
    }
    const QByteArray me = buildRequest("GET", "/api/v1/me", {{"Authorization", "Bearer " + token}});

    // Warm-up, then the same measurement without idle connections, for comparison.
    measure(server, token, 100);
    QList<double> baseline = measure(server, token, requests);
    if (baseline.isEmpty())
        return 1;
    out() << "  without idle connections:   GET /me " << latencyLine(baseline) << "\n";
    const int socketsBefore = openSockets(server.pid());

    // The idle connections: all opened at once; the odd ones send one GET /me and read it.
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<std::unique_ptr<ResponseParser>> parsers;
    int connected = 0, answered = 0, failed = 0;
    const int withRequest = idle / 2;
    QEventLoop loop;
    auto check = [&] {
        if (connected + failed == idle && answered >= withRequest)
            loop.quit();
    };
    QElapsedTimer opening;
    opening.start();
    for (int i = 0; i < idle; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        auto p = std::make_unique<ResponseParser>();
        QTcpSocket *sock = s.get();
        ResponseParser *parser = p.get();
        const bool sends = i % 2 == 1;
        parser->reset(false);
        QObject::connect(sock, &QTcpSocket::connected, &loop, [&, sock, sends] {
            ++connected;
            if (sends)
                sock->write(me);
            check();
        });
        QObject::connect(sock, &QTcpSocket::errorOccurred, &loop, [&, sock] {
            if (sock->state() != QAbstractSocket::ConnectedState &&
                sock->error() != QAbstractSocket::RemoteHostClosedError) {
                ++failed;
                check();
            }
        });
        QObject::connect(sock, &QTcpSocket::readyRead, &loop, [&, sock, parser] {
            if (parser->feed(sock->readAll()) == ResponseParser::State::Complete) {
                if (parser->response().status == 200)
                    ++answered;
                else
                    ++failed;
                parser->reset(false);
                check();
            }
        });
        sock->connectToHost(server.host(), server.port());
        sockets.push_back(std::move(s));
        parsers.push_back(std::move(p));
    }
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(60000);
    if (idle > 0)
        loop.exec();
    // Nothing more is read from them: from here on they are idle from both sides.
    for (auto &s : sockets)
        s->disconnect();
    const double openedS = opening.elapsed() / 1000.0;
    out() << "  opened " << connected << " of " << idle << " idle connections in " << openedS
          << " s (" << idle - withRequest << " sent nothing, " << answered << " of " << withRequest
          << " got their one GET /me answered)"
          << (failed ? QStringLiteral(", %1 failed").arg(failed) : QString()) << "\n";
    QThread::msleep(200);
    const int socketsHeld = openSockets(server.pid());
    out() << "  the server holds " << socketsHeld << " sockets (" << socketsBefore
          << " before), RSS " << rssKiB(server.pid()) / 1024 << " MiB, "
          << procStatus(server.pid(), "Threads") << " threads\n";

    QList<double> ms = measure(server, token, requests);
    const double measuredAt = opening.elapsed() / 1000.0;
    std::sort(ms.begin(), ms.end());
    const double p99 = percentile(ms, 99);
    const bool ok = !ms.isEmpty() && p99 < targetP99;
    out() << "  with " << connected << " idle connections: GET /me " << latencyLine(ms)
          << " (target p99 < " << targetP99 << " ms)" << (ok ? "" : "  FAIL") << "\n";

    const int openAfter = countOpen(sockets);
    const int serverAfter = openSockets(server.pid());
    out() << "  " << measuredAt << " s after opening: " << openAfter << " of " << connected
          << " idle connections still open; the server holds " << serverAfter << " sockets\n";
    bool idleOk = idleTimeout > 0 || openAfter == connected;
    if (idleTimeout > 0) {
        // Wait out the idle timeout (plus a margin) and see them closed by the server.
        const qint64 due = qint64(idleTimeout) * 1000 + 3000;
        while (opening.elapsed() < due)
            QThread::msleep(100);
        const int openLater = countOpen(sockets);
        const int serverLater = openSockets(server.pid());
        idleOk = openLater == 0;
        out() << "  " << opening.elapsed() / 1000.0 << " s after opening (idle timeout "
              << idleTimeout << " s): " << connected - openLater << " of " << connected
              << " closed by the server, " << openLater << " still open; the server holds "
              << serverLater << " sockets" << (idleOk ? "" : "  FAIL") << "\n";
    } else if (!idleOk) {
        out() << "  FAIL: idle connections were closed before the 60 s idle timeout\n";
    }
    const bool alive = server.alive();
    if (!alive)
        out() << "  the server died: " << server.logTail() << "\n";
    out().flush();
    server.stop();
    return ok && idleOk && alive && failed == 0 ? 0 : 1;
}
