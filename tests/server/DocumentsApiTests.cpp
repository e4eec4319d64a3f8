#include <catch2/catch.hpp>

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "TestUtil.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <memory>
#include <vector>

using namespace onsite::test;

// Documents from the client (issue 14 §2): the company attaches a file as the request body,
// checked like a deliverable; the assignment document lists it; GET /files/{id} serves it to
// that assignment's worker and company only, whole or from a byte on (a resumed download).
namespace {

QString path(qint64 id)
{
    return QStringLiteral("company/assignments/%1/documents").arg(id);
}

QByteArray pdf(const QByteArray &text)
{
    return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% " + text + "\ntrailer\n%%EOF\n";
}

HttpClient::Reply attach(HttpClient &http, qint64 id, const QByteArray &disposition,
                         const QByteArray &body, const QString &token)
{
    HttpClient::Headers headers{{"Content-Type", "application/octet-stream"}};
    if (!disposition.isEmpty())
        headers.append({"Content-Disposition", disposition});
    return http.request("POST", path(id), body, token, headers);
}

QJsonArray workerDocuments(HttpClient &http, qint64 id, const QString &token)
{
    return http.get(QStringLiteral("assignments/%1").arg(id), token)
        .json.value(QStringLiteral("documents"))
        .toArray();
}

qint64 newAssignment(HttpClient &http, const QString &alex, const QString &title)
{
    const qint64 me = http.get(QStringLiteral("me"), alex).json.value("id").toInteger();
    const auto created = http.post(QStringLiteral("company/assignments"),
                                   assignmentInput(me, title, {}), server().companyToken());
    REQUIRE(created.status == 201);
    return created.json.value(QStringLiteral("id")).toInteger();
}

} // namespace

