#pragma once

#include "ApiError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace onsite::server {

// A handler's answer, built off the event loop and turned into a QHttpServerResponse by
// HttpRoutes (the one place that knows the Qt HttpServer API).
struct ApiResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString filePath;      // non-empty: the body is this file, streamed (downloads)
    qint64 fileSize = 0;   // bytes of the file sent (from fileOffset on)
    qint64 fileOffset = 0; // a range request's first byte
    // Set on a tus PATCH that came ahead of its upload's offset: the upload's id, so the
    // answer (409) may wait for the chunk before it (EarlyChunks).
    QString aheadOfUpload;

    static ApiResponse json(const QJsonObject &o, int status = 200);
    // A body already serialised as JSON.
    static ApiResponse jsonText(const QByteArray &body, int status = 200)
    {
        ApiResponse r;
        r.status = status;
        r.body = body;
        return r;
    }
    static ApiResponse error(const ApiError &e);
    static ApiResponse noContent()
    {
        ApiResponse r;
        r.status = 204;
        r.contentType.clear();
        return r;
    }
};

} // namespace onsite::server
