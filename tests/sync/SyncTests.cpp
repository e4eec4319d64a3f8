#include <catch2/catch.hpp>

#include "Fixtures.h"
#include "HttpClient.h"
#include "LocalStore.h"
#include "SiteTime.h"
#include "SyncEngine.h"
#include "TestServer.h"
#include "TestUtil.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

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

namespace {

// A new flat-rate assignment of the demo company for Alex, with close-out notes required.
qint64 newAssignment(Fixture &f)
{
    const qint64 alex =
        f.http->get(QStringLiteral("me"), f.token).json.value(QStringLiteral("id")).toInteger();
    QJsonObject input = assignmentInput(alex, QStringLiteral("Offline close-out"), {});
    input.insert(
        QStringLiteral("checklist"),
        QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("check_in_out")}},
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("closeout_notes")}}});
    const auto r =
        f.http->post(QStringLiteral("company/assignments"), input, f.server.companyToken());
    REQUIRE(r.status == 201);
    return r.json.value(QStringLiteral("id")).toInteger();
}

// Records an operation through the engine and waits for the local outcome.
bool record(SyncEngine &e, qint64 id, const char *type, const QJsonObject &payload)
{
    QSignalSpy recorded(&e, &SyncEngine::recorded);
    e.record(
        Operation::make(id, QString::fromLatin1(type), payload, QDateTime::currentDateTimeUtc()));
    REQUIRE(waitFor([&] { return recorded.count() > 0; }, 5000));
    return recorded.first().at(1).toBool();
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

TEST_CASE("a company's decision reaches the worker with one notice", "[sync][closeout]")
{
    Fixture f;
    auto e = f.engine();
    REQUIRE(Fixture::sync(*e));
    const qint64 id = newAssignment(f);
    REQUIRE(Fixture::sync(*e));
    const QDateTime in = QDateTime::currentDateTimeUtc().addSecs(-3600);
    REQUIRE(record(
        *e, id, "time_log.upsert",
        {{QStringLiteral("id"), uuid()}, {QStringLiteral("check_in"), in.toString(Qt::ISODate)}}));
    const QString requestId = uuid();
    REQUIRE(record(*e, id, "funds_request.create",
                   {{QStringLiteral("id"), requestId},
                    {QStringLiteral("kind"), QStringLiteral("expense")},
                    {QStringLiteral("amount_cents"), 1299},
                    {QStringLiteral("reason"), QStringLiteral("Zip ties")}}));
    REQUIRE(Fixture::sync(*e));
    REQUIRE(f.http
                ->post(QStringLiteral("company/assignments/%1/funds_requests/%2/decision")
                           .arg(id)
                           .arg(requestId),
                       {{QStringLiteral("decision"), QStringLiteral("approve")},
                        {QStringLiteral("note"), QStringLiteral("Fine")}},
                       f.server.companyToken())
                .status == 200);
    QSignalSpy notices(e.get(), &SyncEngine::notice);
    REQUIRE(Fixture::sync(*e));
    REQUIRE(notices.count() == 1);
    CHECK(notices.first().at(0).toLongLong() == id);
    CHECK(notices.first().at(1).toString() == QStringLiteral("request_approved"));
    CHECK(notices.first().at(3).toString().contains(QStringLiteral("Fine")));
    REQUIRE(Fixture::sync(*e));
    CHECK(notices.count() == 1); // once
}

TEST_CASE("a company's change to work still to do arrives as one notice saying from what to "
          "what, the worker's own changes as none",
          "[sync][changes]")
{
    Fixture f;
    auto e = f.engine();
    REQUIRE(Fixture::sync(*e));
    const qint64 id = newAssignment(f);
    QSignalSpy notices(e.get(), &SyncEngine::notice);
    REQUIRE(Fixture::sync(*e));
    CHECK(notices.isEmpty()); // new work is not a change

    // The worker's own visit, pushed and brought back by the feed: no news.
    const QDateTime in = QDateTime::currentDateTimeUtc().addSecs(-3600);
    REQUIRE(record(
        *e, id, "time_log.upsert",
        {{QStringLiteral("id"), uuid()}, {QStringLiteral("check_in"), in.toString(Qt::ISODate)}}));
    REQUIRE(Fixture::sync(*e));
    REQUIRE(Fixture::sync(*e));
    CHECK(notices.isEmpty());

    // The company moves the start a day later, raises the pay and adds a task.
    const auto doc =
        f.http->get(QStringLiteral("company/assignments/%1").arg(id), f.server.companyToken()).json;
    QJsonObject schedule = doc.value(QStringLiteral("schedule")).toObject();
    const QDateTime start =
        QDateTime::fromString(schedule.value(QStringLiteral("start")).toString(), Qt::ISODate);
    const QDateTime end =
        QDateTime::fromString(schedule.value(QStringLiteral("end")).toString(), Qt::ISODate);
    schedule.insert(QStringLiteral("start"), start.addDays(1).toString(Qt::ISODate));
    schedule.insert(QStringLiteral("end"), end.addDays(1).toString(Qt::ISODate));
    QJsonObject pricing = doc.value(QStringLiteral("pricing")).toObject();
    const qint64 flat = pricing.value(QStringLiteral("flat_cents")).toInteger();
    pricing.insert(QStringLiteral("flat_cents"), flat + 5000);
    REQUIRE(f.http
                ->patch(QStringLiteral("company/assignments/%1").arg(id),
                        {{QStringLiteral("schedule"), schedule},
                         {QStringLiteral("pricing"), pricing},
                         {QStringLiteral("tasks"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("id"), QStringLiteral("t-photo-rack")},
                              {QStringLiteral("type"), QStringLiteral("checkbox")},
                              {QStringLiteral("label"), QStringLiteral("Photograph the rack")},
                              {QStringLiteral("required"), true}}}}},
                        f.server.companyToken())
                .status == 200);
    REQUIRE(Fixture::sync(*e));
    REQUIRE(notices.count() == 1);
    CHECK(notices.first().at(0).toLongLong() == id);
    CHECK(notices.first().at(1).toString() == QStringLiteral("changed"));
    const QString message = notices.first().at(3).toString();
    const QString tz =
        doc.value(QStringLiteral("site")).toObject().value(QStringLiteral("time_zone")).toString();
    CHECK(message.contains(
        QStringLiteral("The schedule moved from %1 to %2.")
            .arg(SiteTime::format(start, tz), SiteTime::format(start.addDays(1), tz))));
    CHECK(message.contains(QStringLiteral("The pay changed from")));
    CHECK(message.contains(QStringLiteral("New task: Photograph the rack.")));
    REQUIRE(Fixture::sync(*e));
    CHECK(notices.count() == 1); // once
}

