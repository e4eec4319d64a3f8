#include "MalformedWorld.h"

#include <QJsonArray>

namespace bench {

bool fetch(const Server &server, const QByteArray &request, Response *r)
{
    Connection c;
    return c.open(server.host(), server.port()) && c.roundTrip(request, r);
}

bool MalformedWorld::discover(const Server &server)
{
    MalformedWorld &w = *this;
    Response r;
    if (!fetch(server,
               buildRequest("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                            R"({"email":"alex@demo.onsite","password":"onsite-demo"})"),
               &r) ||
        r.status != 200) {
        return false;
    }
    const QJsonObject session = jsonObject(r.body);
    w.worker = session.value(QStringLiteral("token")).toString().toUtf8();
    w.workerId =
        session.value(QStringLiteral("worker")).toObject().value(QStringLiteral("id")).toInteger();
    QStringList companies;
    for (const QString &line : server.output().split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("Demo company token")))
            companies << line.mid(line.lastIndexOf(QLatin1Char(' ')) + 1);
    w.company = companies.value(0).toUtf8();
    w.otherCompany = companies.value(1).toUtf8();
    const QByteArray bearer = "Bearer " + w.worker;
    fetch(server,
          buildRequest("GET", "/api/v1/changes?since=0&limit=1000", {{"Authorization", bearer}}),
          &r);
    const QJsonArray changes = jsonObject(r.body).value(QStringLiteral("changes")).toArray();
    // Aim at an assignment in progress of the first company (whose token we use), with a
    // funds request and a deliverable if there is one, so the routes get past their lookups.
    int best = -1;
    for (const QJsonValue &v : changes) {
        const QJsonObject a = v.toObject();
        const bool inProgress =
            a.value(QStringLiteral("status")).toString() == QLatin1String("in_progress");
        const bool first = a.value(QStringLiteral("company"))
                               .toObject()
                               .value(QStringLiteral("name"))
                               .toString()
                               .startsWith(QLatin1String("Northwind"));
        const int score = (inProgress ? 4 : 0) + (first ? 2 : 0) +
                          (a.value(QStringLiteral("funds_requests")).toArray().isEmpty() ? 0 : 1);
        if (score <= best)
            continue;
        best = score;
        w.assignment = a.value(QStringLiteral("id")).toInteger();
        const QJsonArray reqs = a.value(QStringLiteral("deliverable_requirements")).toArray();
        w.requirement =
            reqs.isEmpty()
                ? QByteArray()
                : reqs.first().toObject().value(QStringLiteral("id")).toString().toUtf8();
        const QJsonArray funds = a.value(QStringLiteral("funds_requests")).toArray();
        w.fundsRequest =
            funds.isEmpty()
                ? QByteArray()
                : funds.first().toObject().value(QStringLiteral("id")).toString().toUtf8();
    }
    w.companyAssignment = w.assignment;
    for (const QJsonValue &v : changes)
        for (const QJsonValue &d : v.toObject().value(QStringLiteral("deliverables")).toArray())
            if (w.file.isEmpty())
                w.file = d.toObject().value(QStringLiteral("id")).toString().toUtf8();
    const QByteArray meta = "assignment_id " + QByteArray::number(w.assignment).toBase64() +
                            ",kind " + QByteArray("photo").toBase64() + ",filename " +
                            QByteArray("bench.jpg").toBase64() + ",sha256 " +
                            QByteArray(64, 'a').toBase64();
    fetch(server,
          buildRequest("POST", "/api/v1/uploads",
                       {{"Authorization", bearer},
                        {"Tus-Resumable", "1.0.0"},
                        {"Upload-Length", "100000"},
                        {"Upload-Metadata", meta}},
                       {}, true),
          &r);
    const QByteArray location = r.header("Location");
    w.upload = location.mid(location.lastIndexOf('/') + 1);
    fetch(server, buildRequest("POST", "/api/v1/me/calendar", {{"Authorization", bearer}}, "{}"),
          &r);
    const QString calendarUrl = jsonObject(r.body).value(QStringLiteral("url")).toString();
    w.calendar = calendarUrl.mid(calendarUrl.lastIndexOf(QLatin1Char('/')) + 1).chopped(4).toUtf8();
    return true;
}

} // namespace bench
