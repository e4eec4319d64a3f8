// Initial sync of 10,000 assignments (with time logs, funds requests and deliverables) and a
// sync with nothing new, through the real SyncEngine against a real onsite-server, beside an
// independent floor measured in the same run: nginx serving the very page bytes the server
// answered as static files, curl fetching them over one connection, and sqlite3 inserting them
// in one transaction (WAL, synchronous=FULL) — nothing of our code in it. Medians of PAIRS
// interleaved pairs (sync, floor), each on a fresh cache file. Also prints the older floor that
// fetched the pages from onsite-server itself, and the client's resident memory during the sync
// (the engine runs in this process): at its start and its peak (VmHWM, reset before each run).
// Target (issue 16): <= 2x the independent floor, client RSS flat from 10,000 to 100,000.
// Run by hand: build/bin/bench_sync [N] [PAIRS]
#include "BenchWorld.h"
#include "EmbeddedServer.h"
#include "StaticNginx.h"
#include "SyncEngine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <malloc.h>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

using namespace onsite;

namespace {

QTextStream out(stdout);

QString run(const QString &program, const QStringList &args, const QByteArray &input = {},
            const QByteArray &env = {})
{
    QProcess p;
    if (!env.isEmpty()) {
        auto e = QProcessEnvironment::systemEnvironment();
        e.insert(QString::fromLatin1(env.left(env.indexOf('='))),
                 QString::fromLatin1(env.mid(env.indexOf('=') + 1)));
        p.setProcessEnvironment(e);
    }
    p.start(program, args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (p.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(program), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}

QByteArray httpGet(QNetworkAccessManager &nam, const QUrl &url, const QString &token, int *status)
{
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *r = nam.get(req);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = r->readAll();
    r->deleteLater();
    return body;
}

// Resident memory of this process in kB, now ("VmRSS") or at its peak ("VmHWM").
qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    f.open(QIODevice::ReadOnly);
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

// CPU time used so far by this process (all threads) and by process `pid`, in ms.
double ownCpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
           (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

double processCpuMs(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    f.open(QIODevice::ReadOnly);
    const QByteArray stat = f.readAll();
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toLongLong() + fields.value(12).toLongLong()) * 1e3 /
           double(sysconf(_SC_CLK_TCK));
}

// Starts a fresh peak: VmHWM falls back to the current RSS (Linux, writing 5 to clear_refs).
void resetPeakRss()
{
    malloc_trim(0); // what earlier steps freed goes back to the system first
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

const EmbeddedServer *s_server = nullptr; // its output is shown when a sync fails

double runSync(SyncEngine &engine)
{
    QEventLoop loop;
    QElapsedTimer t;
    bool ok = false;
    QString message;
    auto c = QObject::connect(&engine, &SyncEngine::syncFinished, &loop,
                              [&](bool success, const QString &why) {
                                  ok = success;
                                  message = why;
                                  loop.quit();
                              });
    t.start();
    engine.syncNow();
    loop.exec();
    QObject::disconnect(c);
    if (!ok)
        qFatal("sync failed: %s\nserver output:\n%s", qPrintable(message),
               qPrintable(s_server ? s_server->output() : QString()));
    return t.nsecsElapsed() / 1e6;
}

// The sign-up half of the run: a company and a worker made with `admin`, then n assignments
// imported with their history.
void seed(const QString &serverBin, const QStringList &admin, const QTemporaryDir &dir, int n)
{
    out << "Seeding " << n << " assignments...\n" << Qt::flush;
    const QString company = run(serverBin, admin + QStringList{QStringLiteral("create-company"),
                                                               QStringLiteral("Bench Co")})
                                .trimmed();
    const qint64 worker =
        run(serverBin,
            admin + QStringList{QStringLiteral("create-worker"),
                                QStringLiteral("bench@onsite.test"), QStringLiteral("Bench")},
            {}, "ONSITE_PASSWORD=bench-password")
            .trimmed()
            .toLongLong();
    QJsonArray docs;
    for (int i = 0; i < n; ++i)
        docs.append(bench::benchDocument(i, worker));
    QFile f(dir.filePath(QStringLiteral("docs.json")));
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(docs).toJson(QJsonDocument::Compact));
    f.close();
    run(serverBin, admin + QStringList{QStringLiteral("import-assignments"), company, f.fileName(),
                                       QStringLiteral("--with-history")});
}

QString signIn(QNetworkAccessManager &nam, const EmbeddedServer &server)
{
    QNetworkRequest signIn(server.apiBase().resolved(QUrl(QStringLiteral("session"))));
    signIn.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *r =
        nam.post(signIn, R"({"email":"bench@onsite.test","password":"bench-password"})");
    QEventLoop l;
    QObject::connect(r, &QNetworkReply::finished, &l, &QEventLoop::quit);
    l.exec();
    return QJsonDocument::fromJson(r->readAll()).object().value(QStringLiteral("token")).toString();
}

QUrl changesUrl(const EmbeddedServer &server, const QString &cursor, int pageSize)
{
    return server.apiBase().resolved(
        QUrl(QStringLiteral("changes?since=%1&limit=%2").arg(cursor).arg(pageSize)));
}

// Learns the page URLs once (also warms the server's cache of the database file); *cursor ends
// as the feed's last cursor.
QStringList pageUrls(QNetworkAccessManager &nam, const EmbeddedServer &server, const QString &token,
                     int pageSize, QString *cursor)
{
    QStringList urls;
    *cursor = QStringLiteral("0");
    for (;;) {
        const QUrl url = changesUrl(server, *cursor, pageSize);
        urls << url.toString();
        int status = 0;
        const QJsonObject page =
            QJsonDocument::fromJson(httpGet(nam, url, token, &status)).object();
        *cursor = page.value(QStringLiteral("cursor")).toString();
        if (!page.value(QStringLiteral("more")).toBool())
            break;
    }
    return urls;
}

struct Floor {
    double curlMs = 0;
    double sqliteMs = 0;
    qint64 bytes = 0;
    double ms() const { return curlMs + sqliteMs; }
};

// One floor run: curl fetching `urls` over one connection (with `headers`) into `files`, then
// sqlite3 inserting every page into `database` in one transaction with the app's durability
// settings.
Floor fetchAndInsert(const QStringList &urls, const QStringList &headers, const QStringList &files,
                     const QString &database)
{
    QStringList curlArgs{QStringLiteral("-s"), QStringLiteral("-w"),
                         QStringLiteral("%{size_download}\\n")};
    curlArgs << headers;
    QString sql = QStringLiteral(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
        "CREATE TABLE a (id INTEGER PRIMARY KEY, rev INTEGER, status TEXT, doc TEXT);"
        "BEGIN;");
    for (int i = 0; i < urls.size(); ++i) {
        curlArgs << urls.at(i) << QStringLiteral("-o") << files.at(i);
        sql += QStringLiteral("INSERT OR REPLACE INTO a SELECT json_extract(value,'$.id'),"
                              " json_extract(value,'$.rev'), json_extract(value,'$.status'), value"
                              " FROM json_each(readfile('%1'), '$.changes');")
                   .arg(files.at(i));
    }
    sql += QStringLiteral("COMMIT;");
    Floor floor;
    QElapsedTimer t;
    t.start();
    const QString sizes = run(QStringLiteral("curl"), curlArgs);
    floor.curlMs = t.nsecsElapsed() / 1e6;
    t.restart();
    run(QStringLiteral("sqlite3"), {database}, sql.toUtf8());
    floor.sqliteMs = t.nsecsElapsed() / 1e6;
    for (const QString &size : sizes.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        floor.bytes += size.toLongLong();
    return floor;
}

QStringList pageFiles(const QString &folder, int pages)
{
    QStringList files;
    for (int i = 0; i < pages; ++i)
        files << folder + QStringLiteral("/page%1.json").arg(i);
    return files;
}

// The older floor: the pages fetched from onsite-server itself (saved where nginx serves
// them from for the independent floor).
Floor measureFloor(const QStringList &urls, const QString &token, const QTemporaryDir &dir)
{
    return fetchAndInsert(
        urls, {QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token},
        pageFiles(dir.path(), int(urls.size())), dir.filePath(QStringLiteral("floor.sqlite")));
}

// The independent floor, once: the saved pages fetched from nginx, into a fresh file.
Floor measureStaticFloor(const bench::StaticNginx &nginx, int pages, const QTemporaryDir &dir,
                         int index)
{
    const QString folder = dir.filePath(QStringLiteral("static-run%1").arg(index));
    QDir().mkpath(folder);
    QStringList urls;
    for (int i = 0; i < pages; ++i)
        urls << nginx.url(QStringLiteral("page%1.json").arg(i));
    return fetchAndInsert(urls, {}, pageFiles(folder, pages), folder + QStringLiteral(".sqlite"));
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// Headers too, as curl sees them, for the whole exchange of the no-change request.
qint64 noChangeWire(const EmbeddedServer &server, const QString &token, const QString &cursor,
                    int pageSize)
{
    const QString noChange = run(
        QStringLiteral("curl"),
        {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
         QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token,
         QStringLiteral("-w"), QStringLiteral("%{size_request} %{size_header} %{size_download}"),
         changesUrl(server, cursor, pageSize).toString()});
    const QStringList parts = noChange.split(QLatin1Char(' '));
    return parts.value(0).toLongLong() + parts.value(1).toLongLong() + parts.value(2).toLongLong();
}

struct SyncRun {
    double ms = 0;
    int requests = 0;
    qint64 bytes = 0;
    qint64 startKb = 0; // RSS when the sync started (the largest over the runs)
    qint64 peakKb = 0;  // peak RSS during the sync (the largest over the runs)
};

struct Medians {
    int pairs = 0;
    double syncMs = 0;
    double clientCpuMs = 0;
    double serverCpuMs = 0;
    double floorMs = 0;
    double curlMs = 0;
    double sqliteMs = 0;
};

void printResults(int n, int pageSize, const SyncRun &sync, const Floor &serverFloor,
                  const Medians &m, int floorRequests, const SyncRun &noChange, qint64 wire)
{
    out << QStringLiteral("Initial sync of %1 assignments (%2 per page), medians of %3 "
                          "interleaved pairs\n")
               .arg(n)
               .arg(pageSize)
               .arg(m.pairs);
    out << QStringLiteral("  onsite SyncEngine : %1 ms, %2 requests, %3 bytes (CPU: client %4 ms, "
                          "server %5 ms)\n")
               .arg(m.syncMs, 0, 'f', 0)
               .arg(sync.requests)
               .arg(sync.bytes)
               .arg(m.clientCpuMs, 0, 'f', 0)
               .arg(m.serverCpuMs, 0, 'f', 0);
    out << QStringLiteral("  independent floor : %1 ms (nginx serving the same page bytes as "
                          "static files + curl %2 ms, sqlite3 %3 ms), %4 requests\n")
               .arg(m.floorMs, 0, 'f', 0)
               .arg(m.curlMs, 0, 'f', 0)
               .arg(m.sqliteMs, 0, 'f', 0)
               .arg(floorRequests);
    out << QStringLiteral("  ratio to floor    : %1x (target <= 2x)\n")
               .arg(m.syncMs / m.floorMs, 0, 'f', 2);
    out << QStringLiteral("  client RSS        : %1 MB at the start, peak %2 MB during the sync "
                          "(+%3 MB; target: flat from 10,000 to 100,000)\n")
               .arg(sync.startKb / 1024.0, 0, 'f', 1)
               .arg(sync.peakKb / 1024.0, 0, 'f', 1)
               .arg((sync.peakKb - sync.startKb) / 1024.0, 0, 'f', 1);
    out << QStringLiteral("  (older floor, pages from onsite-server itself + sqlite3: %1 ms, "
                          "%2 bytes: %3x)\n")
               .arg(serverFloor.ms(), 0, 'f', 0)
               .arg(serverFloor.bytes)
               .arg(m.syncMs / serverFloor.ms(), 0, 'f', 2);
    out << QStringLiteral("Sync with nothing new\n");
    out << QStringLiteral("  %1 ms, %2 request(s), body %3 bytes, %4 bytes on the wire with "
                          "headers (target: 1 request, < 1024 bytes)\n")
               .arg(noChange.ms, 0, 'f', 1)
               .arg(noChange.requests)
               .arg(noChange.bytes)
               .arg(wire);
}

// `pairs` interleaved runs of the initial sync (each into a fresh cache file) and of the
// independent floor; the engine of the last run is kept for the nothing-new sync.
Medians measurePairs(int pairs, EmbeddedServer &server, const QString &token, int pageSize,
                     int pages, const QTemporaryDir &dir, SyncRun *sync,
                     std::unique_ptr<SyncEngine> *engine)
{
    bench::StaticNginx nginx;
    QFile::setPermissions(dir.path(), QFile::permissions(dir.path()) | QFile::ReadOther |
                                          QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
    if (!nginx.start(dir.path(), dir.filePath(QStringLiteral("nginx"))))
        qFatal("nginx did not start (is it installed?)");
    QList<double> syncMs, floorMs, curlMs, sqliteMs, clientCpu, serverCpu;
    const qint64 serverPid = server.process()->processId();
    for (int k = 0; k < pairs; ++k) {
        *engine = std::make_unique<SyncEngine>(
            dir.filePath(QStringLiteral("client%1.sqlite").arg(k)), server.apiBase());
        (*engine)->setPageSize(pageSize);
        (*engine)->open();
        (*engine)->setToken(token);
        resetPeakRss();
        sync->startKb = qMax(sync->startKb, statusKb("VmRSS:"));
        const double cpu = ownCpuMs(), serverCpuBefore = processCpuMs(serverPid);
        syncMs << runSync(**engine);
        clientCpu << ownCpuMs() - cpu;
        serverCpu << processCpuMs(serverPid) - serverCpuBefore;
        sync->peakKb = qMax(sync->peakKb, statusKb("VmHWM:"));
        sync->requests = (*engine)->requestsMade();
        sync->bytes = (*engine)->bytesReceived();
        const Floor f = measureStaticFloor(nginx, pages, dir, k);
        floorMs << f.ms();
        curlMs << f.curlMs;
        sqliteMs << f.sqliteMs;
    }
    return {pairs,           median(syncMs), median(clientCpu), median(serverCpu),
            median(floorMs), median(curlMs), median(sqliteMs)};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 10000;
    const int pairs = argc > 2 ? qMax(1, QString::fromLatin1(argv[2]).toInt()) : 5;
    const int pageSize = 500;
    // ONSITE_BENCH_SERVER: another copy of the server program (e.g. under another name).
    const QString serverBin =
        qEnvironmentVariable("ONSITE_BENCH_SERVER", EmbeddedServer::defaultProgram());
    QTemporaryDir dir;
    const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.sqlite"));
    seed(serverBin, {QStringLiteral("admin"), QStringLiteral("--db"), db}, dir, n);

    EmbeddedServer server;
    server.setProgram(serverBin);
    server.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                  db, QStringLiteral("--files"), dir.filePath(QStringLiteral("files"))});
    if (!server.waitUntilReady())
        qFatal("server did not start: %s", qPrintable(server.output()));
    s_server = &server;
    QNetworkAccessManager nam;
    const QString token = signIn(nam, server);
    QString cursor;
    const QStringList urls = pageUrls(nam, server, token, pageSize, &cursor);
    const Floor serverFloor = measureFloor(urls, token, dir);
    SyncRun sync;
    std::unique_ptr<SyncEngine> engine;
    const Medians m =
        measurePairs(pairs, server, token, pageSize, int(urls.size()), dir, &sync, &engine);
    SyncRun noChange;
    noChange.ms = runSync(*engine);
    noChange.requests = engine->requestsMade();
    noChange.bytes = engine->bytesReceived();
    const qint64 wire = noChangeWire(server, token, cursor, pageSize);

    printResults(n, pageSize, sync, serverFloor, m, int(urls.size()), noChange, wire);
    server.stop();
    return 0;
}
