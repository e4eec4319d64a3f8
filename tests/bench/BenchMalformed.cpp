// Malformed requests against the real onsite-server: N requests (default 100,000) over every
// route, generated from a seed: JSON bodies mutated (truncated, wrong types, huge numbers, deep
// nesting, invalid UTF-8, duplicate keys, over the size limit), odd and duplicated headers,
// odd query strings and ids, wrong methods, invalid tus headers, signed and unsigned phone
// events, and raw HTTP garbage (bad request lines, bare LF and CR, conflicting
// Content-Length/Transfer-Encoding, chunked bodies with bad sizes), with no token, the demo
// worker's, a company's, or a broken one, over several connections at once. Well-framed
// requests share keep-alive connections; raw ones get a connection of their own, closed after
// the answer.
//
// Every request must be answered, or its connection closed, within 10 s (else a hang); no
// answer may be a 5xx; the server must be alive at the end with its RSS within 32 MiB of what
// it was after a warm-up. Prints counts by status, the 5xx and hangs (the first few with their
// request bytes), RSS at start and end, and requests per second.
// Run by hand: build/bin/bench_malformed [--count N] [--connections C] [--seed S]
#include "BenchHttp.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <functional>
#include <memory>
#include <random>

using namespace bench;

namespace {

constexpr int kHangMs = 10000;
constexpr qint64 kMaxJson = 1024 * 1024; // the server's JSON body limit (README)

// What the requests refer to: real tokens and ids from the demo world, so that mutations reach
// past authentication and into validation.
struct World {
    QByteArray worker, company, otherCompany;
    qint64 workerId = 0;
    qint64 assignment = 0;        // one of the worker's, active
    qint64 companyAssignment = 0; // one of the company's
    QByteArray requirement;       // a deliverable requirement of `assignment`
    QByteArray fundsRequest;      // a funds request id, if any
    QByteArray upload;            // an upload of the worker's, in progress
    QByteArray file;              // a deliverable's id (GET /files/{id})
    QByteArray calendar;          // the worker's calendar secret
    QByteArray phoneSecret = "demo-phone-secret";
};

struct Case {
    QByteArray bytes;
    QByteArray label;
    bool head = false;          // a HEAD request: the answer has no body
    bool ownConnection = false; // sent on a new connection, closed after the answer
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

void add(Headers &h, const QByteArray &name, const QByteArray &value)
{
    h.append(qMakePair(name, value));
}

QByteArray printable(const QByteArray &bytes, int max = 600)
{
    QByteArray out;
    for (int i = 0; i < bytes.size() && out.size() < max; ++i) {
        const unsigned char c = uchar(bytes.at(i));
        if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\\')
            out += "\\\\";
        else if (c < 0x20 || c >= 0x7f)
            out += "\\x" + QByteArray::number(c, 16).rightJustified(2, '0');
        else
            out += char(c);
    }
    if (out.size() >= max)
        out += "... (" + QByteArray::number(bytes.size()) + " bytes in all)";
    return out;
}

class Generator
{
public:
    Generator(const World &w, quint32 seed) : m_w(w), m_rng(seed) {}

    Case next()
    {
        Case c = pick();
        // DELETE /session with the worker's token (padded, repeated, on a mangled path) would
        // sign it out and leave the rest of the run unauthenticated: never sent.
        if (c.bytes.startsWith("DELETE ") && c.bytes.contains(m_w.worker))
            c.bytes.replace(m_w.worker, randomText(int(m_w.worker.size())));
        return c;
    }

private:
    enum class Auth { None, Worker, Company, Broken };
    enum class Body { None, Empty, Session, Ops, CompanyCreate, CompanyPatch, Decision, Phone };
    struct Route {
        QByteArray method;
        QByteArray path; // {a} {c} {r} {u} {f} {k}: the world's ids
        Body body;
        Auth auth;
    };

    Case pick()
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
    int pick(int n) { return n <= 1 ? 0 : int(m_rng() % quint32(n)); }
    bool chance(int percent) { return pick(100) < percent; }
    template <typename T> const T &any(const QList<T> &list)
    {
        return list.at(pick(int(list.size())));
    }
    QByteArray uuid() { return QUuid::createUuid().toByteArray(QUuid::WithoutBraces); }
    QByteArray randomBytes(int n)
    {
        QByteArray b(n, Qt::Uninitialized);
        for (char &c : b)
            c = char(pick(256));
        return b;
    }
    QByteArray randomText(int n, const char *alphabet = "abcdefghijklmnopqrstuvwxyz0123456789")
    {
        const int size = int(strlen(alphabet));
        QByteArray b(n, Qt::Uninitialized);
        for (char &c : b)
            c = alphabet[pick(size)];
        return b;
    }
    QByteArray iso(qint64 offsetSecs = 0)
    {
        return QDateTime::currentDateTimeUtc().addSecs(offsetSecs).toString(Qt::ISODate).toUtf8();
    }

    static const QList<Route> &routes()
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

    QByteArray fill(QByteArray path)
    {
        path.replace("{a}", QByteArray::number(m_w.assignment));
        path.replace("{c}", QByteArray::number(m_w.companyAssignment));
        path.replace("{r}", m_w.fundsRequest.isEmpty() ? uuid() : m_w.fundsRequest);
        path.replace("{u}", m_w.upload);
        path.replace("{f}", m_w.file.isEmpty() ? uuid() : m_w.file);
        path.replace("{k}", m_w.calendar);
        return path;
    }

    // A route to mutate: the cancel route rarely (it ends the company's assignment).
    Route route(std::function<bool(const Route &)> filter = {})
    {
        for (;;) {
            const Route &r = any(routes());
            if (r.path.endsWith("/cancel") && !chance(5))
                continue;
            if (!filter || filter(r))
                return r;
        }
    }

    QList<QPair<QByteArray, QByteArray>> auth(Auth preferred, bool allowWorker = true)
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

    // --- JSON bodies ---

