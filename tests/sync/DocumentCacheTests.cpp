// The client's documents kept offline (issue 14 §2), the cache against a real server: a cut
// download goes on from the byte it reached, a damaged copy is never kept, the soonest
// assignments' documents fill the size limit, copies no longer wanted are deleted.
#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "DocumentCache.h"
#include "FaultProxy.h"
#include "Fixtures.h"
#include "HttpClient.h"
#include "TestServer.h"
#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace onsite;
using namespace onsite::test;

namespace {

QByteArray pdfBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = char(QRandomGenerator::global()->bounded(256));
    b.replace(0, 9, QByteArray("%PDF-1.4\n"));
    return b;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A demo server, Alex signed in, and a new assignment of theirs to attach documents to.
struct World {
    TestServer server;
    std::unique_ptr<HttpClient> http;
    QString token;
    qint64 assignment = 0;
    QTemporaryDir dir;
    QNetworkAccessManager nam;

    World()
    {
        REQUIRE(server.start());
        http = std::make_unique<HttpClient>(server.apiBase());
        token = http->signIn(QStringLiteral("alex@demo.onsite"));
        const qint64 me =
            http->get(QStringLiteral("me"), token).json.value(QStringLiteral("id")).toInteger();
        const auto r = http->post(QStringLiteral("company/assignments"),
                                  assignmentInput(me, QStringLiteral("Read the plans"), {}),
                                  server.companyToken());
        REQUIRE(r.status == 201);
        assignment = r.json.value(QStringLiteral("id")).toInteger();
    }

    ClientDocument attach(const QString &name, const QByteArray &bytes)
    {
        const auto r = http->request(
            "POST", QStringLiteral("company/assignments/%1/documents").arg(assignment), bytes,
            server.companyToken(),
            {{"Content-Disposition", "attachment; filename=\"" + name.toUtf8() + '"'}});
        REQUIRE(r.status == 201);
        ClientDocument d;
        d.id = r.json.value(QStringLiteral("id")).toString();
        d.filename = r.json.value(QStringLiteral("filename")).toString();
        d.size = r.json.value(QStringLiteral("size")).toInteger();
        d.sha256 = r.json.value(QStringLiteral("sha256")).toString();
        return d;
    }

    QString cacheDir() const { return dir.filePath(QStringLiteral("documents")); }
};

bool settled(const DocumentCache &cache, const ClientDocument &d)
{
    const auto s = cache.status(d).state;
    return s != DocumentCache::State::Waiting && s != DocumentCache::State::Downloading;
}

qint64 downloaded(const FaultProxy &proxy, const QString &documentId)
{
    qint64 down = 0;
    for (const FaultProxy::Transfer &t : proxy.transfers())
        if (t.request.contains(documentId))
            down += t.down;
    return down;
}

} // namespace

TEST_CASE("documents: a download cut off goes on from the byte it reached", "[documents]")
{
    World w;
    const QByteArray bytes = pdfBytes(2 * 1024 * 1024);
    const ClientDocument d = w.attach(QStringLiteral("plans.pdf"), bytes);
    FaultProxy proxy(w.server.url()); // no faults: it counts the bytes that crossed
    REQUIRE(proxy.start());
    proxy.setDelayMs(0);

    // What an earlier session received before the signal went: the first 1.5 MB.
    DocumentCache cache(&w.nam, w.cacheDir());
    const QString partial = QFileInfo(cache.filePath(d)).absolutePath() + "/.partial";
    REQUIRE(QDir().mkpath(QFileInfo(partial).absolutePath()));
    REQUIRE(writeFile(partial, bytes.left(1536 * 1024)));
    cache.setServer(proxy.apiBase(), w.token);
    cache.keep({{QDateTime::currentDateTimeUtc(), d}});
    REQUIRE(waitFor([&] { return settled(cache, d); }, 30000));
    CHECK(cache.status(d).state == DocumentCache::State::Ready);
    CHECK(readAll(cache.filePath(d)) == bytes);
    CHECK(!QFile::exists(partial));
    // Only the rest came over the network (plus headers), not the whole file again.
    CHECK(downloaded(proxy, d.id) < 600 * 1024);
    CHECK(cache.usedBytes() == bytes.size());
}

