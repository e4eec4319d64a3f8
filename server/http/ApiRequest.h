#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

namespace onsite::server {

// What a handler needs of an HTTP request, copied out of QHttpServerRequest (which cannot be
// copied or outlive the event-loop callback) so the work can run on the database pool.
struct ApiRequest {
    QString method; // "GET", "POST", ...
    QString path;   // below /api/v1/, without leading slash, e.g. "assignments/12"
    QStringList segments;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;
    // The database's version, when it was taken for this request after it arrived (HttpRoutes,
    // on PostgreSQL): the handler then answers from memory without waiting for it itself.
    bool versionTaken = false;
    std::optional<QByteArray> version;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    QString bearerToken() const
    {
        const QByteArray auth = header("Authorization");
        return auth.startsWith("Bearer ") ? QString::fromLatin1(auth.mid(7)).trimmed() : QString();
    }
};

} // namespace onsite::server
