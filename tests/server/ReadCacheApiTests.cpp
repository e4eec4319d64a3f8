// The server API: what the server keeps in memory between requests (a worker's "nothing new"
// and a valid session) is never answered after a write, whether this server or another process
// (the admin command, another connection to the database) made it.

#include <catch2/catch.hpp>

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryFile>

using namespace onsite::test;

namespace {

struct Page {
    QList<qint64> ids;
    QString cursor;
};

Page changesSince(HttpClient &http, const QString &token, const QString &cursor)
{
    const auto r = http.get(QStringLiteral("changes?since=%1").arg(cursor), token);
    REQUIRE(r.status == 200);
    return {idsOf(r.json.value(QStringLiteral("changes")).toArray()),
            r.json.value(QStringLiteral("cursor")).toString()};
}

// Imports one assignment for the worker through `onsite-server admin` (another process).
void importOne(const QString &companyId, qint64 workerId)
{
    QTemporaryFile file;
    REQUIRE(file.open());
    file.write(QJsonDocument(QJsonArray{validInput(workerId)}).toJson());
    file.close();
    int rc = -1;
    server().admin({QStringLiteral("import-assignments"), companyId, file.fileName()}, &rc);
    REQUIRE(rc == 0);
}

} // namespace

TEST_CASE("nothing new and a valid token are not answered from memory after any write", "[api]")
{
    HttpClient http(server().apiBase());
    int rc = -1;
    const QString companyId =
        server()
            .admin({QStringLiteral("create-company"), QStringLiteral("Quiet Co")}, &rc)
            .trimmed();
    REQUIRE(rc == 0);
    const QString companyToken =
        server().admin({QStringLiteral("create-company-token"), companyId}, &rc).trimmed();
    REQUIRE(rc == 0);
    const qint64 workerId =
        server()
            .admin({QStringLiteral("create-worker"), QStringLiteral("quinn@quiet.test"),
                    QStringLiteral("Quinn")},
                   &rc, "long-enough-pw\n")
            .trimmed()
            .toLongLong();
    REQUIRE(rc == 0);
    importOne(companyId, workerId);
    const QString token =
        http.signIn(QStringLiteral("quinn@quiet.test"), QStringLiteral("long-enough-pw"));
    REQUIRE_FALSE(token.isEmpty());

    const Page all = changesSince(http, token, QStringLiteral("0"));
    REQUIRE(all.ids.size() == 1);
    // Asked twice with nothing new (the second answer may come from memory).
    CHECK(changesSince(http, token, all.cursor).ids.isEmpty());
    CHECK(changesSince(http, token, all.cursor).ids.isEmpty());

    // Another process adds an assignment: the very next question sees it.
    importOne(companyId, workerId);
    const Page added = changesSince(http, token, all.cursor);
    REQUIRE(added.ids.size() == 1);
    CHECK(added.ids.first() != all.ids.first());
    CHECK(changesSince(http, token, added.cursor).ids.isEmpty());
    CHECK(changesSince(http, token, added.cursor).ids.isEmpty());

    // The company changes one through this server: seen at once too.
    const auto patched = http.request(
        "PATCH", QStringLiteral("company/assignments/%1").arg(all.ids.first()),
        QJsonDocument(QJsonObject{{QStringLiteral("title"), QStringLiteral("Kiosk, moved")}})
            .toJson(),
        companyToken);
    REQUIRE(patched.status == 200);
    CHECK(changesSince(http, token, added.cursor).ids == QList<qint64>{all.ids.first()});

    // The session ended by another connection to the database: refused at the next request.
    REQUIRE(http.get(QStringLiteral("me"), token).status == 200);
    REQUIRE(http.get(QStringLiteral("me"), token).status == 200);
    const QVariant deleted =
        server().sql(QStringLiteral("DELETE FROM sessions WHERE worker_id = ?"), {workerId});
    INFO(server().lastError().toStdString());
    REQUIRE(deleted.toInt() == 1);
    CHECK(http.get(QStringLiteral("me"), token).status == 401);
    CHECK(http.get(QStringLiteral("changes?since=0"), token).status == 401);
}
