#include <catch2/catch.hpp>

#include "HttpClient.h"
#include "LocalStore.h"
#include "SyncEngine.h"
#include "TestServer.h"
#include "TestUtil.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace onsite;
using namespace onsite::test;

namespace {

struct Fixture {
    TestServer server;
    QTemporaryDir dir;
    QString dbPath;
    QString token;
    std::unique_ptr<HttpClient> http;

    Fixture()
    {
        REQUIRE(server.start());
        dbPath = dir.filePath(QStringLiteral("cache.sqlite"));
        http = std::make_unique<HttpClient>(server.apiBase());
        token = http->signIn(QStringLiteral("alex@demo.onsite"));
        REQUIRE_FALSE(token.isEmpty());
    }

    std::unique_ptr<SyncEngine> engine(int pageSize = 500)
    {
        auto e = std::make_unique<SyncEngine>(dbPath, server.apiBase());
        e->setPageSize(pageSize);
        e->open();
        e->setToken(token);
        return e;
    }

    // Runs one sync to its end; returns whether it succeeded.
    static bool sync(SyncEngine &e)
    {
        QSignalSpy done(&e, &SyncEngine::syncFinished);
        e.syncNow();
        REQUIRE(waitFor([&] { return done.count() > 0; }, 30000));
        return done.first().at(0).toBool();
    }

    QList<qint64> serverIds()
    {
        QList<qint64> ids;
        const auto r = http->get(QStringLiteral("changes?since=0&limit=1000"), token);
        for (const QJsonValue &v : r.json.value(QStringLiteral("changes")).toArray())
            ids << v.toObject().value(QStringLiteral("id")).toInteger();
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    QList<qint64> localIds()
    {
        LocalStore store(QStringLiteral("check"));
        QString error;
        REQUIRE(store.open(dbPath, &error));
        QList<qint64> ids;
        for (const Assignment &a : store.assignments())
            ids << a.id;
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    QString localCursor()
    {
        LocalStore store(QStringLiteral("cursor"));
        QString error;
        REQUIRE(store.open(dbPath, &error));
        return store.cursor();
    }
};

} // namespace

TEST_CASE("a first sync brings every assignment into the local cache", "[sync]")
{
    Fixture f;
    auto e = f.engine(7);
    QSignalSpy online(e.get(), &SyncEngine::onlineChanged);
    REQUIRE(Fixture::sync(*e));
    const QList<qint64> server = f.serverIds();
    CHECK(server.size() >= 25);
    CHECK(f.localIds() == server);
    CHECK(e->requestsMade() == int(server.size() + 6) / 7);
    CHECK(online.count() == 1);
    CHECK(online.first().first().toBool());

    SECTION("a sync with nothing new is one small request")
    {
        e->setPageSize(500);
        REQUIRE(Fixture::sync(*e));
        CHECK(e->requestsMade() == 1);
        CHECK(e->bytesReceived() < 1024);
        CHECK(f.localIds() == server);
    }
}

TEST_CASE("company changes and reassignments arrive on the next sync", "[sync]")
{
    Fixture f;
    auto e = f.engine();
    REQUIRE(Fixture::sync(*e));
    const qint64 id = f.serverIds().first();
    const QString company = f.server.companyToken();
    const auto current = f.http->get(QStringLiteral("company/assignments/%1").arg(id), company);
    const bool ours = current.status == 200;
    // Use an assignment of the demo company whose token we hold.
    qint64 target = id;
    if (!ours) {
        for (qint64 candidate : f.serverIds())
            if (f.http->get(QStringLiteral("company/assignments/%1").arg(candidate), company)
                    .status == 200) {
                target = candidate;
                break;
            }
    }
    REQUIRE(f.http
                ->patch(QStringLiteral("company/assignments/%1").arg(target),
                        {{QStringLiteral("title"), QStringLiteral("Moved to the back office")}},
                        company)
                .status == 200);
    REQUIRE(Fixture::sync(*e));
    CHECK(e->requestsMade() == 1);
    {
        LocalStore store(QStringLiteral("read"));
        QString error;
        REQUIRE(store.open(f.dbPath, &error));
        CHECK(store.assignment(target)->title == QStringLiteral("Moved to the back office"));
        CHECK(store.assignment(target)->rev == 2);
    }

    const QString blair = f.http->signIn(QStringLiteral("blair@demo.onsite"));
    const qint64 blairId =
        f.http->get(QStringLiteral("me"), blair).json.value(QStringLiteral("id")).toInteger();
    REQUIRE(f.http
                ->patch(QStringLiteral("company/assignments/%1").arg(target),
                        {{QStringLiteral("worker_id"), blairId}}, company)
                .status == 200);
    REQUIRE(Fixture::sync(*e));
    CHECK_FALSE(f.localIds().contains(target));
    CHECK(f.localIds() == f.serverIds());
}

TEST_CASE("a sync stopped between pages resumes from the stored cursor after a restart", "[sync]")
{
    Fixture f;
    const QList<qint64> server = f.serverIds();
    QString cursorAfterFirstPage;
    {
        auto e = f.engine(5);
        QSignalSpy done(e.get(), &SyncEngine::syncFinished);
        QObject::connect(e.get(), &SyncEngine::pageApplied, e.get(),
                         [&](int pages, int, const QString &cursor) {
                             if (pages == 1) {
                                 cursorAfterFirstPage = cursor;
                                 e->cancel();
                             }
                         });
        e->syncNow();
        REQUIRE(waitFor([&] { return done.count() > 0; }));
        CHECK(e->requestsMade() == 1);
    } // the engine and its connection are gone, as after quitting the app
    CHECK(f.localIds().size() == 5);
    CHECK(f.localCursor() == cursorAfterFirstPage);

    auto e = f.engine(5);
    REQUIRE(Fixture::sync(*e));
    CHECK(f.localIds() == server);
    CHECK(e->requestsMade() == int(server.size() - 5 + 4) / 5);
}

TEST_CASE("an unreachable server leaves the cache as it was and retries later", "[sync]")
{
    Fixture f;
    auto e = f.engine();
    REQUIRE(Fixture::sync(*e));
    const QList<qint64> before = f.localIds();
    const QString cursor = f.localCursor();
    f.server.stop();

    QSignalSpy online(e.get(), &SyncEngine::onlineChanged);
    QSignalSpy done(e.get(), &SyncEngine::syncFinished);
    e->syncNow();
    REQUIRE(waitFor([&] { return done.count() > 0; }));
    CHECK_FALSE(done.first().at(0).toBool());
    CHECK(done.first().at(1).toString().contains(QStringLiteral("Cannot reach the server")));
    REQUIRE(online.count() == 1);
    CHECK_FALSE(online.first().first().toBool());
    CHECK(f.localIds() == before);
    CHECK(f.localCursor() == cursor);
    // The backoff timer tries again by itself (first delay about a second).
    REQUIRE(waitFor([&] { return done.count() > 1; }, 5000));
}

TEST_CASE("an ended session asks the worker to sign in again", "[sync]")
{
    Fixture f;
    auto e = f.engine();
    REQUIRE(f.http->request("DELETE", QStringLiteral("session"), {}, f.token).status == 204);
    QSignalSpy signIn(e.get(), &SyncEngine::signInRequired);
    CHECK_FALSE(Fixture::sync(*e));
    CHECK(signIn.count() == 1);
    CHECK(f.localIds().isEmpty());
}
