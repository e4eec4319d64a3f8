#include <catch2/catch.hpp>

#include "ApiTestHelpers.h"
#include "CatchQt.h"
#include "TestUtil.h"

#include <QJsonArray>

using namespace onsite::test;

// Running late (eta.report) and problems (problem.report), issue 14 §4: through POST /ops like
// every change, a record the company reads in the document, never writes.
namespace {

// Alex's job of company 1 starting in two hours, for three hours.
qint64 upcomingJob(HttpClient &http, const QString &token)
{
    const qint64 alex = http.get(QStringLiteral("me"), token).json.value("id").toInteger();
    QJsonObject input = assignmentInput(alex, QStringLiteral("Reports test"), {});
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(2 * 3600);
    input.insert(QStringLiteral("schedule"),
                 QJsonObject{{QStringLiteral("start"), iso(start)},
                             {QStringLiteral("end"), iso(start.addSecs(3 * 3600))},
                             {QStringLiteral("checkin_grace_minutes"), 15}});
    const auto created =
        http.post(QStringLiteral("company/assignments"), input, server().companyToken());
    REQUIRE(created.status == 201);
    return created.json.value(QStringLiteral("id")).toInteger();
}

QJsonObject companyDoc(HttpClient &http, qint64 id)
{
    const auto r =
        http.get(QStringLiteral("company/assignments/%1").arg(id), server().companyToken());
    REQUIRE(r.status == 200);
    return r.json;
}

} // namespace

TEST_CASE("a worker reports running late: checked, recorded once, read by the company",
          "[api][reports]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 id = upcomingJob(http, alex);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto eta = [&](const QDateTime &at, const QString &reason) {
        return op(id, QStringLiteral("eta.report"),
                  {{QStringLiteral("eta"), iso(at)}, {QStringLiteral("reason"), reason}});
    };
    const QString traffic = QStringLiteral("Accident on I-35, traffic stopped");

    // Refused, each changing nothing: already past, after the end, no reason, unknown field.
    CHECK(outcomeOf(http, alex, eta(now.addSecs(-60), traffic)) ==
          QStringLiteral("rejected:invalid_eta"));
    CHECK(outcomeOf(http, alex, eta(now.addSecs(6 * 3600), traffic)) ==
          QStringLiteral("rejected:invalid_eta"));
    CHECK(outcomeOf(http, alex, eta(now.addSecs(9000), QStringLiteral("  "))) ==
          QStringLiteral("rejected:invalid"));
    QJsonObject extra = eta(now.addSecs(9000), traffic);
    QJsonObject payload = extra.value(QStringLiteral("payload")).toObject();
    payload.insert(QStringLiteral("late_by"), 30);
    extra.insert(QStringLiteral("payload"), payload);
    CHECK(outcomeOf(http, alex, extra) == QStringLiteral("rejected:invalid"));
    CHECK(companyDoc(http, id).value(QStringLiteral("eta_reports")).toArray().isEmpty());

    // Accepted once, however often it is sent.
    const QJsonObject report = eta(now.addSecs(9000), traffic);
    CHECK(outcomeOf(http, alex, report) == QStringLiteral("applied"));
    CHECK(outcomeOf(http, alex, report) == QStringLiteral("duplicate"));
    const QJsonArray reports = companyDoc(http, id).value(QStringLiteral("eta_reports")).toArray();
    REQUIRE(reports.size() == 1);
    const QJsonObject r = reports.first().toObject();
    CHECK(r.value(QStringLiteral("reason")).toString() == traffic);
    CHECK(QDateTime::fromString(r.value(QStringLiteral("eta")).toString(), Qt::ISODate) ==
          QDateTime::fromString(iso(now.addSecs(9000)), Qt::ISODate));
    CHECK(r.value(QStringLiteral("reported_at")).toString().size() > 0);

    // Another worker's attempt is not found; the company cannot write the record.
    const QString blair = http.signIn(QStringLiteral("blair@demo.onsite"));
    CHECK(outcomeOf(http, blair, eta(now.addSecs(9000), traffic)) ==
          QStringLiteral("rejected:not_found"));
    const auto patched =
        http.patch(QStringLiteral("company/assignments/%1").arg(id),
                   {{QStringLiteral("eta_reports"), QJsonArray()}}, server().companyToken());
    CHECK(patched.status == 400);
    CHECK(patched.json.value(QStringLiteral("error"))
              .toObject()
              .value(QStringLiteral("message"))
              .toString()
              .contains(QStringLiteral("eta_reports")));
    CHECK(companyDoc(http, id).value(QStringLiteral("eta_reports")).toArray().size() == 1);

    // Once checked in there is nothing to be late for.
    REQUIRE(outcomeOf(http, alex,
                      op(id, QStringLiteral("time_log.upsert"),
                         {{QStringLiteral("id"), newId()},
                          {QStringLiteral("check_in"), iso(now.addSecs(-30))}})) ==
            QStringLiteral("applied"));
    CHECK(outcomeOf(http, alex, eta(now.addSecs(9000), traffic)) ==
          QStringLiteral("rejected:not_allowed"));
}

TEST_CASE("a worker reports a problem: typed, described, recorded once", "[api][reports]")
{
    HttpClient http(server().apiBase());
    const QString alex = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 id = upcomingJob(http, alex);
    auto problem = [&](const QString &problemId, const QString &kind, const QString &text) {
        return op(id, QStringLiteral("problem.report"),
                  {{QStringLiteral("id"), problemId},
                   {QStringLiteral("kind"), kind},
                   {QStringLiteral("description"), text}});
    };
    const QString gate = QStringLiteral("The gate is locked and nobody answers the intercom");
    CHECK(outcomeOf(http, alex, problem(newId(), QStringLiteral("locked"), gate)) ==
          QStringLiteral("rejected:invalid"));
    CHECK(outcomeOf(http, alex, problem(newId(), QStringLiteral("no_access"), QString())) ==
          QStringLiteral("rejected:invalid"));
    const QString first = newId();
    CHECK(outcomeOf(http, alex, problem(first, QStringLiteral("no_access"), gate)) ==
          QStringLiteral("applied"));
    // A new op that reuses the report's id is not a second report.
    CHECK(outcomeOf(http, alex, problem(first, QStringLiteral("other"), gate)) ==
          QStringLiteral("rejected:duplicate_id"));
    CHECK(outcomeOf(http, alex,
                    problem(newId(), QStringLiteral("cant_make_it"),
                            QStringLiteral("Van broke down"))) == QStringLiteral("applied"));
    const QJsonArray problems = companyDoc(http, id).value(QStringLiteral("problems")).toArray();
    REQUIRE(problems.size() == 2);
    CHECK(problems.at(0).toObject().value(QStringLiteral("kind")).toString() ==
          QStringLiteral("no_access"));
    CHECK(problems.at(0).toObject().value(QStringLiteral("description")).toString() == gate);
    CHECK(problems.at(1).toObject().value(QStringLiteral("kind")).toString() ==
          QStringLiteral("cant_make_it"));
    // The worker's own copy says the same.
    CHECK(http.get(QStringLiteral("assignments/%1").arg(id), alex)
              .json.value(QStringLiteral("problems"))
              .toArray()
              .size() == 2);
}
