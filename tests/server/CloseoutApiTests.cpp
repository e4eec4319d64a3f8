#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "Fixtures.h"
#include "HttpClient.h"
#include "TestServer.h"
#include "TestUtil.h"

#include <QJsonArray>
#include <QUuid>

using namespace onsite::test;

namespace {

TestServer &server()
{
    return TestServer::shared();
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// Sends one operation; returns its result ({status, code, message, assignment}).
QJsonObject send(HttpClient &http, const QString &token, qint64 id, const QString &type,
                 const QJsonObject &payload)
{
    const QJsonObject op{{QStringLiteral("op_id"), uuid()},
                         {QStringLiteral("assignment_id"), id},
                         {QStringLiteral("type"), type},
                         {QStringLiteral("payload"), payload},
                         {QStringLiteral("created_at"), iso(QDateTime::currentDateTimeUtc())}};
    const auto r =
        http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), QJsonArray{op}}}, token);
    return r.json.value(QStringLiteral("results")).toArray().first().toObject();
}

QString statusOf(const QJsonObject &result)
{
    return result.value(QStringLiteral("status")).toString();
}

QJsonObject request(const QString &id, const QString &kind, qint64 cents)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("amount_cents"), cents},
            {QStringLiteral("reason"), QStringLiteral("Needed on site")}};
}

struct Job {
    qint64 id = 0;
    QString token;
    QString taskId;
};

// A new assignment of company 1 for Alex: check in/out, close-out notes and one checkbox task
// required; already worked (one visit), so it is in progress.
Job workedJob(HttpClient &http, bool counteroffers)
{
    Job j;
    j.token = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 alex = http.get(QStringLiteral("me"), j.token).json.value("id").toInteger();
    QJsonObject input = assignmentInput(alex, QStringLiteral("Close-out test"), {});
    QJsonObject pricing = input.value(QStringLiteral("pricing")).toObject();
    pricing.insert(QStringLiteral("counteroffers_allowed"), counteroffers);
    input.insert(QStringLiteral("pricing"), pricing);
    j.taskId = uuid();
    input.insert(
        QStringLiteral("checklist"),
        QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("check_in_out")}},
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("closeout_notes")}}});
    input.insert(QStringLiteral("tasks"),
                 QJsonArray{QJsonObject{{QStringLiteral("id"), j.taskId},
                                        {QStringLiteral("type"), QStringLiteral("checkbox")},
                                        {QStringLiteral("label"), QStringLiteral("Area swept")}}});
    const auto created =
        http.post(QStringLiteral("company/assignments"), input, server().companyToken());
    REQUIRE(created.status == 201);
    j.id = created.json.value(QStringLiteral("id")).toInteger();
    const QDateTime in = QDateTime::currentDateTimeUtc().addSecs(-7200);
    REQUIRE(statusOf(send(http, j.token, j.id, QStringLiteral("time_log.upsert"),
                          {{QStringLiteral("id"), uuid()},
                           {QStringLiteral("check_in"), iso(in)},
                           {QStringLiteral("check_out"), iso(in.addSecs(3600))}})) ==
            QStringLiteral("applied"));
    return j;
}

QString companyPath(qint64 id, const QString &rest)
{
    return QStringLiteral("company/assignments/%1/%2").arg(id).arg(rest);
}

QJsonObject requestIn(const QJsonObject &doc, const QString &id)
{
    for (const QJsonValue &v : doc.value(QStringLiteral("funds_requests")).toArray())
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

} // namespace