TEST_CASE("an offline submission the server refuses lands in Needs attention with the reason",
          "[sync][closeout]")
{
    Fixture f;
    qint64 id = 0;
    {
        auto e = f.engine();
        REQUIRE(Fixture::sync(*e));
        id = newAssignment(f);
        REQUIRE(Fixture::sync(*e));
        const QDateTime in = QDateTime::currentDateTimeUtc().addSecs(-3600);
        REQUIRE(record(*e, id, "time_log.upsert",
                       {{QStringLiteral("id"), uuid()},
                        {QStringLiteral("check_in"), in.toString(Qt::ISODate)},
                        {QStringLiteral("check_out"), in.addSecs(1800).toString(Qt::ISODate)}}));
        REQUIRE(Fixture::sync(*e));
    }
    {
        // Offline: the engine's server is a port nobody listens on.
        auto offline = std::make_unique<SyncEngine>(
            f.dbPath, QUrl(QStringLiteral("http://127.0.0.1:9/api/v1/")));
        offline->open();
        offline->setToken(f.token);
        REQUIRE(record(*offline, id, "funds_request.create",
                       {{QStringLiteral("id"), QStringLiteral("offline-bonus")},
                        {QStringLiteral("kind"), QStringLiteral("bonus")},
                        {QStringLiteral("amount_cents"), 2000},
                        {QStringLiteral("reason"), QStringLiteral("Rush job")}}));
        REQUIRE(record(*offline, id, "assignment.submit",
                       {{QStringLiteral("resolution"), QStringLiteral("All done")}}));
        LocalStore store(QStringLiteral("offline-read"));
        QString error;
        REQUIRE(store.open(f.dbPath, &error));
        CHECK(store.assignment(id)->status == AssignmentStatus::Submitted); // shown at once
        CHECK_FALSE(Fixture::sync(*offline));
    }
    // Meanwhile the company added a required task: the checklist is no longer complete there.
    REQUIRE(f.http
                ->patch(QStringLiteral("company/assignments/%1").arg(id),
                        {{QStringLiteral("tasks"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("id"), QStringLiteral("t-new")},
                              {QStringLiteral("type"), QStringLiteral("text")},
                              {QStringLiteral("label"), QStringLiteral("Meter reading")}}}}},
                        f.server.companyToken())
                .status == 200);
    auto e = f.engine();
    QSignalSpy attention(e.get(), &SyncEngine::needsAttentionChanged);
    REQUIRE(Fixture::sync(*e));
    REQUIRE(attention.count() > 0);
    CHECK(attention.last().at(0).toInt() == 1);
    LocalStore store(QStringLiteral("after"));
    QString error;
    REQUIRE(store.open(f.dbPath, &error));
    CHECK(store.assignment(id)->status == AssignmentStatus::InProgress); // back to the server's
    // The request made offline before it went through.
    const auto server = f.http->get(QStringLiteral("assignments/%1").arg(id), f.token);
    const QJsonArray requests = server.json.value(QStringLiteral("funds_requests")).toArray();
    REQUIRE(requests.size() == 1);
    CHECK(requests.first().toObject().value(QStringLiteral("status")).toString() ==
          QStringLiteral("pending"));
    bool found = false;
    for (const OutboxEntry &entry : store.outbox())
        if (entry.op.type == QLatin1String("assignment.submit")) {
            found = true;
            CHECK(entry.lastError.contains(QStringLiteral("Meter reading")));
        }
    CHECK(found);
}