    QJsonObject baseBody(Body b)
    {
        switch (b) {
        case Body::Session:
            return {{QStringLiteral("email"),
                     any(QList<QString>{QStringLiteral("alex@demo.onsite"),
                                        QStringLiteral("blair@demo.onsite"),
                                        QStringLiteral("nobody@demo.onsite")})},
                    {QStringLiteral("password"), QStringLiteral("not-the-password")}};
        case Body::Ops: {
            QJsonArray ops;
            const int n = chance(90) ? 1 : 1 + pick(5);
            for (int i = 0; i < n; ++i)
                ops.append(op());
            return {{QStringLiteral("ops"), ops}};
        }
        case Body::CompanyCreate:
            return {
                {QStringLiteral("worker_id"), m_w.workerId},
                {QStringLiteral("title"), QStringLiteral("Install kiosk")},
                {QStringLiteral("site"),
                 QJsonObject{{QStringLiteral("city"), QStringLiteral("Austin")},
                             {QStringLiteral("time_zone"), QStringLiteral("America/Chicago")}}},
                {QStringLiteral("schedule"),
                 QJsonObject{{QStringLiteral("start"), QStringLiteral("2030-01-10T15:00:00Z")},
                             {QStringLiteral("end"), QStringLiteral("2030-01-10T18:00:00Z")}}},
                {QStringLiteral("pricing"),
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("flat")},
                             {QStringLiteral("currency"), QStringLiteral("USD")},
                             {QStringLiteral("flat_cents"), 20000}}},
                {QStringLiteral("deliverable_requirements"),
                 QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("r1")},
                                        {QStringLiteral("kind"), QStringLiteral("photo")},
                                        {QStringLiteral("description"), QStringLiteral("Front")},
                                        {QStringLiteral("count"), 1}}}}};
        case Body::CompanyPatch:
            return chance(50)
                       ? QJsonObject{{QStringLiteral("title"), QStringLiteral("Renamed")}}
                       : QJsonObject{{QStringLiteral("schedule"),
                                      QJsonObject{{QStringLiteral("start"),
                                                   QStringLiteral("2030-02-10T15:00:00Z")},
                                                  {QStringLiteral("end"),
                                                   QStringLiteral("2030-02-10T18:00:00Z")}}}};
        case Body::Decision:
            return {{QStringLiteral("decision"), QStringLiteral("decline")},
                    {QStringLiteral("note"), QStringLiteral("no")}};
        case Body::Phone:
            return {{QStringLiteral("call_id"), QString::fromLatin1(randomText(32))},
                    {QStringLiteral("assignment_id"), m_w.assignment},
                    {QStringLiteral("event"),
                     chance(50) ? QStringLiteral("check_in") : QStringLiteral("check_out")},
                    {QStringLiteral("at"), QString::fromLatin1(iso(-30))}};
        case Body::None:
        case Body::Empty:
            break;
        }
        return {};
    }

    QJsonObject op()
    {
        static const QList<QByteArray> types{
            "schedule.confirm",     "time_log.upsert",        "time_log.delete",
            "funds_request.create", "funds_request.withdraw", "task.complete",
            "deliverable.remove",   "assignment.submit",      "no.such_type"};
        const QByteArray type = any(types);
        QJsonObject payload;
        const QString id = QString::fromLatin1(uuid());
        if (type == "time_log.upsert")
            payload = {{QStringLiteral("id"), id},
                       {QStringLiteral("check_in"), QString::fromLatin1(iso(-7200))},
                       {QStringLiteral("check_out"), QString::fromLatin1(iso(-3600))},
                       {QStringLiteral("note"), QStringLiteral("n")}};
        else if (type == "funds_request.create")
            payload = {{QStringLiteral("id"), id},
                       {QStringLiteral("kind"), QStringLiteral("expense")},
                       {QStringLiteral("amount_cents"), 1500},
                       {QStringLiteral("reason"), QStringLiteral("parking")}};
        else if (type == "task.complete")
            payload = {{QStringLiteral("id"), QStringLiteral("t1")},
                       {QStringLiteral("answer"), QStringLiteral("yes")}};
        else if (type != "schedule.confirm" && type != "assignment.submit")
            payload = {{QStringLiteral("id"), id}};
        return {{QStringLiteral("op_id"), QString::fromLatin1(uuid())},
                {QStringLiteral("assignment_id"), m_w.assignment},
                {QStringLiteral("type"), QString::fromLatin1(type)},
                {QStringLiteral("payload"), payload},
                {QStringLiteral("created_at"), QString::fromLatin1(iso())}};
    }

    // The value at a random place in the document replaced by a marker string.
    QJsonValue withMarker(const QJsonValue &v, int depth)
    {
        if (v.isObject() && !v.toObject().isEmpty() && (depth == 0 || chance(60))) {
            QJsonObject o = v.toObject();
            const QString key = o.keys().at(pick(int(o.size())));
            o.insert(key, withMarker(o.value(key), depth + 1));
            return o;
        }
        if (v.isArray() && !v.toArray().isEmpty() && (depth == 0 || chance(60))) {
            QJsonArray a = v.toArray();
            const int i = pick(int(a.size()));
            a.replace(i, withMarker(a.at(i), depth + 1));
            return a;
        }
        return QStringLiteral("@@MUTATION@@");
    }
    QByteArray replaceValue(const QJsonObject &base, const QByteArray &literal)
    {
        QByteArray text =
            QJsonDocument(withMarker(base, 0).toObject()).toJson(QJsonDocument::Compact);
        return text.replace("\"@@MUTATION@@\"", literal);
    }

    QByteArray nested(int depth, bool objects, bool closed)
    {
        QByteArray open, close;
        for (int i = 0; i < depth; ++i) {
            open += objects ? "{\"a\":" : "[";
            close += objects ? "}" : "]";
        }
        return open + "1" + (closed ? close : QByteArray());
    }

    QByteArray oddLiteral()
    {
        static const QList<QByteArray> literals{
            "null",
            "true",
            "false",
            "0",
            "-1",
            "1",
            "1.5",
            "-0",
            "1e400",
            "-1e400",
            "1e-400",
            "99999999999999999999999999999",
            "-9223372036854775808",
            "9223372036854775807",
            "9223372036854775808",
            "18446744073709551616",
            "4294967296",
            "2147483648",
            "0.1e1",
            "1E2",
            "\"\"",
            "\"x\"",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "\"\\udfff\\ud800\"",
            "\"\\uDBFF\\uDFFF\"",
            "\"\\u00e9\\u20ac\"",
            "[]",
            "{}",
            "[1,2,3]",
            "{\"a\":1}",
            "\"2030-13-45T99:99:99Z\"",
            "\"not-a-uuid\"",
            "\"00000000-0000-0000-0000-000000000000\"",
            "\"-1\"",
            "\"1e3\"",
            "\"NaN\"",
            "NaN",
            "Infinity",
            "-Infinity",
            "'single'",
            "undefined",
            "01",
            "+1",
            ".5",
            "1.",
            "0x10",
            "\"\\x41\"",
            "\"\\u12\"",
            "\"\\uZZZZ\"",
            "\"tab\there\"",
            "\"2030-01-10T15:00:00+25:00\"",
            "\"0000-00-00T00:00:00Z\"",
            "\"9999-12-31T23:59:59Z\"",
            "\"1970-01-01T00:00:00Z\"",
            "\"2030-01-10\"",
            "-99999999999",
            "1e18",
            "1e19",
        };
        switch (pick(6)) {
        case 0:
            return '"' + randomText(1000 + pick(200000)) + '"';
        case 1:
            return nested(1 + pick(3000), chance(50), true);
        case 2:
            return '"' + badUtf8() + '"';
        default:
            return any(literals);
        }
    }

    QByteArray badUtf8()
    {
        static const QList<QByteArray> bad{"\xff",
                                           "\xfe\xff",
                                           "\xc0\xaf",
                                           "\xe0\x80\xaf",
                                           "\xed\xa0\x80",
                                           "\xed\xbf\xbf",
                                           "\xf4\x90\x80\x80",
                                           "\xf8\x88\x80\x80\x80",
                                           "\xe2\x82",
                                           "\x80",
                                           "\xc3",
                                           QByteArray("a\0b", 3),
                                           "\x01\x1f\x7f"};
        return any(bad) + (chance(30) ? any(bad) : QByteArray());
    }

    QByteArray mutateJson(Body b, bool *overLimit)
    {
        const QJsonObject base = baseBody(b);
        const QByteArray text = QJsonDocument(base).toJson(QJsonDocument::Compact);
        switch (pick(15)) {
        case 0: // truncated
            return text.left(pick(int(text.size())));
        case 1: { // a few bytes changed
            QByteArray t = text;
            for (int i = 0, n = 1 + pick(3); i < n && !t.isEmpty(); ++i)
                t[pick(int(t.size()))] = char(pick(256));
            return t;
        }
        case 2:
        case 3:
        case 4: // a value of the wrong type, or an odd one
            return replaceValue(base, oddLiteral());
        case 5: { // deep nesting, closed or not, alone or in a field
            const int depth = any(QList<int>{64, 512, 1025, 4096, 65536, 200000});
            const QByteArray deep = nested(depth, chance(50), chance(70));
            return chance(50) ? deep : replaceValue(base, deep);
        }
        case 6: { // invalid UTF-8 in a value, a key or between tokens
            QByteArray t = chance(50) ? replaceValue(base, '"' + badUtf8() + '"') : text;
            if (chance(50))
                t.insert(pick(int(t.size())), badUtf8());
            return t;
        }
        case 7: { // duplicate keys
            const QString key = base.isEmpty() ? QStringLiteral("a") : base.keys().first();
            return "{\"" + key.toUtf8() + "\":" + oddLiteral() + "," + text.mid(1);
        }
        case 8: // not an object
            return any(QList<QByteArray>{"",
                                         " ",
                                         "null",
                                         "[]",
                                         "[{}]",
                                         "\"str\"",
                                         "1",
                                         "true",
                                         "{",
                                         "}",
                                         "{}",
                                         "{,}",
                                         "{\"a\"}",
                                         "{\"a\":}",
                                         "\xef\xbb\xbf" + text,
                                         "/*c*/" + text,
                                         text + " x",
                                         text + text,
                                         text + QByteArray(1, '\0'),
                                         QByteArray(1000, ' ') + text,
                                         "\t\n\r" + text});
        case 9: { // unknown fields
            QJsonObject o = base;
            o.insert(QString::fromLatin1(randomText(1 + pick(20))), 1);
            if (chance(30))
                o.insert(QStringLiteral("id"), 5);
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        }
        case 10: // a large string, under the limit
            return replaceValue(base, '"' + randomText(100000 + pick(800000)) + '"');
        case 11: // over the limit
            *overLimit = true;
            return replaceValue(base, '"' + randomText(int(kMaxJson) + pick(1000)) + '"');
        case 12: { // many elements
            QByteArray arr = "[";
            const int n = 100 + pick(5000);
            for (int i = 0; i < n; ++i)
                arr += (i ? "," : "") + (b == Body::Ops ? QByteArray("{}") : QByteArray("1"));
            return replaceValue(base, arr + "]");
        }
        case 13: // escapes
            return replaceValue(base, any(QList<QByteArray>{"\"\\\"", "\"\\u\"", "\"\\\\\"",
                                                            "\"\\/\\b\\f\\n\\r\\t\"",
                                                            "\"\\ud83d\\ude00\"", "\"\\q\""}));
        default: // unchanged: the route's own checks
            return text;
        }
    }

    Case jsonCase()
    {
        const Route r = route([](const Route &x) { return x.body != Body::None; });
        bool overLimit = false;
        QByteArray body = r.body == Body::Empty
                              ? any(QList<QByteArray>{"", "{}", "{\"x\":1}", "[]"})
                              : mutateJson(r.body, &overLimit);
        if (r.body == Body::Empty && chance(50))
            body = mutateJson(Body::Empty, &overLimit);
        auto headers =
            r.body == Body::Phone ? phoneHeaders(body) : auth(r.auth, r.method != "DELETE");
        headers.prepend(
            {"Content-Type",
             chance(90) ? QByteArray("application/json")
                        : any(QList<QByteArray>{"text/plain", "application/json; charset=utf-16",
                                                "multipart/form-data; boundary=x", ""})});
        Case c;
        c.bytes = buildRequest(r.method, fill(r.path), headers, body, true);
        c.label = "json " + r.method + ' ' + r.path;
        c.ownConnection = overLimit; // refused from its headers, then closed
        return c;
    }

    QList<QPair<QByteArray, QByteArray>> phoneHeaders(const QByteArray &body)
    {
        QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        QByteArray secret = m_w.phoneSecret;
        switch (pick(8)) {
        case 0:
            return {};
        case 1:
            ts = any(QList<QByteArray>{"", "-1", "0", "abc", "99999999999999999999", "1e10",
                                       QByteArray::number(QDateTime::currentSecsSinceEpoch() - 400),
                                       " 5", "+1"});
            break;
        case 2:
            secret = "wrong-secret";
            break;
        default:
            break;
        }
        const QByteArray sig = "sha256=" + QMessageAuthenticationCode::hash(
                                               ts + '.' + body, secret, QCryptographicHash::Sha256)
                                               .toHex();
        QList<QPair<QByteArray, QByteArray>> h{{"X-Onsite-Timestamp", ts}};
        add(h, "X-Onsite-Signature",
            chance(90) ? sig
                       : any(QList<QByteArray>{"", "sha256=", "md5=abc", sig.left(20), sig + "00",
                                               sig.toUpper()}));
        return h;
    }

    // --- query strings, paths, methods ---

    Case queryCase()
    {
        static const QList<QByteArray> values{"",
                                              "-1",
                                              "0",
                                              "1",
                                              "abc",
                                              "1e3",
                                              "99999999999999999999",
                                              "0x10",
                                              "%00",
                                              "%201",
                                              "+1",
                                              "1.5",
                                              "%2B5",
                                              "%E2%82%AC",
                                              "\xff\xfe",
                                              "1%00",
                                              "%zz",
                                              "%",
                                              "9223372036854775807",
                                              "-9223372036854775808",
                                              "1000",
                                              "1001",
                                              "2147483648",
                                              "%F0%9F%98%80",
                                              "1;2",
                                              "1,2"};
        QByteArray q;
        switch (pick(6)) {
        case 0:
            q = "since=" + any(values) + "&limit=" + any(values);
            break;
        case 1:
            q = "since=" + any(values) + "&since=" + any(values) + "&limit=" + any(values) +
                "&limit=" + any(values);
            break;
        case 2:
            q = any(QList<QByteArray>{"", "&&&", "=", "=&=", "since", "limit", "since=&limit=", "?",
                                      "??since=1", "since=1#frag", "#", "a=b=c", "%3D%26",
                                      "since[]=1", "since%00=1", ";since=1"});
            break;
        case 3: {
            const int n = 100 + pick(4000);
            for (int i = 0; i < n; ++i)
                q += "a" + QByteArray::number(i) + "=b&";
            break;
        }
        case 4:
            q = "since=" + randomText(1 + pick(30000), "0123456789");
            break;
        default:
            q = randomBytes(1 + pick(200)).replace(' ', '+').replace('\r', '.').replace('\n', '.');
            break;
        }
        const Route r = chance(60) ? routes().at(5) : route([](const Route &x) {
            return x.body == Body::None && x.method == "GET";
        });
        QByteArray path = fill(r.path);
        if (const qsizetype at = path.indexOf('?'); at >= 0)
            path.truncate(at);
        Case c;
        c.bytes = buildRequest("GET", path + '?' + q, auth(r.auth));
        c.label = "query GET " + r.path;
        return c;
    }

    Case pathCase()
    {
        static const QList<QByteArray> ids{"0",
                                           "-1",
                                           "abc",
                                           "99999999999999999999999",
                                           "1.5",
                                           "%31",
                                           "1%00",
                                           "..",
                                           "%2e%2e",
                                           "1/extra",
                                           "",
                                           "\xd9\xa1\xd9\xa2",
                                           "1e3",
                                           "0x1",
                                           "+1",
                                           " ",
                                           "%20",
                                           "\xff",
                                           "9223372036854775807",
                                           "9223372036854775808",
                                           "00000000000000000001",
                                           "null",
                                           "%",
                                           "../../../../etc/passwd",
                                           "..%2f..%2f",
                                           "a.ics",
                                           ".ics",
                                           "%2e%69%63%73"};
        Route r = route();
        QByteArray path = r.path;
        if (const qsizetype at = path.indexOf('?'); at >= 0)
            path.truncate(at);
        QByteArray id = chance(10) ? randomText(1 + pick(20000), "0123456789") : any(ids);
        id.replace(' ', "%20");
        for (const char *ph : {"{a}", "{c}", "{r}", "{u}", "{f}", "{k}"})
            if (path.contains(ph))
                path.replace(ph, chance(70) ? id : QByteArray(ph));
        path = fill(path);
        switch (pick(8)) {
        case 0:
            path += "/";
            break;
        case 1:
            path.replace("/api/v1/", "/api/v1//");
            break;
        case 2:
            path.replace("/api/v1/", "/api/v1/../v1/");
            break;
        case 3:
            path = path.toUpper();
            break;
        case 4:
            path.replace("/", "%2F");
            break;
        case 5:
            path += "/" + randomText(1 + pick(10));
            break;
        default:
            break;
        }
        Case c;
        const bool body = r.body != Body::None;
        c.bytes = buildRequest(r.method, path, auth(r.auth, r.method != "DELETE"),
                               body ? QByteArray("{}") : QByteArray(), body);
        c.head = r.method == "HEAD";
        c.label = "path " + r.method + ' ' + r.path;
        return c;
    }

    Case methodCase()
    {
        static const QList<QByteArray> methods{
            "GET",     "POST",    "PUT",      "DELETE",   "PATCH",
            "HEAD",    "OPTIONS", "TRACE",    "CONNECT",  "FOO",
            "get",     "Post",    "M-SEARCH", "PROPFIND", "GETGETGETGETGETGETGETGET",
            "\x01GET", "G\xffT",  "_",        "0"};
        const Route r = route();
        QByteArray method = any(methods);
        if (chance(3))
            method = randomText(1 + pick(3000), "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        const bool body = chance(50);
        Case c;
        c.bytes = buildRequest(method, fill(r.path), auth(r.auth, !r.path.endsWith("/session")),
                               body ? QByteArray("{}") : QByteArray(), body);
        c.head = method == "HEAD";
        c.label = "method " + method.left(20) + ' ' + r.path;
        return c;
    }

    // --- tus ---

    Case tusCase()
    {
        static const QList<QByteArray> versions{"1.0.0",  "1.0.0",        "1.0.0", "",    "0.2.2",
                                                "1.0.0 ", "1.0.0, 1.0.0", "1.0",   "\xff"};
        static const QList<QByteArray> numbers{"",
                                               "-1",
                                               "+5",
                                               "0",
                                               "0x10",
                                               "1e3",
                                               "9223372036854775807",
                                               "99999999999999999999",
                                               "4294967297",
                                               " 5",
                                               "5.0",
                                               "abc",
                                               "1",
                                               "100",
                                               "4294967296",
                                               "-0",
                                               "00000000000000000001"};
        const QByteArray id =
            chance(80)
                ? m_w.upload
                : any(QList<QByteArray>{uuid(), "x", "..", "%00", randomText(3000), "1", ""});
        QList<QPair<QByteArray, QByteArray>> h = auth(Auth::Worker);
        if (!chance(10))
            add(h, "Tus-Resumable", any(versions));
        if (chance(5))
            add(h, "Tus-Resumable", any(versions));
        QByteArray method, path = "/api/v1/uploads/" + id, body;
        switch (pick(6)) {
        case 0:
        case 1: { // create
            method = "POST";
            path = "/api/v1/uploads";
            add(h, "Upload-Length", chance(30) ? QByteArray("1000") : any(numbers));
            if (chance(10))
                add(h, "Upload-Defer-Length", "1");
            if (chance(90))
                add(h, "Upload-Metadata", metadata());
            if (chance(10)) {
                body = randomBytes(pick(2000));
                add(h, "Content-Type", "application/offset+octet-stream");
            }
            break;
        }
        case 2:
        case 3: { // a chunk
            method = "PATCH";
            body = randomBytes(chance(80) ? pick(2000) : pick(300000));
            add(h, "Content-Type",
                chance(80) ? QByteArray("application/offset+octet-stream")
                           : any(QList<QByteArray>{"", "application/json",
                                                   "application/offset+octet-stream; x=1",
                                                   "APPLICATION/OFFSET+OCTET-STREAM"}));
            if (chance(90))
                add(h, "Upload-Offset", chance(40) ? QByteArray("0") : any(numbers));
            if (chance(50)) {
                const QByteArray sha = QCryptographicHash::hash(body, QCryptographicHash::Sha256);
                add(h, "Upload-Checksum",
                    any(QList<QByteArray>{
                        "sha256 " + sha.toBase64(), "sha256", "sha256 !!!", "md5 abc=",
                        "sha256 " + QByteArray(32, 'a').toBase64(), "SHA256 " + sha.toBase64(),
                        "sha1 " +
                            QCryptographicHash::hash(body, QCryptographicHash::Sha1).toBase64(),
                        "", "sha256  " + sha.toBase64(), "sha256 " + sha.toBase64() + " x"}));
            }
            break;
        }
        case 4:
            method = any(QList<QByteArray>{"HEAD", "GET", "OPTIONS", "PUT", "POST"});
            break;
        default:
            method = chance(10) ? QByteArray("DELETE") : QByteArray("HEAD");
            if (method == "DELETE" && id == m_w.upload)
                method = "GET"; // keep the world's upload for the other cases
            break;
        }
        Case c;
        c.bytes = buildRequest(method, path, h, body, method == "PATCH" || method == "POST");
        c.head = method == "HEAD";
        c.label = "tus " + method + (path.endsWith("/uploads") ? " /uploads" : " /uploads/{id}");
        return c;
    }

    QByteArray metadata()
    {
        auto b64 = [](const QByteArray &v) { return v.toBase64(); };
        QList<QByteArray> pairs{
            "assignment_id " + b64(QByteArray::number(m_w.assignment)),
            "kind " + b64(any(QList<QByteArray>{"photo", "sign_off", "other", "bogus", ""})),
            "filename " +
                b64(any(QList<QByteArray>{"a.jpg", "report.pdf", "../../x.jpg", "a\x00b.jpg",
                                          "\xff.jpg", "x.exe", "", randomText(500) + ".jpg"})),
            "sha256 " + b64(chance(80) ? randomText(64, "0123456789abcdef") : randomText(10)),
        };
        if (!m_w.requirement.isEmpty() && chance(50))
            pairs.append("requirement_id " + b64(m_w.requirement));
        switch (pick(10)) {
        case 0:
            return any(QList<QByteArray>{"", "filename", "filename !!!", ",,,", "a b c",
                                         "filename YS5qcGc=,filename YS5qcGc=", " , ",
                                         "k\xff " + b64("v"), randomText(5000)});
        case 1:
            pairs.append("unknown " + b64("x"));
            break;
        case 2:
            pairs[0] = "assignment_id " +
                       b64(any(QList<QByteArray>{"-1", "0", "abc", "99999999999999999999", ""}));
            break;
        case 3:
            pairs.append("deliverable_id " + b64(chance(50) ? uuid() : QByteArray("not-a-uuid")));
            break;
        case 4:
            for (int i = 0; i < 200; ++i)
                pairs.append("k" + QByteArray::number(i) + ' ' + b64("v"));
            break;
        default:
            break;
        }
        std::shuffle(pairs.begin(), pairs.end(), m_rng);
        return pairs.join(',');
    }

    // --- headers on well-framed requests ---

    Case headerCase()
    {
        Route r = route();
        QList<QPair<QByteArray, QByteArray>> h = auth(r.auth, r.method != "DELETE");
        QByteArray body = r.body == Body::None ? QByteArray() : QByteArray("{}");
        if (r.body != Body::None && r.body != Body::Empty && chance(50))
            body = QJsonDocument(baseBody(r.body)).toJson(QJsonDocument::Compact);
        switch (pick(12)) {
        case 0:
            add(h, "X-Real-IP",
                any(QList<QByteArray>{"", "::1", "10.0.0.1", "999.1.1.1", "1.2.3.4, 5.6.7.8",
                                      "::ffff:1.2.3.4", "localhost", "\xff", "1.2.3.4:80",
                                      "fe80::1%eth0", randomText(3000)}));
            if (chance(30))
                add(h, "X-Real-IP", "10.0.0.2");
            break;
        case 1:
            add(h, "Content-Type", "application/json");
            add(h, "Content-Type", "text/plain");
            break;
        case 2:
            add(h, "Connection",
                any(QList<QByteArray>{"close", "keep-alive", "Close", "upgrade", "close, close",
                                      "foo"}));
            break;
        case 3:
            add(h, "Host",
                any(QList<QByteArray>{"", "[::1", "a b", "evil.example:99999", randomText(2000),
                                      "\xff"}));
            break;
        case 4: // many headers, within what the toolkit's parser takes (100)
            for (int i = 0, n = 20 + pick(70); i < n; ++i)
                add(h, "X-H" + QByteArray::number(i), randomText(1 + pick(40)));
            break;
        case 5: // a long header value, within the 64 KiB the server takes
            add(h, "X-Long", randomText(1000 + pick(7000)));
            break;
        case 6:
            add(h, "Accept-Encoding", "gzip, br");
            add(h, "Range",
                any(QList<QByteArray>{"bytes=0-10", "bytes=-1", "bytes=x",
                                      "bytes=99999999999999999999-"}));
            break;
        case 7:
            add(h, "If-None-Match", "*");
            add(h, "If-Modified-Since", "yesterday");
            add(h, "Cache-Control", "no-cache");
            break;
        case 8:
            add(h, "X-Weird", "\x01\x02\x7f\xff\xfe value");
            break;
        case 9:
            add(h, "content-length-extra", "5");
            add(h, "Transfer-Encodings", "chunked");
            break;
        case 10:
            add(h, "Origin", "http://evil.example");
            add(h, "Cookie", "session=" + randomText(100));
            break;
        default:
            add(h, "Authorization", "Bearer " + randomText(43));
            break;
        }
        Case c;
        c.bytes = buildRequest(r.method, fill(r.path), h, body, !body.isEmpty());
        c.head = r.method == "HEAD";
        c.label = "header " + r.method + ' ' + r.path;
        return c;
    }

    // --- raw bytes: each on its own connection ---

    Case rawCase()
    {
        const QByteArray tok = chance(50) ? "Authorization: Bearer " + m_w.worker + "\r\n" : "";
        const QByteArray ops =
            "POST /api/v1/ops HTTP/1.1\r\nHost: x\r\n" + tok + "Content-Type: application/json\r\n";
        const QByteArray opsBody = R"({"ops":[]})";
        const QByteArray chunked = ops + "Transfer-Encoding: chunked\r\n\r\n";
        QByteArray b;
        QByteArray label;
        switch (pick(14)) {
        case 0:
            label = "raw random bytes";
            b = randomBytes(1 + pick(3000)) + "\r\n\r\n";
            break;
        case 1:
            label = "raw random line";
            b = randomText(1 + pick(200), "abcdefghijklmnopqrstuvwxyz /:.?=&%") + "\r\n\r\n";
            break;
        case 2:
            label = "raw bad request line";
            b = any(QList<QByteArray>{"GET\r\n\r\n",
                                      "GET /api/v1/me\r\n\r\n",
                                      "GET /api/v1/me HTTP/9.9\r\n\r\n",
                                      "GET  /api/v1/me  HTTP/1.1\r\n\r\n",
                                      "GET /api/v1/me HTTP/1.1 x\r\n\r\n",
                                      "GET\t/api/v1/me\tHTTP/1.1\r\n\r\n",
                                      " GET /api/v1/me HTTP/1.1\r\n\r\n",
                                      "HTTP/1.1 200 OK\r\n\r\n",
                                      "GET /api/v1/me FOO/1.1\r\n\r\n",
                                      "GET /api/v1/me HTTP/1\r\n\r\n",
                                      "GET /api/v1/me http/1.1\r\n\r\n",
                                      "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                                      "GET * HTTP/1.1\r\n\r\n",
                                      "GET http://evil/api/v1/me HTTP/1.1\r\nHost: x\r\n\r\n",
                                      "GET /api/v1/me HTTP/1.0\r\n\r\n",
                                      "GET /api/v1/me HTTP/1.1\r\n\r\n\r\n\r\n",
                                      "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" +
                                          QByteArray(40, '\0') + "\r\n\r\n",
                                      "GET /" + randomText(70000) + " HTTP/1.1\r\n\r\n",
                                      "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                                      "Connection: Upgrade\r\n\r\n",
                                      "CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: x\r\n\r\n"});
            break;
        case 3:
            label = "raw bare LF";
            b = "GET /api/v1/me HTTP/1.1\nHost: x\n" + QByteArray(tok).replace("\r\n", "\n") + "\n";
            if (chance(50))
                b = "POST /api/v1/ops HTTP/1.1\nHost: x\n" + QByteArray(tok).replace("\r\n", "\n") +
                    "Content-Length: " + QByteArray::number(opsBody.size()) + "\n\n" + opsBody;
            break;
        case 4:
            label = "raw bare CR in a header";
            b = "GET /api/v1/me HTTP/1.1\r\nHost: x\rX-Y: z\r\n" + tok + "\r\n";
            break;
        case 5:
            label = "raw Content-Length and Transfer-Encoding";
            b = ops + "Content-Length: " + QByteArray::number(opsBody.size()) +
                "\r\nTransfer-Encoding: chunked\r\n\r\n" + "a\r\n" + opsBody.left(10) +
                "\r\n0\r\n\r\n";
            break;
        case 6: {
            label = "raw chunked, bad size";
            const QByteArray size = any(QList<QByteArray>{
                "zz", "-1", "+5", "5 5", "ffffffffffffffffff", "", " ", "0x5", "5;", "5;a=b", "5\t",
                "1" + QByteArray(20, '0'), "\xff", "FFFFFFFF"});
            b = chunked + size + "\r\nhello\r\n0\r\n\r\n";
            break;
        }
        case 7:
            label = "raw chunked, size and data disagree";
            b = chunked +
                any(QList<QByteArray>{"3\r\nhello\r\n0\r\n\r\n", "9\r\nhello\r\n0\r\n\r\n",
                                      "5\r\nhelloXX\r\n0\r\n\r\n", "5\r\nhello0\r\n\r\n"});
            break;
        case 8:
            label = "raw chunked, bare LF";
            b = chunked + any(QList<QByteArray>{"a\n" + opsBody.left(10) + "\n0\n\n",
                                                "a\r\n" + opsBody.left(10) + "\n0\r\n\r\n",
                                                "a\r\n" + opsBody.left(10) + "\r\n0\n\n",
                                                "a\r\n" + opsBody.left(10) + "\r\n0\r\n\n"});
            break;
        case 9:
            label = "raw chunked, trailers or extensions";
            b = chunked + "a;ext=\"x\"\r\n" + opsBody.left(10) + "\r\n0\r\n" +
                any(QList<QByteArray>{"X-T: y\r\n\r\n", "Content-Length: 5\r\n\r\n", "\r\n"});
            break;
        case 10: {
            label = "raw chunked, over the limit";
            b = chunked + QByteArray::number(kMaxJson + 1, 16) + "\r\n" + randomText(4000);
            break;
        }
        case 11: {
            label = "raw Content-Length variants";
            const QByteArray n = QByteArray::number(opsBody.size());
            b = ops +
                any(QList<QByteArray>{
                    "Content-Length: " + n + "\r\nContent-Length: 99\r\n",
                    "Content-Length: " + n + ", " + n + "\r\n", "Content-Length: +" + n + "\r\n",
                    "Content-Length: -1\r\n", "Content-Length: 0x" + n + "\r\n",
                    "Content-Length:\r\n", "Content-Length: abc\r\n",
                    "Content-Length: 99999999999999999999\r\n", "Content-Length : " + n + "\r\n",
                    "X: a\r\n Content-Length: " + n + "\r\n",
                    "Content-Length: " + n + "\r\n \r\n"}) +
                "\r\n" + opsBody;
            break;
        }
        case 12: {
            label = "raw oversized or too many headers";
            switch (pick(3)) {
            case 0:
                b = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: " + randomText(70000) +
                    "\r\n\r\n";
                break;
            case 1: {
                QByteArray h;
                for (int i = 0; i < 150 + pick(3000); ++i)
                    h += "X-" + QByteArray::number(i) + ": y\r\n";
                b = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n" + tok + h + "\r\n";
                break;
            }
            default:
                b = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n" + tok + "X-Big: " + randomText(20000) +
                    "\r\n\r\n";
                break;
            }
            break;
        }
        default:
            label = "raw header syntax";
            b = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n" + tok +
                any(QList<QByteArray>{"NoColon\r\n", ": empty-name\r\n", "Bad Name: x\r\n",
                                      "X: a\r\n  folded\r\n", QByteArray("Ho\0st: x\r\n", 10),
                                      "X-\xff: y\r\n", " Leading: space\r\n",
                                      "Authorization: Bearer " + m_w.worker + "\r\n :\r\n",
                                      "Expect: 100-continue\r\n"}) +
                "\r\n";
            break;
        }
        Case c;
        c.bytes = b;
        c.label = label;
        c.ownConnection = true;
        return c;
    }

    World m_w;
    std::mt19937 m_rng;
};

