#include <catch2/catch.hpp>

#include "EarlyChunks.h"
#include "RequestGate.h"

#include <QStringList>
#include <QTest>

using onsite::server::EarlyChunks;
using onsite::server::RequestGate;
using Verdict = RequestGate::Verdict;

namespace {

// The limits the server uses: 8 MiB for upload chunks, 1 MiB for everything else.
RequestGate gate()
{
    return RequestGate([](QByteArrayView, QByteArrayView path) -> qint64 {
        return path.startsWith("/api/v1/uploads") ? 8 << 20 : 1 << 20;
    });
}

Verdict feedByteByByte(RequestGate &g, QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i)
        if (const Verdict v = g.feed(bytes.sliced(i, 1)); v != Verdict::Pass)
            return v;
    return Verdict::Pass;
}

QByteArray chunk(qint64 size)
{
    return QByteArray::number(size, 16) + "\r\n" + QByteArray(size, 'x') + "\r\n";
}

} // namespace

TEST_CASE("request gate: a declared length over the route's limit is refused at the headers",
          "[gate]")
{
    RequestGate g = gate();
    CHECK(g.feed("POST /api/v1/ops HTTP/1.1\r\nHost: x\r\nContent-Length: 2147483648\r\n\r\n") ==
          Verdict::TooLarge);
    CHECK(g.limit() == 1 << 20);
    RequestGate u = gate();
    CHECK(u.feed("PATCH /api/v1/uploads/abc HTTP/1.1\r\ncontent-length: 8388608\r\n\r\n") ==
          Verdict::Pass);
    CHECK(u.plainBodyLeft() == 8 << 20);
    RequestGate v = gate();
    CHECK(v.feed("PATCH /api/v1/uploads/abc HTTP/1.1\r\ncontent-length: 8388609\r\n\r\n") ==
          Verdict::TooLarge);
}

TEST_CASE("request gate: requests one after another are followed, split anywhere", "[gate]")
{
    const QByteArray stream =
        "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n\r\n"
        "POST /api/v1/ops?x=1 HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
        "\r\nPATCH /api/v1/uploads/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" +
        chunk(3) + chunk(10) + "0\r\n\r\n" + "GET /api/v1/me HTTP/1.1\r\n\r\n";
    RequestGate whole = gate();
    CHECK(whole.feed(stream) == Verdict::Pass);
    CHECK(whole.completed() == 4);
    CHECK(whole.idle());
    RequestGate bytes = gate();
    CHECK(feedByteByByte(bytes, stream) == Verdict::Pass);
    CHECK(bytes.completed() == 4);
    RequestGate part = gate();
    CHECK(part.feed(stream.left(60)) == Verdict::Pass);
    CHECK(part.completed() == 1);
    CHECK_FALSE(part.idle());
}

