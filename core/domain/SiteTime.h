#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

namespace onsite {

// Shows instants the way a worker reads them: in the site's time zone, with the zone's
// abbreviation, and the machine's local time beside it when the two differ.
class SiteTime
{
public:
    static QDateTime inZone(const QDateTime &utc, const QString &ianaZone);
    // The site's wall-clock time of `utc` to whole minutes, written as UTC: what a date-time
    // editor holds, so this computer's own daylight-saving gaps never move a typed time.
    static QDateTime editorWallTime(const QDateTime &utc, const QString &ianaZone);
    // The instant of such a wall time at the site (an unknown zone reads it as UTC, as
    // inZone shows it).
    static QDateTime fromEditorWallTime(const QDateTime &wall, const QString &ianaZone);
    static QString format(const QDateTime &utc, const QString &ianaZone,
                          const QLocale &locale = QLocale());
    // "Tue 1 Dec 09:00 CST (16:00 your time)" when the local zone shows another wall time.
    static QString formatWithLocal(const QDateTime &utc, const QString &ianaZone,
                                   const QTimeZone &local = QTimeZone::systemTimeZone(),
                                   const QLocale &locale = QLocale());
    // An instant on this computer's clock ("Tue 1 Dec 2026 10:59"): the same writing as site
    // times, for things that happened here (a sync, a queued change), so no screen mixes formats.
    static QString formatLocal(const QDateTime &t, const QLocale &locale = QLocale());
    // "in 3 h 20 min" / "2 d ago", relative to now.
    static QString relative(const QDateTime &when, const QDateTime &now);
};

} // namespace onsite
