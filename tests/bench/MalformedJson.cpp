// bench_malformed's case catalogue: mutated JSON bodies, and the phone system's signatures.

#include "MalformedGenerator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <cstring>

namespace bench {

QJsonObject MalformedGenerator::baseBody(Body b)
{
    switch (b) {
    case Body::Session:
        return {
            {QStringLiteral("email"), any(QList<QString>{QStringLiteral("alex@demo.onsite"),
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
        return {{QStringLiteral("worker_id"), m_w.workerId},
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
                   : QJsonObject{
                         {QStringLiteral("schedule"),
                          QJsonObject{
                              {QStringLiteral("start"), QStringLiteral("2030-02-10T15:00:00Z")},
                              {QStringLiteral("end"), QStringLiteral("2030-02-10T18:00:00Z")}}}};
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

QJsonObject MalformedGenerator::op()
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

QJsonValue MalformedGenerator::withMarker(const QJsonValue &v, int depth)
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

QByteArray MalformedGenerator::replaceValue(const QJsonObject &base, const QByteArray &literal)
{
    QByteArray text = QJsonDocument(withMarker(base, 0).toObject()).toJson(QJsonDocument::Compact);
    return text.replace("\"@@MUTATION@@\"", literal);
}

QByteArray MalformedGenerator::nested(int depth, bool objects, bool closed)
{
    QByteArray open, close;
    for (int i = 0; i < depth; ++i) {
        open += objects ? "{\"a\":" : "[";
        close += objects ? "}" : "]";
    }
    return open + "1" + (closed ? close : QByteArray());
}

QByteArray MalformedGenerator::oddLiteral()
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

QByteArray MalformedGenerator::badUtf8()
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

QByteArray MalformedGenerator::mutateJson(Body b, bool *overLimit)
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
        return replaceValue(
            base, any(QList<QByteArray>{"\"\\\"", "\"\\u\"", "\"\\\\\"", "\"\\/\\b\\f\\n\\r\\t\"",
                                        "\"\\ud83d\\ude00\"", "\"\\q\""}));
    default: // unchanged: the route's own checks
        return text;
    }
}

MalformedCase MalformedGenerator::jsonCase()
{
    const Route r = route([](const Route &x) { return x.body != Body::None; });
    bool overLimit = false;
    QByteArray body = r.body == Body::Empty ? any(QList<QByteArray>{"", "{}", "{\"x\":1}", "[]"})
                                            : mutateJson(r.body, &overLimit);
    if (r.body == Body::Empty && chance(50))
        body = mutateJson(Body::Empty, &overLimit);
    auto headers = r.body == Body::Phone ? phoneHeaders(body) : auth(r.auth, r.method != "DELETE");
    headers.prepend({"Content-Type",
                     chance(90)
                         ? QByteArray("application/json")
                         : any(QList<QByteArray>{"text/plain", "application/json; charset=utf-16",
                                                 "multipart/form-data; boundary=x", ""})});
    MalformedCase c;
    c.bytes = buildRequest(r.method, fill(r.path), headers, body, true);
    c.label = "json " + r.method + ' ' + r.path;
    c.ownConnection = overLimit; // refused from its headers, then closed
    return c;
}

QList<QPair<QByteArray, QByteArray>> MalformedGenerator::phoneHeaders(const QByteArray &body)
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
    const QByteArray sig = "sha256=" + QMessageAuthenticationCode::hash(ts + '.' + body, secret,
                                                                        QCryptographicHash::Sha256)
                                           .toHex();
    QList<QPair<QByteArray, QByteArray>> h{{"X-Onsite-Timestamp", ts}};
    add(h, "X-Onsite-Signature",
        chance(90) ? sig
                   : any(QList<QByteArray>{"", "sha256=", "md5=abc", sig.left(20), sig + "00",
                                           sig.toUpper()}));
    return h;
}

} // namespace bench
