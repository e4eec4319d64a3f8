// The server API: bad requests, the change feed, and who sees and changes which assignments.

#include <catch2/catch.hpp>

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QSet>

using namespace onsite::test;

TEST_CASE("bad request bodies get 400 with a message and change nothing", "[api]")
{
    HttpClient http(server().apiBase());
    auto r = http.request("POST", QStringLiteral("session"), "{\"email\": \"alex@demo.onsite\", ");
    CHECK(r.status == 400);
    CHECK(r.errorCode() == QStringLiteral("bad_request"));
    CHECK(r.errorMessage().contains(QStringLiteral("Malformed JSON")));

    r = http.request("POST", QStringLiteral("session"), "[1,2]");
    CHECK(r.status == 400);
    CHECK(r.errorMessage().contains(QStringLiteral("JSON object")));

    r = http.post(QStringLiteral("session"), {{QStringLiteral("email"), 5},
                                              {QStringLiteral("password"), QStringLiteral("x")}});
    CHECK(r.status == 400);
    CHECK(r.errorMessage().contains(QStringLiteral("strings")));

    r = http.post(QStringLiteral("session"), {{QStringLiteral("email"), QStringLiteral("a@b")},
                                              {QStringLiteral("password"), QStringLiteral("x")},
                                              {QStringLiteral("remember"), true}});
    CHECK(r.status == 400);
    CHECK(r.errorMessage().contains(QStringLiteral("remember")));

    const QString company = server().companyToken();
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const int before = int(allIds(http, alex).size());
    r = http.request("POST", QStringLiteral("company/assignments"), "{not json", company);
    CHECK(r.status == 400);
    CHECK(r.errorMessage().contains(QStringLiteral("Malformed JSON")));

    QJsonObject bad = validInput(1);
    QJsonObject schedule = bad.value(QStringLiteral("schedule")).toObject();
    schedule.insert(QStringLiteral("start"), QStringLiteral("tomorrow"));
    bad.insert(QStringLiteral("schedule"), schedule);
    r = http.post(QStringLiteral("company/assignments"), bad, company);
    CHECK(r.status == 400);
    CHECK(r.errorMessage().startsWith(QStringLiteral("schedule.start:")));

    bad = validInput(1);
    bad.insert(QStringLiteral("status"), QStringLiteral("paid"));
    r = http.post(QStringLiteral("company/assignments"), bad, company);
    CHECK(r.status == 400);
    CHECK(r.errorMessage().contains(QStringLiteral("status")));

    bad = validInput(1);
    QJsonObject pricing = bad.value(QStringLiteral("pricing")).toObject();
    pricing.insert(QStringLiteral("flat_cents"), -500);
    bad.insert(QStringLiteral("pricing"), pricing);
    r = http.post(QStringLiteral("company/assignments"), bad, company);
    CHECK(r.status == 400);
    CHECK(r.errorMessage().startsWith(QStringLiteral("pricing.flat_cents:")));

    bad = validInput(1);
    bad.insert(QStringLiteral("title"), QString(800000, QLatin1Char('T')));
    r = http.post(QStringLiteral("company/assignments"), bad, company);
    CHECK(r.status == 400);
    CHECK(r.errorMessage() == QStringLiteral("title: longer than 20000 characters"));

    bad = validInput(1);
    pricing = bad.value(QStringLiteral("pricing")).toObject();
    pricing.insert(QStringLiteral("type"), QStringLiteral("hourly"));
    pricing.insert(QStringLiteral("hourly_rate_cents"), 9007199254740992.0);
    bad.insert(QStringLiteral("pricing"), pricing);
    r = http.post(QStringLiteral("company/assignments"), bad, company);
    CHECK(r.status == 400);
    CHECK(r.errorMessage().startsWith(QStringLiteral("pricing.hourly_rate_cents:")));

    r = http.post(QStringLiteral("company/assignments"), validInput(999999), company);
    CHECK(r.status == 400);
    CHECK(r.errorMessage().contains(QStringLiteral("worker_id")));

    CHECK(allIds(http, alex).size() == before);
}

TEST_CASE("oversized bodies are refused with 413", "[api]")
{
    HttpClient http(server().apiBase());
    const QByteArray big = "{\"email\":\"" + QByteArray(2 * 1024 * 1024, 'a') + "\"}";
    const auto r = http.request("POST", QStringLiteral("session"), big);
    CHECK(r.status == 413);
    CHECK(r.errorCode() == QStringLiteral("too_large"));
}

