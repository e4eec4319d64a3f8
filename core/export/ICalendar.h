#pragma once

#include "Assignment.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace onsite {

// The worker's schedule as an iCalendar (RFC 5545) file: one event per assignment, in the
// site's time zone (with a VTIMEZONE built from the zone's own transitions, so calendars
// without the IANA database place it right), the site's address as the location. Shared by
// the app's "Export calendar" and the server's subscription feed.
class ICalendar
{
    Q_DECLARE_TR_FUNCTIONS(ICalendar)
public:
    static QByteArray build(const QList<Assignment> &assignments, const QDateTime &now,
                            const QString &calendarName);
    // TEXT value escaping (backslash, semicolon, comma, newline).
    static QString escape(const QString &text);
    // Lines longer than 75 octets folded with CRLF + space, without splitting a UTF-8 sequence.
    static QByteArray fold(const QByteArray &line);
};

} // namespace onsite
