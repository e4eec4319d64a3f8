#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "HttpClient.h"
#include "LocalStore.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

using namespace onsite;
using namespace onsite::test;

// The client killed with SIGKILL at random moments while it records changes and pushes them,
// ONSITE_CRASH_CYCLES times (100 in CI; tests/bench/crash-soak.sh runs more). Afterwards the
// server must hold every change the client ever reported as committed, each applied once, and
// its document must equal the client's.
TEST_CASE("killed at random moments, the client loses no change and applies none twice", "[crash]")
{
    const int cycles = qEnvironmentVariableIsSet("ONSITE_CRASH_CYCLES")
                           ? qEnvironmentVariableIntValue("ONSITE_CRASH_CYCLES")
                           : 100;
    TestServer server;
    REQUIRE(server.start());
    HttpClient http(server.apiBase());
    const QString token = http.signIn(QStringLiteral("alex@demo.onsite"));
    qint64 id = 0;
    for (const QJsonValue &v : http.get(QStringLiteral("changes?since=0&limit=1000"), token)
                                   .json.value(QStringLiteral("changes"))
                                   .toArray()) {
        const QJsonObject a = v.toObject();
        if (!id && a.value(QStringLiteral("status")).toString() == QStringLiteral("assigned") &&
            !a.value(QStringLiteral("phone_checkin"))
                 .toObject()
                 .value(QStringLiteral("required"))
                 .toBool())
            id = a.value(QStringLiteral("id")).toInteger();
    }
    REQUIRE(id);
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
    const QStringList base{QStringLiteral("--api"),        server.apiBase().toString(),
                           QStringLiteral("--token"),      token,
                           QStringLiteral("--db"),         cache,
                           QStringLiteral("--assignment"), QString::number(id)};

    QSet<QString> committed;
    int kills = 0;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        QProcess client;
        client.start(QStringLiteral(ONSITE_HARNESS_BIN), base);
        REQUIRE(client.waitForStarted());
        const int lifeMs = 30 + int(QRandomGenerator::global()->bounded(400));
        client.waitForFinished(lifeMs);
        if (client.state() == QProcess::Running) {
            client.kill(); // SIGKILL: no chance to finish a write or a request
            ++kills;
        }
        client.waitForFinished(5000);
        for (const QByteArray &line : client.readAllStandardOutput().split('\n'))
            if (line.startsWith("committed "))
                committed.insert(QString::fromLatin1(line.mid(10)));
    }
    CHECK(kills >= cycles * 9 / 10);
    REQUIRE(committed.size() > cycles / 2);

    // The server took every cut connection in its stride.
    REQUIRE(http.get(QStringLiteral("me"), token).status == 200);
    QProcess drain;
    drain.start(QStringLiteral(ONSITE_HARNESS_BIN), base + QStringList{QStringLiteral("--drain")});
    const bool drained = drain.waitForFinished(60000);
    const QByteArray drainOutput = drain.readAllStandardOutput();
    INFO(drainOutput.right(600).toStdString());
    INFO("server: " << server.output().right(700).toStdString() << " state "
                    << server.process()->process()->state() << " exit "
                    << server.process()->process()->exitCode() << " status "
                    << server.process()->process()->exitStatus());
    REQUIRE(drained);
    REQUIRE(drainOutput.contains("drained"));

    // Every reported change reached the server, applied exactly once.
    const QString serverDb = server.databaseUrl().mid(7); // "sqlite:" + path
    QHash<QString, QString> outcome;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("server-ops"));
        db.setDatabaseName(serverDb);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("SELECT op_id, status FROM ops")));
        while (q.next())
            outcome.insert(q.value(0).toString(), q.value(1).toString());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("server-ops"));
    int missing = 0;
    int notApplied = 0;
    for (const QString &op : std::as_const(committed)) {
        if (!outcome.contains(op))
            ++missing;
        else if (outcome.value(op) != QStringLiteral("applied"))
            ++notApplied;
    }
    CHECK(missing == 0);
    CHECK(notApplied == 0);

    // The server's document equals the client's: no lost, extra or doubled visit.
    const QJsonObject serverDoc = http.get(QStringLiteral("assignments/%1").arg(id), token).json;
    LocalStore local(QStringLiteral("crash-check"));
    QString error;
    REQUIRE(local.open(cache, &error));
    CHECK(local.pendingOperationCount() == 0);
    CHECK(local.needsAttentionCount() == 0);
    const auto localDoc = local.assignment(id);
    REQUIRE(localDoc);
    const QJsonArray serverLogs = serverDoc.value(QStringLiteral("time_logs")).toArray();
    REQUIRE(serverLogs.size() == localDoc->timeLogs.size());
    QSet<QString> ids;
    for (int i = 0; i < serverLogs.size(); ++i) {
        const QJsonObject s = serverLogs.at(i).toObject();
        const TimeLog &l = localDoc->timeLogs.at(i);
        ids.insert(s.value(QStringLiteral("id")).toString());
        CHECK(s.value(QStringLiteral("id")).toString() == l.id);
        CHECK(s.value(QStringLiteral("note")).toString() == l.note);
        CHECK(s.value(QStringLiteral("deleted")).toBool() == l.deleted);
    }
    CHECK(ids.size() == serverLogs.size());
    // Messages written offline and pushed across kills: each once, in the client's order.
    const QJsonArray serverMessages = serverDoc.value(QStringLiteral("messages")).toArray();
    REQUIRE(serverMessages.size() == localDoc->messages.size());
    QSet<QString> messageIds;
    for (int i = 0; i < serverMessages.size(); ++i) {
        const QJsonObject s = serverMessages.at(i).toObject();
        messageIds.insert(s.value(QStringLiteral("id")).toString());
        CHECK(s.value(QStringLiteral("id")).toString() == localDoc->messages.at(i).id);
        CHECK(s.value(QStringLiteral("text")).toString() == localDoc->messages.at(i).text);
    }
    CHECK(messageIds.size() == serverMessages.size());
    INFO("cycles " << cycles << ", kills " << kills << ", committed changes " << committed.size()
                   << ", visits " << serverLogs.size() << ", messages " << serverMessages.size());
    CHECK(serverLogs.size() > 0);
}
