#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "Fixtures.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QTimer>

#include <QTemporaryFile>
#include <QUuid>
#include <memory>
#include <vector>

using namespace onsite::test;

namespace {

TestServer &server()
{
    return TestServer::shared();
}

// A valid POST /company/assignments body (Fixtures' flat-rate job in Austin, no files asked).
QJsonObject validInput(qint64 workerId)
{
    return assignmentInput(workerId, QStringLiteral("Install kiosk"), {});
}

QList<qint64> idsOf(const QJsonArray &changes)
{
    QList<qint64> ids;
    for (const QJsonValue &v : changes)
        ids << v.toObject().value(QStringLiteral("id")).toInteger();
    return ids;
}

// Every assignment id the worker can see, via one large page.
QList<qint64> allIds(HttpClient &http, const QString &token)
{
    const auto r = http.get(QStringLiteral("changes?since=0&limit=1000"), token);
    return idsOf(r.json.value(QStringLiteral("changes")).toArray());
}

} // namespace

TEST_CASE("the database and the stored files are private to the server's user", "[api][files]")
{
    // Whatever the umask the server was started with (this test's is the usual 022).
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    QStringList paths{server().filesDir()};
    const QString db = server().databaseUrl();
    if (db.startsWith(QStringLiteral("sqlite:")))
        paths << db.mid(7);
    QDirIterator it(server().filesDir(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << it.next();
    REQUIRE(paths.size() > 2); // the demo's files are there
    for (const QString &path : paths) {
        INFO(
            path.toStdString() << " is "
                               << QString::number(QFileInfo(path).permissions(), 16).toStdString());
        CHECK((QFileInfo(path).permissions() & others) == 0);
    }
}

TEST_CASE("sign-in: good credentials give a token and the worker", "[api]")
{
    HttpClient http(server().apiBase());
    const auto r = http.post(QStringLiteral("session"),
                             {{QStringLiteral("email"), QStringLiteral("Alex@Demo.Onsite")},
                              {QStringLiteral("password"), QStringLiteral("onsite-demo")}});
    REQUIRE(r.status == 200);
    const QString token = r.json.value(QStringLiteral("token")).toString();
    CHECK(token.size() > 30);
    CHECK(r.json.value(QStringLiteral("worker"))
              .toObject()
              .value(QStringLiteral("email"))
              .toString() == QStringLiteral("alex@demo.onsite"));
    const auto me = http.get(QStringLiteral("me"), token);
    CHECK(me.status == 200);
    CHECK(me.json.value(QStringLiteral("name")).toString() == QStringLiteral("Alex Rivera"));
}

TEST_CASE("sign-in: bad credentials are refused with a JSON error", "[api]")
{
    HttpClient http(server().apiBase());
    const auto wrong = http.post(QStringLiteral("session"),
                                 {{QStringLiteral("email"), QStringLiteral("alex@demo.onsite")},
                                  {QStringLiteral("password"), QStringLiteral("wrong-password")}});
    CHECK(wrong.status == 401);
    CHECK(wrong.errorCode() == QStringLiteral("bad_credentials"));
    CHECK_FALSE(wrong.errorMessage().isEmpty());
    CHECK_FALSE(wrong.json.contains(QStringLiteral("token")));
    const auto nobody = http.post(QStringLiteral("session"),
                                  {{QStringLiteral("email"), QStringLiteral("nobody@demo.onsite")},
                                   {QStringLiteral("password"), QStringLiteral("onsite-demo")}});
    CHECK(nobody.status == 401);
    CHECK(nobody.errorMessage() == wrong.errorMessage()); // does not reveal which accounts exist
    // The right password still works after one mistake.
    CHECK_FALSE(http.signIn(QStringLiteral("alex@demo.onsite")).isEmpty());
}

TEST_CASE("sign-in: repeated failures are rate limited, even with the right password", "[api]")
{
    HttpClient http(server().apiBase());
    int exitCode = -1;
    server().admin({QStringLiteral("create-worker"), QStringLiteral("rate@test.onsite"),
                    QStringLiteral("Rate Test")},
                   &exitCode, "correct-horse-1\n");
    REQUIRE(exitCode == 0);
    for (int i = 0; i < 5; ++i) {
        const auto r = http.post(QStringLiteral("session"),
                                 {{QStringLiteral("email"), QStringLiteral("rate@test.onsite")},
                                  {QStringLiteral("password"), QStringLiteral("guess-%1").arg(i)}});
        REQUIRE(r.status == 401);
    }
    const auto limited =
        http.post(QStringLiteral("session"),
                  {{QStringLiteral("email"), QStringLiteral("rate@test.onsite")},
                   {QStringLiteral("password"), QStringLiteral("correct-horse-1")}});
    CHECK(limited.status == 429);
    CHECK(limited.errorCode() == QStringLiteral("rate_limited"));
    bool retryAfter = false;
    for (const auto &h : limited.headers)
        retryAfter |= h.first.toLower() == "retry-after";
    CHECK(retryAfter);
}

TEST_CASE("sign-in: the owner's right password does not give an attacker a new allowance",
          "[api][signin]")
{
    // Four guesses, the owner signs in, more guesses: five password checks in the window in
    // all, not five more after every right password.
    HttpClient http(server().apiBase());
    int exitCode = -1;
    server().admin({QStringLiteral("create-worker"), QStringLiteral("allowance@test.onsite"),
                    QStringLiteral("Allowance Test")},
                   &exitCode, "correct-horse-3\n");
    REQUIRE(exitCode == 0);
    const auto attempt = [&http](const QString &password) {
        return http
            .post(QStringLiteral("session"),
                  {{QStringLiteral("email"), QStringLiteral("allowance@test.onsite")},
                   {QStringLiteral("password"), password}})
            .status;
    };
    for (int i = 0; i < 4; ++i)
        REQUIRE(attempt(QStringLiteral("guess-%1").arg(i)) == 401);
    CHECK(attempt(QStringLiteral("correct-horse-3")) == 200);
    QList<int> after;
    for (int i = 0; i < 5; ++i)
        after.append(attempt(QStringLiteral("later-guess-%1").arg(i)));
    CHECK(after == QList<int>{401, 429, 429, 429, 429});
}

TEST_CASE("a wave of sign-ins does not hold up everyone else's requests", "[api][signin]")
{
    // 40 sign-ins at once (unknown addresses, each from its own address: 40 password checks),
    // then a signed-in worker's GET /me. Password checks have their own threads: /me is
    // answered while most of the wave still waits, not after it.
    HttpClient http(server().apiBase());
    const QString blair = http.signIn(QStringLiteral("blair@demo.onsite"));
    std::vector<std::unique_ptr<HttpClient>> clients;
    QList<QNetworkReply *> wave;
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    for (int i = 0; i < 40; ++i) {
        clients.push_back(std::make_unique<HttpClient>(server().apiBase()));
        wave.append(clients.back()->send(
            "POST", QStringLiteral("session"),
            QJsonDocument(QJsonObject{{QStringLiteral("email"),
                                       QStringLiteral("wave-%1-%2@test.onsite").arg(tag).arg(i)},
                                      {QStringLiteral("password"), QStringLiteral("nope")}})
                .toJson(),
            {},
            {{"X-Real-IP",
              QStringLiteral("10.7.%1.%2").arg(i / 200).arg(i % 200 + 1).toLatin1()}}));
    }
    QTest::qWait(50); // the wave has reached the server
    CHECK(http.get(QStringLiteral("me"), blair).status == 200);
    int answered = 0;
    for (QNetworkReply *r : std::as_const(wave))
        answered += r->isFinished() ? 1 : 0;
    INFO("sign-ins answered before /me: " << answered);
    CHECK(answered < 20);
    for (QNetworkReply *r : std::as_const(wave))
        CHECK(HttpClient::collect(r).status == 401);
}

TEST_CASE("more sign-ins than can wait are asked to come back (429, Retry-After), never 5xx",
          "[api][signin]")
{
    // 160 sign-ins at once, each on its own connection from its own address: more than the
    // 64 that may wait for a password-check thread.
    std::vector<std::unique_ptr<HttpClient>> clients;
    QList<QNetworkReply *> wave;
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    for (int i = 0; i < 160; ++i) {
        clients.push_back(std::make_unique<HttpClient>(server().apiBase()));
        wave.append(clients.back()->send(
            "POST", QStringLiteral("session"),
            QJsonDocument(QJsonObject{{QStringLiteral("email"),
                                       QStringLiteral("busy-%1-%2@test.onsite").arg(tag).arg(i)},
                                      {QStringLiteral("password"), QStringLiteral("nope")}})
                .toJson(),
            {},
            {{"X-Real-IP",
              QStringLiteral("10.8.%1.%2").arg(i / 200).arg(i % 200 + 1).toLatin1()}}));
    }
    int checked = 0, busy = 0;
    for (QNetworkReply *r : std::as_const(wave)) {
        const auto reply = HttpClient::collect(r);
        INFO("status " << reply.status << " " << reply.errorCode().toStdString());
        CHECK((reply.status == 401 || reply.status == 429));
        checked += reply.status == 401;
        if (reply.status == 429) {
            ++busy;
            CHECK(reply.errorCode() == QStringLiteral("busy"));
            bool retryAfter = false;
            for (const auto &h : reply.headers)
                retryAfter |= h.first.toLower() == "retry-after";
            CHECK(retryAfter);
        }
    }
    CHECK(checked + busy == 160);
    CHECK(busy > 0);
}

TEST_CASE("sign-in under a burst: no 5xx, at most 5 password checks per email, each failure "
          "recorded, a right password from elsewhere still works",
          "[api][signin]")
{
    int exitCode = -1;
    server().admin({QStringLiteral("create-worker"), QStringLiteral("burst@test.onsite"),
                    QStringLiteral("Burst Test")},
                   &exitCode, "correct-horse-2\n");
    REQUIRE(exitCode == 0);
    // Each request on its own connection (its own manager), each from its own address, all
    // sent before any answer: 40 wrong passwords for one email and Alex's right one.
    struct Attempt {
        QString email, password, address;
        int status = 0;
    };
    QList<Attempt> attempts;
    for (int i = 0; i < 40; ++i)
        attempts.append({QStringLiteral("burst@test.onsite"), QStringLiteral("guess-%1").arg(i),
                         QStringLiteral("10.0.%1.%2").arg(i / 200).arg(i % 200 + 1)});
    attempts.append({QStringLiteral("alex@demo.onsite"), QStringLiteral("onsite-demo"),
                     QStringLiteral("10.9.9.9")});
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QEventLoop loop;
    int pending = attempts.size();
    QUrl url = server().apiBase();
    url.setPath(url.path() + QStringLiteral("session"));
    for (Attempt &a : attempts) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("X-Real-IP", a.address.toLatin1());
        QNetworkReply *reply = managers.back()->post(
            req, QJsonDocument(QJsonObject{{QStringLiteral("email"), a.email},
                                           {QStringLiteral("password"), a.password}})
                     .toJson());
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&a, reply, &pending, &loop] {
            a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
            if (--pending == 0)
                loop.quit();
        });
    }
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    REQUIRE(pending == 0);
    int checked = 0; // 401: the password was checked and was wrong
    int limited = 0;
    for (int i = 0; i < 40; ++i) {
        INFO("attempt " << i << " got " << attempts.at(i).status);
        CHECK(attempts.at(i).status < 500);
        checked += attempts.at(i).status == 401;
        limited += attempts.at(i).status == 429;
    }
    CHECK(checked == 5);
    CHECK(checked + limited == 40);
    CHECK(attempts.last().status == 200);
    // Every failure was recorded: the right password is now refused for the window too.
    HttpClient http(server().apiBase());
    const auto after = http.post(QStringLiteral("session"),
                                 {{QStringLiteral("email"), QStringLiteral("burst@test.onsite")},
                                  {QStringLiteral("password"), QStringLiteral("correct-horse-2")}});
    CHECK(after.status == 429);
}

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

