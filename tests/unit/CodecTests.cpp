#include <catch2/catch.hpp>

#include "AssignmentCodec.h"
#include "Fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace onsite;
using namespace onsite::test;

namespace {

QJsonObject sampleJson()
{
    return AssignmentCodec::toJson(sampleAssignment());
}

// Sets a value at a dotted path such as "schedule.start" or "time_logs.0.check_in".
QJsonObject with(QJsonObject o, const QStringList &path, const QJsonValue &v)
{
    if (path.size() == 1) {
        if (v.isUndefined())
            o.remove(path.first());
        else
            o.insert(path.first(), v);
        return o;
    }
    const QString key = path.first();
    if (o.value(key).isArray()) {
        QJsonArray arr = o.value(key).toArray();
        const int i = path.at(1).toInt();
        arr[i] = with(arr.at(i).toObject(), path.mid(2), v);
        o.insert(key, arr);
    } else {
        o.insert(key, with(o.value(key).toObject(), path.mid(1), v));
    }
    return o;
}

QString decodeError(const QJsonObject &o)
{
    QString error;
    const auto a = AssignmentCodec::fromJson(o, &error);
    return a ? QString() : error;
}

} // namespace

TEST_CASE("an assignment survives encode and decode unchanged", "[codec]")
{
    const Assignment a = sampleAssignment();
    QString error;
    const auto b = AssignmentCodec::fromJson(AssignmentCodec::toJson(a), &error);
    REQUIRE(b);
    CHECK(error.isEmpty());
    // Re-encoding the decoded document gives the same JSON, field for field.
    CHECK(AssignmentCodec::toJson(*b) == AssignmentCodec::toJson(a));
    CHECK(b->schedule.start == a.schedule.start);
    CHECK(b->schedule.start.timeSpec() == Qt::UTC);
    CHECK(b->pricing.hourlyRateCents == 6500);
    CHECK(b->timeLogs.first().source == TimeLogSource::Phone);
    CHECK(b->fundsRequests.first().status == FundsStatus::Approved);
    CHECK(b->site.timeZone == QStringLiteral("America/Chicago"));
}

TEST_CASE("instants go on the wire as UTC with Z", "[codec]")
{
    const QJsonObject o = sampleJson();
    CHECK(
        o.value(QStringLiteral("schedule")).toObject().value(QStringLiteral("start")).toString() ==
        QStringLiteral("2026-03-10T15:00:00Z"));
    CHECK(o.value(QStringLiteral("submitted_at")).isNull());
}

TEST_CASE("decoding errors name the field that is wrong", "[codec]")
{
    const QJsonObject o = sampleJson();
    CHECK(decodeError(with(o, {QStringLiteral("title")}, 12)) ==
          QStringLiteral("title: expected a string"));
    CHECK(decodeError(with(o, {QStringLiteral("title")}, QJsonValue::Undefined)) ==
          QStringLiteral("title: is required"));
    CHECK(decodeError(with(o, {QStringLiteral("status")}, QStringLiteral("done"))) ==
          QStringLiteral("status: unknown value \"done\""));
    CHECK(decodeError(with(o, {QStringLiteral("schedule"), QStringLiteral("start")},
                           QStringLiteral("2026-03-10T15:00:00"))) ==
          QStringLiteral("schedule.start: expected an ISO 8601 UTC time ending in Z"));
    CHECK(decodeError(with(o, {QStringLiteral("schedule"), QStringLiteral("start")},
                           QStringLiteral("2026-03-10T15:00:00+02:00")))
              .startsWith(QStringLiteral("schedule.start:")));
    CHECK(decodeError(with(o, {QStringLiteral("pricing"), QStringLiteral("flat_cents")}, -1)) ==
          QStringLiteral("pricing.flat_cents: must be between 0 and 100000000000"));
    // Prices are bounded so pay sums cannot overflow; text is bounded so no field grows a
    // document without end.
    CHECK(decodeError(with(o, {QStringLiteral("pricing"), QStringLiteral("hourly_rate_cents")},
                           double(AssignmentCodec::kMaxHourlyRateCents + 1))) ==
          QStringLiteral("pricing.hourly_rate_cents: must be between 0 and 10000000"));
    CHECK(decodeError(with(o, {QStringLiteral("title")}, QString(800000, QLatin1Char('T')))) ==
          QStringLiteral("title: longer than 20000 characters"));
    CHECK(decodeError(with(o, {QStringLiteral("title")}, QString(20000, QLatin1Char('T'))))
              .isEmpty());
    CHECK(decodeError(with(o, {QStringLiteral("pricing"), QStringLiteral("flat_cents")}, 10.5)) ==
          QStringLiteral("pricing.flat_cents: expected a whole number"));
    CHECK(decodeError(with(o, {QStringLiteral("pricing"), QStringLiteral("currency")},
                           QStringLiteral("usd"))) ==
          QStringLiteral("pricing.currency: expected an ISO 4217 code"));
    CHECK(decodeError(with(o, {QStringLiteral("site"), QStringLiteral("time_zone")},
                           QStringLiteral("Mars/Olympus"))) ==
          QStringLiteral("site.time_zone: unknown IANA time zone \"Mars/Olympus\""));
    CHECK(decodeError(with(
              o, {QStringLiteral("time_logs"), QStringLiteral("0"), QStringLiteral("check_out")},
              QStringLiteral("2026-03-10T14:00:00Z"))) ==
          QStringLiteral("time_logs[0].check_out: must not be before check_in"));
    CHECK(decodeError(with(
              o, {QStringLiteral("funds_requests"), QStringLiteral("0"), QStringLiteral("kind")},
              QStringLiteral("tip"))) ==
          QStringLiteral("funds_requests[0].kind: unknown value \"tip\""));
    CHECK(decodeError(with(o, {QStringLiteral("schedule"), QStringLiteral("end")},
                           QStringLiteral("2026-03-10T14:00:00Z"))) ==
          QStringLiteral("schedule.end: must not be before schedule.start"));
    CHECK(decodeError(with(o, {QStringLiteral("checklist")}, QStringLiteral("all"))) ==
          QStringLiteral("checklist: expected an array"));
    CHECK(decodeError(with(o, {QStringLiteral("schedule"), QStringLiteral("is_window")},
                           QStringLiteral("yes"))) ==
          QStringLiteral("schedule.is_window: expected true or false"));
}

