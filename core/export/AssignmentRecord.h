#pragma once

#include "Assignment.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onsite {

// An assignment's full record as HTML, printed to PDF by the app: what a worker hands over in
// a payment dispute. Schedule and confirmation, every time log with its earlier versions
// (`history` as GET /assignments/{id}/time_log_history gives it; empty when unknown), funds
// requests and decisions, deliverables with their SHA-256, close-out notes and the approval
// trail, in the site's time zone.
class AssignmentRecord
{
    Q_DECLARE_TR_FUNCTIONS(AssignmentRecord)
public:
    static QString html(const Assignment &a, const QJsonArray &history, bool historyKnown,
                        const QDateTime &now);

private:
    static QString when(const QDateTime &t, const QString &timeZone);
    static QString summary(const Assignment &a);
    static QString visits(const Assignment &a, const QJsonArray &history, bool historyKnown);
    static QList<QStringList> earlierVersions(const TimeLog &l, const QJsonArray &history,
                                              const QString &timeZone);
    static QString requests(const Assignment &a);
    static QString files(const Assignment &a);
    // Running late and problems told, and the thread with the company, in order.
    static QString reports(const Assignment &a);
    static QString thread(const Assignment &a);
};

} // namespace onsite
