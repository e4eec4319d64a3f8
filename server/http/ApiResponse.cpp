#include "ApiResponse.h"

#include <QJsonDocument>

namespace onsite::server {

ApiResponse ApiResponse::json(const QJsonObject &o, int status)
{
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::error(const ApiError &e)
{
    ApiResponse r =
        json({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), e.code},
                                                    {QStringLiteral("message"), e.message}}}},
             e.status);
    if (e.status == 429)
        r.headers.append(qMakePair(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("900")));
    return r;
}

} // namespace onsite::server
