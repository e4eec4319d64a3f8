#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "FaultProxy.h"
#include "Fixtures.h"
#include "HttpClient.h"
#include "LocalStore.h"
#include "Sha256.h"
#include "TestServer.h"
#include "TestUtil.h"
#include "UploadEngine.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

using namespace onsite;
using namespace onsite::test;

namespace {

QByteArray pngBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = char(QRandomGenerator::global()->bounded(256));
    b.replace(0, 8, QByteArray("\x89PNG\r\n\x1A\n", 8));
    return b;
}

// A demo server, alex signed in, and a new assignment of theirs that asks for `photos`
// photos and one sign-off sheet.
struct World {
    TestServer server;
    std::unique_ptr<HttpClient> http;
    QString token;
    qint64 assignment = 0;
    QString photoReq = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString signReq = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QTemporaryDir dir;

    explicit World(int photos = 2)
    {
        REQUIRE(server.start());
        http = std::make_unique<HttpClient>(server.apiBase());
        token = http->signIn(QStringLiteral("alex@demo.onsite"));
        const qint64 me =
            http->get(QStringLiteral("me"), token).json.value(QStringLiteral("id")).toInteger();
        const QJsonObject input = assignmentInput(
            me, QStringLiteral("Photograph the shelves"),
            {requirement(photoReq, QStringLiteral("photo"), QStringLiteral("Shelves"), photos),
             requirement(signReq, QStringLiteral("sign_off"), QStringLiteral("Sheet"), 1)});
        const auto r =
            http->post(QStringLiteral("company/assignments"), input, server.companyToken());
        REQUIRE(r.status == 201);
        assignment = r.json.value(QStringLiteral("id")).toInteger();
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    }

    QJsonArray deliverables()
    {
        return http->get(QStringLiteral("assignments/%1").arg(assignment), token)
            .json.value(QStringLiteral("deliverables"))
            .toArray();
    }

    QByteArray download(const QString &deliverableId)
    {
        return http->get(QStringLiteral("files/") + deliverableId, token).body;
    }

    int storedFiles() const
    {
        return int(
            QDir(server.filesDir() + QStringLiteral("/store")).entryList(QDir::Files).size());
    }
};

struct Client {
    LocalStore store{QStringLiteral("uploads-") + QUuid::createUuid().toString(QUuid::Id128)};
    std::unique_ptr<UploadEngine> engine;

    Client(const QString &db, const QUrl &apiBase, const QString &token, qint64 chunk)
    {
        QString error;
        REQUIRE(store.open(db, &error));
        engine = std::make_unique<UploadEngine>(&store, apiBase);
        engine->setToken(token);
        engine->setChunkSize(chunk);
        engine->setRetryDelays(20, 300);
        engine->setRequestTimeoutMs(1500);
    }

    int count(UploadItem::State s) const
    {
        int n = 0;
        for (const UploadItem &i : engine->items())
            n += i.state == s;
        return n;
    }
};

} // namespace

TEST_CASE("uploads: files sent in chunks arrive whole as deliverables", "[upload]")
{
    World w;
    Client c(w.dir.filePath(QStringLiteral("cache.sqlite")), w.server.apiBase(), w.token,
             64 * 1024);
    const QByteArray one = pngBytes(300 * 1024);
    const QByteArray two = pngBytes(150 * 1024 + 7);
    QSignalSpy uploaded(c.engine.get(), &UploadEngine::uploaded);
    c.engine->add(w.assignment, w.write(QStringLiteral("shelf one.png"), one),
                  QStringLiteral("photo"), w.photoReq);
    c.engine->add(w.assignment, w.write(QStringLiteral("shelf two.png"), two),
                  QStringLiteral("photo"), w.photoReq);
    c.engine->resume();
    REQUIRE(waitFor([&] { return uploaded.count() == 2; }, 30000));
    CHECK(c.count(UploadItem::State::Done) == 2);

    const QJsonArray ds = w.deliverables();
    REQUIRE(ds.size() == 2);
    QSet<QByteArray> expected{Sha256::hex(one), Sha256::hex(two)};
    for (const QJsonValue &v : ds) {
        const QJsonObject d = v.toObject();
        const QByteArray bytes = w.download(d.value(QStringLiteral("id")).toString());
        CHECK(expected.remove(Sha256::hex(bytes)));
        CHECK(d.value(QStringLiteral("sha256")).toString().toLatin1() == Sha256::hex(bytes));
        CHECK(d.value(QStringLiteral("requirement_id")).toString() == w.photoReq);
    }
    // The client's id is the deliverable's, so the app can match what it sent to what it sees.
    for (const UploadItem &i : c.engine->items())
        CHECK(i.deliverableId == i.id);
}