TEST_CASE("request gate: a chunked body is refused once it passes the limit", "[gate]")
{
    RequestGate g = gate();
    REQUIRE(g.feed("POST /api/v1/ops HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") ==
            Verdict::Pass);
    Verdict v = Verdict::Pass;
    int chunks = 0;
    while (v == Verdict::Pass && chunks < 100) {
        v = g.feed(chunk(64 * 1024));
        ++chunks;
    }
    CHECK(v == Verdict::TooLarge);
    CHECK(chunks == 17); // 16 x 64 KiB is the 1 MiB allowed
    RequestGate big = gate();
    CHECK(big.feed("PATCH /api/v1/uploads/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                   "80000000\r\n") == Verdict::TooLarge);
}

TEST_CASE("request gate: ambiguous or broken framing is refused", "[gate]")
{
    auto verdict = [](const QByteArray &bytes) {
        RequestGate g = gate();
        return g.feed(bytes);
    };
    // Both framings: the way requests are smuggled past proxies.
    CHECK(verdict("POST /api/v1/ops HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: "
                  "chunked\r\n\r\n") == Verdict::Malformed);
    CHECK(verdict("POST /api/v1/ops HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n") ==
          Verdict::Malformed);
    CHECK(verdict("POST /api/v1/ops HTTP/1.1\r\nContent-Length: -1\r\n\r\n") == Verdict::Malformed);
    CHECK(verdict("POST /api/v1/ops HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") ==
          Verdict::Malformed);
    CHECK(verdict("POST /api/v1/ops HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") ==
          Verdict::Malformed);
    CHECK(verdict("GARBAGE\r\n\r\n") == Verdict::Malformed);
}

TEST_CASE("request gate: every form two parsers could frame differently is refused", "[gate]")
{
    // What the server's own parser would read otherwise than the gate (a hang, two answers to
    // one request, a request smuggled inside another): 400 before it gets there.
    auto verdict = [](const QByteArray &bytes) {
        RequestGate g = gate();
        const Verdict whole = g.feed(bytes);
        RequestGate h = gate();
        CHECK(feedByteByByte(h, bytes) == whole); // however the bytes arrive
        return whole;
    };
    const QByteArray ops = "POST /api/v1/ops HTTP/1.1\r\n";
    const QByteArray chunked = ops + "Transfer-Encoding: chunked\r\n\r\n";
    const QByteArray body = "a\r\n{\"ops\":[]}\r\n";
    CHECK(verdict(chunked + body + "0\r\n\r\n") == Verdict::Pass);
    // Line ends in a body are the body's own business.
    CHECK(verdict(ops + "Content-Length: 6\r\n\r\n{\n}\n\n\n") == Verdict::Pass);
    CHECK(verdict(chunked + "4\r\n{\n}\n\r\n0\r\n\r\n") == Verdict::Pass);
    // Bare LF line ends: in the chunk framing, in the headers, between requests.
    CHECK(verdict(chunked + "a\r\n{\"ops\":[]}\r\n0\n\n") == Verdict::Malformed);
    CHECK(verdict(chunked + "a\n{\"ops\":[]}\r\n0\r\n\r\n") == Verdict::Malformed);
    CHECK(verdict(chunked + "a\r\n{\"ops\":[]}\n0\r\n\r\n") == Verdict::Malformed);
    CHECK(verdict("GET /api/v1/me HTTP/1.1\nHost: x\n\n") == Verdict::Malformed);
    CHECK(verdict("GET /api/v1/me HTTP/1.1\r\nHost: x\n\r\n") == Verdict::Malformed);
    CHECK(verdict("\nGET /api/v1/me HTTP/1.1\r\n\r\n") == Verdict::Malformed);
    CHECK(verdict("GET /api/v1/me HTTP/1.1\r\nHost: x\ry\r\n\r\n") == Verdict::Malformed);
    // Trailers and chunk extensions.
    CHECK(verdict(chunked + body + "0\r\nX-T: y\r\n\r\n") == Verdict::Malformed);
    CHECK(verdict(chunked + "a;ext=\"x\"\r\n{\"ops\":[]}\r\n0\r\n\r\n") == Verdict::Malformed);
    CHECK(verdict(chunked + "a \r\n{\"ops\":[]}\r\n0\r\n\r\n") == Verdict::Malformed);
    // Content-Length repeated, listed, spaced before the colon; folded headers.
    CHECK(verdict(ops + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}") == Verdict::Malformed);
    CHECK(verdict(ops + "Content-Length: 2, 2\r\n\r\n{}") == Verdict::Malformed);
    CHECK(verdict(ops + "Content-Length : 2\r\n\r\n{}") == Verdict::Malformed);
    CHECK(verdict(ops + "Content-Length: +2\r\n\r\n{}") == Verdict::Malformed);
    CHECK(verdict(ops + "X-A: b\r\n Content-Length: 2\r\n\r\n{}") == Verdict::Malformed);
    CHECK(verdict(ops + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n") ==
          Verdict::Malformed);
    CHECK(verdict(ops + "Transfer-Encoding: gzip, chunked\r\n\r\n") == Verdict::Malformed);
    // Control bytes, HTTP versions other than 1.0 and 1.1, more header fields than allowed.
    CHECK(verdict(QByteArray("GET /api/v1/me HTTP/1.1\r\nX-A: b") + '\0' + "c\r\n\r\n") ==
          Verdict::Malformed);
    CHECK(verdict("GET /api/v1/me HTTP/2.0\r\n\r\n") == Verdict::Malformed);
    CHECK(verdict("GET  /api/v1/me HTTP/1.1\r\n\r\n") == Verdict::Malformed);
    QByteArray many = "GET /api/v1/me HTTP/1.1\r\n";
    for (int i = 0; i < 64; ++i)
        many += "X-H" + QByteArray::number(i) + ": v\r\n";
    CHECK(verdict(many + "\r\n") == Verdict::Pass);
    CHECK(verdict(many + "X-One-More: v\r\n\r\n") == Verdict::HeadersTooLarge);
    RequestGate head = gate();
    CHECK(head.feed("HEAD /api/v1/me HTTP/1.1\r\nX-A: b\nc\r\n\r\n") == Verdict::Malformed);
    CHECK(head.isHead());
    // Empty lines between requests are still fine.
    RequestGate g = gate();
    CHECK(g.feed("GET /a HTTP/1.1\r\n\r\n\r\n\r\nGET /b HTTP/1.1\r\n\r\n") == Verdict::Pass);
    CHECK(g.completed() == 2);
}

TEST_CASE("request gate: headers may not grow without end", "[gate]")
{
    RequestGate g = gate();
    CHECK(g.feed("GET /api/v1/me HTTP/1.1\r\n") == Verdict::Pass);
    Verdict v = Verdict::Pass;
    for (int i = 0; i < 2000 && v == Verdict::Pass; ++i)
        v = g.feed("X-Filler: 0123456789012345678901234567890123456789\r\n");
    CHECK(v == Verdict::HeadersTooLarge);
    CHECK(g.inHeaders());
}

TEST_CASE("early chunks: room is counted per worker, and a stored chunk wakes only its upload's",
          "[early]")
{
    EarlyChunks early;
    QStringList events;
    auto wait = [&](const QString &upload, qint64 worker, qint64 waitedMs = 0) {
        const QString name = QStringLiteral("%1/%2").arg(worker).arg(upload);
        return early.wait(
            upload, worker, waitedMs,
            [&events, name] { events << QStringLiteral("retry ") + name; },
            [&events, name] { events << QStringLiteral("gave up ") + name; });
    };
    // Worker 1 fills its room (whatever tokens its PATCHes came with); worker 2 still has its own.
    for (int i = 0; i < EarlyChunks::kPerWorker; ++i)
        CHECK(wait(QStringLiteral("a%1").arg(i), 1));
    CHECK_FALSE(wait(QStringLiteral("a9"), 1));
    CHECK(early.waitingOf(1) == EarlyChunks::kPerWorker);
    CHECK(wait(QStringLiteral("b"), 2, EarlyChunks::kWaitMs - 50));
    CHECK(early.waitingOf(2) == 1);
    CHECK_FALSE(wait(QStringLiteral("c"), 0)); // no worker: never held

    // A chunk stored for worker 2's upload wakes nothing of worker 1's, and the reverse.
    early.stored(QStringLiteral("b"));
    CHECK(events == QStringList{QStringLiteral("retry 2/b")});
    CHECK(early.waitingOf(1) == EarlyChunks::kPerWorker);
    CHECK(wait(QStringLiteral("b"), 2, EarlyChunks::kWaitMs - 50));
    early.stored(QStringLiteral("a1"));
    CHECK(events.last() == QStringLiteral("retry 1/a1"));
    CHECK(early.waitingOf(1) == EarlyChunks::kPerWorker - 1);
    CHECK(early.waitingOf(2) == 1);

    // Worker 2's time runs out on its own; worker 1's chunks keep waiting.
    QTest::qWait(300);
    CHECK(events.last() == QStringLiteral("gave up 2/b"));
    CHECK(early.waitingOf(2) == 0);
    CHECK(early.waitingOf(1) == EarlyChunks::kPerWorker - 1);
    CHECK(early.waiting() == EarlyChunks::kPerWorker - 1);
}