TEST_CASE("signing out ends the session", "[api]")
{
    HttpClient http(server().apiBase());
    const QString token = http.signIn(QStringLiteral("blair@demo.onsite"));
    REQUIRE(http.get(QStringLiteral("me"), token).status == 200);
    CHECK(http.request("DELETE", QStringLiteral("session"), {}, token).status == 204);
    CHECK(http.get(QStringLiteral("me"), token).status == 401);
}

TEST_CASE("admin commands create companies, workers, tokens and import assignments", "[api][admin]")
{
    HttpClient http(server().apiBase());
    int rc = -1;
    const QString companyId =
        server()
            .admin({QStringLiteral("create-company"), QStringLiteral("Acme Field Co")}, &rc)
            .trimmed();
    REQUIRE(rc == 0);
    const QString token =
        server().admin({QStringLiteral("create-company-token"), companyId}, &rc).trimmed();
    REQUIRE(rc == 0);
    CHECK(token.startsWith(QStringLiteral("oc_")));
    const QString workerId = server()
                                 .admin({QStringLiteral("create-worker"),
                                         QStringLiteral("dana@acme.test"), QStringLiteral("Dana")},
                                        &rc, "long-enough-pw\n")
                                 .trimmed();
    REQUIRE(rc == 0);
    server().admin(
        {QStringLiteral("create-worker"), QStringLiteral("dana@acme.test"), QStringLiteral("Dana")},
        &rc, "long-enough-pw\n");
    CHECK(rc == 1); // already exists

    QTemporaryFile file;
    REQUIRE(file.open());
    file.write(QJsonDocument(
                   QJsonArray{validInput(workerId.toLongLong()), validInput(workerId.toLongLong())})
                   .toJson());
    file.close();
    const QString out =
        server().admin({QStringLiteral("import-assignments"), companyId, file.fileName()}, &rc);
    REQUIRE(rc == 0);
    CHECK(out.trimmed().split(QLatin1Char('\n')).size() == 2);

    const QString dana =
        http.signIn(QStringLiteral("dana@acme.test"), QStringLiteral("long-enough-pw"));
    REQUIRE_FALSE(dana.isEmpty());
    CHECK(allIds(http, dana).size() == 2);
    const auto viaToken =
        http.get(QStringLiteral("company/assignments/%1").arg(allIds(http, dana).first()), token);
    CHECK(viaToken.status == 200);
}

