// The server API: the worker's operations (POST /ops), applied once, refused with a reason.

#include <catch2/catch.hpp>

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QUuid>

using namespace onsite::test;

namespace {

// One of Alex's assignments that is still Assigned and takes desktop check-ins.
QJsonObject assignedDesktopAssignment(HttpClient &http, const QString &token)
{
    const auto page = http.get(QStringLiteral("changes?since=0&limit=1000"), token);
    for (const QJsonValue &v : page.json.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject a = v.toObject();
        if (a.value(QStringLiteral("status")).toString() == QStringLiteral("assigned") &&
            !a.value(QStringLiteral("phone_checkin"))
                 .toObject()
                 .value(QStringLiteral("required"))
                 .toBool())
            return a;
    }
    return {};
}

} // namespace

TEST_CASE("operations are applied once, the same batch again changes nothing", "[api][ops]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QJsonObject a = assignedDesktopAssignment(http, alex);
    REQUIRE_FALSE(a.isEmpty());
    const qint64 id = a.value(QStringLiteral("id")).toInteger();
    const QDateTime in = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QString logId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonArray batch{
        op(id, QStringLiteral("time_log.upsert"),
           {{QStringLiteral("id"), logId}, {QStringLiteral("check_in"), iso(in)}}),
        op(id, QStringLiteral("time_log.upsert"),
           {{QStringLiteral("id"), logId},
            {QStringLiteral("check_in"), iso(in)},
            {QStringLiteral("check_out"), iso(in.addSecs(1800))}})};
    const auto first = http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), batch}}, alex);
    REQUIRE(first.status == 200);
    const QJsonArray results = first.json.value(QStringLiteral("results")).toArray();
    REQUIRE(results.size() == 2);
    for (const QJsonValue &r : results)
        CHECK(r.toObject().value(QStringLiteral("status")).toString() == QStringLiteral("applied"));
    const QJsonObject after =
        results.last().toObject().value(QStringLiteral("assignment")).toObject();
    CHECK(after.value(QStringLiteral("status")).toString() == QStringLiteral("in_progress"));
    const QJsonArray logs = after.value(QStringLiteral("time_logs")).toArray();
    REQUIRE(logs.size() == 1);
    CHECK(logs.first().toObject().value(QStringLiteral("check_out")).toString() ==
          iso(in.addSecs(1800)));
    CHECK_FALSE(logs.first().toObject().value(QStringLiteral("edited")).toBool()); // a check-out is
                                                                                   // not an edit
    const qint64 rev = after.value(QStringLiteral("rev")).toInteger();

    const auto again = http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), batch}}, alex);
    REQUIRE(again.status == 200);
    for (const QJsonValue &r : again.json.value(QStringLiteral("results")).toArray())
        CHECK(r.toObject().value(QStringLiteral("status")).toString() ==
              QStringLiteral("duplicate"));
    const auto now = http.get(QStringLiteral("assignments/%1").arg(id), alex);
    CHECK(now.json.value(QStringLiteral("rev")).toInteger() == rev);
    CHECK(now.json.value(QStringLiteral("time_logs")).toArray().size() == 1);
}