TEST_CASE("uploads: a file that is not what its name says is refused before anything is sent",
          "[upload]")
{
    World w;
    Client c(w.dir.filePath(QStringLiteral("cache.sqlite")), w.server.apiBase(), w.token,
             64 * 1024);
    QSignalSpy refused(c.engine.get(), &UploadEngine::refused);
    c.engine->add(w.assignment, w.write(QStringLiteral("invoice.pdf"), pngBytes(5000)),
                  QStringLiteral("sign_off"), w.signReq);
    c.engine->add(w.assignment, w.write(QStringLiteral("tool.exe"), "MZ\x90"),
                  QStringLiteral("other"), QString());
    QDir(w.dir.path()).mkdir(QStringLiteral("photos"));
    c.engine->add(w.assignment, w.dir.filePath(QStringLiteral("photos")), QStringLiteral("photo"),
                  w.photoReq);
    c.engine->add(w.assignment, w.write(QStringLiteral("empty.png"), {}), QStringLiteral("photo"),
                  w.photoReq);
    c.engine->resume();
    REQUIRE(waitFor([&] { return refused.count() == 4; }));
    QStringList messages;
    for (const auto &args : refused)
        messages << args.at(1).toString();
    CHECK(messages.at(0).contains(QStringLiteral("PNG")));
    CHECK(messages.at(1).contains(QStringLiteral(".exe")));
    CHECK(messages.at(2).contains(QStringLiteral("folder")));
    CHECK(messages.at(3).contains(QStringLiteral("empty")));
    CHECK(c.engine->items().isEmpty());
    CHECK(w.deliverables().isEmpty());
}

TEST_CASE("uploads: 60 uploads each cut at a random byte resume and arrive once, intact",
          "[upload][fault]")
{
    World w(60);
    const int demoFiles = w.storedFiles(); // the demo's deliverables are real files
    FaultProxy proxy(w.server.url());
    REQUIRE(proxy.start());
    proxy.setCutEachUploadOnce(true);
    proxy.setFaultPercent(15); // and every other kind of fault now and then
    proxy.setDelayMs(2000);    // longer than the client waits
    Client c(w.dir.filePath(QStringLiteral("cache.sqlite")), proxy.apiBase(), w.token, 16 * 1024);
    c.engine->setMaxActive(3);
    QHash<QByteArray, QString> files; // sha256 -> name
    for (int i = 0; i < 60; ++i) {
        const QByteArray bytes =
            pngBytes(90 * 1024 + int(QRandomGenerator::global()->bounded(160 * 1024)));
        const QString name = QStringLiteral("photo %1.png").arg(i);
        files.insert(Sha256::hex(bytes), name);
        c.engine->add(w.assignment, w.write(name, bytes), QStringLiteral("photo"), w.photoReq);
    }
    c.engine->resume();
    const bool allDone = waitFor([&] { return c.count(UploadItem::State::Done) == 60; }, 240000);
    if (!allDone)
        for (const UploadItem &i : c.engine->items())
            if (i.state != UploadItem::State::Done)
                WARN(i.filename.toStdString()
                     << " state " << UploadItem::stateName(i.state).toStdString() << " offset "
                     << i.offset << " of " << i.size << " url " << i.url.toStdString() << " error "
                     << i.error.toStdString());
    REQUIRE(allDone);
    CHECK(c.count(UploadItem::State::Failed) == 0);
    CHECK(proxy.uploadsCut() >= 50);
    for (int kind = FaultProxy::DropBefore; kind < FaultProxy::FaultCount; ++kind) {
        INFO("fault kind " << kind);
        CHECK(proxy.counts().value(kind) >= 1);
    }

    const QJsonArray ds = w.deliverables();
    CHECK(ds.size() == 60); // none twice
    QSet<QString> seen;
    for (const QJsonValue &v : ds) {
        const QJsonObject d = v.toObject();
        const QByteArray bytes = w.download(d.value(QStringLiteral("id")).toString());
        const QByteArray sha = Sha256::hex(bytes);
        INFO(d.value(QStringLiteral("filename")).toString().toStdString());
        CHECK(files.value(sha) == d.value(QStringLiteral("filename")).toString());
        CHECK(d.value(QStringLiteral("sha256")).toString().toLatin1() == sha);
        seen.insert(QString::fromLatin1(sha));
    }
    CHECK(seen.size() == 60);
    CHECK(w.storedFiles() == demoFiles + 60);
    // Resumed, not restarted: after a cut, the next chunk went from the server's offset.
    int resumedMidFile = 0;
    for (const QString &line : proxy.log())
        if (line.startsWith(QStringLiteral("HEAD ")))
            ++resumedMidFile;
    CHECK(resumedMidFile >= 50);
}

