#include <catch2/catch.hpp>

#include "RequestGate.h"

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
        chunk(3) + chunk(10) + "0\r\nX-Trailer: y\r\n\r\n" + "GET /api/v1/me HTTP/1.1\n\n";
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
    CHECK(verdict("POST /api/v1/ops HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n") ==
          Verdict::Pass);
    CHECK(verdict("POST /api/v1/ops HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") ==
          Verdict::Malformed);
    CHECK(verdict("POST /api/v1/ops HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") ==
          Verdict::Malformed);
    CHECK(verdict("GARBAGE\r\n\r\n") == Verdict::Malformed);
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