// The runner: C connections, each taking the next case when its last one is done.
class Runner : public QObject
{
public:
    struct Failure {
        QByteArray label, request, answer;
    };
    QMap<int, qint64> byStatus; // -1: closed without an answer
    qint64 done = 0, hangs = 0, fiveXX = 0, closed = 0, extraBytes = 0, connectFailures = 0;
    QList<Failure> firstFiveXX, firstHangs, firstExtra;
    QMap<QByteArray, qint64> hangsByLabel, fiveXXByLabel, closedByLabel, extraByLabel;
    bool serverGone = false;

    Runner(Server &server, Generator &gen, int connections)
        : m_server(server), m_gen(gen), m_slots(connections)
    {
        for (Slot &s : m_slots)
            s.timer.setSingleShot(true);
        for (int i = 0; i < connections; ++i)
            QObject::connect(&m_slots[i].timer, &QTimer::timeout, this, [this, i] { onHang(i); });
        QObject::connect(&server.process(), &QProcess::finished, this, [this] {
            serverGone = true;
            m_loop.quit();
        });
    }

    // Runs n cases; false if the server went away.
    bool run(qint64 n)
    {
        m_remaining = n;
        for (int i = 0; i < int(m_slots.size()); ++i)
            startNext(i);
        if (m_inFlight > 0)
            m_loop.exec();
        return !serverGone;
    }
    QList<QByteArray> inFlight() const
    {
        QList<QByteArray> out;
        for (const Slot &s : m_slots)
            if (s.busy)
                out << s.c.label + ": " + printable(s.c.bytes, 300);
        return out;
    }

private:
    struct Slot {
        QTcpSocket *socket = nullptr;
        quint64 generation = 0;
        bool connected = false;
        bool busy = false;
        Case c;
        ResponseParser parser;
        QTimer timer;
    };