TEST_CASE("behind the proxy, sign-in limits count the client's address from X-Real-IP", "[api]")
{
    HttpClient http(server().apiBase());
    auto attempt = [&](const QByteArray &ip, const QString &email, const QString &password) {
        QNetworkAccessManager nam;
        QNetworkRequest req(server().apiBase().resolved(QUrl(QStringLiteral("session"))));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("X-Real-IP", ip);
        QNetworkReply *reply =
            nam.post(req, QJsonDocument(QJsonObject{{QStringLiteral("email"), email},
                                                    {QStringLiteral("password"), password}})
                              .toJson());
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
    };
    // 50 failures from one client address, spread over many emails so no email is limited.
    for (int i = 0; i < 50; ++i)
        REQUIRE(attempt("203.0.113.9", QStringLiteral("spray%1@test.onsite").arg(i),
                        QStringLiteral("x")) == 401);
    CHECK(attempt("203.0.113.9", QStringLiteral("alex@demo.onsite"),
                  QStringLiteral("onsite-demo")) == 429);
    CHECK(attempt("198.51.100.7", QStringLiteral("alex@demo.onsite"),
                  QStringLiteral("onsite-demo")) == 200);
}

namespace {

QJsonObject op(qint64 assignmentId, const QString &type, const QJsonObject &payload,
               const QString &opId = QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    return {{QStringLiteral("op_id"), opId},
            {QStringLiteral("assignment_id"), assignmentId},
            {QStringLiteral("type"), type},
            {QStringLiteral("payload"), payload},
            {QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// One of Alex's assignments that is still Assigned and takes desktop check-ins.
QJsonObject assignedDesktopAssignment(HttpClient &http, const QString &token)
{
    const auto page = http.get(QStringLiteral("changes?since=0&limit=1000"), token);
    for (const QJsonValue &v : page.json.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject a = v.toObject();
        if (a.value(QStringLiteral("status")).toString() == QStringLiteral("assigned") &&
            !a.value(QStringLiteral("phone_checkin"))
                 .toObject()
                 .value(QStringLiteral("required"))
                 .toBool())
            return a;
    }
    return {};
}

} // namespace

TEST_CASE("operations are applied once, the same batch again changes nothing", "[api][ops]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QJsonObject a = assignedDesktopAssignment(http, alex);
    REQUIRE_FALSE(a.isEmpty());
    const qint64 id = a.value(QStringLiteral("id")).toInteger();
    const QDateTime in = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QString logId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonArray batch{
        op(id, QStringLiteral("time_log.upsert"),
           {{QStringLiteral("id"), logId}, {QStringLiteral("check_in"), iso(in)}}),
        op(id, QStringLiteral("time_log.upsert"),
           {{QStringLiteral("id"), logId},
            {QStringLiteral("check_in"), iso(in)},
            {QStringLiteral("check_out"), iso(in.addSecs(1800))}})};
    const auto first = http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), batch}}, alex);
    REQUIRE(first.status == 200);
    const QJsonArray results = first.json.value(QStringLiteral("results")).toArray();
    REQUIRE(results.size() == 2);
    for (const QJsonValue &r : results)
        CHECK(r.toObject().value(QStringLiteral("status")).toString() == QStringLiteral("applied"));
    const QJsonObject after =
        results.last().toObject().value(QStringLiteral("assignment")).toObject();
    CHECK(after.value(QStringLiteral("status")).toString() == QStringLiteral("in_progress"));
    const QJsonArray logs = after.value(QStringLiteral("time_logs")).toArray();
    REQUIRE(logs.size() == 1);
    CHECK(logs.first().toObject().value(QStringLiteral("check_out")).toString() ==
          iso(in.addSecs(1800)));
    CHECK_FALSE(logs.first().toObject().value(QStringLiteral("edited")).toBool()); // a check-out is
                                                                                   // not an edit
    const qint64 rev = after.value(QStringLiteral("rev")).toInteger();

    const auto again = http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), batch}}, alex);
    REQUIRE(again.status == 200);
    for (const QJsonValue &r : again.json.value(QStringLiteral("results")).toArray())
        CHECK(r.toObject().value(QStringLiteral("status")).toString() ==
              QStringLiteral("duplicate"));
    const auto now = http.get(QStringLiteral("assignments/%1").arg(id), alex);
    CHECK(now.json.value(QStringLiteral("rev")).toInteger() == rev);
    CHECK(now.json.value(QStringLiteral("time_logs")).toArray().size() == 1);
}

