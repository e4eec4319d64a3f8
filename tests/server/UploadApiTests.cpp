#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "Fixtures.h"
#include "HttpClient.h"
#include "Sha256.h"
#include "TestServer.h"
#include "Tus.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>
#include <memory>
#include <vector>

using namespace onsite;
using namespace onsite::test;
using Reply = HttpClient::Reply;

namespace {

TestServer &server()
{
    return TestServer::shared();
}

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = char(QRandomGenerator::global()->bounded(256));
    return b;
}

QByteArray pngBytes(int n)
{
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + randomBytes(n - 8);
}

// A fresh assignment of alex's with a photo requirement (2) and a sign-off sheet (1).
struct Fixture {
    TestServer &srv;
    HttpClient http{srv.apiBase()};
    QString token = http.signIn(QStringLiteral("alex@demo.onsite"));
    QString photoReq = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString signReq = QUuid::createUuid().toString(QUuid::WithoutBraces);
    qint64 assignment = 0;

    explicit Fixture(TestServer &on = server()) : srv(on)
    {
        const auto me = http.get(QStringLiteral("me"), token);
        const QJsonObject input = assignmentInput(
            me.json.value(QStringLiteral("id")).toInteger(),
            QStringLiteral("Photograph the shelves"),
            {requirement(photoReq, QStringLiteral("photo"), QStringLiteral("Shelves"), 2),
             requirement(signReq, QStringLiteral("sign_off"), QStringLiteral("Sheet"), 1)});
        const auto r = http.post(QStringLiteral("company/assignments"), input, srv.companyToken());
        REQUIRE(r.status == 201);
        assignment = r.json.value(QStringLiteral("id")).toInteger();
    }

    HttpClient::Headers tusHeaders(HttpClient::Headers more = {}) const
    {
        more.prepend({"Tus-Resumable", Tus::kVersion});
        return more;
    }

    Reply create(const QString &filename, const QByteArray &content,
                 QMap<QString, QString> meta = {})
    {
        meta.insert(QStringLiteral("assignment_id"), QString::number(assignment));
        if (!meta.contains(QStringLiteral("requirement_id")))
            meta.insert(QStringLiteral("requirement_id"), photoReq);
        if (!meta.contains(QStringLiteral("kind")))
            meta.insert(QStringLiteral("kind"), QStringLiteral("photo"));
        meta.insert(QStringLiteral("filename"), filename);
        if (!meta.contains(QStringLiteral("sha256")))
            meta.insert(QStringLiteral("sha256"), QString::fromLatin1(Sha256::hex(content)));
        return http.request("POST", QStringLiteral("uploads"), {}, token,
                            tusHeaders({{"Upload-Length", QByteArray::number(content.size())},
                                        {"Upload-Metadata", Tus::encodeMetadata(meta)}}));
    }

    static QString path(const Reply &created)
    {
        return QString::fromLatin1(created.header("Location")).mid(int(strlen("/api/v1/")));
    }

    Reply patch(const QString &path, qint64 offset, const QByteArray &chunk,
                const QByteArray &checksum = {}, const QString &as = {})
    {
        const QByteArray sum =
            checksum.isNull() ? "sha256 " + Sha256::hash(chunk).toBase64() : checksum;
        HttpClient::Headers h = tusHeaders({{"Content-Type", "application/offset+octet-stream"},
                                            {"Upload-Offset", QByteArray::number(offset)}});
        if (!sum.isEmpty())
            h.append({"Upload-Checksum", sum});
        return http.request("PATCH", path, chunk, as.isEmpty() ? token : as, h);
    }

    Reply head(const QString &path, const QString &as = {})
    {
        return http.request("HEAD", path, {}, as.isEmpty() ? token : as, tusHeaders());
    }

    // Sends content in chunks of `chunk` bytes; returns the last answer.
    Reply upload(const QString &path, const QByteArray &content, int chunk)
    {
        Reply last;
        for (int at = 0; at < content.size(); at += chunk) {
            last = patch(path, at, content.mid(at, chunk));
            if (last.status != 204)
                return last;
        }
        return last;
    }

    QJsonArray deliverables()
    {
        return http.get(QStringLiteral("assignments/%1").arg(assignment), token)
            .json.value(QStringLiteral("deliverables"))
            .toArray();
    }
};

