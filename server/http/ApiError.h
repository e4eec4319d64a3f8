#pragma once

#include <QString>

namespace onsite::server {

// A refusal the API reports as HTTP status plus {"error": {"code", "message"}}.
struct ApiError {
    int status = 0; // 0: no error
    QString code;
    QString message;

    explicit operator bool() const { return status != 0; }
    static ApiError badRequest(const QString &message)
    {
        return {400, QStringLiteral("bad_request"), message};
    }
    static ApiError notFound(const QString &what)
    {
        return {404, QStringLiteral("not_found"), QStringLiteral("No such %1.").arg(what)};
    }
    static ApiError internal()
    {
        return {500, QStringLiteral("internal"),
                QStringLiteral("The server could not complete the request; try again.")};
    }
};

} // namespace onsite::server