TEST_CASE("unknown fields are ignored so newer servers do not break older apps", "[codec]")
{
    QJsonObject o = sampleJson();
    o.insert(QStringLiteral("future_field"), QJsonArray{1, 2});
    o = with(o, {QStringLiteral("site"), QStringLiteral("floor")}, 3);
    QString error;
    const auto a = AssignmentCodec::fromJson(o, &error);
    REQUIRE(a);
    CHECK(a->title == QStringLiteral("Replace POS terminal"));
}

TEST_CASE("a confirmation deadline is required when confirmation is", "[codec]")
{
    const QJsonObject o = with(
        sampleJson(), {QStringLiteral("schedule"), QStringLiteral("confirm_by")}, QJsonValue::Null);
    CHECK(decodeError(o) == QStringLiteral("schedule.confirm_by: is required"));
}

TEST_CASE("the site contact is optional, and a phone or email nobody can use is refused",
          "[codec][contact]")
{
    // Documents from before the contact existed still read, with no contact.
    QString error;
    auto old =
        AssignmentCodec::fromJson(with(sampleJson(), {QStringLiteral("contact")}, {}), &error);
    REQUIRE(old);
    CHECK(old->contact.isEmpty());

    auto decoded = AssignmentCodec::fromJson(sampleJson(), &error);
    REQUIRE(decoded);
    CHECK(decoded->contact.name == QStringLiteral("Dana Whitfield"));
    CHECK(decoded->contact.phone == QStringLiteral("+1 (312) 555-0147"));
    CHECK(decoded->contact.email == QStringLiteral("dana.whitfield@northwind.example"));

    const QStringList email{QStringLiteral("contact"), QStringLiteral("email")};
    const QStringList phone{QStringLiteral("contact"), QStringLiteral("phone")};
    for (const QString &bad :
         {QStringLiteral("dana"), QStringLiteral("dana@"),
          QStringLiteral("dana @northwind.example"), QStringLiteral("a@b@c.example")}) {
        CHECK_FALSE(AssignmentCodec::fromJson(with(sampleJson(), email, bad), &error));
        CHECK(error.startsWith(QStringLiteral("contact.email:")));
    }
    for (const QString &bad :
         {QStringLiteral("call the office"), QStringLiteral("+"), QStringLiteral("555-CALL-NOW")}) {
        CHECK_FALSE(AssignmentCodec::fromJson(with(sampleJson(), phone, bad), &error));
        CHECK(error.startsWith(QStringLiteral("contact.phone:")));
    }
    CHECK_FALSE(AssignmentCodec::fromJson(with(sampleJson(), phone, 5553), &error));
    CHECK(error.startsWith(QStringLiteral("contact.phone:")));
    CHECK_FALSE(AssignmentCodec::fromJson(
        with(sampleJson(), {QStringLiteral("contact")}, QStringLiteral("Dana")), &error));
    CHECK(error.startsWith(QStringLiteral("contact:")));

    // Empty parts are fine: a contact may be only a name, or only a number.
    auto onlyName = AssignmentCodec::fromJson(
        with(with(sampleJson(), email, QString()), phone, QString()), &error);
    REQUIRE(onlyName);
    CHECK(onlyName->contact.name == QStringLiteral("Dana Whitfield"));
    CHECK(onlyName->contact.phone.isEmpty());
}