TEST_CASE("bad time logs are refused with a reason and change nothing", "[api][ops]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QJsonObject a = assignedDesktopAssignment(http, alex);
    REQUIRE_FALSE(a.isEmpty());
    const qint64 id = a.value(QStringLiteral("id")).toInteger();
    const qint64 rev = a.value(QStringLiteral("rev")).toInteger();
    const QDateTime t = QDateTime::currentDateTimeUtc().addSecs(-7200);
    auto send = [&](const QJsonObject &o) {
        const auto r =
            http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), QJsonArray{o}}}, alex);
        REQUIRE(r.status == 200);
        return r.json.value(QStringLiteral("results")).toArray().first().toObject();
    };
    auto upsert = [&](const QDateTime &in, const QDateTime &out) {
        QJsonObject p{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                      {QStringLiteral("check_in"), iso(in)}};
        if (out.isValid())
            p.insert(QStringLiteral("check_out"), iso(out));
        return send(op(id, QStringLiteral("time_log.upsert"), p));
    };
    QJsonObject r = upsert(t, t.addSecs(-60));
    CHECK(r.value(QStringLiteral("status")).toString() == QStringLiteral("rejected"));
    CHECK(r.value(QStringLiteral("code")).toString() ==
          QStringLiteral("check_out_before_check_in"));
    CHECK(
        r.value(QStringLiteral("message")).toString().contains(QStringLiteral("before check-in")));
    r = upsert(QDateTime::currentDateTimeUtc().addSecs(3600), {});
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("in_future"));
    CHECK(r.value(QStringLiteral("message")).toString().contains(QStringLiteral("future")));
    r = send(op(id, QStringLiteral("time_log.upsert"),
                {{QStringLiteral("id"), QStringLiteral("x")},
                 {QStringLiteral("check_in"), QStringLiteral("yesterday")}}));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("invalid"));
    CHECK(r.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("check_in:")));
    r = send(op(id, QStringLiteral("time_log.delete"),
                {{QStringLiteral("id"), QStringLiteral("no-such-log")}}));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("not_found"));
    r = send(op(id, QStringLiteral("time_log.teleport"), {}));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("unknown_type"));
    // A 900,000-character visit id: refused by the shared rule, the document does not grow.
    const qint64 sizeBefore = http.get(QStringLiteral("assignments/%1").arg(id), alex).body.size();
    r = send(op(id, QStringLiteral("time_log.upsert"),
                {{QStringLiteral("id"), QString(900000, QLatin1Char('x'))},
                 {QStringLiteral("check_in"), iso(t)}}));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("invalid"));
    CHECK(r.value(QStringLiteral("message")).toString().contains(QStringLiteral("\"id\"")));
    CHECK(http.get(QStringLiteral("assignments/%1").arg(id), alex).body.size() == sizeBefore);
    // A 500,000-character type: refused before it is logged, and not echoed back.
    const auto longType = http.post(
        QStringLiteral("ops"),
        {{QStringLiteral("ops"), QJsonArray{op(id, QString(500000, QLatin1Char('t')), {})}}}, alex);
    REQUIRE(longType.status == 200);
    r = longType.json.value(QStringLiteral("results")).toArray().first().toObject();
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("invalid"));
    CHECK(r.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("type:")));
    CHECK(longType.body.size() < 4096);
    QJsonObject badId = op(id, QStringLiteral("schedule.confirm"), {});
    badId.insert(QStringLiteral("op_id"), QStringLiteral("not-a-uuid"));
    r = send(badId);
    CHECK(r.value(QStringLiteral("status")).toString() == QStringLiteral("rejected"));
    CHECK(r.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("op_id:")));
    CHECK(http.get(QStringLiteral("assignments/%1").arg(id), alex)
              .json.value(QStringLiteral("rev"))
              .toInteger() == rev);

    // Overlap: one visit in, then one inside it.
    r = upsert(t, t.addSecs(3600));
    REQUIRE(r.value(QStringLiteral("status")).toString() == QStringLiteral("applied"));
    r = upsert(t.addSecs(600), t.addSecs(1200));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("overlap"));
    CHECK(r.value(QStringLiteral("message")).toString().contains(QStringLiteral("overlaps")));

    const auto malformed =
        http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), QStringLiteral("x")}}, alex);
    CHECK(malformed.status == 400);
}

