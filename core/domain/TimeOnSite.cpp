#include "TimeOnSite.h"

#include "Rules.h"

#include <algorithm>

namespace onsite {

QDateTime TimeOnSite::openSince(const Assignment &a)
{
    const int open = Rules::openVisit(a);
    return open >= 0 ? a.timeLogs.at(open).checkIn : QDateTime();
}

qint64 TimeOnSite::totalMs(const Assignment &a, const QDateTime &now)
{
    qint64 total = 0;
    for (const TimeLog &l : a.timeLogs) {
        if (l.deleted || !l.checkIn.isValid())
            continue;
        const QDateTime end = l.checkOut.isValid() ? l.checkOut : now;
        total += qMax<qint64>(0, l.checkIn.msecsTo(end));
    }
    return total;
}

qint64 TimeOnSite::closedMs(const Assignment &a)
{
    qint64 total = 0;
    for (const TimeLog &l : a.timeLogs)
        if (!l.deleted && l.checkIn.isValid() && l.checkOut.isValid())
            total += qMax<qint64>(0, l.checkIn.msecsTo(l.checkOut));
    return total;
}

int TimeOnSite::visitCount(const Assignment &a)
{
    return int(std::count_if(a.timeLogs.cbegin(), a.timeLogs.cend(),
                             [](const TimeLog &l) { return !l.deleted; }));
}

QString TimeOnSite::duration(qint64 ms)
{
    // Counts computed first: lupdate 6.4 hangs on arithmetic inside a tr() call.
    const qint64 minutes = qMax<qint64>(0, ms) / 60000;
    const int hours = int(minutes / 60);
    const int rest = int(minutes % 60);
    if (hours == 0)
        return tr("%n min", nullptr, rest);
    return tr("%1 h %2 min").arg(hours).arg(rest);
}

QString TimeOnSite::onSiteFor(qint64 ms)
{
    return tr("on site for %1").arg(duration(ms));
}

bool TimeOnSite::stillOnSite(qint64 openSinceMs, qint64 endMs, qint64 nowMs)
{
    return openSinceMs > 0 && endMs > 0 && nowMs >= endMs + kReminderAfterEndMs;
}

} // namespace onsite
