#pragma once

#include "ApiError.h"

#include <QByteArray>
#include <QDateTime>

namespace onsite::server {

// The worker's private calendar subscription (DESIGN §1, issue "calendar"): a long random
// token in the URL is the credential, because calendar apps cannot send a session token.
// Stored only as a hash; asking for a new link replaces the old one, which stops working.
class CalendarFeed
{
public:
    // A new token for the worker (the earlier one, if any, is revoked).
    static QString newLink(qint64 workerId, ApiError *err);
    // The iCalendar file for the worker the token belongs to; 404 for an unknown token.
    static QByteArray feed(const QString &token, const QDateTime &now, ApiError *err);
};

} // namespace onsite::server
