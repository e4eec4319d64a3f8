// Uploads through the real UploadEngine against a real onsite-server, beside the floor measured
// in the same run: curl sending the same file to the same server with the same tus requests
// (8 MiB PATCHes with their SHA-256, over one connection). Prints throughput, the ratio to the
// floor, and the peak memory (RSS) of client and server during a small and a large upload and
// during four at once. Linux (reads /proc). Run by hand: build/bin/bench_upload [MiB]
#include "EmbeddedServer.h"
#include "LocalStore.h"
#include "ProcessStats.h"
#include "Sha256.h"
#include "Tus.h"
#include "UploadEngine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

using namespace onsite;
using onsite::test::rssKiB;

namespace {

QTextStream out(stdout);
constexpr qint64 kMiB = 1024 * 1024;

// Samples the RSS of this process and the server every 20 ms while it lives.
struct PeakMemory {
    qint64 server = 0, client = 0;
    QTimer timer;
    PeakMemory(qint64 serverPid)
    {
        QObject::connect(&timer, &QTimer::timeout, &timer, [this, serverPid] {
            client = qMax(client, rssKiB(QCoreApplication::applicationPid()));
            server = qMax(server, rssKiB(serverPid));
        });
        timer.start(20);
    }
};

QJsonObject request(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
                    const QString &token, const QJsonObject &body = {})
{
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(r, method, QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

QString makeFile(const QString &path, qint64 size, int seed)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    QByteArray block(kMiB, Qt::Uninitialized);
    quint32 x = 2463534242u + quint32(seed);
    for (qint64 written = 0; written < size; written += block.size()) {
        for (int i = 0; i < block.size(); i += 4) { // xorshift: cheap, incompressible
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            memcpy(block.data() + i, &x, 4);
        }
        if (written == 0)
            block.replace(0, 12,
                          QByteArray("\0\0\0\x18"
                                     "ftypmp42",
                                     12));
        f.write(block.constData(), qMin<qint64>(block.size(), size - written));
    }
    return path;
}

struct World {
    QTemporaryDir dir{QDir::tempPath() + QStringLiteral("/onsite-bench-XXXXXX")};
    EmbeddedServer server;
    QNetworkAccessManager nam;
    QString token;
    qint64 assignment = 0;
    QStringList requirements;
    qint64 serverPid = 0;

    World()
    {
        server.setProgram(QCoreApplication::applicationDirPath() +
                          QStringLiteral("/onsite-server"));
        server.setLogFile(dir.filePath(QStringLiteral("server.log")));
        server.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--db"),
                      QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("s.sqlite")),
                      QStringLiteral("--files"), dir.filePath(QStringLiteral("files")),
                      QStringLiteral("--demo")});
        if (!server.waitUntilReady(60000))
            qFatal("server did not start");
        serverPid = server.process()->processId();
        const QUrl base = server.apiBase();
        QNetworkRequest r(base.resolved(QUrl(QStringLiteral("session"))));
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = nam.post(
            r, QByteArrayLiteral(R"({"email":"alex@demo.onsite","password":"onsite-demo"})"));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject session = QJsonDocument::fromJson(reply->readAll()).object();
        token = session.value(QStringLiteral("token")).toString();
        QJsonArray reqs;
        for (int i = 0; i < 12; ++i) {
            requirements << QUuid::createUuid().toString(QUuid::WithoutBraces);
            reqs.append(
                QJsonObject{{QStringLiteral("id"), requirements.last()},
                            {QStringLiteral("kind"), QStringLiteral("other")},
                            {QStringLiteral("description"), QStringLiteral("Video %1").arg(i)},
                            {QStringLiteral("count"), 1}});
        }
        const QJsonObject created = request(
            nam, "POST", base.resolved(QUrl(QStringLiteral("company/assignments"))),
            server.companyToken(),
            {{QStringLiteral("worker_id"),
              session.value(QStringLiteral("worker")).toObject().value(QStringLiteral("id"))},
             {QStringLiteral("title"), QStringLiteral("Upload benchmark")},
             {QStringLiteral("site"),
              QJsonObject{{QStringLiteral("city"), QStringLiteral("Chicago")},
                          {QStringLiteral("time_zone"), QStringLiteral("America/Chicago")}}},
             {QStringLiteral("schedule"),
              QJsonObject{{QStringLiteral("start"), QStringLiteral("2030-01-10T15:00:00Z")},
                          {QStringLiteral("end"), QStringLiteral("2030-01-10T18:00:00Z")}}},
             {QStringLiteral("pricing"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("flat")},
                          {QStringLiteral("currency"), QStringLiteral("USD")},
                          {QStringLiteral("flat_cents"), 100}}},
             {QStringLiteral("deliverable_requirements"), reqs}});
        assignment = created.value(QStringLiteral("id")).toInteger();
        if (token.isEmpty() || !assignment)
            qFatal("setup failed: %s", QJsonDocument(created).toJson().constData());
    }
};

