#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "FaultProxy.h"
#include "HttpClient.h"
#include "JsonReader.h"
#include "LocalStore.h"
#include "Rules.h"
#include "SyncEngine.h"
#include "TestServer.h"
#include "TestUtil.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

using namespace onsite;
using namespace onsite::test;

namespace {

qint64 desktopAssignment(HttpClient &http, const QString &token)
{
    for (const QJsonValue &v : http.get(QStringLiteral("changes?since=0&limit=1000"), token)
                                   .json.value(QStringLiteral("changes"))
                                   .toArray()) {
        const QJsonObject a = v.toObject();
        if (a.value(QStringLiteral("status")).toString() == QStringLiteral("assigned") &&
            !a.value(QStringLiteral("phone_checkin"))
                 .toObject()
                 .value(QStringLiteral("required"))
                 .toBool())
            return a.value(QStringLiteral("id")).toInteger();
    }
    return 0;
}

Operation newVisit(const Assignment &a, int slot)
{
    const QDateTime in = QDateTime::currentDateTimeUtc().addDays(-50).addSecs(900 * slot);
    return Operation::make(
        a.id, QStringLiteral("time_log.upsert"),
        {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
         {QStringLiteral("check_in"), JsonReader::formatInstant(in)},
         {QStringLiteral("check_out"), JsonReader::formatInstant(in.addSecs(600))}},
        QDateTime::currentDateTimeUtc());
}

// Records the op on the engine and waits for its answer; returns whether it was recorded.
bool record(SyncEngine &e, const Operation &op)
{
    QSignalSpy recorded(&e, &SyncEngine::recorded);
    e.record(op);
    return recorded.count() == 1 && recorded.first().at(1).toBool();
}

bool syncUntilEmpty(SyncEngine &e, int maxRounds)
{
    for (int round = 0; round < maxRounds; ++round) {
        QSignalSpy done(&e, &SyncEngine::syncFinished);
        if (!e.isRunning())
            e.syncNow();
        if (!waitFor([&] { return done.count() > 0; }, 15000))
            continue;
        if (done.last().at(0).toBool() && e.store()->pendingOperationCount() == 0)
            return true;
    }
    return false;
}

QHash<QString, QString> serverOps(const TestServer &server)
{
    QHash<QString, QString> out;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ops-peek"));
        db.setDatabaseName(server.databaseUrl().mid(7));
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT op_id, status FROM ops"));
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("ops-peek"));
    return out;
}

} // namespace

TEST_CASE(
    "through a proxy that drops, fails, truncates, garbles and delays, every change lands once",
    "[fault]")
{
    TestServer server;
    REQUIRE(server.start());
    FaultProxy proxy(server.url());
    REQUIRE(proxy.start());
    HttpClient http(server.apiBase());
    const QString token = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 id = desktopAssignment(http, token);
    REQUIRE(id);
    QTemporaryDir dir;
    SyncEngine e(dir.filePath(QStringLiteral("cache.sqlite")), proxy.apiBase());
    e.setRequestTimeoutMs(1500);
    e.setPushBatchSize(3);
    e.open();
    e.setToken(token);
    REQUIRE(syncUntilEmpty(e, 5)); // first pull, no faults yet
    proxy.setFaultPercent(45);
    proxy.setDelayMs(2500); // longer than the client waits

    QStringList ops;
    for (int i = 0; i < 40; ++i) {
        const auto a = e.store()->assignment(id);
        REQUIRE(a);
        Operation op = newVisit(*a, i);
        if (i % 5 == 4 && !a->timeLogs.isEmpty()) { // sometimes correct a note instead
            const TimeLog &l = a->timeLogs.at(
                int(QRandomGenerator::global()->bounded(qsizetype(a->timeLogs.size()))));
            op = Operation::make(
                id, QStringLiteral("time_log.upsert"),
                {{QStringLiteral("id"), l.id},
                 {QStringLiteral("check_in"), JsonReader::formatInstant(l.checkIn)},
                 {QStringLiteral("check_out"), JsonReader::formatInstant(l.checkOut)},
                 {QStringLiteral("note"), QStringLiteral("corrected %1").arg(i)}},
                QDateTime::currentDateTimeUtc());
        }
        REQUIRE(record(e, op));
        ops << op.opId;
        if (i % 4 == 0) {
            QSignalSpy done(&e, &SyncEngine::syncFinished);
            if (!e.isRunning())
                e.syncNow();
            waitFor([&] { return done.count() > 0; }, 8000);
        }
    }
    REQUIRE(syncUntilEmpty(e, 200));
    for (int kind = FaultProxy::DropBefore; kind < FaultProxy::FaultCount; ++kind) {
        INFO("fault kind " << kind);
        CHECK(proxy.counts().value(kind) >= 1); // every kind of failure was met at least once
    }

    proxy.setFaultPercent(0);
    REQUIRE(syncUntilEmpty(e, 5));
    const QHash<QString, QString> outcome = serverOps(server);
    for (const QString &op : std::as_const(ops))
        CHECK(outcome.value(op) == QStringLiteral("applied"));
    CHECK(e.store()->needsAttentionCount() == 0);
    const QJsonObject serverDoc = http.get(QStringLiteral("assignments/%1").arg(id), token).json;
    const auto local = e.store()->assignment(id);
    REQUIRE(local);
    const QJsonArray logs = serverDoc.value(QStringLiteral("time_logs")).toArray();
    REQUIRE(logs.size() == local->timeLogs.size());
    CHECK(logs.size() == 32); // 40 changes, 8 of them corrections: 32 visits, none doubled
    for (int i = 0; i < logs.size(); ++i) {
        CHECK(logs.at(i).toObject().value(QStringLiteral("id")).toString() ==
              local->timeLogs.at(i).id);
        CHECK(logs.at(i).toObject().value(QStringLiteral("note")).toString() ==
              local->timeLogs.at(i).note);
    }
}