TEST_CASE("operations on another worker's assignment are refused as not found",
          "[api][ops][isolation]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QString blair = http.signIn(QStringLiteral("blair@demo.onsite"));
    const QJsonObject a = assignedDesktopAssignment(http, alex);
    const qint64 id = a.value(QStringLiteral("id")).toInteger();
    const auto r =
        http.post(QStringLiteral("ops"),
                  {{QStringLiteral("ops"),
                    QJsonArray{op(id, QStringLiteral("time_log.upsert"),
                                  {{QStringLiteral("id"), QStringLiteral("b1")},
                                   {QStringLiteral("check_in"),
                                    iso(QDateTime::currentDateTimeUtc().addSecs(-60))}})}}},
                  blair);
    REQUIRE(r.status == 200);
    const QJsonObject result = r.json.value(QStringLiteral("results")).toArray().first().toObject();
    CHECK(result.value(QStringLiteral("status")).toString() == QStringLiteral("rejected"));
    CHECK(result.value(QStringLiteral("code")).toString() == QStringLiteral("not_found"));
    CHECK_FALSE(result.contains(QStringLiteral("assignment")));
    CHECK(http.get(QStringLiteral("assignments/%1").arg(id), alex)
              .json.value(QStringLiteral("rev"))
              .toInteger() == a.value(QStringLiteral("rev")).toInteger());
}