int storedFileCount()
{
    int n = 0;
    QDirIterator it(server().filesDir() + QStringLiteral("/store"), QDir::Files);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("tus: OPTIONS announces version, extensions, sizes and checksums", "[tus]")
{
    HttpClient http(server().apiBase());
    const Reply r = http.request("OPTIONS", QStringLiteral("uploads"));
    CHECK(r.status == 204);
    CHECK(r.header("Tus-Version") == "1.0.0");
    CHECK(r.header("Tus-Resumable") == "1.0.0");
    const QList<QByteArray> ext = r.header("Tus-Extension").split(',');
    for (const char *e : {"creation", "checksum", "termination", "expiration"})
        CHECK(ext.contains(QByteArray(e)));
    CHECK(r.header("Tus-Checksum-Algorithm").split(',').contains("sha1"));
    CHECK(r.header("Tus-Checksum-Algorithm").split(',').contains("sha256"));
    CHECK(r.header("Tus-Max-Size").toLongLong() > 0);
    const qint64 chunk = r.header(Tus::kChunkSizeHeader).toLongLong();
    CHECK(chunk > 0);
    CHECK(chunk <= 8 * 1024 * 1024);
}

TEST_CASE("tus: a file sent in chunks becomes one deliverable with the same bytes", "[tus]")
{
    Fixture f;
    const QByteArray content = pngBytes(300 * 1024);
    const Reply created = f.create(QStringLiteral("../../etc/shelf 1.png"), content);
    REQUIRE(created.status == 201);
    CHECK(created.header("Upload-Offset") == "0");
    CHECK(created.header("Upload-Expires").endsWith("GMT"));
    const QString path = Fixture::path(created);
    REQUIRE(path.startsWith(QStringLiteral("uploads/")));

    const Reply last = f.upload(path, content, 64 * 1024);
    REQUIRE(last.status == 204);
    CHECK(last.header("Upload-Offset").toLongLong() == content.size());
    const QString deliverableId = QString::fromLatin1(last.header(Tus::kDeliverableHeader));
    CHECK_FALSE(deliverableId.isEmpty());

    const QJsonArray ds = f.deliverables();
    REQUIRE(ds.size() == 1);
    const QJsonObject d = ds.at(0).toObject();
    CHECK(d.value(QStringLiteral("id")).toString() == deliverableId);
    // The worker's name is kept without its path; the stored name is the server's own.
    CHECK(d.value(QStringLiteral("filename")).toString() == QStringLiteral("shelf 1.png"));
    CHECK(d.value(QStringLiteral("size")).toInteger() == content.size());
    CHECK(d.value(QStringLiteral("sha256")).toString() ==
          QString::fromLatin1(Sha256::hex(content)));
    CHECK_FALSE(QFile::exists(server().filesDir() + QStringLiteral("/../etc/shelf 1.png")));
    CHECK_FALSE(
        QDir(server().filesDir() + QStringLiteral("/store")).exists(QStringLiteral("shelf 1.png")));

    const Reply file = f.http.get(QStringLiteral("files/") + deliverableId, f.token);
    CHECK(file.status == 200);
    CHECK(file.body == content);
    CHECK(file.header("Content-Disposition").contains("shelf 1.png"));
    // HEAD after the end says so, and names the deliverable.
    const Reply head = f.head(path);
    CHECK(head.status == 200);
    CHECK(head.header("Upload-Offset") == QByteArray::number(content.size()));
    CHECK(head.header(Tus::kDeliverableHeader) == deliverableId.toLatin1());
}

TEST_CASE("tus: offset mismatch is 409 and changes nothing", "[tus]")
{
    Fixture f;
    const QByteArray content = pngBytes(20000);
    const QString path = Fixture::path(f.create(QStringLiteral("a.png"), content));
    REQUIRE(f.patch(path, 0, content.left(5000)).status == 204);
    const Reply again = f.patch(path, 0, content.left(5000));
    CHECK(again.status == 409);
    CHECK(again.errorCode() == QStringLiteral("offset_mismatch"));
    CHECK(f.patch(path, 7000, content.mid(7000, 100)).status == 409);
    CHECK(f.head(path).header("Upload-Offset") == "5000");
}

TEST_CASE("tus: checksum mismatch is 460 and the offset stays", "[tus]")
{
    Fixture f;
    const QByteArray content = pngBytes(20000);
    const QString path = Fixture::path(f.create(QStringLiteral("a.png"), content));
    REQUIRE(f.patch(path, 0, content.left(8000)).status == 204);
    const QByteArray wrong = "sha256 " + Sha256::hash("something else").toBase64();
    const Reply r = f.patch(path, 8000, content.mid(8000, 4000), wrong);
    CHECK(r.status == 460);
    CHECK(r.errorCode() == QStringLiteral("checksum_mismatch"));
    CHECK(f.head(path).header("Upload-Offset") == "8000");
    // sha1, which tus requires every server to know, is checked too.
    const QByteArray sha1 =
        "sha1 " +
        QCryptographicHash::hash(content.mid(8000, 4000), QCryptographicHash::Sha1).toBase64();
    CHECK(f.patch(path, 8000, content.mid(8000, 4000), "sha1 AAAA").status == 460);
    CHECK(f.patch(path, 8000, content.mid(8000, 4000), sha1).status == 204);
    CHECK(f.head(path).header("Upload-Offset") == "12000");
    CHECK(f.patch(path, 12000, content.mid(12000), "md5 AAAA").status == 400);
}

TEST_CASE("tus: a terminated upload is 404 and leaves no file", "[tus]")
{
    Fixture f;
    const QByteArray content = pngBytes(20000);
    const QString path = Fixture::path(f.create(QStringLiteral("a.png"), content));
    REQUIRE(f.patch(path, 0, content.left(8000)).status == 204);
    const QString partial =
        server().filesDir() + QStringLiteral("/partial/") + path.section(QLatin1Char('/'), 1);
    CHECK(QFile::exists(partial));
    const Reply del = f.http.request("DELETE", path, {}, f.token, f.tusHeaders());
    CHECK(del.status == 204);
    CHECK(f.head(path).status == 404);
    CHECK(f.patch(path, 8000, content.mid(8000)).status == 404);
    CHECK_FALSE(QFile::exists(partial));
    CHECK(f.deliverables().isEmpty());
}

TEST_CASE("tus: a request without Tus-Resumable 1.0.0 is 412", "[tus]")
{
    Fixture f;
    const QByteArray content = pngBytes(1000);
    const QString path = Fixture::path(f.create(QStringLiteral("a.png"), content));
    const Reply r = f.http.request("HEAD", path, {}, f.token, {{"Tus-Resumable", "0.2.2"}});
    CHECK(r.status == 412);
    CHECK(r.header("Tus-Version") == "1.0.0");
    CHECK(f.http.request("HEAD", path, {}, f.token).status == 412);
    CHECK(f.head(path).status == 200);
}

TEST_CASE("tus: bad PATCH requests are refused and change nothing", "[tus]")
{
    Fixture f;
    const QByteArray content = pngBytes(20000);
    const QString path = Fixture::path(f.create(QStringLiteral("a.png"), content));
    const Reply wrongType = f.http.request(
        "PATCH", path, content.left(100), f.token,
        f.tusHeaders({{"Content-Type", "application/json"}, {"Upload-Offset", "0"}}));
    CHECK(wrongType.status == 415);
    const Reply past = f.patch(path, 0, content + "more");
    CHECK(past.status == 400);
    CHECK(past.errorCode() == QStringLiteral("beyond_length"));
    const Reply tooBig = f.patch(path, 0, QByteArray(Tus::kMaxChunk + 1, 'x'), "");
    CHECK(tooBig.status == 413);
    CHECK(f.head(path).header("Upload-Offset") == "0");
}

TEST_CASE("tus: creation refuses what could never become a deliverable", "[tus]")
{
    Fixture f;
    const QByteArray png = pngBytes(1000);
    const Reply exe = f.create(QStringLiteral("setup.exe"), png);
    CHECK(exe.status == 415);
    CHECK(exe.errorCode() == QStringLiteral("format_not_accepted"));
    CHECK(exe.errorMessage().contains(QStringLiteral(".exe")));
    const Reply huge = f.http.request(
        "POST", QStringLiteral("uploads"), {}, f.token,
        f.tusHeaders(
            {{"Upload-Length", QByteArray::number(qint64(5) << 30)},
             {"Upload-Metadata",
              Tus::encodeMetadata({{QStringLiteral("assignment_id"), QString::number(f.assignment)},
                                   {QStringLiteral("kind"), QStringLiteral("photo")},
                                   {QStringLiteral("filename"), QStringLiteral("big.mp4")},
                                   {QStringLiteral("sha256"), QString(64, QLatin1Char('a'))}})}}));
    CHECK(huge.status == 413);
    const Reply wrongKind = f.create(QStringLiteral("a.png"), png,
                                     {{QStringLiteral("kind"), QStringLiteral("sign_off")}});
    CHECK(wrongKind.status == 400);
    const Reply noReq = f.create(QStringLiteral("a.png"), png,
                                 {{QStringLiteral("requirement_id"), QStringLiteral("nope")}});
    CHECK(noReq.status == 404);
    const Reply unknownKey =
        f.create(QStringLiteral("a.png"), png, {{QStringLiteral("colour"), QStringLiteral("red")}});
    CHECK(unknownKey.status == 400);
    const Reply noLength =
        f.http.request("POST", QStringLiteral("uploads"), {}, f.token, f.tusHeaders());
    CHECK(noLength.status == 400);

    // Someone else's assignment is as unknown as a made-up one.
    HttpClient other(server().apiBase());
    const QString blair = other.signIn(QStringLiteral("blair@demo.onsite"));
    const Reply notTheirs = f.http.request(
        "POST", QStringLiteral("uploads"), {}, blair,
        f.tusHeaders({{"Upload-Length", "1000"},
                      {"Upload-Metadata",
                       Tus::encodeMetadata(
                           {{QStringLiteral("assignment_id"), QString::number(f.assignment)},
                            {QStringLiteral("requirement_id"), f.photoReq},
                            {QStringLiteral("kind"), QStringLiteral("photo")},
                            {QStringLiteral("filename"), QStringLiteral("a.png")},
                            {QStringLiteral("sha256"), QString::fromLatin1(Sha256::hex(png))}})}}));
    CHECK(notTheirs.status == 404);
    CHECK(f.deliverables().isEmpty());
}

TEST_CASE("tus: a file named .pdf that is not a PDF is refused on its first bytes", "[tus]")
{
    Fixture f;
    const QByteArray content = "MZ\x90\x00" + randomBytes(5000);
    const Reply created = f.create(QStringLiteral("invoice.pdf"), content,
                                   {{QStringLiteral("requirement_id"), f.signReq},
                                    {QStringLiteral("kind"), QStringLiteral("sign_off")}});
    REQUIRE(created.status == 201);
    const QString path = Fixture::path(created);
    const Reply r = f.patch(path, 0, content);
    CHECK(r.status == 415);
    CHECK(r.errorCode() == QStringLiteral("content_mismatch"));
    CHECK(r.errorMessage().contains(QStringLiteral("program")));
    CHECK(f.head(path).status == 404);
    CHECK(f.deliverables().isEmpty());
}

TEST_CASE("tus: another worker's upload id is 404 for every method", "[tus]")
{
    Fixture f;
    const QByteArray content = pngBytes(20000);
    const QString path = Fixture::path(f.create(QStringLiteral("a.png"), content));
    REQUIRE(f.patch(path, 0, content.left(5000)).status == 204);
    HttpClient other(server().apiBase());
    const QString blair = other.signIn(QStringLiteral("blair@demo.onsite"));
    CHECK(f.head(path, blair).status == 404);
    CHECK(f.patch(path, 5000, content.mid(5000), {}, blair).status == 404);
    CHECK(f.http.request("DELETE", path, {}, blair, f.tusHeaders()).status == 404);
    CHECK(f.http.request("GET", path, {}, {}, f.tusHeaders()).status == 401);
    CHECK(f.head(path).header("Upload-Offset") == "5000");
    CHECK(f.head(QStringLiteral("uploads/0123456789abcdef0123456789abcdef")).status == 404);
    CHECK(f.head(QStringLiteral("uploads/..%2F..%2Fserver.sqlite")).status == 404);
}

TEST_CASE("tus: the same bytes for the same requirement are stored once", "[tus]")
{
    Fixture f;
    const QByteArray content = pngBytes(50000);
    const int before = storedFileCount();
    const QString first = Fixture::path(f.create(QStringLiteral("one.png"), content));
    REQUIRE(f.upload(first, content, 20000).status == 204);
    // A second upload of the same photo: the creation answer says it is already complete.
    const Reply again = f.create(QStringLiteral("one again.png"), content);
    REQUIRE(again.status == 201);
    CHECK(again.header("Upload-Offset") == QByteArray::number(content.size()));
    CHECK(f.head(Fixture::path(again)).header(Tus::kDeliverableHeader) ==
          f.deliverables().at(0).toObject().value(QStringLiteral("id")).toString().toLatin1());
    // Two uploads racing with the same bytes: still one deliverable, one file.
    const QByteArray other = pngBytes(30000);
    const QString a = Fixture::path(f.create(QStringLiteral("x.png"), other));
    const QString b = Fixture::path(f.create(QStringLiteral("y.png"), other));
    CHECK(f.upload(a, other, 30000).status == 204);
    CHECK(f.upload(b, other, 30000).status == 204);
    CHECK(f.deliverables().size() == 2);
    CHECK(storedFileCount() == before + 2);
}

TEST_CASE("tus: a whole file that does not match its announced SHA-256 starts over", "[tus]")
{
    Fixture f;
    const QByteArray content = pngBytes(20000);
    const Reply created =
        f.create(QStringLiteral("a.png"), content,
                 {{QStringLiteral("sha256"), QString::fromLatin1(Sha256::hex("other"))}});
    const QString path = Fixture::path(created);
    const Reply last = f.upload(path, content, 10000);
    CHECK(last.status == 460);
    CHECK(f.head(path).header("Upload-Offset") == "0");
    CHECK(f.deliverables().isEmpty());
}

TEST_CASE("tus: a closed assignment takes no uploads", "[tus]")
{
    Fixture f;
    const auto all = f.http.get(QStringLiteral("changes?since=0&limit=1000"), f.token);
    qint64 submitted = 0;
    for (const QJsonValue &v : all.json.value(QStringLiteral("changes")).toArray())
        if (v.toObject().value(QStringLiteral("status")).toString() == QStringLiteral("submitted"))
            submitted = v.toObject().value(QStringLiteral("id")).toInteger();
    REQUIRE(submitted > 0);
    const QByteArray png = pngBytes(1000);
    const Reply r = f.http.request(
        "POST", QStringLiteral("uploads"), {}, f.token,
        f.tusHeaders({{"Upload-Length", "1000"},
                      {"Upload-Metadata",
                       Tus::encodeMetadata(
                           {{QStringLiteral("assignment_id"), QString::number(submitted)},
                            {QStringLiteral("kind"), QStringLiteral("other")},
                            {QStringLiteral("filename"), QStringLiteral("a.png")},
                            {QStringLiteral("sha256"), QString::fromLatin1(Sha256::hex(png))}})}}));
    CHECK(r.status == 409);
    CHECK(r.errorCode() == QStringLiteral("read_only"));
}

TEST_CASE("tus: a removed deliverable leaves the document, the same bytes may come again", "[tus]")
{
    Fixture f;
    const QByteArray content = pngBytes(20000);
    const Reply last =
        f.upload(Fixture::path(f.create(QStringLiteral("a.png"), content)), content, 20000);
    REQUIRE(last.status == 204);
    const QString id = QString::fromLatin1(last.header(Tus::kDeliverableHeader));
    const QJsonObject op{
        {QStringLiteral("op_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("assignment_id"), f.assignment},
        {QStringLiteral("type"), QStringLiteral("deliverable.remove")},
        {QStringLiteral("payload"), QJsonObject{{QStringLiteral("id"), id}}},
        {QStringLiteral("created_at"), QStringLiteral("2026-01-01T00:00:00Z")}};
    const Reply r =
        f.http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), QJsonArray{op}}}, f.token);
    REQUIRE(r.status == 200);
    CHECK(r.json.value(QStringLiteral("results"))
              .toArray()
              .at(0)
              .toObject()
              .value(QStringLiteral("status"))
              .toString() == QStringLiteral("applied"));
    CHECK(f.deliverables().isEmpty());
    // Removing what is not there is refused with a reason.
    QJsonObject again = op;
    again.insert(QStringLiteral("op_id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    const Reply r2 =
        f.http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), QJsonArray{again}}}, f.token);
    CHECK(r2.json.value(QStringLiteral("results"))
              .toArray()
              .at(0)
              .toObject()
              .value(QStringLiteral("code"))
              .toString() == QStringLiteral("not_found"));
    // The same photo uploaded again is a new deliverable, not the removed one.
    const Reply back = f.create(QStringLiteral("a.png"), content);
    REQUIRE(back.status == 201);
    CHECK(back.header("Upload-Offset") == "0");
    CHECK(f.upload(Fixture::path(back), content, 20000).status == 204);
    CHECK(f.deliverables().size() == 1);
}

TEST_CASE("tus: chunks ahead of the offset wait without holding a handler, then apply in order",
          "[tus][early]")
{
    // Eight uploads each sent a chunk at offset 1 (their first byte never comes). The test
    // server runs 4 handler threads: a wait that held one would stall everyone else.
    Fixture f;
    const QByteArray content = pngBytes(20000);
    std::vector<std::unique_ptr<HttpClient>> clients;
    QList<QNetworkReply *> early;
    for (int i = 0; i < 8; ++i) {
        const QString path = Fixture::path(f.create(QStringLiteral("e%1.png").arg(i), content));
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
    const QString path = Fixture::path(f.create(QStringLiteral("order.png"), content));
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
    Fixture f(slow);
    const QByteArray content = pngBytes(20000);
    const QString path = Fixture::path(f.create(QStringLiteral("a.png"), content));
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
