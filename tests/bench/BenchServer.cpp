// The server beside independent floors, with wrk at 64 connections (issue 16):
//  - GET /changes with nothing new, rotating over 16 workers, beside nginx serving the same
//    answer's bytes as a static file (target >= 0.3x nginx, p99 <= 20 ms);
//  - GET /changes answering a 100-document page, beside nginx serving that page (>= 0.1x,
//    p99 <= 100 ms);
//  - POST /ops, one op per request (an edit of an open visit's note, each with a new op_id),
//    beside sqlite3 committing one-row transactions with the same durability (WAL, FULL):
//    target >= 1,500 ops/s with p99 <= 100 ms on SQLite, every answered op found applied in
//    the database afterwards.
// nginx runs one worker per core ("auto"); each figure is the median of ROUNDS interleaved runs.
// Run by hand: build/bin/bench_server [--postgres URL] [--seconds S] [--rounds R]
// (URL: a PostgreSQL server where the benchmark may create and drop a database).
#include "BenchFeedTargets.h"
#include "BenchServerRuns.h"
#include "BenchWorld.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

using namespace bench;

namespace {

struct Options {
    QString postgres;
    int seconds = 5;
    int rounds = 3;
    int connections = 64;
};

Options parse(const QStringList &args)
{
    Options o;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--postgres"))
            o.postgres = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--seconds"))
            o.seconds = qMax(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--rounds"))
            o.rounds = qMax(1, args.at(i + 1).toInt());
    }
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const Options o = parse(app.arguments());
    if (!Wrk::available())
        qFatal("wrk is not installed (apt-get install wrk)");
    QTemporaryDir dir;
    ScratchDatabase db(o.postgres, dir.path());
    out << "Database: " << db.label() << "\nSeeding " << FeedTargets::kWorkers << " workers x "
        << FeedTargets::kDocsPerWorker << " assignments...\n"
        << Qt::flush;
    FeedTargets targets(db.url(), dir.path());
    targets.seed();
    ServerRuns runs(db, dir.path(), o.connections, o.seconds, o.rounds);
    if (!runs.startServer() || !targets.learn(runs.serverUrl()))
        qFatal("the server did not start or answer: %s", qPrintable(runs.serverLog()));
    if (!runs.startNginx(targets))
        qFatal("nginx did not start (is it installed?)");
    const bool feed = runs.measureFeed(targets, out);
    const bool ops = runs.measureOps(targets, out);
    const bool met = feed && ops;
    out << (met ? "All targets met.\n" : "Some targets missed.\n");
    return met ? 0 : 1;
}
