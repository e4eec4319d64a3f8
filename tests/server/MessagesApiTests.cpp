#include <catch2/catch.hpp>

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "TestUtil.h"

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

    int rc = -1;
    const QString other =
        server()
            .admin({QStringLiteral("create-company"), QStringLiteral("Other Co")}, &rc)
            .trimmed();
    REQUIRE(rc == 0);
    const QString otherToken =
        server().admin({QStringLiteral("create-company-token"), other}, &rc).trimmed();
    REQUIRE(rc == 0);
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
