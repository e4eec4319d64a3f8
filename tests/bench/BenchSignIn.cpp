// A burst of sign-ins against the real onsite-server: W workers made with `admin
// create-worker`, for each 1 right and K wrong passwords (default 50 x (1 + 9) = 500), every
// request on its own connection with its own X-Real-IP (so the per-address limit is not what
// bounds it), all connections opened first and the requests then written at once in a
// shuffled order. Prints the answers by status, the 5xx, the most 401s any one email got (each
// is a password check that ran: target at most 5, the per-email limit), what every right
// password got (a token or a 429, nothing else), and the latency.
// Run by hand: build/bin/bench_signin [--postgres URL] [--workers W] [--wrong K]
// (URL: a database the server may use; the workers get fresh names every run).
#include "BenchHttp.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QMap>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>
#include <memory>

using namespace bench;

namespace {

struct SignIn {
    int worker = 0;
    bool right = false;
    QByteArray bytes;
    std::unique_ptr<QTcpSocket> socket;
    ResponseParser parser;
    qint64 sentNs = -1;
    double ms = -1;
    int status = 0; // 0: no answer yet; -1: closed without one
    bool token = false;
    bool done = false;
};

using SignIns = std::vector<std::unique_ptr<SignIn>>;

struct Options {
    bool postgres = false;
    QString db; // the URL given with --postgres; empty for SQLite
    int workers = 0;
    int wrong = 0;
};

Options parseOptions(const QCoreApplication &app)
{
    QCommandLineParser cli;
    cli.addHelpOption();
    QCommandLineOption postgres(QStringLiteral("postgres"),
                                QStringLiteral("Run on this PostgreSQL database (URL)."),
                                QStringLiteral("url"));
    QCommandLineOption workersOpt(QStringLiteral("workers"), QStringLiteral("Workers (50)."),
                                  QStringLiteral("n"), QStringLiteral("50"));
    QCommandLineOption wrongOpt(QStringLiteral("wrong"),
                                QStringLiteral("Wrong passwords per worker (9)."),
                                QStringLiteral("n"), QStringLiteral("9"));
    cli.addOptions({postgres, workersOpt, wrongOpt});
    cli.process(app);
    Options o;
    o.postgres = cli.isSet(postgres);
    o.db = o.postgres ? cli.value(postgres) : QString();
    o.workers = qMax(1, cli.value(workersOpt).toInt());
    o.wrong = qMax(0, cli.value(wrongOpt).toInt());
    return o;
}

// The workers, made with `admin create-worker`; false (printed) if one could not be.
bool createWorkers(const QString &db, const QString &tag, const QString &password, int workers,
                   QStringList *emails)
{
    QElapsedTimer setup;
    setup.start();
    for (int i = 0; i < workers; ++i) {
        const QString email = QStringLiteral("bench-%1-%2@bench.onsite").arg(tag).arg(i);
        QString output;
        if (admin(db, {QStringLiteral("create-worker"), email, QStringLiteral("Bench %1").arg(i)},
                  password, &output) != 0) {
            out() << "admin create-worker failed: " << output << "\n";
            return false;
        }
        *emails << email;
    }
    out() << "  created " << workers << " workers with admin create-worker in "
          << setup.elapsed() / 1000.0 << " s\n";
    return true;
}

// The requests, each with its own address, in a shuffled order.
SignIns makeRequests(const QStringList &emails, int wrong, const QString &password,
                     const QString &tag)
{
    SignIns all;
    const quint32 net = QRandomGenerator::global()->bounded(1, 255);
    for (int i = 0; i < int(emails.size()); ++i) {
        for (int k = 0; k <= wrong; ++k) {
            auto s = std::make_unique<SignIn>();
            s->worker = i;
            s->right = k == 0;
            const int n = int(all.size()) + 1;
            const QByteArray ip = QByteArrayLiteral("10.") + QByteArray::number(net) + '.' +
                                  QByteArray::number(n / 256) + '.' + QByteArray::number(n % 256);
            const QByteArray body =
                "{\"email\":\"" + emails.at(i).toUtf8() + "\",\"password\":\"" +
                (s->right ? password.toUtf8()
                          : "wrong-" + QByteArray::number(k) + '-' + tag.toUtf8()) +
                "\"}";
            s->bytes =
                buildRequest("POST", "/api/v1/session",
                             {{"Content-Type", "application/json"}, {"X-Real-IP", ip}}, body);
            all.push_back(std::move(s));
        }
    }
    std::shuffle(all.begin(), all.end(), *QRandomGenerator::global());
    return all;
}

// Every request on its own connection: all opened first, then written at once.
class Burst
{
public:
    explicit Burst(SignIns all) : m_all(std::move(all)) {}
    const SignIns &requests() const { return m_all; }
    qint64 releasedMs() const { return m_releasedMs; }
    double wallS() const { return m_wallS; }