TEST_CASE("close-out: requests decided by the company, submission gated, then approved and paid",
          "[api][closeout]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    const Job j = workedJob(http, true);
    const QString expense = uuid();
    const QString bonus = uuid();
    REQUIRE(statusOf(send(http, j.token, j.id, QStringLiteral("funds_request.create"),
                          request(expense, QStringLiteral("expense"), 1850))) ==
            QStringLiteral("applied"));
    REQUIRE(statusOf(send(http, j.token, j.id, QStringLiteral("funds_request.create"),
                          request(bonus, QStringLiteral("bonus"), 2500))) ==
            QStringLiteral("applied"));
    const QJsonObject negative = send(http, j.token, j.id, QStringLiteral("funds_request.create"),
                                      request(uuid(), QStringLiteral("bonus"), -5));
    CHECK(statusOf(negative) == QStringLiteral("rejected"));
    CHECK(negative.value(QStringLiteral("code")).toString() == QStringLiteral("invalid"));

    // The company decides: approve with a note; a second decision conflicts; bad input is 400.
    const auto approved =
        http.post(companyPath(j.id, QStringLiteral("funds_requests/%1/decision").arg(expense)),
                  {{QStringLiteral("decision"), QStringLiteral("approve")},
                   {QStringLiteral("note"), QStringLiteral("Receipt checked")}},
                  company);
    REQUIRE(approved.status == 200);
    const QJsonObject decided = requestIn(approved.json, expense);
    CHECK(decided.value(QStringLiteral("status")).toString() == QStringLiteral("approved"));
    CHECK(decided.value(QStringLiteral("decision_note")).toString() ==
          QStringLiteral("Receipt checked"));
    CHECK_FALSE(decided.value(QStringLiteral("decided_at")).toString().isEmpty());
    const auto twice =
        http.post(companyPath(j.id, QStringLiteral("funds_requests/%1/decision").arg(expense)),
                  {{QStringLiteral("decision"), QStringLiteral("decline")}}, company);
    CHECK(twice.status == 409);
    CHECK(twice.errorMessage().contains(QStringLiteral("already approved")));
    CHECK(http.post(companyPath(j.id, QStringLiteral("funds_requests/%1/decision").arg(bonus)),
                    {{QStringLiteral("decision"), QStringLiteral("maybe")}}, company)
              .status == 400);
    CHECK(http.post(companyPath(j.id, QStringLiteral("funds_requests/nope/decision")),
                    {{QStringLiteral("decision"), QStringLiteral("approve")}}, company)
              .status == 404);
    CHECK(http.post(companyPath(j.id, QStringLiteral("approve")), {}, QStringLiteral("oc_bad"))
              .status == 401);

    // Not ready: the task is open. The refusal names it; nothing changes.
    const QJsonObject early = send(http, j.token, j.id, QStringLiteral("assignment.submit"),
                                   {{QStringLiteral("resolution"), QStringLiteral("Done")}});
    CHECK(statusOf(early) == QStringLiteral("rejected"));
    CHECK(early.value(QStringLiteral("code")).toString() == QStringLiteral("incomplete"));
    CHECK(early.value(QStringLiteral("message")).toString().contains(QStringLiteral("Area swept")));
    REQUIRE(statusOf(send(http, j.token, j.id, QStringLiteral("task.complete"),
                          {{QStringLiteral("id"), j.taskId}, {QStringLiteral("answer"), true}})) ==
            QStringLiteral("applied"));
    const QJsonObject noNotes = send(http, j.token, j.id, QStringLiteral("assignment.submit"), {});
    CHECK(noNotes.value(QStringLiteral("code")).toString() == QStringLiteral("incomplete"));
    const QJsonObject submitted = send(http, j.token, j.id, QStringLiteral("assignment.submit"),
                                       {{QStringLiteral("resolution"), QStringLiteral("Done")}});
    REQUIRE(statusOf(submitted) == QStringLiteral("applied"));
    const QJsonObject doc = submitted.value(QStringLiteral("assignment")).toObject();
    CHECK(doc.value(QStringLiteral("status")).toString() == QStringLiteral("submitted"));
    CHECK(doc.value(QStringLiteral("resolution")).toString() == QStringLiteral("Done"));

    // Read-only now: the server refuses later edits with the reason.
    const QJsonObject late = send(http, j.token, j.id, QStringLiteral("funds_request.create"),
                                  request(uuid(), QStringLiteral("bonus"), 100));
    CHECK(late.value(QStringLiteral("code")).toString() == QStringLiteral("read_only"));
    CHECK(late.value(QStringLiteral("message"))
              .toString()
              .contains(QStringLiteral("pending approval")));

    // Paid only after approval; approval declines what is still pending.
    CHECK(http.post(companyPath(j.id, QStringLiteral("mark_paid")), {}, company).status == 409);
    const auto approval = http.post(companyPath(j.id, QStringLiteral("approve")), {}, company);
    REQUIRE(approval.status == 200);
    CHECK(approval.json.value(QStringLiteral("status")).toString() == QStringLiteral("approved"));
    CHECK(requestIn(approval.json, bonus).value(QStringLiteral("status")).toString() ==
          QStringLiteral("declined"));
    const auto paid = http.post(companyPath(j.id, QStringLiteral("mark_paid")), {}, company);
    REQUIRE(paid.status == 200);
    CHECK(paid.json.value(QStringLiteral("status")).toString() == QStringLiteral("paid"));
    CHECK_FALSE(paid.json.value(QStringLiteral("paid_at")).toString().isEmpty());
    CHECK(http.post(companyPath(j.id, QStringLiteral("cancel")), {}, company).status == 409);
    // The worker sees it as the company left it.
    const auto mine = http.get(QStringLiteral("assignments/%1").arg(j.id), j.token);
    CHECK(mine.json.value(QStringLiteral("status")).toString() == QStringLiteral("paid"));
}

