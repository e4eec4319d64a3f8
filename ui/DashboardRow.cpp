#include "DashboardRow.h"

#include "Rules.h"
#include "SiteTime.h"

namespace onsite {

DashboardRow DashboardRow::from(const Assignment &a, const QDateTime &now)
{
    DashboardRow r;
    r.id = a.id;
    r.title = a.title;
    r.company = a.company.name;
    r.city = a.site.region.isEmpty() ? a.site.city : a.site.city + QStringLiteral(", ") + a.site.region;
    r.timeZone = a.site.timeZone;
    r.startMs = a.schedule.start.toMSecsSinceEpoch();
    r.scheduled = SiteTime::format(a.schedule.start, a.site.timeZone);
    r.status = a.status;
    r.labels = Rules::labels(a, now);
    const ChecklistProgress p = Rules::checklist(a);
    r.done = p.requiredDone;
    r.required = p.requiredTotal;
    const NextDue due = Rules::nextDue(a);
    r.nextDue = due.what;
    if (due.deadline.isValid()) {
        r.nextDueMs = due.deadline.toMSecsSinceEpoch();
        r.nextDue += QStringLiteral(" · ") + SiteTime::relative(due.deadline, now);
    }
    QString labelText;
    for (const Label &l : r.labels)
        labelText += l.text + QLatin1Char(' ');
    r.haystack = (QString::number(a.id) + QLatin1Char(' ') + r.title + QLatin1Char(' ') +
                  r.company + QLatin1Char(' ') + r.city + QLatin1Char(' ') + r.scheduled +
                  QLatin1Char(' ') + Rules::statusText(a.status) + QLatin1Char(' ') + labelText +
                  r.nextDue + QLatin1Char(' ') + a.site.address + QLatin1Char(' ') +
                  a.site.postalCode)
                     .toLower();
    return r;
}

} // namespace onsite
