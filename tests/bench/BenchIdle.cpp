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
#include <functional>
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

struct Options {
    int idle = 0;
    int requests = 0;
    int idleTimeout = 0;
};

Options parseOptions(const QCoreApplication &app)
{
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
    Options o;
    o.idle = qMax(0, cli.value(idleOpt).toInt());
    o.requests = qMax(1, cli.value(requestsOpt).toInt());
    o.idleTimeout = cli.isSet(timeoutOpt) ? cli.value(timeoutOpt).toInt() : 0;
    return o;
}

bool startServer(Server &server, const QTemporaryDir &dir, int idleTimeout)
{
    QStringList args{QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--db"),
                     QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.sqlite")),
                     QStringLiteral("--files"),
                     dir.filePath(QStringLiteral("files")),
                     QStringLiteral("--demo")};
    if (idleTimeout > 0)
        args << QStringLiteral("--idle-timeout") << QString::number(idleTimeout);
    if (!server.start(args, dir.filePath(QStringLiteral("server.log")))) {
        out() << "onsite-server did not start: " << server.output() << server.logTail() << "\n";
        return false;
    }
    return true;
}

// Alex's session token into *token; false (printed) if the sign-in failed.
bool signIn(const Server &server, QByteArray *token)
{
    Connection c;
    Response r;
    if (!c.open(server.host(), server.port()) ||
        !c.roundTrip(buildRequest("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                                  R"({"email":"alex@demo.onsite","password":"onsite-demo"})"),
                     &r) ||
        r.status != 200) {
        out() << "sign-in failed (" << r.status << ")\n";
        return false;
    }
    *token = jsonObject(r.body).value(QStringLiteral("token")).toString().toUtf8();
    return true;
}

// The idle connections: all opened at once; the odd ones send one GET /me and read it.
struct IdleConnections {
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<std::unique_ptr<ResponseParser>> parsers;
    int connected = 0, answered = 0, failed = 0;
    int withRequest = 0;

    void open(const Server &server, const QByteArray &me, int idle)
    {
        withRequest = idle / 2;
        QEventLoop loop;
        const std::function<void()> check = [this, &loop, idle] {
            if (connected + failed == idle && answered >= withRequest)
                loop.quit();
        };
        for (int i = 0; i < idle; ++i)
            add(server, me, i % 2 == 1, loop, check);
        QTimer guard;
        guard.setSingleShot(true);
        QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
        guard.start(60000);
        if (idle > 0)
            loop.exec();
        // Nothing more is read from them: from here on they are idle from both sides.
        for (auto &s : sockets)
            s->disconnect();
    }

private:
    void add(const Server &server, const QByteArray &me, bool sends, QEventLoop &loop,
             const std::function<void()> &check)
    {
        auto s = std::make_unique<QTcpSocket>();
        auto p = std::make_unique<ResponseParser>();
        QTcpSocket *sock = s.get();
        ResponseParser *parser = p.get();
        parser->reset(false);
        QObject::connect(sock, &QTcpSocket::connected, &loop, [this, sock, sends, me, check] {
            ++connected;
            if (sends)
                sock->write(me);
            check();
        });
        QObject::connect(sock, &QTcpSocket::errorOccurred, &loop, [this, sock, check] {
            if (sock->state() != QAbstractSocket::ConnectedState &&
                sock->error() != QAbstractSocket::RemoteHostClosedError) {
                ++failed;
                check();
            }
        });
        QObject::connect(sock, &QTcpSocket::readyRead, &loop, [this, sock, parser, check] {
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
};

// Whether the idle connections are still held `measuredAt` s after opening; with an idle
// timeout, waits it out and whether the server closed them all instead.
bool idleHeldAsExpected(const Server &server, const IdleConnections &idle,
                        const QElapsedTimer &opening, double measuredAt, int idleTimeout)
{
    const int connected = idle.connected;
    const int openAfter = countOpen(idle.sockets);
    const int serverAfter = openSockets(server.pid());
    out() << "  " << measuredAt << " s after opening: " << openAfter << " of " << connected
          << " idle connections still open; the server holds " << serverAfter << " sockets\n";
    bool idleOk = idleTimeout > 0 || openAfter == connected;
    if (idleTimeout > 0) {
        // Wait out the idle timeout (plus a margin) and see them closed by the server.
        const qint64 due = qint64(idleTimeout) * 1000 + 3000;
        while (opening.elapsed() < due)
            QThread::msleep(100);
        const int openLater = countOpen(idle.sockets);
        const int serverLater = openSockets(server.pid());
        idleOk = openLater == 0;
        out() << "  " << opening.elapsed() / 1000.0 << " s after opening (idle timeout "
              << idleTimeout << " s): " << connected - openLater << " of " << connected
              << " closed by the server, " << openLater << " still open; the server holds "
              << serverLater << " sockets" << (idleOk ? "" : "  FAIL") << "\n";
    } else if (!idleOk) {
        out() << "  FAIL: idle connections were closed before the 60 s idle timeout\n";
    }
    return idleOk;
}

// How the opening went, and what the server holds with the idle connections open.
void reportOpened(const Server &server, const IdleConnections &idle, int wanted, double openedS,
                  int socketsBefore)
{
    out() << "  opened " << idle.connected << " of " << wanted << " idle connections in " << openedS
          << " s (" << wanted - idle.withRequest << " sent nothing, " << idle.answered << " of "
          << idle.withRequest << " got their one GET /me answered)"
          << (idle.failed ? QStringLiteral(", %1 failed").arg(idle.failed) : QString()) << "\n";
    QThread::msleep(200);
    const int socketsHeld = openSockets(server.pid());
    out() << "  the server holds " << socketsHeld << " sockets (" << socketsBefore
          << " before), RSS " << rssKiB(server.pid()) / 1024 << " MiB, "
          << procStatus(server.pid(), "Threads") << " threads\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options o = parseOptions(app);
    const double targetP99 = 50.0;

    const qint64 fdLimit = raiseFdLimit();
    if (fdLimit >= 0 && fdLimit < o.idle + 64) {
        out() << "the descriptor limit (" << fdLimit << ") is too low for " << o.idle
              << " connections\n";
        return 2;
    }
    QTemporaryDir dir;
    Server server;
    if (!startServer(server, dir, o.idleTimeout))
        return 2;
    out() << "bench_idle: " << o.idle << " idle connections, then " << o.requests
          << " GET /me one after another (server idle timeout "
          << (o.idleTimeout > 0 ? QString::number(o.idleTimeout) + QStringLiteral(" s")
                                : QStringLiteral("60 s, its default"))
          << "; this process's descriptor limit " << fdLimit << ")\n";
    QByteArray token;
    if (!signIn(server, &token))
        return 2;
    const QByteArray me = buildRequest("GET", "/api/v1/me", {{"Authorization", "Bearer " + token}});

    // Warm-up, then the same measurement without idle connections, for comparison.
    measure(server, token, 100);
    QList<double> baseline = measure(server, token, o.requests);
    if (baseline.isEmpty())
        return 1;
    out() << "  without idle connections:   GET /me " << latencyLine(baseline) << "\n";
    const int socketsBefore = openSockets(server.pid());

    IdleConnections idle;
    QElapsedTimer opening;
    opening.start();
    idle.open(server, me, o.idle);
    reportOpened(server, idle, o.idle, opening.elapsed() / 1000.0, socketsBefore);

    QList<double> ms = measure(server, token, o.requests);
    const double measuredAt = opening.elapsed() / 1000.0;
    std::sort(ms.begin(), ms.end());
    const double p99 = percentile(ms, 99);
    const bool ok = !ms.isEmpty() && p99 < targetP99;
    out() << "  with " << idle.connected << " idle connections: GET /me " << latencyLine(ms)
          << " (target p99 < " << targetP99 << " ms)" << (ok ? "" : "  FAIL") << "\n";
    const bool idleOk = idleHeldAsExpected(server, idle, opening, measuredAt, o.idleTimeout);
    const bool alive = server.alive();
    if (!alive)
        out() << "  the server died: " << server.logTail() << "\n";
    out().flush();
    server.stop();
    return ok && idleOk && alive && idle.failed == 0 ? 0 : 1;
}
