#pragma once

#include "Assignment.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace onsite {

// Time on site (issue 14 §5): how long the open visit has run, the time across all visits,
// and when a worker still checked in after the scheduled end is reminded to check out. Time
// comes from the caller's clock.
class TimeOnSite
{
    Q_DECLARE_TR_FUNCTIONS(TimeOnSite)
public:
    // Still checked in this long after the scheduled end: "still on site? check out".
    static constexpr qint64 kReminderAfterEndMs = 30 * 60 * 1000;

    // The check-in of the open visit (Rules::openVisit); null when none is open.
    static QDateTime openSince(const Assignment &a);
    // Every visit not deleted, the open one counted up to `now`.
    static qint64 totalMs(const Assignment &a, const QDateTime &now);
    // The visits not deleted that are checked out, together (no clock needed).
    static qint64 closedMs(const Assignment &a);
    static int visitCount(const Assignment &a);
    // "45 min", "1 h 19 min", "26 h 5 min": whole minutes, never negative.
    static QString duration(qint64 ms);
    // "on site for 1 h 19 min", for a visit open this long.
    static QString onSiteFor(qint64 ms);
    // Whether a visit open since `openSinceMs` is still open `kReminderAfterEndMs` after the
    // scheduled end `endMs` at `nowMs`; false without an open visit or a scheduled end.
    static bool stillOnSite(qint64 openSinceMs, qint64 endMs, qint64 nowMs);
};

} // namespace onsite
