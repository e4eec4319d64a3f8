// Uploads by tus (tests/server/UploadFixture.h): the protocol, chunk by chunk.

#include <catch2/catch.hpp>

#include "HttpClient.h"
#include "Sha256.h"
#include "TestServer.h"
#include "Tus.h"
#include "UploadFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>

using namespace onsite;
using namespace onsite::test;
using Reply = HttpClient::Reply;

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
    UploadFixture f;
    const QByteArray content = pngBytes(300 * 1024);
    const Reply created = f.create(QStringLiteral("../../etc/shelf 1.png"), content);
    REQUIRE(created.status == 201);
    CHECK(created.header("Upload-Offset") == "0");
    CHECK(created.header("Upload-Expires").endsWith("GMT"));
    const QString path = UploadFixture::path(created);
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
    UploadFixture f;
    const QByteArray content = pngBytes(20000);
    const QString path = UploadFixture::path(f.create(QStringLiteral("a.png"), content));
    REQUIRE(f.patch(path, 0, content.left(5000)).status == 204);
    const Reply again = f.patch(path, 0, content.left(5000));
    CHECK(again.status == 409);
    CHECK(again.errorCode() == QStringLiteral("offset_mismatch"));
    CHECK(f.patch(path, 7000, content.mid(7000, 100)).status == 409);
    CHECK(f.head(path).header("Upload-Offset") == "5000");
}

TEST_CASE("tus: checksum mismatch is 460 and the offset stays", "[tus]")
{
    UploadFixture f;
    const QByteArray content = pngBytes(20000);
    const QString path = UploadFixture::path(f.create(QStringLiteral("a.png"), content));
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
    UploadFixture f;
    const QByteArray content = pngBytes(20000);
    const QString path = UploadFixture::path(f.create(QStringLiteral("a.png"), content));
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
    UploadFixture f;
    const QByteArray content = pngBytes(1000);
    const QString path = UploadFixture::path(f.create(QStringLiteral("a.png"), content));
    const Reply r = f.http.request("HEAD", path, {}, f.token, {{"Tus-Resumable", "0.2.2"}});
    CHECK(r.status == 412);
    CHECK(r.header("Tus-Version") == "1.0.0");
    CHECK(f.http.request("HEAD", path, {}, f.token).status == 412);
    CHECK(f.head(path).status == 200);
}

TEST_CASE("tus: bad PATCH requests are refused and change nothing", "[tus]")
{
    UploadFixture f;
    const QByteArray content = pngBytes(20000);
    const QString path = UploadFixture::path(f.create(QStringLiteral("a.png"), content));
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