TEST_CASE("the company attaches a document once and the worker downloads it, whole or resumed",
          "[api][documents]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 id = newAssignment(http, alex, QStringLiteral("Documents test"));
    const QByteArray bytes = pdf(QByteArray(3000, 'w'));

    const auto added = attach(http, id, "attachment; filename=\"work order.pdf\"", bytes, company);
    REQUIRE(added.status == 201);
    const QString docId = added.json.value(QStringLiteral("id")).toString();
    CHECK(added.json.value(QStringLiteral("filename")).toString() ==
          QStringLiteral("work order.pdf"));
    CHECK(added.json.value(QStringLiteral("size")).toInteger() == bytes.size());
    CHECK(added.json.value(QStringLiteral("sha256")).toString().toLatin1() ==
          QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    // A retry (the company's answer was lost) stores nothing new.
    const auto again = attach(http, id, "attachment; filename=\"work order.pdf\"", bytes, company);
    CHECK(again.status == 200);
    CHECK(again.json.value(QStringLiteral("id")).toString() == docId);

    // The worker's document lists it; the file is the bytes attached.
    const QJsonArray listed = workerDocuments(http, id, alex);
    REQUIRE(listed.size() == 1);
    const QJsonObject entry = listed.first().toObject();
    CHECK(entry.value(QStringLiteral("id")).toString() == docId);
    CHECK(entry.value(QStringLiteral("size")).toInteger() == bytes.size());
    CHECK(!entry.value(QStringLiteral("added_at")).toString().isEmpty());
    const auto whole = http.get(QStringLiteral("files/") + docId, alex);
    CHECK(whole.status == 200);
    CHECK(whole.body == bytes);
    CHECK(whole.header("Accept-Ranges") == "bytes");
    CHECK(whole.header("X-Content-Type-Options") == "nosniff");

    // A cut download goes on from the byte it reached.
    const auto rest =
        http.request("GET", QStringLiteral("files/") + docId, {}, alex, {{"Range", "bytes=1000-"}});
    CHECK(rest.status == 206);
    CHECK(rest.body == bytes.mid(1000));
    CHECK(rest.header("Content-Range") == "bytes 1000-" + QByteArray::number(bytes.size() - 1) +
                                              '/' + QByteArray::number(bytes.size()));
    const auto past = http.request("GET", QStringLiteral("files/") + docId, {}, alex,
                                   {{"Range", "bytes=" + QByteArray::number(bytes.size()) + "-"}});
    CHECK(past.status == 416);
    const auto beyond = http.request("GET", QStringLiteral("files/") + docId, {}, alex,
                                     {{"Range", "bytes=99999999999999999999-"}});
    CHECK(beyond.status == 416);
    const auto clamped = http.request("GET", QStringLiteral("files/") + docId, {}, alex,
                                      {{"Range", "bytes=0-99999999999999999999"}});
    CHECK(clamped.status == 206);
    CHECK(clamped.body == bytes);

    // The company reads its list; names in RFC 6266's UTF-8 form are kept as written.
    const auto utf8 = attach(http, id, "attachment; filename*=UTF-8''plan%20%C3%A9tage%202.pdf",
                             pdf("floor 2"), company);
    CHECK(utf8.status == 201);
    CHECK(utf8.json.value(QStringLiteral("filename")).toString() ==
          QStringLiteral("plan étage 2.pdf"));
    // A semicolon inside the quotes is part of the name.
    const auto semicolon =
        attach(http, id, "attachment; filename=\"notes; floor 3.pdf\"", pdf("floor 3"), company);
    CHECK(semicolon.status == 201);
    CHECK(semicolon.json.value(QStringLiteral("filename")).toString() ==
          QStringLiteral("notes; floor 3.pdf"));
    CHECK(http.get(path(id), company).json.value(QStringLiteral("documents")).toArray().size() ==
          3);
}

TEST_CASE("a refused document changes nothing and says why", "[api][documents]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 id = newAssignment(http, alex, QStringLiteral("Refused documents"));
    const qint64 rev = http.get(QStringLiteral("assignments/%1").arg(id), alex)
                           .json.value(QStringLiteral("rev"))
                           .toInteger();
    const QByteArray png = QByteArray("\x89PNG\r\n\x1A\n", 8) + QByteArray(200, 'p');

    struct Case {
        QByteArray disposition;
        QByteArray body;
        int status;
        QString code;
    };
    const QList<Case> cases{
        {"attachment; filename=\"../../etc/passwd.pdf\"", pdf("x"), 400, "bad_name"},
        {"attachment; filename=\"C:\\\\temp\\\\a.pdf\"", pdf("x"), 400, "bad_name"},
        {"attachment; filename=\"photo.pdf\"", png, 415, "content_mismatch"},
        {"attachment; filename=\"tool.exe\"", "MZ\x90\x00", 415, "format_not_accepted"},
        {"attachment; filename=\"empty.pdf\"", {}, 400, "empty"},
        {{}, pdf("x"), 400, "bad_request"},
        {"inline", pdf("x"), 400, "bad_request"},
        {"attachment; filename*=UTF-8''a%FFb.pdf", pdf("x"), 400, "bad_name"},
    };
    for (const Case &c : cases) {
        INFO(c.disposition.toStdString());
        const auto r = attach(http, id, c.disposition, c.body, company);
        CHECK(r.status == c.status);
        CHECK(r.errorCode() == c.code);
        CHECK(!r.errorMessage().isEmpty());
    }
    const auto doc = http.get(QStringLiteral("assignments/%1").arg(id), alex).json;
    CHECK(doc.value(QStringLiteral("documents")).toArray().isEmpty());
    CHECK(doc.value(QStringLiteral("rev")).toInteger() == rev);

    // The list is the server's: the company cannot write it as a field, nor delete a file.
    CHECK(http.patch(QStringLiteral("company/assignments/%1").arg(id),
                     {{QStringLiteral("documents"), QJsonArray()}}, company)
              .status == 400);
    CHECK(http.request("DELETE", path(id), {}, company).status == 405);
}

TEST_CASE("another company's or worker's documents are not found, and admin attaches files",
          "[api][documents][isolation]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 id = newAssignment(http, alex, QStringLiteral("Private documents"));
    const auto added =
        attach(http, id, "attachment; filename=\"private.pdf\"", pdf("secret"), company);
    REQUIRE(added.status == 201);
    const QString docId = added.json.value(QStringLiteral("id")).toString();

    QString other;
    const QString otherToken = otherCompanyToken(QStringLiteral("Other Docs Co"), &other);
    CHECK(http.get(path(id), otherToken).status == 404);
    CHECK(attach(http, id, "attachment; filename=\"x.pdf\"", pdf("x"), otherToken).status == 404);
    CHECK(http.get(QStringLiteral("files/") + docId, otherToken).status == 404);
    const QString blair = http.signIn(QStringLiteral("blair@demo.onsite"));
    CHECK(http.get(QStringLiteral("files/") + docId, blair).status == 404);
    CHECK(http.request("GET", QStringLiteral("files/") + docId, {}, blair, {{"Range", "bytes=0-"}})
              .status == 404);
    CHECK(http.get(QStringLiteral("files/") + docId, company).status == 200);

    // The company's operator attaches from the command line; the worker can fetch it.
    const qint64 companyId = http.get(QStringLiteral("assignments/%1").arg(id), alex)
                                 .json.value(QStringLiteral("company"))
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toInteger();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("parts list.pdf"));
    const QByteArray parts = pdf("2 x bracket, 8 x M6 bolt");
    REQUIRE(writeFile(file, parts));
    int rc = -1;
    const QString out = server().admin(
        {QStringLiteral("attach"), QString::number(companyId), QString::number(id), file}, &rc);
    CHECK(rc == 0);
    CHECK(out.contains(QStringLiteral("attached")));
    const QJsonArray listed = workerDocuments(http, id, alex);
    REQUIRE(listed.size() == 2);
    const QString partsId = listed.at(1).toObject().value(QStringLiteral("id")).toString();
    CHECK(listed.at(1).toObject().value(QStringLiteral("filename")).toString() ==
          QStringLiteral("parts list.pdf"));
    CHECK(http.get(QStringLiteral("files/") + partsId, alex).body == parts);
    server().admin({QStringLiteral("attach"), other, QString::number(id), file}, &rc);
    CHECK(rc != 0); // not that company's assignment
    CHECK(workerDocuments(http, id, alex).size() == 2);
}