TEST_CASE("a session that ran out asks to sign in again, says why, and keeps queued changes",
          "[sync][sessions]")
{
    Fixture f;
    auto e = f.engine();
    REQUIRE(Fixture::sync(*e));
    const qint64 id = newAssignment(f);
    REQUIRE(Fixture::sync(*e));
    // Unused for longer than the server's 30 days: the session has ended on the server.
    REQUIRE(f.server
                .sql(QStringLiteral("UPDATE sessions SET last_used_at = last_used_at - ?"),
                     {31LL * 24 * 3600 * 1000})
                .toInt() >= 1);
    const QString logId = uuid();
    REQUIRE(record(*e, id, "time_log.upsert",
                   {{QStringLiteral("id"), logId},
                    {QStringLiteral("check_in"),
                     QDateTime::currentDateTimeUtc().addSecs(-600).toString(Qt::ISODate)}}));
    QSignalSpy signIn(e.get(), &SyncEngine::signInRequired);
    CHECK_FALSE(Fixture::sync(*e));
    REQUIRE(signIn.count() >= 1);
    const QString message = signIn.first().first().toString();
    CHECK(message.contains(QStringLiteral("session has ended")));
    CHECK(message.contains(QStringLiteral("nothing you did on this computer is lost")));
    {
        LocalStore store(QStringLiteral("outbox"));
        QString error;
        REQUIRE(store.open(f.dbPath, &error));
        CHECK(store.pendingOperationCount() == 1);
    }
    // Signed in again, the check-in goes out.
    f.token = f.http->signIn(QStringLiteral("alex@demo.onsite"));
    e->setToken(f.token);
    REQUIRE(Fixture::sync(*e));
    const auto doc = f.http->get(QStringLiteral("assignments/%1").arg(id), f.token);
    CHECK(doc.body.contains(logId.toUtf8()));
}