TEST_CASE("phone check-in clients refuse desktop check-ins but allow corrections", "[api][ops]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const auto page = http.get(QStringLiteral("changes?since=0&limit=1000"), alex);
    QJsonObject phone;
    for (const QJsonValue &v : page.json.value(QStringLiteral("changes")).toArray())
        if (v.toObject()
                .value(QStringLiteral("phone_checkin"))
                .toObject()
                .value(QStringLiteral("required"))
                .toBool() &&
            v.toObject().value(QStringLiteral("status")).toString() ==
                QStringLiteral("in_progress") &&
            !v.toObject().value(QStringLiteral("time_logs")).toArray().isEmpty())
            phone = v.toObject();
    REQUIRE_FALSE(phone.isEmpty());
    const qint64 id = phone.value(QStringLiteral("id")).toInteger();
    const QJsonObject log = phone.value(QStringLiteral("time_logs")).toArray().first().toObject();
    auto send = [&](const QJsonObject &o) {
        return http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), QJsonArray{o}}}, alex)
            .json.value(QStringLiteral("results"))
            .toArray()
            .first()
            .toObject();
    };
    QJsonObject r =
        send(op(id, QStringLiteral("time_log.upsert"),
                {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                 {QStringLiteral("check_in"), iso(QDateTime::currentDateTimeUtc().addDays(-20))}}));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("phone_required"));
    CHECK(
        r.value(QStringLiteral("message")).toString().contains(QStringLiteral("+1 800 555 0142")));
    // Correcting the phone log's check-in time is allowed, marks it edited, and keeps history.
    const QDateTime in =
        QDateTime::fromString(log.value(QStringLiteral("check_in")).toString(), Qt::ISODate);
    r = send(op(id, QStringLiteral("time_log.upsert"),
                {{QStringLiteral("id"), log.value(QStringLiteral("id"))},
                 {QStringLiteral("check_in"), iso(in.addSecs(-300))},
                 {QStringLiteral("note"), QStringLiteral("phone line was busy")}}));
    REQUIRE(r.value(QStringLiteral("status")).toString() == QStringLiteral("applied"));
    const QJsonObject edited = r.value(QStringLiteral("assignment"))
                                   .toObject()
                                   .value(QStringLiteral("time_logs"))
                                   .toArray()
                                   .first()
                                   .toObject();
    CHECK(edited.value(QStringLiteral("edited")).toBool());
    CHECK(edited.value(QStringLiteral("source")).toString() == QStringLiteral("phone"));
    const auto history = http.get(QStringLiteral("company/assignments/%1/time_log_history").arg(id),
                                  server().companyToken());
    REQUIRE(history.status == 200);
    const QJsonArray h = history.json.value(QStringLiteral("history")).toArray();
    REQUIRE(h.size() == 1);
    CHECK(h.first()
              .toObject()
              .value(QStringLiteral("previous"))
              .toObject()
              .value(QStringLiteral("check_in"))
              .toString() == log.value(QStringLiteral("check_in")).toString());
}

