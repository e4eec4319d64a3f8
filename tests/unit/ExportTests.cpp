#include <catch2/catch.hpp>

#include "AssignmentRecord.h"
#include "CatchQt.h"
#include "Fixtures.h"
#include "ICalendar.h"
#include "Timesheet.h"

#include <QMap>
#include <QTimeZone>

using namespace onsite;
using namespace onsite::test;

namespace {

Assignment at(qint64 id, const char *startUtc, const char *zone)
{
    Assignment a = sampleAssignment(id);
    a.site.timeZone = QString::fromLatin1(zone);
    a.schedule.start = utc(startUtc);
    a.schedule.end = a.schedule.start.addSecs(3 * 3600);
    return a;
}

// A small reader for what ICalendar writes: unfolded content lines.
QStringList unfold(const QByteArray &ics)
{
    QStringList lines;
    for (const QByteArray &physical : ics.split('\n')) {
        QByteArray l = physical;
        if (l.endsWith('\r'))
            l.chop(1);
        if (l.isEmpty())
            continue;
        if (l.startsWith(' '))
            lines.last() += QString::fromUtf8(l.mid(1));
        else
            lines << QString::fromUtf8(l);
    }
    return lines;
}

QString unescape(const QString &v)
{
    QString out;
    for (int i = 0; i < v.size(); ++i) {
        if (v.at(i) == QLatin1Char('\\') && i + 1 < v.size()) {
            ++i;
            out += v.at(i) == QLatin1Char('n') ? QLatin1Char('\n') : v.at(i);
        } else {
            out += v.at(i);
        }
    }
    return out;
}

int offsetSecs(const QString &v) // "+0530" / "-0400"
{
    const int sign = v.startsWith(QLatin1Char('-')) ? -1 : 1;
    return sign * (v.mid(1, 2).toInt() * 3600 + v.mid(3, 2).toInt() * 60);
}

struct Observance {
    QDateTime start; // wall clock, as written
    int offsetTo = 0;
};

// The instant a DTSTART;TZID=... wall time names, using only the file's own VTIMEZONE.
QDateTime resolve(const QList<Observance> &zone, const QString &wall)
{
    const QDateTime local = QDateTime::fromString(wall, QStringLiteral("yyyyMMdd'T'HHmmss"));
    int offset = 0;
    QDateTime best;
    for (const Observance &o : zone)
        if (o.start <= local && (!best.isValid() || o.start > best)) {
            best = o.start;
            offset = o.offsetTo;
        }
    REQUIRE(best.isValid());
    return QDateTime(local.date(), local.time(), Qt::UTC).addSecs(-offset);
}

} // namespace

TEST_CASE("calendar: the iCalendar file parsed back gives each assignment's start in its zone",
          "[calendar]")
{
    QList<Assignment> all;
    all << at(1, "2026-07-10T13:00:00Z", "America/New_York") // EDT, -04:00
        << at(2, "2026-12-10T14:00:00Z", "America/New_York") // EST, -05:00
        << at(3, "2026-03-29T00:30:00Z", "Europe/London")    // the night clocks go forward
        << at(4, "2026-05-01T04:30:00Z", "Asia/Kolkata");    // +05:30, no DST
    all[0].site.address = QStringLiteral("1 Main St; Suite 4, Rear door");
    all[1].title = QStringLiteral("Réparer le terminal — café du coin, très long titre qui dépasse "
                                  "soixante-quinze octets");
    all[2].status = AssignmentStatus::Cancelled;
    const QByteArray ics =
        ICalendar::build(all, utc("2026-06-01T00:00:00Z"), QStringLiteral("Alex"));

    for (const QByteArray &physical : ics.split('\n'))
        CHECK(physical.size() <= 76); // 75 octets plus the CR
    CHECK(ics.endsWith("END:VCALENDAR\r\n"));
    CHECK(QString::fromUtf8(ics).isValidUtf16()); // no UTF-8 sequence split by folding

    QMap<QString, QList<Observance>> zones;
    QList<QMap<QString, QString>> events;
    QString zoneId;
    Observance pending;
    QMap<QString, QString> event;
    for (const QString &line : unfold(ics)) {
        const QString name = line.section(QLatin1Char(':'), 0, 0);
        const QString value = line.section(QLatin1Char(':'), 1);
        if (name == QLatin1String("TZID"))
            zoneId = value;
        else if (name == QLatin1String("DTSTART") && event.isEmpty())
            pending.start = QDateTime::fromString(value, QStringLiteral("yyyyMMdd'T'HHmmss"));
        else if (name == QLatin1String("TZOFFSETTO"))
            pending.offsetTo = offsetSecs(value);
        else if (line == QLatin1String("END:STANDARD") || line == QLatin1String("END:DAYLIGHT"))
            zones[zoneId] << pending;
        else if (line == QLatin1String("BEGIN:VEVENT"))
            event.insert(QStringLiteral("BEGIN"), QStringLiteral("VEVENT"));
        else if (line == QLatin1String("END:VEVENT")) {
            events << event;
            event.clear();
        } else if (!event.isEmpty())
            event.insert(name, value);
    }
    CHECK(zones.keys() == QStringList{QStringLiteral("America/New_York"),
                                      QStringLiteral("Asia/Kolkata"),
                                      QStringLiteral("Europe/London")});
    REQUIRE(events.size() == 4);
    for (int i = 0; i < 4; ++i) {
        const Assignment &a = all.at(i);
        const QMap<QString, QString> &e = events.at(i);
        const QString key = QStringLiteral("DTSTART;TZID=") + a.site.timeZone;
        REQUIRE(e.contains(key));
        CHECK(resolve(zones.value(a.site.timeZone), e.value(key)) == a.schedule.start);
        // And the wall time is what the zone database says it is.
        CHECK(e.value(key) == a.schedule.start.toTimeZone(QTimeZone(a.site.timeZone.toUtf8()))
                                  .toString(QStringLiteral("yyyyMMdd'T'HHmmss")));
        CHECK(resolve(zones.value(a.site.timeZone),
                      e.value(QStringLiteral("DTEND;TZID=") + a.site.timeZone)) == a.schedule.end);
        CHECK(e.value(QStringLiteral("UID")) == QStringLiteral("assignment-%1@onsite").arg(a.id));
    }
    CHECK(unescape(events.at(0).value(QStringLiteral("LOCATION")))
              .startsWith(QStringLiteral("1 Main St; Suite 4, Rear door, Chicago")));
    CHECK(unescape(events.at(1).value(QStringLiteral("SUMMARY"))).contains(all[1].title));
    CHECK(events.at(2).value(QStringLiteral("STATUS")) == QStringLiteral("CANCELLED"));
    CHECK(events.at(0).value(QStringLiteral("STATUS")) == QStringLiteral("CONFIRMED"));
}