TEST_CASE("close-out: counteroffers off refuse budget increases, the admin command decides",
          "[api][closeout][admin]")
{
    HttpClient http(server().apiBase());
    const Job j = workedJob(http, false);
    const QJsonObject increase = send(http, j.token, j.id, QStringLiteral("funds_request.create"),
                                      request(uuid(), QStringLiteral("budget_increase"), 5000));
    CHECK(statusOf(increase) == QStringLiteral("rejected"));
    CHECK(increase.value(QStringLiteral("code")).toString() == QStringLiteral("counteroffers_off"));
    CHECK(requestIn(increase.value(QStringLiteral("assignment")).toObject(), QString()).isEmpty());
    const QString expense = uuid();
    REQUIRE(statusOf(send(http, j.token, j.id, QStringLiteral("funds_request.create"),
                          request(expense, QStringLiteral("expense"), 4299))) ==
            QStringLiteral("applied"));

    int exitCode = -1;
    const QString pending =
        server().admin({QStringLiteral("pending"), QStringLiteral("1")}, &exitCode);
    CHECK(exitCode == 0);
    CHECK(pending.contains(QStringLiteral("request %1 on assignment %2").arg(expense).arg(j.id)));
    server().admin({QStringLiteral("decide-request"), QStringLiteral("1"), QString::number(j.id),
                    expense, QStringLiteral("decline"), QStringLiteral("Not in the contract")},
                   &exitCode);
    CHECK(exitCode == 0);
    const auto doc = http.get(QStringLiteral("assignments/%1").arg(j.id), j.token);
    const QJsonObject r = requestIn(doc.json, expense);
    CHECK(r.value(QStringLiteral("status")).toString() == QStringLiteral("declined"));
    CHECK(r.value(QStringLiteral("decision_note")).toString() ==
          QStringLiteral("Not in the contract"));
    // Another company's id, or an unknown command shape, changes nothing.
    server().admin({QStringLiteral("approve"), QStringLiteral("2"), QString::number(j.id)},
                   &exitCode);
    CHECK(exitCode == 1);
    server().admin({QStringLiteral("cancel"), QStringLiteral("1"), QString::number(j.id)},
                   &exitCode);
    CHECK(exitCode == 0);
    CHECK(http.get(QStringLiteral("assignments/%1").arg(j.id), j.token)
              .json.value(QStringLiteral("status"))
              .toString() == QStringLiteral("cancelled"));
}

