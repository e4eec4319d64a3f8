#include <catch2/catch.hpp>

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "TestUtil.h"
#include "UploadFixture.h"

#include <QJsonArray>

using namespace onsite::test;

// Messages per assignment (issue 14 §1): the company writes through its routes or the admin
// command, the worker through POST /ops; both read the same thread; nothing edits or deletes
// it; another company's or worker's ids are not found.
namespace {

QString path(qint64 id)
{
    return QStringLiteral("company/assignments/%1/messages").arg(id);
}

QStringList texts(const QJsonObject &thread)
{
    QStringList out;
    for (const QJsonValue &m : thread.value(QStringLiteral("messages")).toArray())
        out << m.toObject().value(QStringLiteral("from")).toString() + QLatin1Char(':') +
                   m.toObject().value(QStringLiteral("text")).toString();
    return out;
}

} // namespace

TEST_CASE("the company and the worker write in one thread that nobody edits", "[api][messages]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 me = http.get(QStringLiteral("me"), alex).json.value("id").toInteger();
    const auto created = http.post(QStringLiteral("company/assignments"),
                                   assignmentInput(me, QStringLiteral("Thread test"), {}), company);
    REQUIRE(created.status == 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();

    // The company writes; bad input changes nothing.
    CHECK(http.post(path(id), {{QStringLiteral("text"), QStringLiteral("   ")}}, company).status ==
          400);
    CHECK(http.post(path(id), {{QStringLiteral("text"), 5}}, company).status == 400);
    CHECK(http.post(path(id),
                    {{QStringLiteral("text"), QStringLiteral("Hi")},
                     {QStringLiteral("from"), QStringLiteral("worker")}},
                    company)
              .status == 400);
    CHECK(http.post(path(id), {{QStringLiteral("text"), QString(2001, QLatin1Char('x'))}}, company)
              .status == 400);
    const auto posted = http.post(
        path(id), {{QStringLiteral("text"), QStringLiteral("The gate code is 4471.")}}, company);
    REQUIRE(posted.status == 201);
    CHECK(texts(posted.json) == QStringList{QStringLiteral("company:The gate code is 4471.")});
    const QJsonObject first =
        posted.json.value(QStringLiteral("messages")).toArray().first().toObject();
    CHECK(first.value(QStringLiteral("author")).toString().size() > 0);
    CHECK(first.value(QStringLiteral("sent_at")).toString().size() > 0);

    // The worker answers through the outbox: once, however often it is sent.
    const QJsonObject answer =
        op(id, QStringLiteral("message.post"),
           {{QStringLiteral("id"), newId()}, {QStringLiteral("text"), QStringLiteral("Thanks!")}},
           newId());
    CHECK(outcomeOf(http, alex, answer) == QStringLiteral("applied"));
    CHECK(outcomeOf(http, alex, answer) == QStringLiteral("duplicate"));
    const QStringList both{QStringLiteral("company:The gate code is 4471."),
                           QStringLiteral("worker:Thanks!")};
    CHECK(texts(http.get(path(id), company).json) == both);
    CHECK(texts(http.get(QStringLiteral("assignments/%1/messages").arg(id), alex).json) == both);

    // Read state is the worker's, in the document: synced to their other computers.
    const QString companyMessage = first.value(QStringLiteral("id")).toString();
    CHECK(outcomeOf(http, alex,
                    op(id, QStringLiteral("message.read"), {{QStringLiteral("id"), companyMessage}},
                       newId())) == QStringLiteral("applied"));
    CHECK(http.get(QStringLiteral("assignments/%1").arg(id), alex)
              .json.value(QStringLiteral("messages_read"))
              .toString() == companyMessage);

    // Nothing edits or deletes the thread.
    CHECK(http.patch(QStringLiteral("company/assignments/%1").arg(id),
                     {{QStringLiteral("messages"), QJsonArray()}}, company)
              .status == 400);
    CHECK(http.patch(QStringLiteral("company/assignments/%1").arg(id),
                     {{QStringLiteral("messages_read"), QString()}}, company)
              .status == 400);
    CHECK(http.request("DELETE", path(id), {}, company).status == 405);
    CHECK(http.request("PUT", path(id), "{}", company).status == 405);
    CHECK(http.post(QStringLiteral("assignments/%1/messages").arg(id),
                    {{QStringLiteral("text"), QStringLiteral("x")}}, alex)
              .status == 405);
    CHECK(texts(http.get(path(id), company).json) == both);
}

TEST_CASE("another company's or worker's thread is not found, and admin writes as the company",
          "[api][messages][isolation]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 me = http.get(QStringLiteral("me"), alex).json.value("id").toInteger();
    const auto created =
        http.post(QStringLiteral("company/assignments"),
                  assignmentInput(me, QStringLiteral("Private thread"), {}), company);
    REQUIRE(created.status == 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();

    QString other;
    const QString otherToken = otherCompanyToken(QStringLiteral("Other Co"), &other);
    CHECK(http.get(path(id), otherToken).status == 404);
    CHECK(http.post(path(id), {{QStringLiteral("text"), QStringLiteral("Hello?")}}, otherToken)
              .status == 404);
    const QString blair = http.signIn(QStringLiteral("blair@demo.onsite"));
    CHECK(http.get(QStringLiteral("assignments/%1/messages").arg(id), blair).status == 404);
    CHECK(outcomeOf(
              http, blair,
              op(id, QStringLiteral("message.post"),
                 {{QStringLiteral("id"), newId()}, {QStringLiteral("text"), QStringLiteral("Hi")}},
                 newId())) == QStringLiteral("rejected:not_found"));
    CHECK(http.get(path(id), company).json.value(QStringLiteral("messages")).toArray().isEmpty());

    // The company's operator writes from the command line; the worker reads it.
    const qint64 companyId = http.get(QStringLiteral("assignments/%1").arg(id), alex)
                                 .json.value(QStringLiteral("company"))
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toInteger();
    int rc = -1;
    const QString out = server().admin({QStringLiteral("message"), QString::number(companyId),
                                        QString::number(id), QStringLiteral("Bring a ladder.")},
                                       &rc);
    CHECK(rc == 0);
    CHECK(out.contains(QStringLiteral("posted")));
    CHECK(texts(http.get(QStringLiteral("assignments/%1/messages").arg(id), alex).json) ==
          QStringList{QStringLiteral("company:Bring a ladder.")});
    server().admin({QStringLiteral("message"), other, QString::number(id), QStringLiteral("x")},
                   &rc);
    CHECK(rc != 0); // not that company's assignment
}

TEST_CASE("a file attached to a message is the worker's and the company's to read, nobody else's",
          "[api][messages][upload]")
{
    UploadFixture f;
    const QString company = server().companyToken();
    const QString messageId = newId();
    CHECK(outcomeOf(f.http, f.token,
                    op(f.assignment, QStringLiteral("message.post"),
                       {{QStringLiteral("id"), messageId},
                        {QStringLiteral("text"), QStringLiteral("The damage, before I start.")}},
                       newId())) == QStringLiteral("applied"));
    const QByteArray photo = pngBytes(20000);
    const QMap<QString, QString> forMessage{{QStringLiteral("kind"), QStringLiteral("message")},
                                            {QStringLiteral("requirement_id"), messageId}};

    // A message's file names its message by its id; anything else is refused.
    auto notAnId = forMessage;
    notAnId.insert(QStringLiteral("requirement_id"), QStringLiteral("not-an-id"));
    CHECK(f.create(QStringLiteral("damage.png"), photo, notAnId).status == 400);

    const auto created = f.create(QStringLiteral("damage.png"), photo, forMessage);
    REQUIRE(created.status == 201);
    CHECK(f.upload(UploadFixture::path(created), photo, 8192).status == 204);
    const QJsonObject doc =
        f.http.get(QStringLiteral("assignments/%1").arg(f.assignment), f.token).json;
    CHECK(doc.value(QStringLiteral("deliverables")).toArray().isEmpty()); // not a deliverable
    const QJsonArray files = doc.value(QStringLiteral("message_files")).toArray();
    REQUIRE(files.size() == 1);
    const QJsonObject file = files.first().toObject();
    CHECK(file.value(QStringLiteral("message_id")).toString() == messageId);
    CHECK(file.value(QStringLiteral("filename")).toString() == QStringLiteral("damage.png"));
    CHECK(file.value(QStringLiteral("size")).toInteger() == photo.size());
    const QString fileId = file.value(QStringLiteral("id")).toString();

    // The company reads it with the thread; only the two of them can fetch it.
    const auto thread = f.http.get(path(f.assignment), company);
    CHECK(thread.json.value(QStringLiteral("message_files")).toArray().size() == 1);
    CHECK(f.http.get(QStringLiteral("files/") + fileId, company).body == photo);
    CHECK(f.http.get(QStringLiteral("files/") + fileId, f.token).body == photo);
    const QString blair = f.http.signIn(QStringLiteral("blair@demo.onsite"));
    CHECK(f.http.get(QStringLiteral("files/") + fileId, blair).status == 404);
    CHECK(f.create(QStringLiteral("damage.png"), photo, forMessage).status != 500);
    CHECK(f.http.get(QStringLiteral("assignments/%1").arg(f.assignment), f.token)
              .json.value(QStringLiteral("message_files"))
              .toArray()
              .size() == 1); // the same bytes for the same message are stored once

    // Nobody lists or edits them but the server.
    CHECK(f.http
              .patch(QStringLiteral("company/assignments/%1").arg(f.assignment),
                     {{QStringLiteral("message_files"), QJsonArray()}}, company)
              .status == 400);
}
