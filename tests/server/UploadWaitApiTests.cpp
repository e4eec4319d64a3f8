// Uploads by tus: chunks that arrive early wait without holding a handler; idle timeouts.

#include <catch2/catch.hpp>

#include "HttpClient.h"
#include "TestServer.h"
#include "Tus.h"
#include "UploadFixture.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <vector>

using namespace onsite;
using namespace onsite::test;
using Reply = HttpClient::Reply;

TEST_CASE("tus: chunks ahead of the offset wait without holding a handler, then apply in order",
          "[tus][early]")
{
    // Eight uploads each sent a chunk at offset 1 (their first byte never comes). The test
    // server runs 4 handler threads: a wait that held one would stall everyone else.
    UploadFixture f;
    const QByteArray content = pngBytes(20000);
    std::vector<std::unique_ptr<HttpClient>> clients;
    QList<QNetworkReply *> early;
    for (int i = 0; i < 8; ++i) {
        const QString path =
            UploadFixture::path(f.create(QStringLiteral("e%1.png").arg(i), content));
        clients.push_back(std::make_unique<HttpClient>(server().apiBase()));
        early.append(
            clients.back()->send("PATCH", path, content.mid(1, 100), f.token,
                                 f.tusHeaders({{"Content-Type", "application/offset+octet-stream"},
                                               {"Upload-Offset", "1"}})));
    }
    QTest::qWait(300); // all eight have reached the server
    auto answered = [&early] {
        int n = 0;
        for (QNetworkReply *r : std::as_const(early))
            n += r->isFinished() ? 1 : 0;
        return n;
    };
    // Four of one worker's chunks may wait at a time; the others are answered at once.
    CHECK(answered() == 4);
    HttpClient other(server().apiBase());
    const QString blair = other.signIn(QStringLiteral("blair@demo.onsite"));
    CHECK(other.get(QStringLiteral("me"), blair).status == 200);
    CHECK(answered() == 4); // blair was served while the four still waited
    for (QNetworkReply *r : std::as_const(early)) {
        const Reply reply = HttpClient::collect(r);
        CHECK(reply.status == 409);
        CHECK(reply.errorCode() == QStringLiteral("offset_mismatch"));
    }

    // A chunk that overtakes the one before it is applied once that one is stored.
    const QString path = UploadFixture::path(f.create(QStringLiteral("order.png"), content));
    HttpClient second(server().apiBase());
    QNetworkReply *later =
        second.send("PATCH", path, content.mid(5000, 5000), f.token,
                    f.tusHeaders({{"Content-Type", "application/offset+octet-stream"},
                                  {"Upload-Offset", "5000"}}));
    QTest::qWait(200);
    CHECK_FALSE(later->isFinished());
    CHECK(f.patch(path, 0, content.left(5000)).status == 204);
    const Reply applied = HttpClient::collect(later);
    CHECK(applied.status == 204);
    CHECK(applied.header("Upload-Offset") == "10000");
    CHECK(f.patch(path, 10000, content.mid(10000)).status == 204);
    CHECK(f.head(path).header("Upload-Offset") == "20000");
}

TEST_CASE("an answer being worked on outlives the idle timeout, idle connections do not",
          "[tus][idle]")
{
    TestServer slow;
    slow.setExtraArguments({QStringLiteral("--idle-timeout"), QStringLiteral("1")});
    REQUIRE(slow.start());
    UploadFixture f(slow);
    const QByteArray content = pngBytes(20000);
    const QString path = UploadFixture::path(f.create(QStringLiteral("a.png"), content));
    // Waits 3 s for a chunk that never comes, on a server that closes idle connections
    // after 1 s: the answer still arrives.
    const Reply early = f.patch(path, 5000, content.mid(5000, 100));
    CHECK(early.status == 409);
    CHECK(f.patch(path, 0, content).status == 204);

    QTcpSocket idle;
    idle.connectToHost(slow.url().host(), quint16(slow.url().port()));
    REQUIRE(idle.waitForConnected(5000));
    QElapsedTimer t;
    t.start();
    CHECK(idle.waitForDisconnected(5000));
    CHECK(t.elapsed() >= 800);

    // Headers sent a line at a time, each within the timeout, are still cut at 1 s in all.
    QTcpSocket drip;
    drip.connectToHost(slow.url().host(), quint16(slow.url().port()));
    REQUIRE(drip.waitForConnected(5000));
    t.restart();
    drip.write("GET /api/v1/me HTTP/1.1\r\n");
    while (drip.state() == QAbstractSocket::ConnectedState && t.elapsed() < 5000) {
        drip.write("X-Drip: 1\r\n");
        drip.waitForDisconnected(200);
    }
    CHECK(drip.state() != QAbstractSocket::ConnectedState);
    CHECK(t.elapsed() < 3000);
    CHECK(drip.readAll().isEmpty());
}