TEST_CASE("bad time logs are refused with a reason and change nothing", "[api][ops]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QJsonObject a = assignedDesktopAssignment(http, alex);
    REQUIRE_FALSE(a.isEmpty());
    const qint64 id = a.value(QStringLiteral("id")).toInteger();
    const qint64 rev = a.value(QStringLiteral("rev")).toInteger();
    const QDateTime t = QDateTime::currentDateTimeUtc().addSecs(-7200);
    auto send = [&](const QJsonObject &o) {
        const auto r =
            http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), QJsonArray{o}}}, alex);
        REQUIRE(r.status == 200);
        return r.json.value(QStringLiteral("results")).toArray().first().toObject();
    };
    auto upsert = [&](const QDateTime &in, const QDateTime &out) {
        QJsonObject p{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                      {QStringLiteral("check_in"), iso(in)}};
        if (out.isValid())
            p.insert(QStringLiteral("check_out"), iso(out));
        return send(op(id, QStringLiteral("time_log.upsert"), p));
    };
    QJsonObject r = upsert(t, t.addSecs(-60));
    CHECK(r.value(QStringLiteral("status")).toString() == QStringLiteral("rejected"));
    CHECK(r.value(QStringLiteral("code")).toString() ==
          QStringLiteral("check_out_before_check_in"));
    CHECK(
        r.value(QStringLiteral("message")).toString().contains(QStringLiteral("before check-in")));
    r = upsert(QDateTime::currentDateTimeUtc().addSecs(3600), {});
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("in_future"));
    CHECK(r.value(QStringLiteral("message")).toString().contains(QStringLiteral("future")));
    r = send(op(id, QStringLiteral("time_log.upsert"),
                {{QStringLiteral("id"), QStringLiteral("x")},
                 {QStringLiteral("check_in"), QStringLiteral("yesterday")}}));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("invalid"));
    CHECK(r.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("check_in:")));
    r = send(op(id, QStringLiteral("time_log.delete"),
                {{QStringLiteral("id"), QStringLiteral("no-such-log")}}));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("not_found"));
    r = send(op(id, QStringLiteral("time_log.teleport"), {}));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("unknown_type"));
    // A 900,000-character visit id: refused by the shared rule, the document does not grow.
    const qint64 sizeBefore = http.get(QStringLiteral("assignments/%1").arg(id), alex).body.size();
    r = send(op(id, QStringLiteral("time_log.upsert"),
                {{QStringLiteral("id"), QString(900000, QLatin1Char('x'))},
                 {QStringLiteral("check_in"), iso(t)}}));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("invalid"));
    CHECK(r.value(QStringLiteral("message")).toString().contains(QStringLiteral("\"id\"")));
    CHECK(http.get(QStringLiteral("assignments/%1").arg(id), alex).body.size() == sizeBefore);
    // A 500,000-character type: refused before it is logged, and not echoed back.
    const auto longType = http.post(
        QStringLiteral("ops"),
        {{QStringLiteral("ops"), QJsonArray{op(id, QString(500000, QLatin1Char('t')), {})}}}, alex);
    REQUIRE(longType.status == 200);
    r = longType.json.value(QStringLiteral("results")).toArray().first().toObject();
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("invalid"));
    CHECK(r.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("type:")));
    CHECK(longType.body.size() < 4096);
    QJsonObject badId = op(id, QStringLiteral("schedule.confirm"), {});
    badId.insert(QStringLiteral("op_id"), QStringLiteral("not-a-uuid"));
    r = send(badId);
    CHECK(r.value(QStringLiteral("status")).toString() == QStringLiteral("rejected"));
    CHECK(r.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("op_id:")));
    CHECK(http.get(QStringLiteral("assignments/%1").arg(id), alex)
              .json.value(QStringLiteral("rev"))
              .toInteger() == rev);

    // Overlap: one visit in, then one inside it.
    r = upsert(t, t.addSecs(3600));
    REQUIRE(r.value(QStringLiteral("status")).toString() == QStringLiteral("applied"));
    r = upsert(t.addSecs(600), t.addSecs(1200));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("overlap"));
    CHECK(r.value(QStringLiteral("message")).toString().contains(QStringLiteral("overlaps")));

    const auto malformed =
        http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), QStringLiteral("x")}}, alex);
    CHECK(malformed.status == 400);
}

