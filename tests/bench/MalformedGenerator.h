#pragma once

// bench_malformed's case catalogue: from a seed, requests over every route with mutated JSON
// bodies, odd headers, query strings, paths and methods, invalid tus requests, signed and
// unsigned phone events, and raw HTTP garbage. MalformedGenerator.cpp: the routes, tokens and
// helpers; MalformedJson.cpp: JSON bodies; MalformedRequests.cpp: queries, paths, methods, tus,
// headers; MalformedRaw.cpp: raw HTTP.

#include "MalformedCase.h"
#include "MalformedWorld.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QUuid>
#include <functional>
#include <random>

namespace bench {

constexpr qint64 kMaxJson = 1024 * 1024; // the server's JSON body limit (README)

using Headers = QList<QPair<QByteArray, QByteArray>>;

inline void add(Headers &h, const QByteArray &name, const QByteArray &value)
{
    h.append(qMakePair(name, value));
}

class MalformedGenerator
{
public:
    MalformedGenerator(const MalformedWorld &w, quint32 seed) : m_w(w), m_rng(seed) {}

    MalformedCase next();

private:
    enum class Auth { None, Worker, Company, Broken };
    enum class Body { None, Empty, Session, Ops, CompanyCreate, CompanyPatch, Decision, Phone };
    struct Route {
        QByteArray method;
        QByteArray path; // {a} {c} {r} {u} {f} {k}: the world's ids
        Body body;
        Auth auth;
    };

    MalformedCase pick();
    int pick(int n) { return n <= 1 ? 0 : int(m_rng() % quint32(n)); }
    bool chance(int percent) { return pick(100) < percent; }
    template <typename T> const T &any(const QList<T> &list)
    {
        return list.at(pick(int(list.size())));
    }
    QByteArray uuid() { return QUuid::createUuid().toByteArray(QUuid::WithoutBraces); }
    QByteArray randomBytes(int n);
    QByteArray randomText(int n, const char *alphabet = "abcdefghijklmnopqrstuvwxyz0123456789");
    QByteArray iso(qint64 offsetSecs = 0);
    static const QList<Route> &routes();
    QByteArray fill(QByteArray path);

    // A route to mutate: the cancel route rarely (it ends the company's assignment).
    Route route(std::function<bool(const Route &)> filter = {});
    QList<QPair<QByteArray, QByteArray>> auth(Auth preferred, bool allowWorker = true);

    // --- JSON bodies ---

    QJsonObject baseBody(Body b);
    QJsonObject op();

    // The value at a random place in the document replaced by a marker string.
    QJsonValue withMarker(const QJsonValue &v, int depth);
    QByteArray replaceValue(const QJsonObject &base, const QByteArray &literal);
    QByteArray nested(int depth, bool objects, bool closed);
    QByteArray oddLiteral();
    QByteArray badUtf8();
    QByteArray mutateJson(Body b, bool *overLimit);
    MalformedCase jsonCase();
    QList<QPair<QByteArray, QByteArray>> phoneHeaders(const QByteArray &body);

    // --- query strings, paths, methods ---

    MalformedCase queryCase();
    MalformedCase pathCase();
    MalformedCase methodCase();

    // --- tus ---

    MalformedCase tusCase();
    QByteArray metadata();

    // --- headers on well-framed requests ---

    MalformedCase headerCase();

    // --- raw bytes: each on its own connection ---

    MalformedCase rawCase();

    MalformedWorld m_w;
    std::mt19937 m_rng;
};

} // namespace bench
