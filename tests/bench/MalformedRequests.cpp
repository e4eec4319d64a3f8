// bench_malformed's case catalogue: odd query strings, paths, methods, tus requests and headers.

#include "MalformedGenerator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <cstring>

namespace bench {

MalformedCase MalformedGenerator::queryCase()
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
                                  "??since=1", "since=1#frag", "#", "a=b=c", "%3D%26", "since[]=1",
                                  "since%00=1", ";since=1"});
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
    MalformedCase c;
    c.bytes = buildRequest("GET", path + '?' + q, auth(r.auth));
    c.label = "query GET " + r.path;
    return c;
}

MalformedCase MalformedGenerator::pathCase()
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
    MalformedCase c;
    const bool body = r.body != Body::None;
    c.bytes = buildRequest(r.method, path, auth(r.auth, r.method != "DELETE"),
                           body ? QByteArray("{}") : QByteArray(), body);
    c.head = r.method == "HEAD";
    c.label = "path " + r.method + ' ' + r.path;
    return c;
}

MalformedCase MalformedGenerator::methodCase()
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
    MalformedCase c;
    c.bytes = buildRequest(method, fill(r.path), auth(r.auth, !r.path.endsWith("/session")),
                           body ? QByteArray("{}") : QByteArray(), body);
    c.head = method == "HEAD";
    c.label = "method " + method.left(20) + ' ' + r.path;
    return c;
}

MalformedCase MalformedGenerator::tusCase()
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
        chance(80) ? m_w.upload
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
                    "sha1 " + QCryptographicHash::hash(body, QCryptographicHash::Sha1).toBase64(),
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
    MalformedCase c;
    c.bytes = buildRequest(method, path, h, body, method == "PATCH" || method == "POST");
    c.head = method == "HEAD";
    c.label = "tus " + method + (path.endsWith("/uploads") ? " /uploads" : " /uploads/{id}");
    return c;
}

QByteArray MalformedGenerator::metadata()
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

MalformedCase MalformedGenerator::headerCase()
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
    MalformedCase c;
    c.bytes = buildRequest(r.method, fill(r.path), h, body, !body.isEmpty());
    c.head = r.method == "HEAD";
    c.label = "header " + r.method + ' ' + r.path;
    return c;
}

} // namespace bench
