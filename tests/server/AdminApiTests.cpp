// The server as its operator runs it: the admin commands, and behind its reverse proxy.

#include <catch2/catch.hpp>

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryFile>

using namespace onsite::test;

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
