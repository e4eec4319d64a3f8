#include "ICalendar.h"

#include "Rules.h"

#include <QMap>
#include <QTimeZone>

namespace onsite {
namespace {

QByteArray utcStamp(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray localStamp(const QDateTime &wall)
{
    return wall.toString(QStringLiteral("yyyyMMdd'T'HHmmss")).toLatin1();
}

QByteArray offset(int seconds)
{
    const int m = qAbs(seconds) / 60;
    return (seconds < 0 ? "-" : "+") + QByteArray::number(m / 60).rightJustified(2, '0') +
           QByteArray::number(m % 60).rightJustified(2, '0');
}

// STANDARD/DAYLIGHT observances for [from, to]: one per transition, plus the state at `from`.
QByteArrayList vtimezone(const QString &zoneId, const QDateTime &from, const QDateTime &to)
{
    const QTimeZone zone(zoneId.toUtf8());
    QByteArrayList out{"BEGIN:VTIMEZONE", "TZID:" + zoneId.toUtf8()};
    auto observance = [&](bool daylight, const QDateTime &atUtc, int offsetFrom, int offsetTo,
                          const QString &abbreviation) {
        out << (daylight ? "BEGIN:DAYLIGHT" : "BEGIN:STANDARD");
        // DTSTART is the wall-clock time at the change, in the offset that was in force.
        out << "DTSTART:" + localStamp(atUtc.toUTC().addSecs(offsetFrom));
        out << "TZOFFSETFROM:" + offset(offsetFrom) << "TZOFFSETTO:" + offset(offsetTo);
        if (!abbreviation.isEmpty())
            out << "TZNAME:" + abbreviation.toUtf8();
        out << (daylight ? "END:DAYLIGHT" : "END:STANDARD");
    };
    const QTimeZone::OffsetData first = zone.offsetData(from);
    const QTimeZone::OffsetDataList changes = zone.transitions(from, to);
    // The state in force at `from`, as if it had begun a day earlier.
    const QDateTime start = from.addDays(-1);
    observance(first.daylightTimeOffset > 0, start, first.offsetFromUtc, first.offsetFromUtc,
               first.abbreviation);
    int previous = first.offsetFromUtc;
    for (const QTimeZone::OffsetData &c : changes) {
        observance(c.daylightTimeOffset > 0, c.atUtc, previous, c.offsetFromUtc, c.abbreviation);
        previous = c.offsetFromUtc;
    }
    out << "END:VTIMEZONE";
    return out;
}

QByteArray status(AssignmentStatus s)
{
    switch (s) {
    case AssignmentStatus::Cancelled:
        return "CANCELLED";
    case AssignmentStatus::Assigned:
        return "TENTATIVE";
    default:
        return "CONFIRMED";
    }
}

} // namespace

QString ICalendar::escape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char(';') || c == QLatin1Char(','))
            out += QLatin1Char('\\') + c;
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c != QLatin1Char('\r'))
            out += c;
    }
    return out;
}

QByteArray ICalendar::fold(const QByteArray &line)
{
    QByteArray out;
    int used = 0;
    for (int i = 0; i < line.size();) {
        // The whole UTF-8 sequence of the next character: a fold never splits one.
        const auto lead = static_cast<unsigned char>(line.at(i));
        const int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (used + length > 75) {
            out += "\r\n ";
            used = 1;
        }
        out += line.mid(i, length);
        used += length;
        i += length;
    }
    return out;
}

QByteArray ICalendar::build(const QList<Assignment> &assignments, const QDateTime &now,
                            const QString &calendarName)
{
    QByteArrayList lines{
        "BEGIN:VCALENDAR",    "VERSION:2.0",    "PRODID:-//Onsite//Onsite " ONSITE_VERSION "//EN",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(calendarName).toUtf8()};
    // Each zone once, covering all its events.
    QMap<QString, QPair<QDateTime, QDateTime>> zones;
    for (const Assignment &a : assignments) {
        if (!a.schedule.start.isValid() || !QTimeZone(a.site.timeZone.toUtf8()).isValid())
            continue;
        auto &range = zones[a.site.timeZone];
        range.first =
            range.first.isValid() ? qMin(range.first, a.schedule.start) : a.schedule.start;
        const QDateTime end = a.schedule.end.isValid() ? a.schedule.end : a.schedule.start;
        range.second = range.second.isValid() ? qMax(range.second, end) : end;
    }
    for (auto it = zones.cbegin(); it != zones.cend(); ++it)
        lines << vtimezone(it.key(), it.value().first, it.value().second);
    for (const Assignment &a : assignments) {
        if (!zones.contains(a.site.timeZone) || !a.schedule.start.isValid())
            continue;
        const QTimeZone zone(a.site.timeZone.toUtf8());
        const QDateTime end =
            a.schedule.end.isValid() ? a.schedule.end : a.schedule.start.addSecs(3600);
        const QByteArray tzid = "TZID=" + a.site.timeZone.toUtf8();
        QStringList place{a.site.address, a.site.city, a.site.region, a.site.postalCode,
                          a.site.country};
        place.removeAll(QString());
        QString description =
            tr("%1 for %2. Status: %3.").arg(a.title, a.company.name, Rules::statusText(a.status));
        if (a.schedule.isWindow)
            description += QLatin1Char(' ') + tr("Arrive any time in this window.");
        if (!a.instructions.isEmpty())
            description += QLatin1Char('\n') + a.instructions;
        lines << "BEGIN:VEVENT"
              << "UID:assignment-" + QByteArray::number(a.id) + "@onsite"
              << "DTSTAMP:" + utcStamp(now) << "SEQUENCE:" + QByteArray::number(a.rev)
              << "DTSTART;" + tzid + ":" + localStamp(a.schedule.start.toTimeZone(zone))
              << "DTEND;" + tzid + ":" + localStamp(end.toTimeZone(zone))
              << "SUMMARY:" +
                     escape(QStringLiteral("#%1 %2 — %3").arg(a.id).arg(a.title, a.company.name))
                         .toUtf8()
              << "LOCATION:" + escape(place.join(QStringLiteral(", "))).toUtf8()
              << "DESCRIPTION:" + escape(description).toUtf8() << "STATUS:" + status(a.status)
              << "END:VEVENT";
    }
    lines << "END:VCALENDAR";
    QByteArray out;
    for (const QByteArray &l : lines)
        out += fold(l) + "\r\n";
    return out;
}

} // namespace onsite