    void drop(Slot &s)
    {
        if (!s.socket)
            return;
        s.socket->disconnect(this);
        resetAndClose(s.socket);
        s.socket->deleteLater();
        s.socket = nullptr;
        s.connected = false;
    }

    void startNext(int i)
    {
        Slot &s = m_slots[i];
        if (serverGone || m_remaining <= 0) {
            if (m_inFlight == 0)
                m_loop.quit();
            return;
        }
        --m_remaining;
        ++m_inFlight;
        s.c = m_gen.next();
        s.busy = true;
        s.parser.reset(s.c.head);
        if (s.c.ownConnection || !s.socket || !s.connected)
            open(i);
        else
            send(i);
    }

    void open(int i)
    {
        Slot &s = m_slots[i];
        drop(s);
        s.socket = new QTcpSocket(this);
        const quint64 gen = ++s.generation;
        QTcpSocket *sock = s.socket;
        QObject::connect(sock, &QTcpSocket::connected, this, [this, i, gen] {
            if (m_slots[i].generation != gen)
                return;
            m_slots[i].connected = true;
            send(i);
        });
        QObject::connect(sock, &QTcpSocket::readyRead, this, [this, i, gen] {
            if (m_slots[i].generation == gen)
                onRead(i);
        });
        QObject::connect(sock, &QTcpSocket::disconnected, this, [this, i, gen] {
            if (m_slots[i].generation == gen)
                onClosed(i);
        });
        QObject::connect(sock, &QTcpSocket::errorOccurred, this,
                         [this, i, gen](QAbstractSocket::SocketError e) {
                             if (m_slots[i].generation != gen)
                                 return;
                             if (!m_slots[i].connected) {
                                 ++connectFailures;
                                 finish(i, -2, {});
                             } else if (e == QAbstractSocket::RemoteHostClosedError)
                                 onClosed(i);
                         });
        sock->connectToHost(m_server.host(), m_server.port());
        s.timer.start(kHangMs);
    }