namespace {

// The phone system's webhook, signed with `secret` at `ts`.
HttpClient::Reply phoneCall(const QByteArray &secret, qint64 ts, const QByteArray &payload)
{
    const QByteArray t = QByteArray::number(ts);
    HttpClient http(server().apiBase());
    return http.request("POST", QStringLiteral("phone/events"), payload, {},
                        {{"X-Onsite-Timestamp", t},
                         {"X-Onsite-Signature",
                          "sha256=" + QMessageAuthenticationCode::hash(t + '.' + payload, secret,
                                                                       QCryptographicHash::Sha256)
                                          .toHex()}});
}

QByteArray phoneEvent(qint64 id, const char *event, const QDateTime &at)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("call_id"), QUuid::createUuid().toString(QUuid::Id128)},
                           {QStringLiteral("assignment_id"), id},
                           {QStringLiteral("event"), QString::fromLatin1(event)},
                           {QStringLiteral("at"), iso(at)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

TEST_CASE("phone calls are recorded only when signed and recent, once per call", "[api][phone]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    qint64 id = 0;
    for (const QJsonValue &v : http.get(QStringLiteral("changes?since=0&limit=1000"), alex)
                                   .json.value(QStringLiteral("changes"))
                                   .toArray())
        if (!id &&
            v.toObject()
                .value(QStringLiteral("phone_checkin"))
                .toObject()
                .value(QStringLiteral("required"))
                .toBool() &&
            v.toObject().value(QStringLiteral("status")).toString() == QStringLiteral("assigned"))
            id = v.toObject().value(QStringLiteral("id")).toInteger();
    REQUIRE(id);
    const QString callId = QUuid::createUuid().toString(QUuid::Id128);
    const QByteArray body =
        QJsonDocument(
            QJsonObject{{QStringLiteral("call_id"), callId},
                        {QStringLiteral("assignment_id"), id},
                        {QStringLiteral("event"), QStringLiteral("check_in")},
                        {QStringLiteral("at"), iso(QDateTime::currentDateTimeUtc().addSecs(-30))}})
            .toJson(QJsonDocument::Compact);
    auto call = [](const QByteArray &secret, qint64 ts, const QByteArray &payload) {
        return phoneCall(secret, ts, payload).status;
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    CHECK(call("wrong-secret", now, body) == 401);
    CHECK(call("demo-phone-secret", now - 3600, body) == 401); // replayed an hour later
    QByteArray tampered = body;
    tampered.replace("check_in", "check_ot");
    CHECK(call("demo-phone-secret", now, tampered) != 200);
    auto phoneLogs = [&] {
        int n = 0;
        for (const QJsonValue &l : http.get(QStringLiteral("assignments/%1").arg(id), alex)
                                       .json.value(QStringLiteral("time_logs"))
                                       .toArray())
            n += l.toObject().value(QStringLiteral("source")).toString() == QStringLiteral("phone");
        return n;
    };
    CHECK(phoneLogs() == 0);
    CHECK(call("demo-phone-secret", now, body) == 200);
    CHECK(call("demo-phone-secret", now, body) == 200); // the phone system retried
    CHECK(phoneLogs() == 1);
    const QJsonObject doc = http.get(QStringLiteral("assignments/%1").arg(id), alex).json;
    CHECK(doc.value(QStringLiteral("status")).toString() == QStringLiteral("in_progress"));
    for (const QJsonValue &l : doc.value(QStringLiteral("labels")).toArray())
        CHECK(l.toObject().value(QStringLiteral("code")).toString() !=
              QStringLiteral("worker_late"));
}

TEST_CASE("sessions end after their idle and absolute lifetimes, and are cleaned up",
          "[api][sessions]")
{
    TestServer s;
    s.setExtraArguments({QStringLiteral("--session-idle-days"), QStringLiteral("2"),
                         QStringLiteral("--session-max-days"), QStringLiteral("10")});
    REQUIRE(s.start());
    HttpClient http(s.apiBase());
    constexpr qint64 kDay = 24LL * 3600 * 1000;
    auto age = [&s](const QString &email, const QString &column, qint64 ms) {
        const QVariant changed =
            s.sql(QStringLiteral("UPDATE sessions SET %1 = %1 - ? WHERE worker_id = "
                                 "(SELECT id FROM workers WHERE email = ?)")
                      .arg(column),
                  {ms, email});
        INFO(s.lastError().toStdString());
        REQUIRE(changed.toInt() == 1);
    };
    const QString alex = QStringLiteral("alex@demo.onsite");
    const QString blair = QStringLiteral("blair@demo.onsite");

    // Unused for 3 days with a 2-day idle lifetime: ended, and the answer says so.
    const QString idle = http.signIn(alex);
    REQUIRE(http.get(QStringLiteral("me"), idle).status == 200);
    age(alex, QStringLiteral("last_used_at"), 3 * kDay);
    const auto ended = http.get(QStringLiteral("me"), idle);
    CHECK(ended.status == 401);
    CHECK(ended.errorCode() == QStringLiteral("session_expired"));
    CHECK(ended.errorMessage().contains(QStringLiteral("sign in again")));
    CHECK(http.get(QStringLiteral("me"), idle).errorCode() == QStringLiteral("unauthorized"));

    // Used a day ago: still good, and the use is recorded (the idle clock starts again).
    const QString used = http.signIn(blair);
    age(blair, QStringLiteral("last_used_at"), kDay);
    CHECK(http.get(QStringLiteral("me"), used).status == 200);
    const qint64 lastUse =
        s.sql(QStringLiteral("SELECT last_used_at FROM sessions WHERE worker_id = "
                             "(SELECT id FROM workers WHERE email = ?)"),
              {blair})
            .toLongLong();
    CHECK(lastUse > QDateTime::currentMSecsSinceEpoch() - 60000);
    // Signed in 11 days ago with a 10-day absolute lifetime: ended however recently used.
    age(blair, QStringLiteral("created_at"), 11 * kDay);
    CHECK(http.get(QStringLiteral("me"), used).errorCode() == QStringLiteral("session_expired"));

    // Clean-up (at start and hourly) removes ended sessions nobody presents again, and sign-in
    // failures older than their window.
    http.signIn(alex);
    age(alex, QStringLiteral("last_used_at"), 3 * kDay);
    REQUIRE(
        s.sql(QStringLiteral("INSERT INTO signin_failures (key, at) VALUES (?, ?)"),
              {QStringLiteral("email:old@test.onsite"), QDateTime::currentMSecsSinceEpoch() - kDay})
            .isValid());
    REQUIRE(s.restart());
    auto count = [&s](const char *table) {
        return s.sql(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toInt();
    };
    for (int i = 0; i < 50 && (count("sessions") || count("signin_failures")); ++i)
        QTest::qWait(100); // the clean-up runs beside the first requests
    CHECK(count("sessions") == 0);
    CHECK(count("signin_failures") == 0);
}

TEST_CASE("a phone check-in follows the same visit rules as the desktop's", "[api][phone]")
{
    // A visit recorded from the desktop 10:00-11:00 (two and one hours ago); the phone system
    // then reports a check-in at 10:30. The applier refuses overlaps from any source.
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 me =
        http.get(QStringLiteral("me"), alex).json.value(QStringLiteral("id")).toInteger();
    const auto created = http.post(QStringLiteral("company/assignments"),
                                   assignmentInput(me, QStringLiteral("Phone and desk"), {}),
                                   server().companyToken());
    REQUIRE(created.status == 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto status = [&](const QJsonObject &operation) {
        return http
            .post(QStringLiteral("ops"), {{QStringLiteral("ops"), QJsonArray{operation}}}, alex)
            .json.value(QStringLiteral("results"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    };
    REQUIRE(status(op(id, QStringLiteral("time_log.upsert"),
                      {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                       {QStringLiteral("check_in"), iso(now.addSecs(-7200))},
                       {QStringLiteral("check_out"), iso(now.addSecs(-3600))}})) ==
            QStringLiteral("applied"));
    const qint64 ts = QDateTime::currentSecsSinceEpoch();
    const auto overlapping =
        phoneCall("demo-phone-secret", ts, phoneEvent(id, "check_in", now.addSecs(-5400)));
    CHECK(overlapping.status == 409);
    CHECK(overlapping.errorMessage().contains(QStringLiteral("overlaps the visit")));
    // After the desktop visit the call is a visit like any other; a second check-in while
    // checked in is refused the way the desktop's would be.
    CHECK(
        phoneCall("demo-phone-secret", ts, phoneEvent(id, "check_in", now.addSecs(-1800))).status ==
        200);
    const auto twice =
        phoneCall("demo-phone-secret", ts, phoneEvent(id, "check_in", now.addSecs(-600)));
    CHECK(twice.status == 409);
    CHECK(twice.errorMessage().contains(QStringLiteral("still checked in")));
    CHECK(
        phoneCall("demo-phone-secret", ts, phoneEvent(id, "check_out", now.addSecs(-60))).status ==
        200);
    int phone = 0, desktop = 0;
    for (const QJsonValue &l : http.get(QStringLiteral("assignments/%1").arg(id), alex)
                                   .json.value(QStringLiteral("time_logs"))
                                   .toArray()) {
        const QString source = l.toObject().value(QStringLiteral("source")).toString();
        phone += source == QStringLiteral("phone");
        desktop += source == QStringLiteral("desktop");
    }
    CHECK(phone == 1);
    CHECK(desktop == 1);
    // Nobody but the phone system makes phone operations.
    CHECK(status(op(id, QStringLiteral("phone.check_in"),
                    {{QStringLiteral("id"), QStringLiteral("x")},
                     {QStringLiteral("at"), iso(now)}})) == QStringLiteral("rejected"));
}