TEST_CASE("routes need a valid session and unknown routes say so", "[api]")
{
    HttpClient http(server().apiBase());
    CHECK(http.get(QStringLiteral("me")).status == 401);
    CHECK(http.get(QStringLiteral("me"), QStringLiteral("ow_not-a-token")).status == 401);
    CHECK(http.get(QStringLiteral("changes?since=0")).status == 401);
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const auto missing = http.get(QStringLiteral("no/such/route"), alex);
    CHECK(missing.status == 404);
    CHECK(missing.errorCode() == QStringLiteral("not_found"));
    CHECK(http.request("DELETE", QStringLiteral("me"), {}, alex).status == 405);
    CHECK(http.get(QStringLiteral("changes?since=abc"), alex).status == 400);
    CHECK(http.get(QStringLiteral("changes?since=0&limit=0"), alex).status == 400);
    CHECK(http.get(QStringLiteral("company/assignments/1"), alex).status == 401); // worker token
}

TEST_CASE("changes are paged with a cursor, oldest first, each assignment once", "[api]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QList<qint64> all = allIds(http, alex);
    REQUIRE(all.size() >= 25);

    QList<qint64> paged;
    QString cursor = QStringLiteral("0");
    qint64 lastCursor = 0;
    int pages = 0;
    bool more = true;
    while (more && pages < 100) {
        const auto r = http.get(QStringLiteral("changes?since=%1&limit=5").arg(cursor), alex);
        REQUIRE(r.status == 200);
        const QJsonArray changes = r.json.value(QStringLiteral("changes")).toArray();
        CHECK(changes.size() <= 5);
        paged += idsOf(changes);
        cursor = r.json.value(QStringLiteral("cursor")).toString();
        CHECK(cursor.toLongLong() > lastCursor);
        lastCursor = cursor.toLongLong();
        more = r.json.value(QStringLiteral("more")).toBool();
        ++pages;
    }
    CHECK(pages == (all.size() + 4) / 5);
    CHECK(paged == all);
    CHECK(QSet<qint64>(paged.begin(), paged.end()).size() == paged.size());

    const auto end = http.get(QStringLiteral("changes?since=%1").arg(cursor), alex);
    CHECK(end.json.value(QStringLiteral("changes")).toArray().isEmpty());
    CHECK(end.json.value(QStringLiteral("cursor")).toString() == cursor);
    CHECK_FALSE(end.json.value(QStringLiteral("more")).toBool());
}

TEST_CASE("a worker cannot see or touch another worker's assignments", "[api][isolation]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QString blair = http.signIn(QStringLiteral("blair@demo.onsite"));
    const QList<qint64> alexIds = allIds(http, alex);
    const QList<qint64> blairIds = allIds(http, blair);
    REQUIRE_FALSE(blairIds.isEmpty());
    for (qint64 id : blairIds)
        CHECK_FALSE(alexIds.contains(id));

    for (qint64 id : alexIds) {
        const auto own = http.get(QStringLiteral("assignments/%1").arg(id), alex);
        CHECK(own.status == 200);
        CHECK(own.json.value(QStringLiteral("id")).toInteger() == id);
        const auto other = http.get(QStringLiteral("assignments/%1").arg(id), blair);
        CHECK(other.status == 404);
        CHECK(other.errorCode() == QStringLiteral("not_found"));
    }
    CHECK(http.get(QStringLiteral("assignments/abc"), alex).status == 404);
    CHECK(http.get(QStringLiteral("assignments/-1"), alex).status == 404);
    CHECK(http.get(QStringLiteral("assignments/99999999"), alex).status == 404);
}

TEST_CASE("a company sees and changes only its own assignments", "[api][isolation]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken(); // Northwind, company 1
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const auto page = http.get(QStringLiteral("changes?since=0&limit=1000"), alex);
    int checked = 0;
    for (const QJsonValue &v : page.json.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject a = v.toObject();
        const qint64 id = a.value(QStringLiteral("id")).toInteger();
        const bool ours =
            a.value(QStringLiteral("company")).toObject().value(QStringLiteral("id")).toInteger() ==
            1;
        const auto get = http.get(QStringLiteral("company/assignments/%1").arg(id), company);
        const auto patch = http.patch(QStringLiteral("company/assignments/%1").arg(id),
                                      {{QStringLiteral("description"), QStringLiteral("x")}},
                                      QStringLiteral("oc_wrong"));
        CHECK(patch.status == 401);
        if (ours) {
            CHECK(get.status == 200);
        } else {
            CHECK(get.status == 404);
            const auto foreign =
                http.patch(QStringLiteral("company/assignments/%1").arg(id),
                           {{QStringLiteral("description"), QStringLiteral("hijack")}}, company);
            CHECK(foreign.status == 404);
            const auto after = http.get(QStringLiteral("assignments/%1").arg(id), alex);
            CHECK(after.json.value(QStringLiteral("description")).toString() !=
                  QStringLiteral("hijack"));
        }
        ++checked;
    }
    CHECK(checked >= 25);
}

