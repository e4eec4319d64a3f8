// bench_malformed's case catalogue: raw HTTP garbage and odd framing, each on a connection of
// its own.

#include "MalformedGenerator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <cstring>

namespace bench {

MalformedCase MalformedGenerator::rawCase()
{
    const QByteArray tok = chance(50) ? "Authorization: Bearer " + m_w.worker + "\r\n" : "";
    const QByteArray ops =
        "POST /api/v1/ops HTTP/1.1\r\nHost: x\r\n" + tok + "Content-Type: application/json\r\n";
    const QByteArray opsBody = R"({"ops":[]})";
    const QByteArray chunked = ops + "Transfer-Encoding: chunked\r\n\r\n";
    QByteArray b;
    QByteArray label;
    switch (pick(14)) {
    case 0:
        label = "raw random bytes";
        b = randomBytes(1 + pick(3000)) + "\r\n\r\n";
        break;
    case 1:
        label = "raw random line";
        b = randomText(1 + pick(200), "abcdefghijklmnopqrstuvwxyz /:.?=&%") + "\r\n\r\n";
        break;
    case 2:
        label = "raw bad request line";
        b = any(QList<QByteArray>{"GET\r\n\r\n",
                                  "GET /api/v1/me\r\n\r\n",
                                  "GET /api/v1/me HTTP/9.9\r\n\r\n",
                                  "GET  /api/v1/me  HTTP/1.1\r\n\r\n",
                                  "GET /api/v1/me HTTP/1.1 x\r\n\r\n",
                                  "GET\t/api/v1/me\tHTTP/1.1\r\n\r\n",
                                  " GET /api/v1/me HTTP/1.1\r\n\r\n",
                                  "HTTP/1.1 200 OK\r\n\r\n",
                                  "GET /api/v1/me FOO/1.1\r\n\r\n",
                                  "GET /api/v1/me HTTP/1\r\n\r\n",
                                  "GET /api/v1/me http/1.1\r\n\r\n",
                                  "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                                  "GET * HTTP/1.1\r\n\r\n",
                                  "GET http://evil/api/v1/me HTTP/1.1\r\nHost: x\r\n\r\n",
                                  "GET /api/v1/me HTTP/1.0\r\n\r\n",
                                  "GET /api/v1/me HTTP/1.1\r\n\r\n\r\n\r\n",
                                  "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" +
                                      QByteArray(40, '\0') + "\r\n\r\n",
                                  "GET /" + randomText(70000) + " HTTP/1.1\r\n\r\n",
                                  "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                                  "Connection: Upgrade\r\n\r\n",
                                  "CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: x\r\n\r\n"});
        break;
    case 3:
        label = "raw bare LF";
        b = "GET /api/v1/me HTTP/1.1\nHost: x\n" + QByteArray(tok).replace("\r\n", "\n") + "\n";
        if (chance(50))
            b = "POST /api/v1/ops HTTP/1.1\nHost: x\n" + QByteArray(tok).replace("\r\n", "\n") +
                "Content-Length: " + QByteArray::number(opsBody.size()) + "\n\n" + opsBody;
        break;
    case 4:
        label = "raw bare CR in a header";
        b = "GET /api/v1/me HTTP/1.1\r\nHost: x\rX-Y: z\r\n" + tok + "\r\n";
        break;
    case 5:
        label = "raw Content-Length and Transfer-Encoding";
        b = ops + "Content-Length: " + QByteArray::number(opsBody.size()) +
            "\r\nTransfer-Encoding: chunked\r\n\r\n" + "a\r\n" + opsBody.left(10) + "\r\n0\r\n\r\n";
        break;
    case 6: {
        label = "raw chunked, bad size";
        const QByteArray size = any(
            QList<QByteArray>{"zz", "-1", "+5", "5 5", "ffffffffffffffffff", "", " ", "0x5", "5;",
                              "5;a=b", "5\t", "1" + QByteArray(20, '0'), "\xff", "FFFFFFFF"});
        b = chunked + size + "\r\nhello\r\n0\r\n\r\n";
        break;
    }
    case 7:
        label = "raw chunked, size and data disagree";
        b = chunked + any(QList<QByteArray>{"3\r\nhello\r\n0\r\n\r\n", "9\r\nhello\r\n0\r\n\r\n",
                                            "5\r\nhelloXX\r\n0\r\n\r\n", "5\r\nhello0\r\n\r\n"});
        break;
    case 8:
        label = "raw chunked, bare LF";
        b = chunked + any(QList<QByteArray>{"a\n" + opsBody.left(10) + "\n0\n\n",
                                            "a\r\n" + opsBody.left(10) + "\n0\r\n\r\n",
                                            "a\r\n" + opsBody.left(10) + "\r\n0\n\n",
                                            "a\r\n" + opsBody.left(10) + "\r\n0\r\n\n"});
        break;
    case 9:
        label = "raw chunked, trailers or extensions";
        b = chunked + "a;ext=\"x\"\r\n" + opsBody.left(10) + "\r\n0\r\n" +
            any(QList<QByteArray>{"X-T: y\r\n\r\n", "Content-Length: 5\r\n\r\n", "\r\n"});
        break;
    case 10: {
        label = "raw chunked, over the limit";
        b = chunked + QByteArray::number(kMaxJson + 1, 16) + "\r\n" + randomText(4000);
        break;
    }
    case 11: {
        label = "raw Content-Length variants";
        const QByteArray n = QByteArray::number(opsBody.size());
        b = ops +
            any(QList<QByteArray>{
                "Content-Length: " + n + "\r\nContent-Length: 99\r\n",
                "Content-Length: " + n + ", " + n + "\r\n", "Content-Length: +" + n + "\r\n",
                "Content-Length: -1\r\n", "Content-Length: 0x" + n + "\r\n", "Content-Length:\r\n",
                "Content-Length: abc\r\n", "Content-Length: 99999999999999999999\r\n",
                "Content-Length : " + n + "\r\n", "X: a\r\n Content-Length: " + n + "\r\n",
                "Content-Length: " + n + "\r\n \r\n"}) +
            "\r\n" + opsBody;
        break;
    }
    case 12: {
        label = "raw oversized or too many headers";
        switch (pick(3)) {
        case 0:
            b = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: " + randomText(70000) + "\r\n\r\n";
            break;
        case 1: {
            QByteArray h;
            for (int i = 0; i < 150 + pick(3000); ++i)
                h += "X-" + QByteArray::number(i) + ": y\r\n";
            b = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n" + tok + h + "\r\n";
            break;
        }
        default:
            b = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n" + tok + "X-Big: " + randomText(20000) +
                "\r\n\r\n";
            break;
        }
        break;
    }
    default:
        label = "raw header syntax";
        b = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n" + tok +
            any(QList<QByteArray>{
                "NoColon\r\n", ": empty-name\r\n", "Bad Name: x\r\n", "X: a\r\n  folded\r\n",
                QByteArray("Ho\0st: x\r\n", 10), "X-\xff: y\r\n", " Leading: space\r\n",
                "Authorization: Bearer " + m_w.worker + "\r\n :\r\n", "Expect: 100-continue\r\n"}) +
            "\r\n";
        break;
    }
    MalformedCase c;
    c.bytes = b;
    c.label = label;
    c.ownConnection = true;
    return c;
}

} // namespace bench
