// The server API: the phone system's signed check-in calls and the visit rules they follow.

#include <catch2/catch.hpp>

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QUuid>

using namespace onsite::test;

namespace {

// The phone system's webhook, signed with `secret` at `ts`.
HttpClient::Reply phoneCall(const QByteArray &secret, qint64 ts, const QByteArray &payload)
{
    const QByteArray t = QByteArray::number(ts);
    HttpClient http(server().apiBase());
    return http.request("POST", QStringLiteral("phone/events"), payload, {},
                        {{"X-Onsite-Timestamp", t},
                         {"X-Onsite-Signature",
                          "sha256=" + QMessageAuthenticationCode::hash(t + '.' + payload, secret,
                                                                       QCryptographicHash::Sha256)
                                          .toHex()}});
}

QByteArray phoneEvent(qint64 id, const char *event, const QDateTime &at)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("call_id"), QUuid::createUuid().toString(QUuid::Id128)},
                           {QStringLiteral("assignment_id"), id},
                           {QStringLiteral("event"), QString::fromLatin1(event)},
                           {QStringLiteral("at"), iso(at)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

TEST_CASE("phone calls are recorded only when signed and recent, once per call", "[api][phone]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    qint64 id = 0;
    for (const QJsonValue &v : http.get(QStringLiteral("changes?since=0&limit=1000"), alex)
                                   .json.value(QStringLiteral("changes"))
                                   .toArray())
        if (!id &&
            v.toObject()
                .value(QStringLiteral("phone_checkin"))
                .toObject()
                .value(QStringLiteral("required"))
                .toBool() &&
            v.toObject().value(QStringLiteral("status")).toString() == QStringLiteral("assigned"))
            id = v.toObject().value(QStringLiteral("id")).toInteger();
    REQUIRE(id);
    const QString callId = QUuid::createUuid().toString(QUuid::Id128);
    const QByteArray body =
        QJsonDocument(
            QJsonObject{{QStringLiteral("call_id"), callId},
                        {QStringLiteral("assignment_id"), id},
                        {QStringLiteral("event"), QStringLiteral("check_in")},
                        {QStringLiteral("at"), iso(QDateTime::currentDateTimeUtc().addSecs(-30))}})
            .toJson(QJsonDocument::Compact);
    auto call = [](const QByteArray &secret, qint64 ts, const QByteArray &payload) {
        return phoneCall(secret, ts, payload).status;
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    CHECK(call("wrong-secret", now, body) == 401);
    CHECK(call("demo-phone-secret", now - 3600, body) == 401); // replayed an hour later
    QByteArray tampered = body;
    tampered.replace("check_in", "check_ot");
    CHECK(call("demo-phone-secret", now, tampered) != 200);
    auto phoneLogs = [&] {
        int n = 0;
        for (const QJsonValue &l : http.get(QStringLiteral("assignments/%1").arg(id), alex)
                                       .json.value(QStringLiteral("time_logs"))
                                       .toArray())
            n += l.toObject().value(QStringLiteral("source")).toString() == QStringLiteral("phone");
        return n;
    };
    CHECK(phoneLogs() == 0);
    CHECK(call("demo-phone-secret", now, body) == 200);
    CHECK(call("demo-phone-secret", now, body) == 200); // the phone system retried
    CHECK(phoneLogs() == 1);
    const QJsonObject doc = http.get(QStringLiteral("assignments/%1").arg(id), alex).json;
    CHECK(doc.value(QStringLiteral("status")).toString() == QStringLiteral("in_progress"));
    for (const QJsonValue &l : doc.value(QStringLiteral("labels")).toArray())
        CHECK(l.toObject().value(QStringLiteral("code")).toString() !=
              QStringLiteral("worker_late"));
}

TEST_CASE("a phone check-in follows the same visit rules as the desktop's", "[api][phone]")
{
    // A visit recorded from the desktop 10:00-11:00 (two and one hours ago); the phone system
    // then reports a check-in at 10:30. The applier refuses overlaps from any source.
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 me =
        http.get(QStringLiteral("me"), alex).json.value(QStringLiteral("id")).toInteger();
    const auto created = http.post(QStringLiteral("company/assignments"),
                                   assignmentInput(me, QStringLiteral("Phone and desk"), {}),
                                   server().companyToken());
    REQUIRE(created.status == 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto status = [&](const QJsonObject &operation) {
        return http
            .post(QStringLiteral("ops"), {{QStringLiteral("ops"), QJsonArray{operation}}}, alex)
            .json.value(QStringLiteral("results"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    };
    REQUIRE(status(op(id, QStringLiteral("time_log.upsert"),
                      {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                       {QStringLiteral("check_in"), iso(now.addSecs(-7200))},
                       {QStringLiteral("check_out"), iso(now.addSecs(-3600))}})) ==
            QStringLiteral("applied"));
    const qint64 ts = QDateTime::currentSecsSinceEpoch();
    const auto overlapping =
        phoneCall("demo-phone-secret", ts, phoneEvent(id, "check_in", now.addSecs(-5400)));
    CHECK(overlapping.status == 409);
    CHECK(overlapping.errorMessage().contains(QStringLiteral("overlaps the visit")));
    // After the desktop visit the call is a visit like any other; a second check-in while
    // checked in is refused the way the desktop's would be.
    CHECK(
        phoneCall("demo-phone-secret", ts, phoneEvent(id, "check_in", now.addSecs(-1800))).status ==
        200);
    const auto twice =
        phoneCall("demo-phone-secret", ts, phoneEvent(id, "check_in", now.addSecs(-600)));
    CHECK(twice.status == 409);
    CHECK(twice.errorMessage().contains(QStringLiteral("still checked in")));
    CHECK(
        phoneCall("demo-phone-secret", ts, phoneEvent(id, "check_out", now.addSecs(-60))).status ==
        200);
    int phone = 0, desktop = 0;
    for (const QJsonValue &l : http.get(QStringLiteral("assignments/%1").arg(id), alex)
                                   .json.value(QStringLiteral("time_logs"))
                                   .toArray()) {
        const QString source = l.toObject().value(QStringLiteral("source")).toString();
        phone += source == QStringLiteral("phone");
        desktop += source == QStringLiteral("desktop");
    }
    CHECK(phone == 1);
    CHECK(desktop == 1);
    // Nobody but the phone system makes phone operations.
    CHECK(status(op(id, QStringLiteral("phone.check_in"),
                    {{QStringLiteral("id"), QStringLiteral("x")},
                     {QStringLiteral("at"), iso(now)}})) == QStringLiteral("rejected"));
}