TEST_CASE("company changes reach the worker's change feed, reassignment removes", "[api]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QString blair = http.signIn(QStringLiteral("blair@demo.onsite"));
    const qint64 alexId =
        http.get(QStringLiteral("me"), alex).json.value(QStringLiteral("id")).toInteger();
    const qint64 blairId =
        http.get(QStringLiteral("me"), blair).json.value(QStringLiteral("id")).toInteger();
    const QString alexCursor = http.get(QStringLiteral("changes?since=0&limit=1000"), alex)
                                   .json.value(QStringLiteral("cursor"))
                                   .toString();
    const QString blairCursor = http.get(QStringLiteral("changes?since=0&limit=1000"), blair)
                                    .json.value(QStringLiteral("cursor"))
                                    .toString();

    const auto created =
        http.post(QStringLiteral("company/assignments"), validInput(alexId), company);
    REQUIRE(created.status == 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    CHECK(created.json.value(QStringLiteral("rev")).toInteger() == 1);
    CHECK(created.json.value(QStringLiteral("status")).toString() == QStringLiteral("assigned"));
    CHECK(created.json.value(QStringLiteral("company"))
              .toObject()
              .value(QStringLiteral("name"))
              .toString() == QStringLiteral("Northwind Retail Services"));

    auto feed = http.get(QStringLiteral("changes?since=%1").arg(alexCursor), alex);
    CHECK(idsOf(feed.json.value(QStringLiteral("changes")).toArray()) == QList<qint64>{id});
    const QString afterCreate = feed.json.value(QStringLiteral("cursor")).toString();

    const auto patched =
        http.patch(QStringLiteral("company/assignments/%1").arg(id),
                   {{QStringLiteral("title"), QStringLiteral("Install two kiosks")}}, company);
    REQUIRE(patched.status == 200);
    CHECK(patched.json.value(QStringLiteral("rev")).toInteger() == 2);
    feed = http.get(QStringLiteral("changes?since=%1").arg(afterCreate), alex);
    const QJsonArray changed = feed.json.value(QStringLiteral("changes")).toArray();
    REQUIRE(changed.size() == 1);
    CHECK(changed.first().toObject().value(QStringLiteral("title")).toString() ==
          QStringLiteral("Install two kiosks"));
    const QString afterPatch = feed.json.value(QStringLiteral("cursor")).toString();

    const auto moved = http.patch(QStringLiteral("company/assignments/%1").arg(id),
                                  {{QStringLiteral("worker_id"), blairId}}, company);
    REQUIRE(moved.status == 200);
    feed = http.get(QStringLiteral("changes?since=%1").arg(afterPatch), alex);
    CHECK(feed.json.value(QStringLiteral("changes")).toArray().isEmpty());
    CHECK(feed.json.value(QStringLiteral("removed")).toArray() == QJsonArray{id});
    CHECK(http.get(QStringLiteral("assignments/%1").arg(id), alex).status == 404);
    const auto blairFeed = http.get(QStringLiteral("changes?since=%1").arg(blairCursor), blair);
    CHECK(idsOf(blairFeed.json.value(QStringLiteral("changes")).toArray()) == QList<qint64>{id});
}

TEST_CASE("feed pages interleaving changes and removals list each once, in order", "[api]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 alexId =
        http.get(QStringLiteral("me"), alex).json.value(QStringLiteral("id")).toInteger();
    const qint64 blairId =
        http.get(QStringLiteral("me"), http.signIn(QStringLiteral("blair@demo.onsite")))
            .json.value(QStringLiteral("id"))
            .toInteger();
    QString cursor = http.get(QStringLiteral("changes?since=0&limit=1000"), alex)
                         .json.value(QStringLiteral("cursor"))
                         .toString();
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i) {
        const auto created =
            http.post(QStringLiteral("company/assignments"), validInput(alexId), company);
        REQUIRE(created.status == 201);
        ids.append(created.json.value(QStringLiteral("id")).toInteger());
    }
    const auto patch = [&](qint64 id, const QJsonObject &change) {
        REQUIRE(
            http.patch(QStringLiteral("company/assignments/%1").arg(id), change, company).status ==
            200);
    };
    const QJsonObject toBlair{{QStringLiteral("worker_id"), blairId}};
    const QJsonObject retitled{{QStringLiteral("title"), QStringLiteral("Moved up")}};
    // In the feed's order: 3, 6, 2 taken away, 1 changed, 4 taken away, 5 changed.
    patch(ids.at(1), toBlair);
    patch(ids.at(0), retitled);
    patch(ids.at(3), toBlair);
    patch(ids.at(4), retitled);

    QList<QPair<QList<qint64>, QList<qint64>>> pages; // (changed, removed) per page
    bool more = true;
    while (more && pages.size() < 10) {
        const auto r = http.get(QStringLiteral("changes?since=%1&limit=2").arg(cursor), alex);
        REQUIRE(r.status == 200);
        QList<qint64> removed;
        for (const QJsonValue &v : r.json.value(QStringLiteral("removed")).toArray())
            removed.append(v.toInteger());
        pages.append({idsOf(r.json.value(QStringLiteral("changes")).toArray()), removed});
        cursor = r.json.value(QStringLiteral("cursor")).toString();
        more = r.json.value(QStringLiteral("more")).toBool();
    }
    using Page = QPair<QList<qint64>, QList<qint64>>;
    CHECK(pages == QList<Page>{Page{{ids.at(2), ids.at(5)}, {}}, Page{{ids.at(0)}, {ids.at(1)}},
                               Page{{ids.at(4)}, {ids.at(3)}}});
}

