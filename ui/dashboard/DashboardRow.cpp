#include "DashboardRow.h"

#include "FieldReports.h"
#include "MessageThread.h"
#include "Rules.h"
#include "SiteTime.h"
#include "TimeOnSite.h"

#include <QStringBuilder>

namespace onsite {

DashboardRow DashboardRow::from(const AssignmentSummary &s, const QDateTime &now)
{
    DashboardRow r;
    r.id = s.id;
    r.title = s.title;
    r.company = s.company;
    r.city = s.region.isEmpty() ? s.city : s.city + QStringLiteral(", ") + s.region;
    r.timeZone = s.timeZone;
    r.startMs = s.startMs;
    r.scheduled = SiteTime::format(QDateTime::fromMSecsSinceEpoch(s.startMs, Qt::UTC), s.timeZone);
    r.status = s.status;
    r.labels = Rules::labelsAt(s.potentialLabels, now);
    r.done = s.done;
    r.required = s.required;
    r.nextDue = s.nextWhat;
    r.nextDueMs = s.nextDueMs;
    r.nextKey = s.nextKey;
    r.checkinOpensMs = s.checkinOpensMs;
    r.openSinceMs = s.openSinceMs;
    r.endMs = s.endMs;
    r.etaMs = s.etaMs;
    r.unreadMessages = s.unreadMessages;
    for (const Label &l : s.potentialLabels)
        if (l.code == QLatin1String("deliverables_late"))
            r.deliverablesDueMs = l.since.toMSecsSinceEpoch();
    // "in 1 h 59 min" stays whole when a narrow window wraps the column onto two lines.
    if (s.nextDueMs)
        r.nextDue += QStringLiteral(" · ") +
                     SiteTime::relative(QDateTime::fromMSecsSinceEpoch(s.nextDueMs, Qt::UTC), now)
                         .replace(QLatin1Char(' '), QChar::Nbsp);
    // The reload every minute keeps it running.
    if (s.openSinceMs)
        r.nextDue +=
            QStringLiteral(" · ") + TimeOnSite::onSiteFor(now.toMSecsSinceEpoch() - s.openSinceMs)
                                        .replace(QLatin1Char(' '), QChar::Nbsp);
    if (s.etaMs)
        r.nextDue +=
            QStringLiteral(" · ") +
            FieldReports::etaShort(s.etaMs, s.timeZone).replace(QLatin1Char(' '), QChar::Nbsp);
    // New messages first: the company is waiting for an answer.
    if (s.unreadMessages)
        r.nextDue =
            MessageThread::unreadShort(s.unreadMessages).replace(QLatin1Char(' '), QChar::Nbsp) +
            QStringLiteral(" · ") + r.nextDue;
    // One allocation for the whole text (QStringBuilder), as a list loads thousands of rows.
    const QChar sp = QLatin1Char(' ');
    QString text = QLatin1Char('#') % QString::number(s.id) % sp % r.title % sp % r.company % sp %
                   r.city % sp % r.scheduled % sp % Rules::statusText(s.status) % sp % r.nextDue %
                   sp % s.address % sp % s.postalCode;
    for (const Label &l : r.labels)
        text += QLatin1Char(' ') + l.text;
    r.haystack = text.replace(QChar::Nbsp, QLatin1Char(' ')).toLower().toUtf8();
    return r;
}

DashboardRow DashboardRow::from(const Assignment &a, const QDateTime &now)
{
    return from(AssignmentSummary::of(a), now);
}

} // namespace onsite
