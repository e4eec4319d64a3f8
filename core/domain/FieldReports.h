#pragma once

#include "Assignment.h"

#include <QCoreApplication>
#include <QList>

namespace onsite {

// Running late and problems on site (issue 14 §4): when a worker may report them and how they
// read, once for the app (which disables the action and says why) and the server (whose
// applier refuses with the same words). Reports are a record: added, never edited. Worker
// Late still follows Rules::isWorkerLate alone; an ETA explains, it does not excuse.
class FieldReports
{
    Q_DECLARE_TR_FUNCTIONS(FieldReports)
public:
    // Why no ETA can be reported at `at`, for people; empty when one can: active work with a
    // scheduled start, no visit yet, and the check-in window not yet closed.
    static QString etaBlocker(const Assignment &a, const QDateTime &at);
    // What is wrong with arriving at `eta`, told at `at`; empty when it is later than `at` and
    // before the scheduled end (arriving after the end is "can't make it", a problem).
    static QString etaError(const Assignment &a, const QDateTime &eta, const QDateTime &at);
    // Whether the worker has arrived: a visit that was not deleted.
    static bool hasArrived(const Assignment &a);
    // The latest ETA while it still matters (nothing checked in yet); nullptr otherwise.
    static const EtaReport *pendingEta(const Assignment &a);
    // "ETA 14:40 reported", the time in the site's zone.
    static QString etaShort(qint64 etaMs, const QString &ianaZone);
    static QString problemKindText(ProblemKind k);
    static QList<ProblemKind> problemKinds();
};

} // namespace onsite
