#pragma once

#include "AssignmentSummary.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace onsite {

// What the dashboard shows of one assignment, computed once per load (off the UI thread) so
// painting, sorting and filtering never decode documents or evaluate rules.
struct DashboardRow {
    qint64 id = 0;
    QString title;
    QString company;
    QString city;
    QString timeZone;
    qint64 startMs = 0;
    QString scheduled; // in site time
    AssignmentStatus status = AssignmentStatus::Assigned;
    QList<Label> labels;
    int done = 0;
    int required = 0;
    QString nextDue;
    qint64 nextDueMs = 0; // 0: no deadline
    QString nextKey;      // Rules::nextDue's key, e.g. "confirm_schedule"
    qint64 checkinOpensMs = 0;
    qint64 openSinceMs = 0;       // a visit is open since then; 0: none
    qint64 endMs = 0;             // the scheduled end; 0: none
    qint64 etaMs = 0;             // the ETA the worker reported, until a check-in; 0: none
    int unreadMessages = 0;       // the company's messages not read yet
    qint64 deliverablesDueMs = 0; // files still missing are due then; 0: none missing or no date
    QByteArray haystack;          // lower-case UTF-8 text the search box matches against

    static DashboardRow from(const AssignmentSummary &s, const QDateTime &now);
    static DashboardRow from(const Assignment &a, const QDateTime &now);
};

} // namespace onsite

// Every member is relocatable, so lists of thousands of rows grow and join by moving memory.
Q_DECLARE_TYPEINFO(onsite::DashboardRow, Q_RELOCATABLE_TYPE);
