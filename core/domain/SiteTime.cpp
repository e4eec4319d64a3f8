#include "SiteTime.h"

#include <QCoreApplication>
#include <QHash>
#include <QVector>
#include <limits>

namespace onsite {

QDateTime SiteTime::inZone(const QDateTime &utc, const QString &ianaZone)
{
    // Making a QTimeZone reads the zone database; lists format thousands of times per load.
    thread_local QHash<QString, QTimeZone> zones;
    auto it = zones.find(ianaZone);
    if (it == zones.end()) {
        // Bounded whatever the documents say (a handful of zones in practice).
        if (zones.size() >= 512)
            zones.clear();
        it = zones.insert(ianaZone, QTimeZone(ianaZone.toUtf8()));
    }
    return it->isValid() ? utc.toTimeZone(*it) : utc.toUTC();
}

QDateTime SiteTime::editorWallTime(const QDateTime &utc, const QString &ianaZone)
{
    const QDateTime site = inZone(utc, ianaZone);
    return QDateTime(site.date(), QTime(site.time().hour(), site.time().minute()), Qt::UTC);
}

QDateTime SiteTime::fromEditorWallTime(const QDateTime &wall, const QString &ianaZone)
{
    const QTimeZone zone(ianaZone.toUtf8());
    return zone.isValid() ? QDateTime(wall.date(), wall.time(), zone).toUTC()
                          : QDateTime(wall.date(), wall.time(), Qt::UTC);
}

namespace {

// A stretch of time in which a zone keeps one offset and abbreviation (between two of its
// transitions): a list formats thousands of instants, and converting each through the zone
// database dominated loading it.
struct OffsetSpan {
    qint64 fromMs = std::numeric_limits<qint64>::min();
    qint64 toMs = std::numeric_limits<qint64>::max(); // exclusive
    int offsetSecs = 0;
    QString abbreviation;
};

const OffsetSpan *spanAt(const QString &ianaZone, qint64 ms)
{
    thread_local QHash<QString, QVector<OffsetSpan>> spans;
    if (spans.size() >= 512 && !spans.contains(ianaZone))
        spans.clear();
    QVector<OffsetSpan> &list = spans[ianaZone];
    for (const OffsetSpan &s : std::as_const(list))
        if (s.fromMs <= ms && ms < s.toMs)
            return &s;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const QTimeZone zone = SiteTime::inZone(at, ianaZone).timeZone();
    // Zones without transitions (UTC, fixed offsets) and an unknown zone keep the plain path.
    if (!zone.isValid() || !zone.hasTransitions() || list.size() >= 64)
        return nullptr;
    OffsetSpan s;
    const QTimeZone::OffsetData data = zone.offsetData(at);
    if (!data.atUtc.isValid() || qAbs(data.offsetFromUtc) > 18 * 3600)
        return nullptr;
    s.offsetSecs = data.offsetFromUtc;
    s.abbreviation = data.abbreviation;
    // The last transition at or before `ms` and the first after it bound the span.
    const QTimeZone::OffsetData before = zone.previousTransition(at.addMSecs(1));
    const QTimeZone::OffsetData after = zone.nextTransition(at);
    if (before.atUtc.isValid())
        s.fromMs = before.atUtc.toMSecsSinceEpoch();
    if (after.atUtc.isValid())
        s.toMs = after.atUtc.toMSecsSinceEpoch();
    if (s.fromMs > ms || s.toMs <= ms)
        return nullptr;
    list.append(s);
    return &list.last();
}

} // namespace

QString SiteTime::format(const QDateTime &utc, const QString &ianaZone, const QLocale &locale)
{
    if (!utc.isValid())
        return {};
    const QString pattern = QStringLiteral("ddd d MMM yyyy HH:mm");
    const qint64 ms = utc.toMSecsSinceEpoch();
    // Years 1 to 9999 (what a document can say); beyond them, e.g. an instant computed far
    // out, adding the offset could overflow: the zone's own conversion handles those.
    constexpr qint64 kFirstMs = -62135596800000LL;
    constexpr qint64 kLastMs = 253402300799999LL;
    const OffsetSpan *span = ms >= kFirstMs && ms <= kLastMs ? spanAt(ianaZone, ms) : nullptr;
    if (span) {
        // The site's wall time, written as UTC so no zone is consulted again.
        const QDateTime wall =
            QDateTime::fromMSecsSinceEpoch(ms + qint64(span->offsetSecs) * 1000, Qt::UTC);
        return locale.toString(wall, pattern) + QLatin1Char(' ') + span->abbreviation;
    }
    const QDateTime site = inZone(utc, ianaZone);
    return locale.toString(site, pattern) + QLatin1Char(' ') + site.timeZoneAbbreviation();
}

QString SiteTime::formatLocal(const QDateTime &t, const QLocale &locale)
{
    return t.isValid() ? locale.toString(t.toLocalTime(), QStringLiteral("ddd d MMM yyyy HH:mm"))
                       : QString();
}

QString SiteTime::formatWithLocal(const QDateTime &utc, const QString &ianaZone,
                                  const QTimeZone &local, const QLocale &locale)
{
    if (!utc.isValid())
        return {};
    const QString site = format(utc, ianaZone, locale);
    const QDateTime there = inZone(utc, ianaZone);
    const QDateTime here = utc.toTimeZone(local);
    if (there.offsetFromUtc() == here.offsetFromUtc())
        return site;
    const QString hereText = here.date() == there.date()
                                 ? locale.toString(here.time(), QStringLiteral("HH:mm"))
                                 : locale.toString(here, QStringLiteral("ddd HH:mm"));
    return QCoreApplication::translate("SiteTime", "%1 (%2 your time)").arg(site, hereText);
}

QString SiteTime::relative(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    qint64 secs = now.secsTo(when);
    const bool past = secs < 0;
    secs = qAbs(secs);
    // Counts computed first: lupdate 6.4 hangs on arithmetic inside a translate() call.
    const int seconds = int(secs);
    const int minutes = int(secs / 60);
    const int days = int(secs / 86400);
    QString amount;
    if (secs < 60)
        amount = QCoreApplication::translate("SiteTime", "%n s", nullptr, seconds);
    else if (secs < 3600)
        amount = QCoreApplication::translate("SiteTime", "%n min", nullptr, minutes);
    else if (secs < 48 * 3600)
        amount = QCoreApplication::translate("SiteTime", "%1 h %2 min")
                     .arg(secs / 3600)
                     .arg((secs % 3600) / 60);
    else
        amount = QCoreApplication::translate("SiteTime", "%n d", nullptr, days);
    return past ? QCoreApplication::translate("SiteTime", "%1 ago").arg(amount)
                : QCoreApplication::translate("SiteTime", "in %1").arg(amount);
}

} // namespace onsite
