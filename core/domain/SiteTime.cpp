#include "SiteTime.h"

#include <QCoreApplication>
#include <QHash>

namespace onsite {

QDateTime SiteTime::inZone(const QDateTime &utc, const QString &ianaZone)
{
    // Making a QTimeZone reads the zone database; lists format thousands of times per load.
    thread_local QHash<QString, QTimeZone> zones;
    auto it = zones.find(ianaZone);
    if (it == zones.end())
        it = zones.insert(ianaZone, QTimeZone(ianaZone.toUtf8()));
    return it->isValid() ? utc.toTimeZone(*it) : utc.toUTC();
}

QString SiteTime::format(const QDateTime &utc, const QString &ianaZone, const QLocale &locale)
{
    if (!utc.isValid())
        return {};
    const QDateTime site = inZone(utc, ianaZone);
    return locale.toString(site, QStringLiteral("ddd d MMM yyyy HH:mm")) + QLatin1Char(' ') +
           site.timeZoneAbbreviation();
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
