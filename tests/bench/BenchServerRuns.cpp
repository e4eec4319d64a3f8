#include "BenchServerRuns.h"

#include "BenchFeedTargets.h"

#include <QElapsedTimer>
#include <QProcess>
#include <algorithm>

namespace bench {
namespace {

QString runTool(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(program), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

QString script(const char *name)
{
    return QStringLiteral(ONSITE_BENCH_DIR "/") + QLatin1String(name);
}

} // namespace

ScratchDatabase::ScratchDatabase(const QString &postgresUrl, const QString &dir)
    : m_postgres(postgresUrl)
{
    if (m_postgres.isEmpty()) {
        m_file = dir + QStringLiteral("/server.sqlite");
        m_url = QStringLiteral("sqlite:") + m_file;
        return;
    }
    m_name = QStringLiteral("onsite_bench_%1").arg(QCoreApplication::applicationPid());
    query(QStringLiteral("CREATE DATABASE %1").arg(m_name), m_postgres);
    QUrl url(m_postgres);
    url.setPath(QLatin1Char('/') + m_name);
    m_url = url.toString();
}

ScratchDatabase::~ScratchDatabase()
{
    if (!m_name.isEmpty())
        query(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_name), m_postgres);
}

QString ScratchDatabase::query(const QString &sql, const QString &url) const
{
    if (m_postgres.isEmpty())
        return runTool(QStringLiteral("sqlite3"), {m_file, sql});
    return runTool(QStringLiteral("psql"), {url, QStringLiteral("-tAc"), sql});
}

qint64 ScratchDatabase::appliedOps() const
{
    return query(QStringLiteral("SELECT count(*) FROM ops WHERE status = 'applied'"), m_url)
        .toLongLong();
}

ServerRuns::ServerRuns(const ScratchDatabase &db, const QString &dir, int connections, int seconds,
                       int rounds)
    : m_db(db), m_dir(dir), m_connections(connections), m_seconds(seconds), m_rounds(rounds)
{}

bool ServerRuns::startServer()
{
    raiseFdLimit();
    return m_server.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--db"), m_db.url(), QStringLiteral("--files"),
                           m_dir + QStringLiteral("/files")},
                          m_dir + QStringLiteral("/server.log"));
}

bool ServerRuns::startNginx(const FeedTargets &targets)
{
    // nginx's workers run as another user: they need to reach the files.
    const auto readable = QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup;
    for (const QString &path : {m_dir, targets.nginxRoot()})
        QFile::setPermissions(path, QFile::permissions(path) | readable);
    return m_nginx.start(targets.nginxRoot(), m_dir + QStringLiteral("/nginx"), 0);
}

ServerRuns::Pair ServerRuns::feedPair(const QString &targetsFile, const QString &staticFile,
                                      const QString &token)
{
    Pair p;
    p.ours = Wrk::run(m_server.url().toString(), script("feed.lua"), m_connections, m_seconds, {},
                      {targetsFile});
    p.floor = Wrk::run(m_nginx.url(staticFile), {}, m_connections, m_seconds,
                       {QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token});
    if (!p.ours.ok || !p.floor.ok)
        qFatal("wrk failed:\n%s\n%s", qPrintable(p.ours.output), qPrintable(p.floor.output));
    return p;
}

bool ServerRuns::report(QTextStream &out, const QString &what, const QList<Pair> &pairs,
                        double minRatio, double maxP99)
{
    QList<double> ours, floor, p99, floorP99;
    qint64 errors = 0;
    for (const Pair &p : pairs) {
        ours << p.ours.requestsPerSecond;
        floor << p.floor.requestsPerSecond;
        p99 << p.ours.p99Ms;
        floorP99 << p.floor.p99Ms;
        errors += p.ours.non2xx + p.ours.socketErrors;
    }
    const double ratio = median(ours) / median(floor);
    const bool met = ratio >= minRatio && median(p99) <= maxP99 && errors == 0;
    out << QStringLiteral("%1, %2 connections, %3 (medians of %4 interleaved %5 s runs)\n")
               .arg(what)
               .arg(m_connections)
               .arg(m_db.label())
               .arg(pairs.size())
               .arg(m_seconds);
    out << QStringLiteral("  onsite-server : %1 req/s, p99 %2 ms, %3 errors\n")
               .arg(median(ours), 0, 'f', 0)
               .arg(median(p99), 0, 'f', 1)
               .arg(errors);
    out << QStringLiteral("  nginx, same bytes as a static file: %1 req/s, p99 %2 ms\n")
               .arg(median(floor), 0, 'f', 0)
               .arg(median(floorP99), 0, 'f', 1);
    out << QStringLiteral("  ratio %1x (target >= %2x, p99 <= %3 ms): %4\n")
               .arg(ratio, 0, 'f', 2)
               .arg(minRatio)
               .arg(maxP99)
               .arg(met ? QStringLiteral("met") : QStringLiteral("MISSED"))
        << Qt::flush;
    return met;
}