    // False (printed) if not every connection opened within 60 s.
    bool connectAll(const Server &server)
    {
        m_clock.start();
        for (auto &p : m_all)
            watch(p.get(), server);
        m_guard.setSingleShot(true);
        QObject::connect(&m_guard, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        m_guard.start(60000);
        m_loop.exec();
        if (m_connected != int(m_all.size())) {
            out() << "only " << m_connected << " of " << m_all.size() << " connections opened\n";
            return false;
        }
        out() << "  " << m_connected << " connections open in " << m_clock.elapsed()
              << " ms; releasing\n";
        out().flush();
        return true;
    }

    // Writes every request, then waits (up to 600 s) for every answer.
    void release()
    {
        m_clock.restart();
        for (auto &p : m_all) {
            p->sentNs = m_clock.nsecsElapsed();
            p->socket->write(p->bytes);
            p->socket->flush();
        }
        m_releasedMs = m_clock.elapsed();
        m_guard.start(600000);
        if (m_finished < int(m_all.size()))
            m_loop.exec();
        m_wallS = m_clock.elapsed() / 1000.0;
    }

private:
    void finish(SignIn *s, int status)
    {
        if (s->done)
            return;
        s->done = true;
        s->status = status;
        s->ms = s->sentNs >= 0 ? double(m_clock.nsecsElapsed() - s->sentNs) / 1e6 : -1;
        if (++m_finished == int(m_all.size()))
            m_loop.quit();
    }

    void watch(SignIn *s, const Server &server)
    {
        s->socket = std::make_unique<QTcpSocket>();
        QTcpSocket *sock = s->socket.get();
        QObject::connect(sock, &QTcpSocket::connected, &m_loop, [this] {
            if (++m_connected == int(m_all.size()))
                m_loop.quit();
        });
        QObject::connect(sock, &QTcpSocket::readyRead, &m_loop, [this, s, sock] {
            if (s->done)
                return;
            if (s->parser.feed(sock->readAll()) == ResponseParser::State::Complete) {
                s->token = !jsonObject(s->parser.response().body)
                                .value(QStringLiteral("token"))
                                .toString()
                                .isEmpty();
                finish(s, s->parser.response().status);
            }
        });
        QObject::connect(sock, &QTcpSocket::disconnected, &m_loop, [this, s] {
            if (s->sentNs >= 0)
                finish(s, -1);
        });
        s->parser.reset(false);
        sock->connectToHost(server.host(), server.port());
    }

    SignIns m_all;
    QElapsedTimer m_clock;
    int m_connected = 0;
    int m_finished = 0;
    QEventLoop m_loop;
    QTimer m_guard;
    qint64 m_releasedMs = 0;
    double m_wallS = 0;
};

struct Tally {
    QMap<int, int> byStatus;
    QHash<int, int> unauthorizedPerWorker;
    int fiveXX = 0, unanswered = 0, rightToken = 0, right429 = 0;
    QStringList rightOther;
    QList<double> latencies;
};

Tally tally(const SignIns &all, const QStringList &emails)
{
    Tally t;
    for (auto &p : all) {
        ++t.byStatus[p->status];
        if (p->status >= 500)
            ++t.fiveXX;
        if (p->status <= 0)
            ++t.unanswered;
        if (p->status == 401)
            ++t.unauthorizedPerWorker[p->worker];
        if (p->status > 0)
            t.latencies << p->ms;
        if (p->right) {
            if (p->status == 200 && p->token)
                ++t.rightToken;
            else if (p->status == 429)
                ++t.right429;
            else
                t.rightOther << QStringLiteral("%1: %2").arg(emails.at(p->worker)).arg(p->status);
        }
    }
    return t;
}

// Prints the answers; true if the targets (no 5xx, every request answered, at most
// limitPerEmail 401s per email, a token or a 429 for every right password) were met.
bool report(const Tally &t, const Burst &burst, int workers, int limitPerEmail)
{
    int most401 = 0;
    QMap<int, int> histogram; // 401s per email -> emails
    for (int i = 0; i < workers; ++i) {
        const int n = t.unauthorizedPerWorker.value(i);
        most401 = qMax(most401, n);
        ++histogram[n];
    }
    QStringList statusText, histText;
    for (auto it = t.byStatus.cbegin(); it != t.byStatus.cend(); ++it)
        statusText << (it.key() == 0 ? QStringLiteral("no answer (timeout) x%1").arg(it.value())
                       : it.key() == -1
                           ? QStringLiteral("closed without answer x%1").arg(it.value())
                           : QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it)
        histText << QStringLiteral("%1 emails had %2").arg(it.value()).arg(it.key());

    const bool rightOk = t.rightOther.isEmpty();
    out() << "  released " << burst.requests().size() << " requests in " << burst.releasedMs()
          << " ms; all answered in " << burst.wallS() << " s\n";
    out() << "  answers by status: " << statusText.join(QStringLiteral(", ")) << "\n";
    out() << "  5xx: " << t.fiveXX << " (target 0)" << (t.fiveXX ? "  FAIL" : "") << "\n";
    out() << "  most 401s for one email (password checks run): " << most401
          << " (target <= " << limitPerEmail << ")" << (most401 > limitPerEmail ? "  FAIL" : "")
          << "; " << histText.join(QStringLiteral(", ")) << "\n";
    out() << "  right passwords: " << t.rightToken << " got a token, " << t.right429 << " got 429"
          << (rightOk ? QString()
                      : QStringLiteral(", %1 got something else  FAIL: %2")
                            .arg(t.rightOther.size())
                            .arg(t.rightOther.mid(0, 5).join(QStringLiteral("; "))))
          << "\n";
    out() << "  latency: " << latencyLine(t.latencies) << "\n";
    return t.fiveXX == 0 && t.unanswered == 0 && most401 <= limitPerEmail && rightOk;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options o = parseOptions(app);
    const int limitPerEmail = 5; // the server's per-email limit (README, "Sign-in limits")

    raiseFdLimit();
    QTemporaryDir dir;
    const QString db =
        o.postgres ? o.db
                   : QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.sqlite"));
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString password = QStringLiteral("right-password-") + tag;

    out() << "bench_signin: " << o.workers << " workers x (1 right + " << o.wrong
          << " wrong) = " << o.workers * (1 + o.wrong) << " sign-ins at once on "
          << (o.postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite")) << "\n";
    out().flush();

    QStringList emails;
    if (!createWorkers(db, tag, password, o.workers, &emails))
        return 2;
    Server server;
    if (!server.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--db"), db, QStringLiteral("--files"),
                       dir.filePath(QStringLiteral("files"))},
                      dir.filePath(QStringLiteral("server.log")))) {
        out() << "onsite-server did not start: " << server.output() << server.logTail() << "\n";
        return 2;
    }

    Burst burst(makeRequests(emails, o.wrong, password, tag));
    if (!burst.connectAll(server))
        return 1;
    burst.release();
    const bool met = report(tally(burst.requests(), emails), burst, o.workers, limitPerEmail);
    const bool alive = server.alive();
    if (!alive)
        out() << "  the server died: " << server.logTail() << "\n";
    out().flush();
    server.stop();
    return met && alive ? 0 : 1;
}