TEST_CASE("timesheet: visits in the period as CSV, quoted safely, in site time and UTC",
          "[timesheet]")
{
    Assignment a = sampleAssignment(7);
    a.site.timeZone = QStringLiteral("America/Denver");
    a.timeLogs = {{QStringLiteral("in"), utc("2026-03-10T15:00:00Z"), utc("2026-03-10T17:30:00Z"),
                   QStringLiteral("Said \"hi\", fixed it\nthen left"), TimeLogSource::Desktop, true,
                   false},
                  {QStringLiteral("gone"),
                   utc("2026-03-11T15:00:00Z"),
                   utc("2026-03-11T16:00:00Z"),
                   {},
                   TimeLogSource::Desktop,
                   false,
                   true},
                  {QStringLiteral("formula"),
                   utc("2026-03-12T15:00:00Z"),
                   {},
                   QStringLiteral("=SUM(A1)"),
                   TimeLogSource::Phone,
                   false,
                   false},
                  {QStringLiteral("late"),
                   utc("2026-04-01T15:00:00Z"),
                   utc("2026-04-01T16:00:00Z"),
                   {},
                   TimeLogSource::Desktop,
                   false,
                   false}};
    const QList<TimesheetRow> rows =
        Timesheet::rows({a}, utc("2026-03-01T07:00:00Z"), utc("2026-04-01T06:00:00Z"));
    REQUIRE(rows.size() == 2); // the deleted visit and April's are out
    const QString csv = QString::fromUtf8(Timesheet::csv(rows));
    CHECK(csv.startsWith(QStringLiteral("assignment_id,assignment,company,site_time_zone,")));
    CHECK(csv.contains(QStringLiteral(
        "2026-03-10T09:00:00-06:00,2026-03-10T11:30:00-06:00,2026-03-10T15:00:00Z,"
        "2026-03-10T17:30:00Z,150,desktop,yes,\"Said \"\"hi\"\", fixed it\nthen left\"")));
    CHECK(csv.contains(QStringLiteral(",,,phone,no,'=SUM(A1)\r\n"))); // on site: no end, no minutes
    const QString html = Timesheet::html(rows, utc("2026-03-01T07:00:00Z"),
                                         utc("2026-04-01T06:00:00Z"), QStringLiteral("alex"));
    CHECK(html.contains(QStringLiteral("2:30")));
    CHECK(html.contains(QStringLiteral("All visits (2)")));
}

TEST_CASE("assignment record: visits with their earlier versions, files with checksums", "[record]")
{
    Assignment a = sampleAssignment(9);
    const QJsonArray history{QJsonObject{
        {QStringLiteral("log_id"), QStringLiteral("l1")},
        {QStringLiteral("replaced_at"), QStringLiteral("2026-03-10T18:00:00Z")},
        {QStringLiteral("previous"),
         QJsonObject{{QStringLiteral("check_in"), QStringLiteral("2026-03-10T14:00:00Z")},
                     {QStringLiteral("check_out"), QStringLiteral("2026-03-10T16:00:00Z")},
                     {QStringLiteral("note"), QStringLiteral("typo")}}}}};
    const QString html = AssignmentRecord::html(a, history, true, utc("2026-03-20T00:00:00Z"));
    CHECK(html.contains(a.deliverables.first().sha256));
    CHECK(html.contains(QStringLiteral("earlier version, replaced")));
    CHECK(html.contains(QStringLiteral("typo")));
    CHECK(html.contains(a.fundsRequests.first().reason));
    CHECK_FALSE(html.contains(QStringLiteral("could not be fetched")));
    CHECK(AssignmentRecord::html(a, {}, false, utc("2026-03-20T00:00:00Z"))
              .contains(QStringLiteral("could not be fetched")));
}