TEST_CASE("operations on another worker's assignment are refused as not found",
          "[api][ops][isolation]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QString blair = http.signIn(QStringLiteral("blair@demo.onsite"));
    const QJsonObject a = assignedDesktopAssignment(http, alex);
    const qint64 id = a.value(QStringLiteral("id")).toInteger();
    const auto r =
        http.post(QStringLiteral("ops"),
                  {{QStringLiteral("ops"),
                    QJsonArray{op(id, QStringLiteral("time_log.upsert"),
                                  {{QStringLiteral("id"), QStringLiteral("b1")},
                                   {QStringLiteral("check_in"),
                                    iso(QDateTime::currentDateTimeUtc().addSecs(-60))}})}}},
                  blair);
    REQUIRE(r.status == 200);
    const QJsonObject result = r.json.value(QStringLiteral("results")).toArray().first().toObject();
    CHECK(result.value(QStringLiteral("status")).toString() == QStringLiteral("rejected"));
    CHECK(result.value(QStringLiteral("code")).toString() == QStringLiteral("not_found"));
    CHECK_FALSE(result.contains(QStringLiteral("assignment")));
    CHECK(http.get(QStringLiteral("assignments/%1").arg(id), alex)
              .json.value(QStringLiteral("rev"))
              .toInteger() == a.value(QStringLiteral("rev")).toInteger());
}

TEST_CASE("phone check-in clients refuse desktop check-ins but allow corrections", "[api][ops]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const auto page = http.get(QStringLiteral("changes?since=0&limit=1000"), alex);
    QJsonObject phone;
    for (const QJsonValue &v : page.json.value(QStringLiteral("changes")).toArray())
        if (v.toObject()
                .value(QStringLiteral("phone_checkin"))
                .toObject()
                .value(QStringLiteral("required"))
                .toBool() &&
            v.toObject().value(QStringLiteral("status")).toString() ==
                QStringLiteral("in_progress") &&
            !v.toObject().value(QStringLiteral("time_logs")).toArray().isEmpty())
            phone = v.toObject();
    REQUIRE_FALSE(phone.isEmpty());
    const qint64 id = phone.value(QStringLiteral("id")).toInteger();
    const QJsonObject log = phone.value(QStringLiteral("time_logs")).toArray().first().toObject();
    auto send = [&](const QJsonObject &o) {
        return http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), QJsonArray{o}}}, alex)
            .json.value(QStringLiteral("results"))
            .toArray()
            .first()
            .toObject();
    };
    QJsonObject r =
        send(op(id, QStringLiteral("time_log.upsert"),
                {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                 {QStringLiteral("check_in"), iso(QDateTime::currentDateTimeUtc().addDays(-20))}}));
    CHECK(r.value(QStringLiteral("code")).toString() == QStringLiteral("phone_required"));
    CHECK(
        r.value(QStringLiteral("message")).toString().contains(QStringLiteral("+1 800 555 0142")));
    // Correcting the phone log's check-in time is allowed, marks it edited, and keeps history.
    const QDateTime in =
        QDateTime::fromString(log.value(QStringLiteral("check_in")).toString(), Qt::ISODate);
    r = send(op(id, QStringLiteral("time_log.upsert"),
                {{QStringLiteral("id"), log.value(QStringLiteral("id"))},
                 {QStringLiteral("check_in"), iso(in.addSecs(-300))},
                 {QStringLiteral("note"), QStringLiteral("phone line was busy")}}));
    REQUIRE(r.value(QStringLiteral("status")).toString() == QStringLiteral("applied"));
    const QJsonObject edited = r.value(QStringLiteral("assignment"))
                                   .toObject()
                                   .value(QStringLiteral("time_logs"))
                                   .toArray()
                                   .first()
                                   .toObject();
    CHECK(edited.value(QStringLiteral("edited")).toBool());
    CHECK(edited.value(QStringLiteral("source")).toString() == QStringLiteral("phone"));
    const auto history = http.get(QStringLiteral("company/assignments/%1/time_log_history").arg(id),
                                  server().companyToken());
    REQUIRE(history.status == 200);
    const QJsonArray h = history.json.value(QStringLiteral("history")).toArray();
    REQUIRE(h.size() == 1);
    CHECK(h.first()
              .toObject()
              .value(QStringLiteral("previous"))
              .toObject()
              .value(QStringLiteral("check_in"))
              .toString() == log.value(QStringLiteral("check_in")).toString());
}
