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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
    const int workers = qMax(1, cli.value(workersOpt).toInt());
    const int wrong = qMax(0, cli.value(wrongOpt).toInt());
    const int limitPerEmail = 5; // the server's per-email limit (README, "Sign-in limits")

    raiseFdLimit();
    QTemporaryDir dir;
    const QString db = cli.isSet(postgres) ? cli.value(postgres)
                                           : QStringLiteral("sqlite:") +
                                                 dir.filePath(QStringLiteral("server.sqlite"));
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString password = QStringLiteral("right-password-") + tag;

    out() << "bench_signin: " << workers << " workers x (1 right + " << wrong
          << " wrong) = " << workers * (1 + wrong) << " sign-ins at once on "
          << (cli.isSet(postgres) ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite"))
          << "\n";
    out().flush();

    QElapsedTimer setup;
    setup.start();
    QStringList emails;
    for (int i = 0; i < workers; ++i) {
        const QString email = QStringLiteral("bench-%1-%2@bench.onsite").arg(tag).arg(i);
        QString output;
        if (admin(db, {QStringLiteral("create-worker"), email, QStringLiteral("Bench %1").arg(i)},
                  password, &output) != 0) {
            out() << "admin create-worker failed: " << output << "\n";
            return 2;
        }
        emails << email;
    }
    out() << "  created " << workers << " workers with admin create-worker in "
          << setup.elapsed() / 1000.0 << " s\n";

    Server server;
    if (!server.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--db"), db, QStringLiteral("--files"),
                       dir.filePath(QStringLiteral("files"))},
                      dir.filePath(QStringLiteral("server.log")))) {
        out() << "onsite-server did not start: " << server.output() << server.logTail() << "\n";
        return 2;
    }

    // The requests, each with its own address, in a shuffled order.
    std::vector<std::unique_ptr<SignIn>> all;
    const quint32 net = QRandomGenerator::global()->bounded(1, 255);
    for (int i = 0; i < workers; ++i) {
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

    QElapsedTimer clock;
    clock.start();
    int connected = 0, finished = 0;
    QEventLoop loop;
    auto finish = [&](SignIn *s, int status) {
        if (s->done)
            return;
        s->done = true;
        s->status = status;
        s->ms = s->sentNs >= 0 ? double(clock.nsecsElapsed() - s->sentNs) / 1e6 : -1;
        if (++finished == int(all.size()))
            loop.quit();
    };
    for (auto &p : all) {
        SignIn *s = p.get();
        s->socket = std::make_unique<QTcpSocket>();
        QTcpSocket *sock = s->socket.get();
        QObject::connect(sock, &QTcpSocket::connected, &loop, [&] {
            if (++connected == int(all.size()))
                loop.quit();
        });
        QObject::connect(sock, &QTcpSocket::readyRead, &loop, [&, s, sock] {
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
        QObject::connect(sock, &QTcpSocket::disconnected, &loop, [&, s] {
            if (s->sentNs >= 0)
                finish(s, -1);
        });
        s->parser.reset(false);
        sock->connectToHost(server.host(), server.port());
    }
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(60000);
    loop.exec();
    if (connected != int(all.size())) {
        out() << "only " << connected << " of " << all.size() << " connections opened\n";
        return 1;
    }
    out() << "  " << connected << " connections open in " << clock.elapsed() << " ms; releasing\n";
    out().flush();

    clock.restart();
    for (auto &p : all) {
        p->sentNs = clock.nsecsElapsed();
        p->socket->write(p->bytes);
        p->socket->flush();
    }
    const qint64 releasedMs = clock.elapsed();
    guard.start(600000);
    if (finished < int(all.size()))
        loop.exec();
    const double wallS = clock.elapsed() / 1000.0;

    QMap<int, int> byStatus;
    QHash<int, int> unauthorizedPerWorker;
    int fiveXX = 0, unanswered = 0, rightToken = 0, right429 = 0;
    QStringList rightOther;
    QList<double> latencies;
    for (auto &p : all) {
        ++byStatus[p->status];
        if (p->status >= 500)
            ++fiveXX;
        if (p->status <= 0)
            ++unanswered;
        if (p->status == 401)
            ++unauthorizedPerWorker[p->worker];
        if (p->status > 0)
            latencies << p->ms;
        if (p->right) {
            if (p->status == 200 && p->token)
                ++rightToken;
            else if (p->status == 429)
                ++right429;
            else
                rightOther << QStringLiteral("%1: %2").arg(emails.at(p->worker)).arg(p->status);
        }
    }
    int most401 = 0;
    QMap<int, int> histogram; // 401s per email -> emails
    for (int i = 0; i < workers; ++i) {
        const int n = unauthorizedPerWorker.value(i);
        most401 = qMax(most401, n);
        ++histogram[n];
    }
    QStringList statusText, histText;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        statusText << (it.key() == 0 ? QStringLiteral("no answer (timeout) x%1").arg(it.value())
                       : it.key() == -1
                           ? QStringLiteral("closed without answer x%1").arg(it.value())
                           : QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it)
        histText << QStringLiteral("%1 emails had %2").arg(it.value()).arg(it.key());

    const bool rightOk = rightOther.isEmpty();
    out() << "  released " << all.size() << " requests in " << releasedMs << " ms; all answered in "
          << wallS << " s\n";
    out() << "  answers by status: " << statusText.join(QStringLiteral(", ")) << "\n";
    out() << "  5xx: " << fiveXX << " (target 0)" << (fiveXX ? "  FAIL" : "") << "\n";
    out() << "  most 401s for one email (password checks run): " << most401
          << " (target <= " << limitPerEmail << ")" << (most401 > limitPerEmail ? "  FAIL" : "")
          << "; " << histText.join(QStringLiteral(", ")) << "\n";
    out() << "  right passwords: " << rightToken << " got a token, " << right429 << " got 429"
          << (rightOk ? QString()
                      : QStringLiteral(", %1 got something else  FAIL: %2")
                            .arg(rightOther.size())
                            .arg(rightOther.mid(0, 5).join(QStringLiteral("; "))))
          << "\n";
    out() << "  latency: " << latencyLine(latencies) << "\n";
    const bool alive = server.alive();
    if (!alive)
        out() << "  the server died: " << server.logTail() << "\n";
    out().flush();
    server.stop();
    return fiveXX == 0 && unanswered == 0 && most401 <= limitPerEmail && rightOk && alive ? 0 : 1;
}