// The floor: curl creates the upload, then sends every 8 MiB chunk (pre-split, checksums
// computed beforehand) in one invocation over one connection. Seconds.
double curlUpload(World &w, const QString &file, const QString &requirement)
{
    QFile f(file);
    f.open(QIODevice::ReadOnly);
    const qint64 size = f.size();
    Sha256 whole;
    QStringList nextArgs;
    const QString chunkDir = w.dir.filePath(QStringLiteral("chunks"));
    QDir().mkpath(chunkDir);
    QList<QByteArray> sums;
    for (qint64 at = 0, i = 0; at < size; at += Tus::kMaxChunk, ++i) {
        const QByteArray chunk = f.read(Tus::kMaxChunk);
        whole.addData(chunk);
        QFile c(chunkDir + QStringLiteral("/%1").arg(i));
        c.open(QIODevice::WriteOnly);
        c.write(chunk);
        sums << Sha256::hash(chunk).toBase64();
    }
    const QString sha = QString::fromLatin1(whole.result().toHex());
    const QByteArray meta =
        Tus::encodeMetadata({{QStringLiteral("assignment_id"), QString::number(w.assignment)},
                             {QStringLiteral("requirement_id"), requirement},
                             {QStringLiteral("kind"), QStringLiteral("other")},
                             {QStringLiteral("filename"), QStringLiteral("curl.mp4")},
                             {QStringLiteral("sha256"), sha}});
    QProcess create;
    create.start(
        QStringLiteral("curl"),
        {QStringLiteral("-sS"), QStringLiteral("-D-"), QStringLiteral("-o/dev/null"),
         QStringLiteral("-XPOST"), w.server.apiBase().toString() + QStringLiteral("uploads"),
         QStringLiteral("-HAuthorization: Bearer ") + w.token,
         QStringLiteral("-HTus-Resumable: 1.0.0"), QStringLiteral("-HUpload-Length: %1").arg(size),
         QStringLiteral("-HUpload-Metadata: ") + QString::fromLatin1(meta)});
    create.waitForFinished(-1);
    QString location;
    for (const QByteArray &line : create.readAllStandardOutput().split('\n'))
        if (line.toLower().startsWith("location:"))
            location = QString::fromLatin1(line.mid(9).trimmed());
    const QString url = w.server.url().toString() + location;
    QStringList args;
    for (qint64 at = 0, i = 0; at < size; at += Tus::kMaxChunk, ++i) {
        if (i > 0)
            args << QStringLiteral("--next");
        args << QStringLiteral("-sS") << QStringLiteral("-o/dev/null") << QStringLiteral("-XPATCH")
             << url << QStringLiteral("-HAuthorization: Bearer ") + w.token
             << QStringLiteral("-HTus-Resumable: 1.0.0")
             << QStringLiteral("-HExpect:") // no 100-continue round trip: send at once
             << QStringLiteral("-HContent-Type: application/offset+octet-stream")
             << QStringLiteral("-HUpload-Offset: %1").arg(at)
             << QStringLiteral("-HUpload-Checksum: sha256 ") + QString::fromLatin1(sums.at(i))
             << QStringLiteral("--data-binary") << QStringLiteral("@%1/%2").arg(chunkDir).arg(i);
    }
    QProcess curl;
    QElapsedTimer t;
    t.start();
    curl.start(QStringLiteral("curl"), args);
    curl.waitForFinished(-1);
    const double secs = t.nsecsElapsed() / 1e9;
    QDir(chunkDir).removeRecursively();
    if (qEnvironmentVariableIsSet("BENCH_KEEP"))
        w.dir.setAutoRemove(false);
    return secs;
}

struct EngineRun {
    double hashSecs = 0;
    double sendSecs = 0;
    qint64 serverPeakKiB = 0;
    qint64 clientPeakKiB = 0;
};

