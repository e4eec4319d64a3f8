#include "FieldReports.h"

#include "Rules.h"
#include "SiteTime.h"
#include "TimeOnSite.h"

#include <QLocale>

namespace onsite {

QString FieldReports::etaBlocker(const Assignment &a, const QDateTime &at)
{
    if (!Rules::isActive(a))
        return tr("This assignment is %1: there is nothing to be late for.")
            .arg(Rules::statusText(a.status).toLower());
    if (!a.schedule.start.isValid())
        return tr("This assignment has no scheduled start to be late for.");
    if (hasArrived(a))
        return tr("You have checked in already.");
    const QDateTime closes = Rules::checkinWindowCloses(a);
    if (at > closes)
        return tr("The check-in window closed at %1. If you cannot make it, report a problem.")
            .arg(SiteTime::format(closes, a.site.timeZone));
    return {};
}

QString FieldReports::etaError(const Assignment &a, const QDateTime &eta, const QDateTime &at)
{
    if (!eta.isValid())
        return tr("Say when you expect to arrive.");
    if (eta <= at)
        return tr("%1 has already passed.").arg(SiteTime::format(eta, a.site.timeZone));
    if (a.schedule.end.isValid() && eta >= a.schedule.end)
        return tr("%1 is after the scheduled end (%2). If you cannot make it, report a problem.")
            .arg(SiteTime::format(eta, a.site.timeZone),
                 SiteTime::format(a.schedule.end, a.site.timeZone));
    return {};
}

bool FieldReports::hasArrived(const Assignment &a)
{
    return TimeOnSite::visitCount(a) > 0;
}

const EtaReport *FieldReports::pendingEta(const Assignment &a)
{
    if (a.etaReports.isEmpty() || hasArrived(a) || !Rules::isActive(a))
        return nullptr;
    return &a.etaReports.last();
}

QString FieldReports::etaShort(qint64 etaMs, const QString &ianaZone)
{
    const QDateTime site =
        SiteTime::inZone(QDateTime::fromMSecsSinceEpoch(etaMs, Qt::UTC), ianaZone);
    return tr("ETA %1 reported").arg(QLocale().toString(site.time(), QStringLiteral("HH:mm")));
}

QString FieldReports::problemKindText(ProblemKind k)
{
    switch (k) {
    case ProblemKind::NoAccess:
        return tr("Can't access the site");
    case ProblemKind::PartsMissing:
        return tr("Parts or materials missing");
    case ProblemKind::ScopeDiffers:
        return tr("The work differs from the order");
    case ProblemKind::CantMakeIt:
        return tr("Can't make it");
    case ProblemKind::Other:
        return tr("Other problem");
    }
    return {};
}

QList<ProblemKind> FieldReports::problemKinds()
{
    return {ProblemKind::NoAccess, ProblemKind::PartsMissing, ProblemKind::ScopeDiffers,
            ProblemKind::CantMakeIt, ProblemKind::Other};
}

} // namespace onsite
