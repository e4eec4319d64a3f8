#include "AssignmentSummary.h"

#include "FieldReports.h"
#include "MessageThread.h"
#include "Rules.h"
#include "TimeOnSite.h"

namespace onsite {

AssignmentSummary AssignmentSummary::of(const Assignment &a)
{
    AssignmentSummary s;
    s.id = a.id;
    s.title = a.title;
    s.company = a.company.name;
    s.city = a.site.city;
    s.region = a.site.region;
    s.address = a.site.address;
    s.postalCode = a.site.postalCode;
    s.timeZone = a.site.timeZone;
    s.startMs = a.schedule.start.toMSecsSinceEpoch();
    if (a.schedule.start.isValid())
        s.checkinOpensMs = Rules::checkinWindowOpens(a).toMSecsSinceEpoch();
    if (a.schedule.end.isValid())
        s.endMs = a.schedule.end.toMSecsSinceEpoch();
    if (const QDateTime open = TimeOnSite::openSince(a); open.isValid())
        s.openSinceMs = open.toMSecsSinceEpoch();
    if (const EtaReport *eta = FieldReports::pendingEta(a))
        s.etaMs = eta->eta.toMSecsSinceEpoch();
    s.unreadMessages = MessageThread::unreadCount(a);
    s.status = a.status;
    const ChecklistProgress p = Rules::checklist(a);
    s.done = p.requiredDone;
    s.required = p.requiredTotal;
    const NextDue due = Rules::nextDue(a);
    s.nextKey = due.key;
    s.nextWhat = due.what;
    s.nextDueMs = due.deadline.isValid() ? due.deadline.toMSecsSinceEpoch() : 0;
    s.potentialLabels = Rules::potentialLabels(a);
    return s;
}

QString AssignmentSummary::labelsColumn(const QList<Label> &potential)
{
    QStringList parts;
    for (const Label &l : potential)
        parts << l.code + QLatin1Char('@') + QString::number(l.since.toMSecsSinceEpoch());
    return parts.join(QLatin1Char(';'));
}

QList<Label> AssignmentSummary::parseLabelsColumn(const QString &column)
{
    QList<Label> out;
    for (QStringView part : QStringView(column).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype at = part.indexOf(QLatin1Char('@'));
        if (at <= 0)
            continue;
        const QString code = part.left(at).toString();
        out.append({code, Rules::labelText(code),
                    QDateTime::fromMSecsSinceEpoch(part.mid(at + 1).toLongLong(), Qt::UTC)});
    }
    return out;
}

} // namespace onsite
