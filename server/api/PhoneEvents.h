#pragma once

#include "ApiRequest.h"
#include "ApiResponse.h"

#include <QDateTime>

namespace onsite::server {

// POST /phone/events: the phone system's webhook for check-ins and check-outs by phone.
// Signed with HMAC-SHA256 over "<timestamp>.<body>" with a shared secret
// (X-Onsite-Timestamp, X-Onsite-Signature: sha256=<hex>); the timestamp must be within five
// minutes, so a captured request cannot be replayed later. Each call_id counts once.
class PhoneEvents
{
public:
    static constexpr qint64 kMaxSkewSecs = 300;
    static void setSecret(const QString &secret);
    static QByteArray sign(const QByteArray &secret, const QByteArray &timestamp,
                           const QByteArray &body);
    static ApiResponse handle(const ApiRequest &r, const QDateTime &now);
};

} // namespace onsite::server