    void send(int i)
    {
        Slot &s = m_slots[i];
        s.socket->write(s.c.bytes);
        s.timer.start(kHangMs);
    }

    void onRead(int i)
    {
        Slot &s = m_slots[i];
        const QByteArray bytes = s.socket->readAll();
        if (!s.busy) {
            // An answer after the one expected: the server read the last request as two.
            ++extraBytes;
            ++extraByLabel[s.c.label];
            if (firstExtra.size() < 5)
                firstExtra.append({s.c.label, s.c.bytes, bytes.left(400)});
            drop(s);
            return;
        }
        switch (s.parser.feed(bytes)) {
        case ResponseParser::State::Incomplete:
            return;
        case ResponseParser::State::Invalid:
            finish(i, -3, bytes);
            drop(s);
            return;
        case ResponseParser::State::Complete:
            break;
        }
        const Response &r = s.parser.response();
        const bool leftover = s.parser.hasLeftover();
        if (leftover) {
            // More than one answer to one request: the server read it as two.
            ++extraBytes;
            ++extraByLabel[s.c.label];
            if (firstExtra.size() < 5)
                firstExtra.append({s.c.label, s.c.bytes, bytes.left(400)});
        }
        const bool keep = !s.c.ownConnection && !r.closes() && !leftover;
        finish(i, r.status, r.body);
        if (!keep)
            drop(s);
    }