TEST_CASE("only a few document bodies are read at once, whoever sends them", "[api][documents]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 id = newAssignment(http, alex, QStringLiteral("Busy documents"));
    const QUrl base = server().apiBase();
    // Six clients, no token, each starting a 50 MB body and then sending nothing more: four
    // are taken, whichever came first, and two are told to come back.
    std::vector<std::unique_ptr<QTcpSocket>> holders;
    for (int i = 0; i < 6; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(base.host(), quint16(base.port()));
        REQUIRE(s->waitForConnected(5000));
        s->write("POST /api/v1/company/assignments/" + QByteArray::number(id) +
                 "/documents HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n" +
                 QByteArray(1000, 'x'));
        REQUIRE(s->waitForBytesWritten(5000));
        holders.push_back(std::move(s));
    }
    std::vector<QByteArray> answers(holders.size());
    const auto refused = [&] {
        int n = 0;
        for (size_t i = 0; i < holders.size(); ++i) {
            answers[i] += holders[i]->readAll();
            n += answers[i].startsWith("HTTP/1.1 503") ? 1 : 0;
        }
        return n;
    };
    REQUIRE(waitFor([&] { return refused() == 2; }, 30000));
    const size_t held = answers[0].isEmpty() ? 0 : answers[1].isEmpty() ? 1 : 2;
    // Another, however valid, is told to come back too, before its body is read.
    const auto busy = attach(http, id, "attachment; filename=\"a.pdf\"", pdf("a"), company);
    CHECK(busy.status == 503);
    CHECK(busy.header("Retry-After") == "1");
    CHECK(busy.errorMessage().contains(QStringLiteral("documents")));
    // Other routes are not held up.
    CHECK(http.get(QStringLiteral("me"), alex).status == 200);
    // One of the four gives up: there is room again.
    holders[held]->abort();
    REQUIRE(waitFor(
        [&] {
            return attach(http, id, "attachment; filename=\"a.pdf\"", pdf("a"), company).status ==
                   201;
        },
        30000));
    CHECK(workerDocuments(http, id, alex).size() == 1);
}

TEST_CASE("answers pipelined behind a download come in order, after the file's last byte",
          "[api][documents]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 id = newAssignment(http, alex, QStringLiteral("Pipelined"));
    const QByteArray bytes = pdf(QByteArray(3 * 1024 * 1024, 'z')); // past the socket's buffer
    const auto added = attach(http, id, "attachment; filename=\"big.pdf\"", bytes, company);
    REQUIRE(added.status == 201);
    const QByteArray docId = added.json.value(QStringLiteral("id")).toString().toLatin1();

    QTcpSocket s;
    const QUrl base = server().apiBase();
    s.connectToHost(base.host(), quint16(base.port()));
    REQUIRE(s.waitForConnected(5000));
    const QByteArray auth = "Authorization: Bearer " + alex.toLatin1() + "\r\n";
    s.write("GET /api/v1/files/" + docId + " HTTP/1.1\r\nHost: x\r\n" + auth +
            "\r\nGET /api/v1/me HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
    QByteArray got;
    const qsizetype headEnd = [&] {
        waitFor([&] {
            got += s.readAll();
            return got.indexOf("\r\n\r\n") > 0;
        });
        return got.indexOf("\r\n\r\n") + 4;
    }();
    REQUIRE(headEnd > 4);
    CHECK(got.startsWith("HTTP/1.1 200"));
    // The file, whole, then the second answer.
    REQUIRE(waitFor(
        [&] {
            got += s.readAll();
            return got.size() >= headEnd + bytes.size() &&
                   got.indexOf("\r\n\r\n", headEnd + bytes.size()) > 0;
        },
        30000));
    CHECK(got.mid(headEnd, bytes.size()) == bytes);
    CHECK(got.mid(headEnd + bytes.size()).startsWith("HTTP/1.1 200"));
}

TEST_CASE("a URL cannot write a line of its own into the access log", "[api][documents]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QString forged = QStringLiteral("2026-12-03T19:50:00.000Z 203.0.113.9 POST "
                                          "/api/v1/session 200 42 1.0ms");
    const auto r = http.get(
        QStringLiteral("files/x%0A") + QString::fromLatin1(QUrl::toPercentEncoding(forged)), alex);
    CHECK(r.status == 404);
    REQUIRE(waitFor([&] { return server().output().contains(QStringLiteral("/files/x%0A2026")); }));
    const QStringList lines = server().output().split(QLatin1Char('\n'));
    for (const QString &line : lines)
        CHECK_FALSE(line.startsWith(QStringLiteral("2026-12-03T19:50:00.000Z 203.0.113.9")));
}
