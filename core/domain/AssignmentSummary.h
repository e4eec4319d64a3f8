#pragma once

#include "Assignment.h"

#include <QList>
#include <QString>

namespace onsite {

// The part of an assignment a list needs, with every rule already applied that does not
// depend on the time: checklist progress, the next thing due, and the labels that will
// appear once their deadlines pass. Stored beside the document in the local cache, so the
// dashboard loads without decoding documents.
struct AssignmentSummary {
    qint64 id = 0;
    QString title;
    QString company;
    QString city;
    QString region;
    QString address;
    QString postalCode;
    QString timeZone;
    qint64 startMs = 0;
    AssignmentStatus status = AssignmentStatus::Assigned;
    int done = 0;
    int required = 0;
    QString nextKey;
    QString nextWhat;
    qint64 nextDueMs = 0;      // 0: no deadline
    qint64 checkinOpensMs = 0; // when the check-in window opens; 0 without a schedule
    qint64 openSinceMs = 0;    // the open visit's check-in; 0 when none is open
    qint64 endMs = 0;          // the scheduled end; 0 without a schedule
    qint64 etaMs = 0;          // the ETA the worker reported, until a check-in; 0: none
    int unreadMessages = 0;    // the company's messages the worker has not read
    QList<Label> potentialLabels;

    static AssignmentSummary of(const Assignment &a);
    // "code@epochms;code@epochms", the cache's column form of potentialLabels.
    QString labelsColumn() const { return labelsColumn(potentialLabels); }
    static QString labelsColumn(const QList<Label> &potential);
    static QList<Label> parseLabelsColumn(const QString &column);
};

} // namespace onsite

// Every member moves by memcpy, so a list of 100,000 grows without moving them one by one.
Q_DECLARE_TYPEINFO(onsite::AssignmentSummary, Q_RELOCATABLE_TYPE);