    void onClosed(int i)
    {
        Slot &s = m_slots[i];
        s.connected = false;
        if (s.busy)
            finish(i, -1, {});
        drop(s);
    }

    void onHang(int i)
    {
        Slot &s = m_slots[i];
        if (!s.busy)
            return;
        ++hangs;
        ++hangsByLabel[s.c.label];
        if (firstHangs.size() < 5)
            firstHangs.append({s.c.label, s.c.bytes, "(nothing within 10 s)"});
        finish(i, 0, {});
        drop(s);
    }

    void finish(int i, int status, const QByteArray &answer)
    {
        Slot &s = m_slots[i];
        if (!s.busy)
            return;
        s.busy = false;
        s.timer.stop();
        ++done;
        --m_inFlight;
        if (status != 0)
            ++byStatus[status];
        if (status == -1) {
            ++closed;
            ++closedByLabel[s.c.label];
        }
        if (status >= 500) {
            ++fiveXX;
            ++fiveXXByLabel[s.c.label];
            if (firstFiveXX.size() < 5)
                firstFiveXX.append({s.c.label, s.c.bytes, answer.left(300)});
        }
        QTimer::singleShot(0, this, [this, i] { startNext(i); });
    }

    Server &m_server;
    Generator &m_gen;
    std::vector<Slot> m_slots;
    QEventLoop m_loop;
    qint64 m_remaining = 0;
    int m_inFlight = 0;
};