TEST_CASE("edits pile up while the server is down and all land when it is back", "[fault]")
{
    TestServer server;
    REQUIRE(server.start());
    HttpClient http(server.apiBase());
    const QString token = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 id = desktopAssignment(http, token);
    QTemporaryDir dir;
    SyncEngine e(dir.filePath(QStringLiteral("cache.sqlite")), server.apiBase());
    e.setRequestTimeoutMs(2000);
    e.open();
    e.setToken(token);
    REQUIRE(syncUntilEmpty(e, 3));
    server.stop();
    for (int i = 0; i < 25; ++i)
        REQUIRE(record(e, newVisit(*e.store()->assignment(id), i)));
    QSignalSpy done(&e, &SyncEngine::syncFinished);
    REQUIRE(waitFor([&] { return done.count() > 0; }));
    CHECK_FALSE(done.last().at(0).toBool());
    CHECK(e.store()->pendingOperationCount() == 25);
    CHECK(e.store()->assignment(id)->timeLogs.size() == 25); // the worker sees them all, offline
    REQUIRE(server.restart());
    REQUIRE(syncUntilEmpty(e, 10));
    CHECK(http.get(QStringLiteral("assignments/%1").arg(id), token)
              .json.value(QStringLiteral("time_logs"))
              .toArray()
              .size() == 25);
}

TEST_CASE("a change the server refuses returns to the server's state and waits in Needs attention",
          "[fault]")
{
    TestServer server;
    REQUIRE(server.start());
    HttpClient http(server.apiBase());
    const QString token = http.signIn(QStringLiteral("alex@demo.onsite"));
    QTemporaryDir dir;
    SyncEngine e(dir.filePath(QStringLiteral("cache.sqlite")), server.apiBase());
    e.open();
    e.setToken(token);
    REQUIRE(syncUntilEmpty(e, 3));
    // An assignment of the company whose token we hold, still taking desktop check-ins.
    qint64 id = 0;
    for (const Assignment &a : e.store()->assignments())
        if (!id && a.company.name == QStringLiteral("Northwind Retail Services") &&
            Rules::isActive(a))
            id = a.id;
    REQUIRE(id);
    REQUIRE(http.patch(QStringLiteral("company/assignments/%1").arg(id),
                       {{QStringLiteral("phone_checkin"),
                         QJsonObject{{QStringLiteral("required"), false}}}},
                       server.companyToken())
                .status == 200);
    REQUIRE(syncUntilEmpty(e, 3));
    // Offline, the worker checks in from the desktop; meanwhile the client requires the phone.
    server.stop();
    const Operation op = newVisit(*e.store()->assignment(id), 1);
    QSignalSpy firstTry(&e, &SyncEngine::syncFinished);
    REQUIRE(record(e, op));
    REQUIRE(waitFor([&] { return firstTry.count() > 0; })); // the push failed: server down
    e.cancel(); // no automatic retry before the client company has changed its mind
    const int logsBefore = int(e.store()->assignment(id)->timeLogs.size());
    REQUIRE(server.restart());
    REQUIRE(
        http.patch(QStringLiteral("company/assignments/%1").arg(id),
                   {{QStringLiteral("phone_checkin"),
                     QJsonObject{{QStringLiteral("required"), true},
                                 {QStringLiteral("number"), QStringLiteral("+1 800 555 0100")}}}},
                   server.companyToken())
            .status == 200);
    QSignalSpy rejected(&e, &SyncEngine::operationRejected);
    QSignalSpy done(&e, &SyncEngine::syncFinished);
    e.syncNow();
    REQUIRE(waitFor([&] { return done.count() > 0; }));
    REQUIRE(rejected.count() == 1);
    CHECK(rejected.first().at(1).toString().contains(QStringLiteral("by phone")));
    CHECK(e.store()->needsAttentionCount() == 1);
    CHECK(e.store()->pendingOperationCount() == 0);
    CHECK(int(e.store()->assignment(id)->timeLogs.size()) ==
          logsBefore - 1); // back to the server's
    const QList<OutboxEntry> outbox = e.store()->outbox();
    REQUIRE(outbox.size() == 1);
    CHECK(outbox.first().state == OutboxEntry::State::Rejected);
    CHECK(outbox.first().errorCode == QStringLiteral("phone_required"));
    e.dismiss(op.opId);
    CHECK(e.store()->needsAttentionCount() == 0);
}