TEST_CASE("a cancellation carries the company's reason to the worker, a bad one changes nothing",
          "[api][closeout]")
{
    HttpClient http(server().apiBase());
    const QString company = server().companyToken();
    Job j = workedJob(http, true);
    auto statusNow = [&] {
        return http.get(QStringLiteral("assignments/%1").arg(j.id), j.token)
            .json.value(QStringLiteral("status"))
            .toString();
    };
    auto r = http.post(companyPath(j.id, QStringLiteral("cancel")),
                       {{QStringLiteral("reason"), 42}}, company);
    CHECK(r.status == 400);
    CHECK(r.errorMessage().startsWith(QStringLiteral("reason:")));
    r = http.post(companyPath(j.id, QStringLiteral("cancel")),
                  {{QStringLiteral("why"), QStringLiteral("x")}}, company);
    CHECK(r.status == 400);
    r = http.post(companyPath(j.id, QStringLiteral("cancel")),
                  {{QStringLiteral("reason"), QString(2001, QLatin1Char('x'))}}, company);
    CHECK(r.status == 400);
    CHECK(statusNow() == QStringLiteral("in_progress"));
    // Not something a company sets by hand.
    CHECK(http.patch(QStringLiteral("company/assignments/%1").arg(j.id),
                     {{QStringLiteral("cancel_reason"), QStringLiteral("x")}}, company)
              .status == 400);

    r = http.post(companyPath(j.id, QStringLiteral("cancel")),
                  {{QStringLiteral("reason"), QStringLiteral("  Store closed for renovation.  ")}},
                  company);
    REQUIRE(r.status == 200);
    const auto doc = http.get(QStringLiteral("assignments/%1").arg(j.id), j.token).json;
    CHECK(doc.value(QStringLiteral("status")).toString() == QStringLiteral("cancelled"));
    CHECK(doc.value(QStringLiteral("cancel_reason")).toString() ==
          QStringLiteral("Store closed for renovation."));

    // From the command line too.
    Job k = workedJob(http, true);
    int exitCode = -1;
    server().admin({QStringLiteral("cancel"), QStringLiteral("1"), QString::number(k.id),
                    QStringLiteral("Client postponed the rollout")},
                   &exitCode);
    CHECK(exitCode == 0);
    CHECK(http.get(QStringLiteral("assignments/%1").arg(k.id), k.token)
              .json.value(QStringLiteral("cancel_reason"))
              .toString() == QStringLiteral("Client postponed the rollout"));
}

TEST_CASE("scorecard: the server's figures match the worker's own history", "[api][scorecard]")
{
    HttpClient http(server().apiBase());
    const QString token = http.signIn(QStringLiteral("alex@demo.onsite"));
    const auto card = http.get(QStringLiteral("me/scorecard"), token);
    REQUIRE(card.status == 200);
    const auto page = http.get(QStringLiteral("changes?since=0&limit=1000"), token);
    int completed = 0, cancelled = 0, total = 0;
    for (const QJsonValue &v : page.json.value(QStringLiteral("changes")).toArray()) {
        const QString s = v.toObject().value(QStringLiteral("status")).toString();
        ++total;
        completed += s == QLatin1String("approved") || s == QLatin1String("paid");
        cancelled += s == QLatin1String("cancelled");
    }
    CHECK(card.json.value(QStringLiteral("assignments")).toInt() == total);
    CHECK(card.json.value(QStringLiteral("completed")).toInt() == completed);
    CHECK(card.json.value(QStringLiteral("cancelled")).toInt() == cancelled);
    const QJsonObject onTime = card.json.value(QStringLiteral("on_time")).toObject();
    CHECK(onTime.value(QStringLiteral("of")).toInt() > 0);
    CHECK(onTime.value(QStringLiteral("hits")).toInt() <=
          onTime.value(QStringLiteral("of")).toInt());
    // The demo has a missed check-in (Worker Late), so not everything is on time.
    CHECK(onTime.value(QStringLiteral("percent")).toInt() < 100);
    CHECK(http.get(QStringLiteral("me/scorecard"), QString()).status == 401);
}