bool ServerRuns::measureFeed(const FeedTargets &targets, QTextStream &out)
{
    QList<Pair> nothing, page;
    for (int r = 0; r < m_rounds; ++r) {
        nothing << feedPair(targets.nothingNewTargets(), QStringLiteral("nothing.json"),
                            targets.anyToken());
        page << feedPair(targets.pageTargets(), QStringLiteral("page.json"), targets.anyToken());
    }
    const bool a = report(
        out,
        QStringLiteral("GET /changes, nothing new (%1-byte answer)").arg(targets.nothingNewBytes()),
        nothing, 0.3, 20);
    const bool b = report(out,
                          QStringLiteral("GET /changes, a %1-document page (%2 bytes)")
                              .arg(FeedTargets::kPageSize)
                              .arg(targets.pageBytes()),
                          page, 0.1, 100);
    return a && b;
}

// The independent floor for ops: sqlite3 committing 2,000 one-row transactions in a row on a
// fresh file with the server's durability (WAL, synchronous=FULL).
double ServerRuns::sqliteCommitsPerSecond() const
{
    const int n = 2000;
    QByteArray sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     " CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT);";
    for (int i = 0; i < n; ++i)
        sql += "BEGIN; INSERT INTO t (v) VALUES ('op'); COMMIT;\n";
    const QString file = m_dir + QStringLiteral("/floor-commits.sqlite");
    QFile::remove(file);
    QElapsedTimer t;
    t.start();
    runTool(QStringLiteral("sqlite3"), {file}, sql);
    return n / (t.nsecsElapsed() / 1e9);
}

bool ServerRuns::measureOps(const FeedTargets &targets, QTextStream &out)
{
    QList<double> rps, p99, floor;
    qint64 notApplied = 0, answered = 0;
    for (int r = 0; r < m_rounds; ++r) {
        const WrkResult w = Wrk::run(m_server.url().toString(), script("ops.lua"), m_connections,
                                     m_seconds, {}, {targets.opsTargets()});
        if (!w.ok)
            qFatal("wrk failed:\n%s", qPrintable(w.output));
        rps << w.requestsPerSecond;
        p99 << w.p99Ms;
        answered += w.requests;
        const auto m = QRegularExpression(QStringLiteral("Not applied: (\\d+)")).match(w.output);
        notApplied += m.hasMatch() ? m.captured(1).toLongLong() : w.requests;
        if (!m_db.isPostgres())
            floor << sqliteCommitsPerSecond();
    }
    const qint64 durable = m_db.appliedOps();
    // The speed target is SQLite's (issue 16); on PostgreSQL only durability is checked.
    const bool durableAll = notApplied == 0 && durable >= answered;
    const bool met =
        durableAll && (m_db.isPostgres() || (median(rps) >= 1500 && median(p99) <= 100));
    out << QStringLiteral("POST /ops, one op per request, %1 connections, %2 (medians of %3 %4 s "
                          "runs)\n")
               .arg(m_connections)
               .arg(m_db.label())
               .arg(rps.size())
               .arg(m_seconds);
    out << QStringLiteral("  onsite-server : %1 ops/s, p99 %2 ms; %3 answered, %4 not applied, "
                          "%5 applied in the database afterwards\n")
               .arg(median(rps), 0, 'f', 0)
               .arg(median(p99), 0, 'f', 1)
               .arg(answered)
               .arg(notApplied)
               .arg(durable);
    if (!floor.isEmpty())
        out << QStringLiteral("  sqlite3, one-row transactions, WAL + FULL: %1 commits/s (ratio "
                              "%2x)\n")
                   .arg(median(floor), 0, 'f', 0)
                   .arg(median(rps) / median(floor), 0, 'f', 2);
    out << (m_db.isPostgres() ? QStringLiteral("  no speed target on PostgreSQL; every answered op "
                                               "applied and durable: %1\n")
                              : QStringLiteral("  target >= 1500 ops/s (SQLite), p99 <= 100 ms, "
                                               "every answered op applied and durable: %1\n"))
               .arg(met ? QStringLiteral("met") : QStringLiteral("MISSED"))
        << Qt::flush;
    return met;
}

} // namespace bench
