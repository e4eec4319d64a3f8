#include "Timesheet.h"

#include "Enums.h"
#include "HtmlTable.h"
#include "SiteTime.h"

#include <QMap>
#include <QTimeZone>

namespace onsite {
namespace {

QString siteIso(const QDateTime &utc, const QString &zone)
{
    if (!utc.isValid())
        return {};
    return utc.toTimeZone(QTimeZone(zone.toUtf8())).toString(Qt::ISODate);
}

QString duration(qint64 seconds)
{
    return QStringLiteral("%1:%2")
        .arg(seconds / 3600)
        .arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QList<TimesheetRow> Timesheet::rows(const QList<Assignment> &assignments, const QDateTime &from,
                                    const QDateTime &to)
{
    QList<TimesheetRow> out;
    for (const Assignment &a : assignments)
        for (const TimeLog &l : a.timeLogs) {
            if (l.deleted || l.checkIn < from || l.checkIn >= to)
                continue;
            TimesheetRow r;
            r.assignmentId = a.id;
            r.title = a.title;
            r.company = a.company.name;
            r.timeZone = a.site.timeZone;
            r.checkIn = l.checkIn;
            r.checkOut = l.checkOut;
            r.seconds = l.checkOut.isValid() ? qMax<qint64>(0, l.checkIn.secsTo(l.checkOut)) : 0;
            r.source = toWire(l.source);
            r.edited = l.edited;
            r.note = l.note;
            out.append(r);
        }
    std::stable_sort(out.begin(), out.end(), [](const TimesheetRow &x, const TimesheetRow &y) {
        return x.checkIn < y.checkIn;
    });
    return out;
}

QString Timesheet::csvField(const QString &value)
{
    // Quoted when it holds a separator, a quote or a line break; a leading = + - @ is
    // prefixed with ' so a spreadsheet never runs a note as a formula.
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.at(0)))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) ||
        v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'))) {
        v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

QByteArray Timesheet::csv(const QList<TimesheetRow> &rows)
{
    QString out = QStringLiteral("assignment_id,assignment,company,site_time_zone,check_in_site,"
                                 "check_out_site,check_in_utc,check_out_utc,minutes,source,"
                                 "edited,note\r\n");
    for (const TimesheetRow &r : rows) {
        const QStringList fields{QString::number(r.assignmentId),
                                 r.title,
                                 r.company,
                                 r.timeZone,
                                 siteIso(r.checkIn, r.timeZone),
                                 siteIso(r.checkOut, r.timeZone),
                                 r.checkIn.toUTC().toString(Qt::ISODate),
                                 r.checkOut.isValid() ? r.checkOut.toUTC().toString(Qt::ISODate)
                                                      : QString(),
                                 r.checkOut.isValid() ? QString::number(r.seconds / 60) : QString(),
                                 r.source,
                                 r.edited ? QStringLiteral("yes") : QStringLiteral("no"),
                                 r.note};
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QString Timesheet::html(const QList<TimesheetRow> &rows, const QDateTime &from, const QDateTime &to,
                        const QString &worker)
{
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString h = QStringLiteral("<h1>%1</h1><p>%2</p>")
                    .arg(esc(tr("Timesheet")),
                         esc(tr("%1 — %2 to %3")
                                 .arg(worker, QLocale().toString(from.toLocalTime().date()),
                                      QLocale().toString(to.toLocalTime().addSecs(-1).date()))));
    QList<QStringList> cells;
    QMap<qint64, qint64> perAssignment;
    QMap<qint64, QString> names;
    qint64 total = 0;
    for (const TimesheetRow &r : rows) {
        cells << QStringList{QStringLiteral("#%1 %2").arg(r.assignmentId).arg(r.title),
                             SiteTime::format(r.checkIn, r.timeZone),
                             r.checkOut.isValid() ? SiteTime::format(r.checkOut, r.timeZone)
                                                  : tr("on site"),
                             r.checkOut.isValid() ? duration(r.seconds) : QString(),
                             r.source + (r.edited ? tr(", edited") : QString()),
                             r.note};
        perAssignment[r.assignmentId] += r.seconds;
        names[r.assignmentId] = r.title;
        total += r.seconds;
    }
    h += HtmlTable::bordered({tr("Assignment"), tr("Check-in (site time)"),
                              tr("Check-out (site time)"), tr("Time"), tr("Source"), tr("Note")},
                             cells);
    h += QStringLiteral("<h2>%1</h2><table cellpadding='3'>").arg(esc(tr("Totals")));
    for (auto it = perAssignment.cbegin(); it != perAssignment.cend(); ++it)
        h += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td></tr>")
                 .arg(esc(QStringLiteral("#%1 %2").arg(it.key()).arg(names.value(it.key()))),
                      duration(it.value()));
    h += QStringLiteral("<tr><td><b>%1</b></td><td align='right'><b>%2</b></td></tr></table>")
             .arg(esc(tr("All visits (%n)", nullptr, int(rows.size()))), duration(total));
    return h;
}

} // namespace onsite
