// Uploads by tus: what can never become a deliverable, whose uploads are whose, stored once.

#include <catch2/catch.hpp>

#include "HttpClient.h"
#include "Sha256.h"
#include "TestServer.h"
#include "Tus.h"
#include "UploadFixture.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QUuid>

using namespace onsite;
using namespace onsite::test;
using Reply = HttpClient::Reply;

namespace {

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

TEST_CASE("tus: creation refuses what could never become a deliverable", "[tus]")
{
    UploadFixture f;
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
    UploadFixture f;
    const QByteArray content = "MZ\x90\x00" + randomBytes(5000);
    const Reply created = f.create(QStringLiteral("invoice.pdf"), content,
                                   {{QStringLiteral("requirement_id"), f.signReq},
                                    {QStringLiteral("kind"), QStringLiteral("sign_off")}});
    REQUIRE(created.status == 201);
    const QString path = UploadFixture::path(created);
    const Reply r = f.patch(path, 0, content);
    CHECK(r.status == 415);
    CHECK(r.errorCode() == QStringLiteral("content_mismatch"));
    CHECK(r.errorMessage().contains(QStringLiteral("program")));
    CHECK(f.head(path).status == 404);
    CHECK(f.deliverables().isEmpty());
}

TEST_CASE("tus: another worker's upload id is 404 for every method", "[tus]")
{
    UploadFixture f;
    const QByteArray content = pngBytes(20000);
    const QString path = UploadFixture::path(f.create(QStringLiteral("a.png"), content));
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
    UploadFixture f;
    const QByteArray content = pngBytes(50000);
    const int before = storedFileCount();
    const QString first = UploadFixture::path(f.create(QStringLiteral("one.png"), content));
    REQUIRE(f.upload(first, content, 20000).status == 204);
    // A second upload of the same photo: the creation answer says it is already complete.
    const Reply again = f.create(QStringLiteral("one again.png"), content);
    REQUIRE(again.status == 201);
    CHECK(again.header("Upload-Offset") == QByteArray::number(content.size()));
    CHECK(f.head(UploadFixture::path(again)).header(Tus::kDeliverableHeader) ==
          f.deliverables().at(0).toObject().value(QStringLiteral("id")).toString().toLatin1());
    // Two uploads racing with the same bytes: still one deliverable, one file.
    const QByteArray other = pngBytes(30000);
    const QString a = UploadFixture::path(f.create(QStringLiteral("x.png"), other));
    const QString b = UploadFixture::path(f.create(QStringLiteral("y.png"), other));
    CHECK(f.upload(a, other, 30000).status == 204);
    CHECK(f.upload(b, other, 30000).status == 204);
    CHECK(f.deliverables().size() == 2);
    CHECK(storedFileCount() == before + 2);
}

TEST_CASE("tus: a whole file that does not match its announced SHA-256 starts over", "[tus]")
{
    UploadFixture f;
    const QByteArray content = pngBytes(20000);
    const Reply created =
        f.create(QStringLiteral("a.png"), content,
                 {{QStringLiteral("sha256"), QString::fromLatin1(Sha256::hex("other"))}});
    const QString path = UploadFixture::path(created);
    const Reply last = f.upload(path, content, 10000);
    CHECK(last.status == 460);
    CHECK(f.head(path).header("Upload-Offset") == "0");
    CHECK(f.deliverables().isEmpty());
}

TEST_CASE("tus: a closed assignment takes no uploads", "[tus]")
{
    UploadFixture f;
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
    UploadFixture f;
    const QByteArray content = pngBytes(20000);
    const Reply last =
        f.upload(UploadFixture::path(f.create(QStringLiteral("a.png"), content)), content, 20000);
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
    CHECK(f.upload(UploadFixture::path(back), content, 20000).status == 204);
    CHECK(f.deliverables().size() == 1);
}