bool fetch(const Server &server, const QByteArray &request, Response *r)
{
    Connection c;
    return c.open(server.host(), server.port()) && c.roundTrip(request, r);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    QCommandLineOption countOpt(QStringLiteral("count"), QStringLiteral("Requests (100000)."),
                                QStringLiteral("n"), QStringLiteral("100000"));
    QCommandLineOption connOpt(QStringLiteral("connections"),
                               QStringLiteral("Concurrent connections (8)."), QStringLiteral("n"),
                               QStringLiteral("8"));
    QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("Random seed (1)."),
                               QStringLiteral("n"), QStringLiteral("1"));
    QCommandLineOption warmOpt(QStringLiteral("warmup"),
                               QStringLiteral("Warm-up requests before the RSS baseline (5000)."),
                               QStringLiteral("n"), QStringLiteral("5000"));
    cli.addOptions({countOpt, connOpt, seedOpt, warmOpt});
    cli.process(app);
    const qint64 count = qMax<qint64>(1, cli.value(countOpt).toLongLong());
    const int connections = qMax(1, cli.value(connOpt).toInt());
    const quint32 seed = cli.value(seedOpt).toUInt();
    const qint64 warmup = qMax<qint64>(0, cli.value(warmOpt).toLongLong());
    const qint64 rssSlackKiB = 32 * 1024;

    raiseFdLimit();
    QTemporaryDir dir;
    Server server;
    if (!server.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--db"),
                       QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.sqlite")),
                       QStringLiteral("--files"), dir.filePath(QStringLiteral("files")),
                       QStringLiteral("--demo")},
                      dir.filePath(QStringLiteral("server.log")))) {
        out() << "onsite-server did not start: " << server.output() << server.logTail() << "\n";
        return 2;
    }

    // The world: a worker token, company tokens, ids to aim at.
    World w;
    Response r;
    if (!fetch(server,
               buildRequest("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                            R"({"email":"alex@demo.onsite","password":"onsite-demo"})"),
               &r) ||
        r.status != 200) {
        out() << "sign-in failed\n";
        return 2;
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
    out() << "bench_malformed: " << count << " requests over " << connections
          << " connections, seed " << seed << "; worker " << w.workerId << ", assignment "
          << w.assignment << " (the company's too), funds request "
          << (w.fundsRequest.isEmpty() ? QByteArray("(none)") : w.fundsRequest) << ", upload "
          << (w.upload.isEmpty() ? QByteArray("(none)") : w.upload) << ", file "
          << (w.file.isEmpty() ? QByteArray("(none)") : w.file) << ", calendar "
          << (w.calendar.isEmpty() ? "no" : "yes") << "\n";
    out().flush();

    Generator gen(w, seed);
    Runner runner(server, gen, connections);
    const qint64 pid = server.pid();
    bool alive = runner.run(warmup);
    QThread::msleep(500);
    const qint64 rssStart = rssKiB(pid);
    out() << "  after " << warmup << " warm-up requests: RSS " << rssStart / 1024.0 << " MiB\n";
    out().flush();
    // The figures count the measured requests only.
    runner.byStatus.clear();
    runner.done = runner.hangs = runner.fiveXX = runner.closed = runner.extraBytes =
        runner.connectFailures = 0;
    runner.firstFiveXX.clear();
    runner.firstHangs.clear();
    runner.firstExtra.clear();
    runner.hangsByLabel.clear();
    runner.fiveXXByLabel.clear();
    runner.closedByLabel.clear();
    runner.extraByLabel.clear();

    QElapsedTimer clock;
    clock.start();
    qint64 peakRss = rssStart;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &sampler,
                     [&] { peakRss = qMax(peakRss, rssKiB(pid)); });
    sampler.start(250);
    QTimer progress;
    QObject::connect(&progress, &QTimer::timeout, &progress, [&] {
        out() << "  ... " << runner.done << " done, " << runner.hangs << " hangs, " << runner.fiveXX
              << " 5xx, RSS " << rssKiB(pid) / 1024 << " MiB\n";
        out().flush();
    });
    progress.start(15000);
    if (alive)
        alive = runner.run(count);
    const double seconds = clock.elapsed() / 1000.0;
    progress.stop();
    sampler.stop();
    // The server gives freed memory back once it has been quiet for a 2 s tick.
    QThread::msleep(5000);
    alive = alive && server.alive();
    const qint64 rssEnd = alive ? rssKiB(pid) : -1;

    QStringList statusText;
    for (auto it = runner.byStatus.cbegin(); it != runner.byStatus.cend(); ++it)
        statusText << (it.key() == -1   ? QStringLiteral("closed without answer %1").arg(it.value())
                       : it.key() == -2 ? QStringLiteral("connect failed %1").arg(it.value())
                       : it.key() == -3 ? QStringLiteral("unreadable answer %1").arg(it.value())
                                        : QStringLiteral("%1: %2").arg(it.key()).arg(it.value()));
    out() << "  " << runner.done << " requests in " << seconds
          << " s: " << qRound(double(runner.done) / seconds) << " requests/s\n";
    out() << "  by status: " << statusText.join(QStringLiteral(", ")) << "\n";
    out() << "  5xx: " << runner.fiveXX << " (target 0)" << (runner.fiveXX ? "  FAIL" : "") << "\n";
    for (auto it = runner.fiveXXByLabel.cbegin(); it != runner.fiveXXByLabel.cend(); ++it)
        out() << "    " << it.value() << " x " << it.key() << "\n";
    for (const auto &f : runner.firstFiveXX)
        out() << "    5xx for " << f.label << ": " << printable(f.request)
              << "\n      answer: " << printable(f.answer, 200) << "\n";
    out() << "  hangs (no answer and no close within 10 s): " << runner.hangs << " (target 0)"
          << (runner.hangs ? "  FAIL" : "") << "\n";
    for (auto it = runner.hangsByLabel.cbegin(); it != runner.hangsByLabel.cend(); ++it)
        out() << "    " << it.value() << " x " << it.key() << "\n";
    for (const auto &f : runner.firstHangs)
        out() << "    hang: " << printable(f.request) << "\n";
    out() << "  closed without an answer (allowed): " << runner.closed << "\n";
    for (auto it = runner.closedByLabel.cbegin(); it != runner.closedByLabel.cend(); ++it)
        out() << "    " << it.value() << " x " << it.key() << "\n";
    out() << "  requests answered twice (read by the server as two requests): " << runner.extraBytes
          << "\n";
    for (auto it = runner.extraByLabel.cbegin(); it != runner.extraByLabel.cend(); ++it)
        out() << "    " << it.value() << " x " << it.key() << "\n";
    for (const auto &f : runner.firstExtra)
        out() << "    answered twice: " << printable(f.request)
              << "\n      answers: " << printable(f.answer, 400) << "\n";
    if (alive) {
        // The run's tokens must still be good, or most of it ran unauthenticated.
        Response me, company;
        fetch(server, buildRequest("GET", "/api/v1/me", {{"Authorization", bearer}}), &me);
        fetch(server,
              buildRequest("GET",
                           "/api/v1/company/assignments/" + QByteArray::number(w.companyAssignment),
                           {{"Authorization", "Bearer " + w.company}}),
              &company);
        out() << "  tokens still valid at the end: worker " << (me.status == 200 ? "yes" : "NO")
              << ", company " << (company.status == 200 ? "yes" : "NO") << "\n";
    }
    const bool rssOk = alive && rssEnd - rssStart <= rssSlackKiB;
    out() << "  server alive at the end: " << (alive ? "yes" : "NO  FAIL") << "\n";
    if (!alive) {
        out() << "    in flight when it went: " << runner.inFlight().join("\n    ")
              << "\n    exit code " << server.process().exitCode() << ", log tail:\n"
              << server.logTail() << "\n";
    }
    out() << "  server RSS: " << rssStart / 1024.0 << " MiB after warm-up, " << rssEnd / 1024.0
          << " MiB at the end (" << (rssEnd - rssStart) / 1024.0 << " MiB; target within 32), peak "
          << peakRss / 1024.0 << " MiB" << (rssOk ? "" : "  FAIL") << "\n";
    if (alive && rssEnd - rssStart > rssSlackKiB &&
        !QStandardPaths::findExecutable(QStringLiteral("gdb")).isEmpty()) {
        // Live memory or memory the allocator keeps? Ask the server's malloc to give back what
        // is free (gdb calls malloc_trim(0) in it) and look again: informational only.
        QProcess gdb;
        gdb.start(QStringLiteral("gdb"),
                  {QStringLiteral("-p"), QString::number(pid), QStringLiteral("-batch"),
                   QStringLiteral("-ex"), QStringLiteral("call (int) malloc_trim(0)")});
        gdb.waitForFinished(60000);
        out() << "  diagnosis: RSS after malloc_trim(0) in the server (via gdb): "
              << rssKiB(pid) / 1024.0 << " MiB (the rest of the growth was free memory the "
              << "allocator kept)\n";
    }
    out().flush();
    server.stop();
    return alive && rssOk && runner.fiveXX == 0 && runner.hangs == 0 ? 0 : 1;
}