TEST_CASE("calendar: a private subscription URL serves the worker's schedule, a new one "
          "revokes the old",
          "[api][calendar]")
{
    HttpClient http(server().apiBase());
    const QString token = http.signIn(QStringLiteral("alex@demo.onsite"));
    const auto link = http.post(QStringLiteral("me/calendar"), {}, token);
    REQUIRE(link.status == 200);
    const QUrl url(link.json.value(QStringLiteral("url")).toString());
    REQUIRE(url.path().startsWith(QStringLiteral("/api/v1/calendar/")));
    REQUIRE(url.path().endsWith(QStringLiteral(".ics")));
    CHECK(url.port() == server().apiBase().port());
    const QString feedPath = url.path().mid(QStringLiteral("/api/v1/").size());
    // No session needed: the link is the credential.
    const auto feed = http.get(feedPath);
    REQUIRE(feed.status == 200);
    CHECK(feed.header("Content-Type").startsWith("text/calendar"));
    // The link is a credential: the access log names the route, never the secret in it (nor
    // the session token of the sign-in above).
    const QString secret = url.path().section(QLatin1Char('/'), -1).chopped(4);
    REQUIRE(secret.size() >= 16);
    REQUIRE(waitFor([&] {
        return server().output().contains(QStringLiteral("/api/v1/calendar/[redacted].ics"));
    }));
    CHECK_FALSE(server().output().contains(secret));
    CHECK_FALSE(server().output().contains(token));
    const auto page = http.get(QStringLiteral("changes?since=0&limit=1000"), token);
    const QJsonArray mine = page.json.value(QStringLiteral("changes")).toArray();
    CHECK(feed.body.count("BEGIN:VEVENT") == mine.size());
    for (const QJsonValue &v : mine)
        CHECK(feed.body.contains(QStringLiteral("UID:assignment-%1@onsite")
                                     .arg(v.toObject().value("id").toInteger())
                                     .toUtf8()));
    // Blair's assignments are not in Alex's calendar.
    const QString blair = http.signIn(QStringLiteral("blair@demo.onsite"));
    for (const QJsonValue &v : http.get(QStringLiteral("changes?since=0&limit=1000"), blair)
                                   .json.value("changes")
                                   .toArray())
        CHECK_FALSE(feed.body.contains(QStringLiteral("UID:assignment-%1@onsite")
                                           .arg(v.toObject().value("id").toInteger())
                                           .toUtf8()));

    const auto again = http.post(QStringLiteral("me/calendar"), {}, token);
    REQUIRE(again.status == 200);
    CHECK(again.json.value(QStringLiteral("url")).toString() != url.toString());
    CHECK(http.get(feedPath).status == 404);
    CHECK(http.get(QStringLiteral("calendar/cal_guess.ics")).status == 404);
    CHECK(http.post(QStringLiteral("me/calendar"), {}).status == 401);

    // The link is built from the server's own address, not from the Host header a client
    // sends (a forged one would hand out a link to someone else's host).
    const auto forged =
        http.request("POST", QStringLiteral("me/calendar"), "{}", token,
                     {{"Host", "evil.example:666"}, {"Content-Type", "application/json"}});
    REQUIRE(forged.status == 200);
    const QUrl forgedUrl(forged.json.value(QStringLiteral("url")).toString());
    CHECK(forgedUrl.host() == server().apiBase().host());
    CHECK(forgedUrl.port() == server().apiBase().port());
}

TEST_CASE("a worker reads the edit history of their own visits only", "[api][record]")
{
    HttpClient http(server().apiBase());
    const Job j = workedJob(http, true);
    const auto doc = http.get(QStringLiteral("assignments/%1").arg(j.id), j.token);
    const QJsonObject log =
        doc.json.value(QStringLiteral("time_logs")).toArray().first().toObject();
    QJsonObject edit{{QStringLiteral("id"), log.value(QStringLiteral("id"))},
                     {QStringLiteral("check_in"), log.value(QStringLiteral("check_in"))},
                     {QStringLiteral("check_out"), log.value(QStringLiteral("check_out"))},
                     {QStringLiteral("note"), QStringLiteral("Left by the side door")}};
    REQUIRE(statusOf(send(http, j.token, j.id, QStringLiteral("time_log.upsert"), edit)) ==
            QStringLiteral("applied"));
    const auto history =
        http.get(QStringLiteral("assignments/%1/time_log_history").arg(j.id), j.token);
    REQUIRE(history.status == 200);
    const QJsonArray entries = history.json.value(QStringLiteral("history")).toArray();
    REQUIRE(entries.size() == 1);
    CHECK(entries.first().toObject().value(QStringLiteral("log_id")) == log.value("id"));
    const QString blair = http.signIn(QStringLiteral("blair@demo.onsite"));
    CHECK(http.get(QStringLiteral("assignments/%1/time_log_history").arg(j.id), blair).status ==
          404);
}