TEST_CASE("uploads: a file changed on disk mid-upload stops and asks, then sends the new version",
          "[upload]")
{
    World w;
    FaultProxy proxy(w.server.url()); // no faults: it lets the test see every request
    REQUIRE(proxy.start());
    proxy.setDelayMs(0);
    Client c(w.dir.filePath(QStringLiteral("cache.sqlite")), proxy.apiBase(), w.token, 16 * 1024);
    const QString path = w.write(QStringLiteral("shelf.png"), pngBytes(2 * 1024 * 1024));
    QSignalSpy progress(c.engine.get(), &UploadEngine::progress);
    c.engine->add(w.assignment, path, QStringLiteral("photo"), w.photoReq);
    c.engine->resume();
    REQUIRE(waitFor([&] {
        for (const auto &p : progress)
            if (!p.at(3).toBool() && p.at(1).toLongLong() > 0)
                return true;
        return false;
    }));
    const QByteArray v2 = pngBytes(1024 * 1024);
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(v2);
    }
    REQUIRE(waitFor([&] { return c.count(UploadItem::State::Changed) == 1; }));
    const UploadItem changed = c.engine->items().first();
    CHECK(changed.error.contains(QStringLiteral("changed")));
    CHECK(w.deliverables().isEmpty());

    QSignalSpy uploaded(c.engine.get(), &UploadEngine::uploaded);
    c.engine->useCurrentFile(changed.id);
    REQUIRE(waitFor([&] { return uploaded.count() == 1; }, 30000));
    const QJsonArray ds = w.deliverables();
    REQUIRE(ds.size() == 1);
    CHECK(w.download(ds.at(0).toObject().value(QStringLiteral("id")).toString()) == v2);
    // The first, abandoned upload was terminated on the server.
    CHECK(proxy.log().filter(QStringLiteral("DELETE ")).size() == 1);
}

TEST_CASE("uploads: cancel stops the transfer and the server forgets the bytes", "[upload]")
{
    World w;
    Client c(w.dir.filePath(QStringLiteral("cache.sqlite")), w.server.apiBase(), w.token,
             16 * 1024);
    QSignalSpy progress(c.engine.get(), &UploadEngine::progress);
    c.engine->add(w.assignment, w.write(QStringLiteral("big.png"), pngBytes(4 * 1024 * 1024)),
                  QStringLiteral("photo"), w.photoReq);
    c.engine->resume();
    REQUIRE(waitFor([&] {
        const auto items = c.engine->items();
        return !items.isEmpty() && items.first().offset > 0;
    }));
    const UploadItem item = c.engine->items().first();
    c.engine->cancel(item.id);
    CHECK(c.engine->items().isEmpty());
    const QString uploadPath = QUrl(item.url).path().mid(int(strlen("/api/v1/")));
    REQUIRE(waitFor([&] {
        return w.http->request("HEAD", uploadPath, {}, w.token, {{"Tus-Resumable", "1.0.0"}})
                   .status == 404;
    }));
    CHECK(w.deliverables().isEmpty());
}

TEST_CASE("uploads: killed with -9 mid-upload, the app resumes from the server's offset",
          "[upload][crash]")
{
    World w;
    const int demoFiles = w.storedFiles(); // the demo's deliverables are real files
    FaultProxy proxy(w.server.url());
    REQUIRE(proxy.start());
    const QByteArray bytes = pngBytes(24 * 1024 * 1024);
    const QString file = w.write(QStringLiteral("video.png"), bytes);
    const QString db = w.dir.filePath(QStringLiteral("cache.sqlite"));
    const QStringList args{
        db,   proxy.apiBase().toString(), w.token, QString::number(w.assignment), w.photoReq,
        file, QString::number(64 * 1024)};
    for (int kill = 0; kill < 3; ++kill) {
        QProcess p;
        p.start(QStringLiteral(ONSITE_UPLOAD_HARNESS_BIN), args);
        REQUIRE(p.waitForStarted());
        // Let it get somewhere past where it started, then kill it without warning.
        qint64 startedAt = -1, reached = -1;
        const qint64 target = bytes.size() * (kill + 1) / 4;
        REQUIRE(waitFor(
            [&] {
                while (p.canReadLine()) {
                    const QList<QByteArray> f = p.readLine().trimmed().split(' ');
                    if (f.value(0) == "progress") {
                        reached = f.value(1).toLongLong();
                        if (startedAt < 0)
                            startedAt = reached;
                    }
                }
                return reached >= target;
            },
            60000));
        p.kill();
        p.waitForFinished();
        INFO("run " << kill << " reached " << reached);
        CHECK(reached < bytes.size());
    }
    // After each restart the first chunk sent started where the server said, not at 0.
    QList<qint64> patchOffsets;
    int heads = 0;
    for (const QString &line : proxy.log()) {
        if (line.startsWith(QStringLiteral("HEAD ")))
            ++heads;
        if (line.startsWith(QStringLiteral("PATCH ")))
            patchOffsets << line.section(QLatin1Char(' '), 2).toLongLong();
    }
    CHECK(heads >= 2);
    CHECK(patchOffsets.count(0) == 1);

    QProcess last;
    last.start(QStringLiteral(ONSITE_UPLOAD_HARNESS_BIN), args);
    // The proxy lives on this thread: keep its event loop turning while the harness works.
    REQUIRE(waitFor([&] { return last.state() == QProcess::NotRunning; }, 120000));
    const QByteArray out = last.readAllStandardOutput();
    CHECK(out.startsWith("resuming "));
    CHECK(out.contains("done "));
    const QJsonArray ds = w.deliverables();
    REQUIRE(ds.size() == 1);
    CHECK(w.download(ds.at(0).toObject().value(QStringLiteral("id")).toString()) == bytes);
    CHECK(w.storedFiles() == demoFiles + 1);
}
