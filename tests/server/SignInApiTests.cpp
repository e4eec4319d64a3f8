// The server API: what it keeps private (its files) and who gets in (sign-in, its limits).

#include <catch2/catch.hpp>

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <memory>
#include <vector>

using namespace onsite::test;

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