TEST_CASE("documents: through a network that cuts and garbles, only a whole, checked copy is kept",
          "[documents]")
{
    World w;
    const QByteArray bytes = pdfBytes(1024 * 1024);
    const ClientDocument d = w.attach(QStringLiteral("parts list.pdf"), bytes);
    FaultProxy proxy(w.server.url());
    REQUIRE(proxy.start());
    proxy.setDelayMs(0);
    proxy.setFaultPercent(70);
    HttpClient(proxy.apiBase()).get(QStringLiteral("me"), w.token); // the proxy's one pass first
    DocumentCache cache(&w.nam, w.cacheDir());
    cache.setServer(proxy.apiBase(), w.token);
    bool failedOnce = false;
    // Each keep() is what a sync does: the documents are tried again until one is whole.
    for (int i = 0; i < 60 && cache.status(d).state != DocumentCache::State::Ready; ++i) {
        cache.keep({{QDateTime::currentDateTimeUtc(), d}});
        REQUIRE(waitFor([&] { return settled(cache, d); }, 60000));
        failedOnce = failedOnce || cache.status(d).state == DocumentCache::State::Failed;
        // Whatever happened, a copy that is there is the document.
        if (QFile::exists(cache.filePath(d)))
            CHECK(readAll(cache.filePath(d)) == bytes);
    }
    CHECK(failedOnce);
    REQUIRE(cache.status(d).state == DocumentCache::State::Ready);
    CHECK(readAll(cache.filePath(d)) == bytes);
}

TEST_CASE("documents: the soonest assignments' documents fill the limit, unwanted copies go",
          "[documents]")
{
    World w;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const ClientDocument today = w.attach(QStringLiteral("today.pdf"), pdfBytes(100 * 1024));
    const ClientDocument tomorrow = w.attach(QStringLiteral("tomorrow.pdf"), pdfBytes(100 * 1024));
    const ClientDocument later = w.attach(QStringLiteral("later.pdf"), pdfBytes(100 * 1024));
    DocumentCache cache(&w.nam, w.cacheDir());
    cache.setServer(w.server.apiBase(), w.token);
    cache.setLimitBytes(250 * 1024);
    // Listed latest first: the order kept is the assignments' start, not the list's.
    cache.keep({{now.addDays(5), later}, {now.addDays(1), tomorrow}, {now, today}});
    REQUIRE(waitFor([&] { return settled(cache, today) && settled(cache, tomorrow); }, 30000));
    CHECK(cache.status(today).state == DocumentCache::State::Ready);
    CHECK(cache.status(tomorrow).state == DocumentCache::State::Ready);
    CHECK(cache.status(later).state == DocumentCache::State::NotKept);
    CHECK(cache.status(later).message.contains(QStringLiteral("sooner assignments")));
    CHECK(!QFile::exists(cache.filePath(later)));

    // Today's work is done: its copy goes, and the room it leaves takes the later one.
    cache.keep({{now.addDays(5), later}, {now.addDays(1), tomorrow}});
    REQUIRE(waitFor([&] { return settled(cache, later); }, 30000));
    CHECK(cache.status(later).state == DocumentCache::State::Ready);
    CHECK(!QFile::exists(cache.filePath(today)));
    CHECK(QFile::exists(cache.filePath(tomorrow)));

    // Off in Settings: nothing more is downloaded, and the copies stay until the next sync
    // that reaches the server (a worker offline on site keeps the work order).
    const qint64 used = cache.usedBytes();
    cache.setLimitBytes(0);
    CHECK(cache.usedBytes() == used);
    CHECK(cache.status(tomorrow).state == DocumentCache::State::Ready);
    cache.keep({{now.addDays(5), later}, {now.addDays(1), tomorrow}}, false); // a failed sync
    CHECK(cache.usedBytes() == used);
    cache.keep({{now.addDays(5), later}, {now.addDays(1), tomorrow}});
    CHECK(cache.usedBytes() == 0);
    CHECK(cache.status(tomorrow).state == DocumentCache::State::NotKept);
    CHECK(cache.status(tomorrow).message.contains(QStringLiteral("off in Settings")));

    // Opening one still fetches it.
    cache.fetch(today);
    REQUIRE(waitFor([&] { return settled(cache, today); }, 30000));
    CHECK(cache.status(today).state == DocumentCache::State::Ready);
}

TEST_CASE("documents: one the server does not have fails with the reason and leaves nothing",
          "[documents]")
{
    World w;
    ClientDocument gone;
    gone.id = QStringLiteral("00000000-0000-0000-0000-000000000000");
    gone.filename = QStringLiteral("removed.pdf");
    gone.size = 1000;
    gone.sha256 = QString(64, QLatin1Char('0'));
    DocumentCache cache(&w.nam, w.cacheDir());
    cache.setServer(w.server.apiBase(), w.token);
    cache.keep({{QDateTime::currentDateTimeUtc(), gone}});
    REQUIRE(waitFor([&] { return settled(cache, gone); }, 30000));
    CHECK(cache.status(gone).state == DocumentCache::State::Failed);
    CHECK(cache.status(gone).message.contains(QStringLiteral("No such file")));
    CHECK(!QFile::exists(cache.filePath(gone)));
}