TEST_CASE("the site contact the company gives reaches the worker, and a phone or "
          "email nobody can use is refused and nothing is created",
          "[api][contact]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 alexId =
        http.get(QStringLiteral("me"), alex).json.value(QStringLiteral("id")).toInteger();
    const int before = int(allIds(http, alex).size());

    QJsonObject input = validInput(alexId);
    input.insert(QStringLiteral("contact"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Dana Whitfield")},
                             {QStringLiteral("phone"), QStringLiteral("+1 312 555 0147")},
                             {QStringLiteral("email"), QStringLiteral("dana@northwind.example")},
                             {QStringLiteral("notes"), QStringLiteral("Service desk")}});
    QJsonObject bad = input;
    bad.insert(QStringLiteral("contact"),
               QJsonObject{{QStringLiteral("email"), QStringLiteral("dana at northwind")}});
    auto r = http.post(QStringLiteral("company/assignments"), bad, company);
    CHECK(r.status == 400);
    CHECK(r.errorMessage().startsWith(QStringLiteral("contact.email:")));
    CHECK(allIds(http, alex).size() == before);

    r = http.post(QStringLiteral("company/assignments"), input, company);
    REQUIRE(r.status == 201);
    const qint64 id = r.json.value(QStringLiteral("id")).toInteger();
    auto contactOf = [&] {
        return http.get(QStringLiteral("assignments/%1").arg(id), alex)
            .json.value(QStringLiteral("contact"))
            .toObject();
    };
    CHECK(contactOf().value(QStringLiteral("name")).toString() == QStringLiteral("Dana Whitfield"));
    CHECK(contactOf().value(QStringLiteral("phone")).toString() ==
          QStringLiteral("+1 312 555 0147"));

    // A changed number reaches the worker; a bad one changes nothing.
    r = http.patch(QStringLiteral("company/assignments/%1").arg(id),
                   {{QStringLiteral("contact"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("Sam Ortiz")},
                                 {QStringLiteral("phone"), QStringLiteral("call reception")}}}},
                   company);
    CHECK(r.status == 400);
    CHECK(r.errorMessage().startsWith(QStringLiteral("contact.phone:")));
    CHECK(contactOf().value(QStringLiteral("name")).toString() == QStringLiteral("Dana Whitfield"));
    r = http.patch(QStringLiteral("company/assignments/%1").arg(id),
                   {{QStringLiteral("contact"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("Sam Ortiz")},
                                 {QStringLiteral("phone"), QStringLiteral("+1 312 555 0199")}}}},
                   company);
    REQUIRE(r.status == 200);
    CHECK(contactOf().value(QStringLiteral("name")).toString() == QStringLiteral("Sam Ortiz"));
    CHECK(contactOf().value(QStringLiteral("email")).toString().isEmpty());
}
