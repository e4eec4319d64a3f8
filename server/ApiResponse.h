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

    static ApiResponse json(const QJsonObject &o, int status = 200);
    static ApiResponse error(const ApiError &e);
    static ApiResponse noContent() { return {204, {}, {}, {}}; }
};

} // namespace onsite::server
