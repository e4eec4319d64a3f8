// bench_malformed's case catalogue (MalformedGenerator.h): picking a case, the routes, tokens
// and helpers.

#include "MalformedGenerator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <cstring>

namespace bench {

MalformedCase MalformedGenerator::next()
{
    MalformedCase c = pick();
    // DELETE /session with the worker's token (padded, repeated, on a mangled path) would
    // sign it out and leave the rest of the run unauthenticated: never sent.
    if (c.bytes.startsWith("DELETE ") && c.bytes.contains(m_w.worker))
        c.bytes.replace(m_w.worker, randomText(int(m_w.worker.size())));
    return c;
}

MalformedCase MalformedGenerator::pick()
{
    const int roll = pick(100);
    if (roll < 32)
        return jsonCase();
    if (roll < 40)
        return queryCase();
    if (roll < 48)
        return pathCase();
    if (roll < 56)
        return methodCase();
    if (roll < 68)
        return tusCase();
    if (roll < 78)
        return headerCase();
    return rawCase();
}

QByteArray MalformedGenerator::randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (char &c : b)
        c = char(pick(256));
    return b;
}

QByteArray MalformedGenerator::randomText(int n, const char *alphabet)
{
    const int size = int(strlen(alphabet));
    QByteArray b(n, Qt::Uninitialized);
    for (char &c : b)
        c = alphabet[pick(size)];
    return b;
}

QByteArray MalformedGenerator::iso(qint64 offsetSecs)
{
    return QDateTime::currentDateTimeUtc().addSecs(offsetSecs).toString(Qt::ISODate).toUtf8();
}

const QList<MalformedGenerator::Route> &MalformedGenerator::routes()
{
    static const QList<Route> r{
        {"POST", "/api/v1/session", Body::Session, Auth::None},
        {"DELETE", "/api/v1/session", Body::None, Auth::Broken},
        {"GET", "/api/v1/me", Body::None, Auth::Worker},
        {"GET", "/api/v1/me/scorecard", Body::None, Auth::Worker},
        {"POST", "/api/v1/me/calendar", Body::Empty, Auth::Worker},
        {"GET", "/api/v1/changes?since=0&limit=100", Body::None, Auth::Worker},
        {"GET", "/api/v1/assignments/{a}", Body::None, Auth::Worker},
        {"GET", "/api/v1/assignments/{a}/time_log_history", Body::None, Auth::Worker},
        {"POST", "/api/v1/ops", Body::Ops, Auth::Worker},
        {"POST", "/api/v1/ops", Body::Ops, Auth::Worker},
        {"OPTIONS", "/api/v1/uploads", Body::None, Auth::Worker},
        {"GET", "/api/v1/uploads/{u}", Body::None, Auth::Worker},
        {"GET", "/api/v1/files/{f}", Body::None, Auth::Worker},
        {"HEAD", "/api/v1/files/{f}", Body::None, Auth::Company},
        {"POST", "/api/v1/phone/events", Body::Phone, Auth::None},
        {"POST", "/api/v1/company/assignments", Body::CompanyCreate, Auth::Company},
        {"GET", "/api/v1/company/assignments/{c}", Body::None, Auth::Company},
        {"PATCH", "/api/v1/company/assignments/{c}", Body::CompanyPatch, Auth::Company},
        {"GET", "/api/v1/company/assignments/{c}/time_log_history", Body::None, Auth::Company},
        {"POST", "/api/v1/company/assignments/{c}/funds_requests/{r}/decision", Body::Decision,
         Auth::Company},
        {"POST", "/api/v1/company/assignments/{c}/approve", Body::Empty, Auth::Company},
        {"POST", "/api/v1/company/assignments/{c}/mark_paid", Body::Empty, Auth::Company},
        {"POST", "/api/v1/company/assignments/{c}/cancel", Body::Empty, Auth::Company},
        {"GET", "/api/v1/calendar/{k}.ics", Body::None, Auth::None},
        {"HEAD", "/api/v1/calendar/{k}.ics", Body::None, Auth::None},
        {"GET", "/", Body::None, Auth::None},
        {"GET", "/api/v2/me", Body::None, Auth::Worker},
        {"GET", "/api/v1/", Body::None, Auth::Worker},
    };
    return r;
}

QByteArray MalformedGenerator::fill(QByteArray path)
{
    path.replace("{a}", QByteArray::number(m_w.assignment));
    path.replace("{c}", QByteArray::number(m_w.companyAssignment));
    path.replace("{r}", m_w.fundsRequest.isEmpty() ? uuid() : m_w.fundsRequest);
    path.replace("{u}", m_w.upload);
    path.replace("{f}", m_w.file.isEmpty() ? uuid() : m_w.file);
    path.replace("{k}", m_w.calendar);
    return path;
}

MalformedGenerator::Route MalformedGenerator::route(std::function<bool(const Route &)> filter)
{
    for (;;) {
        const Route &r = any(routes());
        if (r.path.endsWith("/cancel") && !chance(5))
            continue;
        if (!filter || filter(r))
            return r;
    }
}

QList<QPair<QByteArray, QByteArray>> MalformedGenerator::auth(Auth preferred, bool allowWorker)
{
    Auth a = chance(60) ? preferred : Auth(pick(4));
    if (a == Auth::Worker && !allowWorker)
        a = Auth::Broken;
    switch (a) {
    case Auth::None:
        return {};
    case Auth::Worker:
        return {{"Authorization", "Bearer " + m_w.worker}};
    case Auth::Company:
        return {{"Authorization", "Bearer " + (chance(80) ? m_w.company : m_w.otherCompany)}};
    case Auth::Broken:
        break;
    }
    const QByteArray token = chance(50) ? m_w.worker : m_w.company;
    const QList<QByteArray> broken{
        "Bearer",
        "Bearer ",
        "Bearer  " + token,
        "bearer " + token,
        "Bearer " + token + "x",
        "Bearer " + token.left(token.size() / 2),
        token,
        "Basic YWxleEBkZW1vLm9uc2l0ZTpvbnNpdGUtZGVtbw==",
        "Bearer " + randomText(43),
        "Bearer ow_" + randomText(43),
        "Bearer oc_" + randomText(43),
        "Bearer " + randomText(8000),
        "Bearer " + randomBytes(40).replace('\r', 'x').replace('\n', 'x'),
        "Bearer \xff\xfe\xfd",
        "Bearer " + token + "\t",
        "Bearer %00",
        "Bearer " + token + ", Bearer " + token,
    };
    QList<QPair<QByteArray, QByteArray>> h{{"Authorization", any(broken)}};
    if (chance(20))
        add(h, "Authorization", "Bearer " + (chance(50) ? m_w.worker : m_w.company));
    return h;
}

} // namespace bench
