#pragma once

// Helpers of the server API tests (tests/server/*ApiTests.cpp): the shared demo server, a
// valid assignment body, the worker's change feed, and operations as the client sends them.

#include "Fixtures.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

namespace onsite::test {

inline TestServer &server()
{
    return TestServer::shared();
}

// A valid POST /company/assignments body (Fixtures' flat-rate job in Austin, no files asked).
inline QJsonObject validInput(qint64 workerId)
{
    return assignmentInput(workerId, QStringLiteral("Install kiosk"), {});
}

inline QList<qint64> idsOf(const QJsonArray &changes)
{
    QList<qint64> ids;
    for (const QJsonValue &v : changes)
        ids << v.toObject().value(QStringLiteral("id")).toInteger();
    return ids;
}

// Every assignment id the worker can see, via one large page.
inline QList<qint64> allIds(HttpClient &http, const QString &token)
{
    const auto r = http.get(QStringLiteral("changes?since=0&limit=1000"), token);
    return idsOf(r.json.value(QStringLiteral("changes")).toArray());
}

inline QJsonObject op(qint64 assignmentId, const QString &type, const QJsonObject &payload,
                      const QString &opId = QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    return {{QStringLiteral("op_id"), opId},
            {QStringLiteral("assignment_id"), assignmentId},
            {QStringLiteral("type"), type},
            {QStringLiteral("payload"), payload},
            {QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
}

// A fresh client id (an op's, a visit's, a message's).
inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// Sends one operation as the worker `token`; its outcome as "applied", "duplicate" or
// "rejected:CODE" (empty when the request itself failed).
inline QString outcomeOf(HttpClient &http, const QString &token, const QJsonObject &operation)
{
    const auto r =
        http.post(QStringLiteral("ops"), {{QStringLiteral("ops"), QJsonArray{operation}}}, token);
    if (r.status != 200)
        return {};
    const QJsonObject result = r.json.value(QStringLiteral("results")).toArray().first().toObject();
    const QString status = result.value(QStringLiteral("status")).toString();
    return status == QLatin1String("rejected")
               ? status + QLatin1Char(':') + result.value(QStringLiteral("code")).toString()
               : status;
}

// A new client company (named `name`) and a token of its own, made with the admin command.
inline QString otherCompanyToken(const QString &name, QString *companyId = nullptr)
{
    int rc = -1;
    const QString id = server().admin({QStringLiteral("create-company"), name}, &rc).trimmed();
    REQUIRE(rc == 0);
    const QString token =
        server().admin({QStringLiteral("create-company-token"), id}, &rc).trimmed();
    REQUIRE(rc == 0);
    if (companyId)
        *companyId = id;
    return token;
}

} // namespace onsite::test