// The engine: files added at once, run until every one is uploaded.
EngineRun engineUpload(World &w, const QStringList &files, const QStringList &requirements)
{
    LocalStore store(QStringLiteral("bench-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
    QString error;
    store.open(
        w.dir.filePath(
            QStringLiteral("client-%1.sqlite").arg(QUuid::createUuid().toString(QUuid::Id128))),
        &error);
    UploadEngine engine(&store, w.server.apiBase());
    engine.setToken(w.token);
    engine.setMaxActive(int(files.size()));
    PeakMemory peak(w.serverPid);
    EngineRun run;
    QElapsedTimer t;
    t.start();
    int uploaded = 0;
    bool hashed = false;
    QEventLoop loop;
    QObject::connect(&engine, &UploadEngine::itemsChanged, &loop, [&] {
        if (hashed)
            return;
        int queued = 0;
        for (const UploadItem &i : engine.items())
            queued += i.state != UploadItem::State::Hashing;
        if (queued == files.size()) {
            hashed = true;
            run.hashSecs = t.nsecsElapsed() / 1e9;
            t.restart();
        }
    });
    QObject::connect(&engine, &UploadEngine::uploaded, &loop, [&] {
        if (++uploaded == files.size())
            loop.quit();
    });
    QObject::connect(&engine, &UploadEngine::refused, &loop,
                     [](const QString &, const QString &m) { qFatal("%s", qPrintable(m)); });
    for (int i = 0; i < files.size(); ++i)
        engine.add(w.assignment, files.at(i), QStringLiteral("other"), requirements.at(i));
    engine.resume();
    loop.exec();
    run.sendSecs = t.nsecsElapsed() / 1e9;
    run.serverPeakKiB = peak.server;
    run.clientPeakKiB = peak.client;
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 big = (argc > 1 ? QByteArray(argv[1]).toLongLong() : 1024) * kMiB;
    World w;
    out << "Upload benchmark (server " << w.server.url().toString() << ", files in "
        << QDir::tempPath() << ")\n";

    const QString small = makeFile(w.dir.filePath(QStringLiteral("small.mp4")), 64 * kMiB, 1);
    const EngineRun s = engineUpload(w, {small}, {w.requirements.at(0)});
    out << QStringLiteral(
               "64 MiB, engine: hash %1 s, send %2 s; peak RSS client %3 MiB, server %4 MiB\n")
               .arg(s.hashSecs, 0, 'f', 2)
               .arg(s.sendSecs, 0, 'f', 2)
               .arg(s.clientPeakKiB / 1024)
               .arg(s.serverPeakKiB / 1024);
    out.flush();

    const QString file = makeFile(w.dir.filePath(QStringLiteral("big.mp4")), big, 2);
    const double floor = curlUpload(w, file, w.requirements.at(1));
    const EngineRun e = engineUpload(w, {file}, {w.requirements.at(2)});
    const double mb = double(big) / 1e6;
    out << QStringLiteral("%1 MiB, curl (floor): %2 s, %3 MB/s\n")
               .arg(big / kMiB)
               .arg(floor, 0, 'f', 2)
               .arg(mb / floor, 0, 'f', 0);
    out << QStringLiteral("%1 MiB, engine: send %2 s, %3 MB/s (+ %4 s hashing when the file was "
                          "added); peak RSS client %5 MiB, server %6 MiB\n")
               .arg(big / kMiB)
               .arg(e.sendSecs, 0, 'f', 2)
               .arg(mb / e.sendSecs, 0, 'f', 0)
               .arg(e.hashSecs, 0, 'f', 2)
               .arg(e.clientPeakKiB / 1024)
               .arg(e.serverPeakKiB / 1024);
    out << QStringLiteral("throughput ratio engine/curl: %1 (target >= 0.7); with hashing: %2\n")
               .arg(floor / e.sendSecs, 0, 'f', 2)
               .arg(floor / (e.sendSecs + e.hashSecs), 0, 'f', 2);
    out.flush();
    QFile::remove(file);

    QStringList four;
    for (int i = 0; i < 4; ++i)
        four << makeFile(w.dir.filePath(QStringLiteral("four-%1.mp4").arg(i)), big / 4, 10 + i);
    const EngineRun f = engineUpload(w, four, w.requirements.mid(3, 4));
    out << QStringLiteral("4 x %1 MiB at once, engine: send %2 s, %3 MB/s in all; peak RSS client "
                          "%4 MiB, server %5 MiB\n")
               .arg(big / 4 / kMiB)
               .arg(f.sendSecs, 0, 'f', 2)
               .arg(mb / f.sendSecs, 0, 'f', 0)
               .arg(f.clientPeakKiB / 1024)
               .arg(f.serverPeakKiB / 1024);
    return 0;
}
