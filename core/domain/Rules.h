#pragma once

#include "Assignment.h"

#include <QCoreApplication>
#include <QList>

namespace onsite {

struct ChecklistEntry {
    QString
        key; // "confirm_schedule", "check_in_out", "deliverables", "closeout_notes", "task:<id>"
    QString title;
    bool required = true;
    bool done = false;
};

struct ChecklistProgress {
    QList<ChecklistEntry> entries;
    int requiredDone = 0;
    int requiredTotal = 0;
    bool complete() const { return requiredDone == requiredTotal; }
};

struct NextDue {
    QString key;        // empty: nothing due
    QString what;       // for people, e.g. "Confirm schedule"
    QDateTime deadline; // null when the step has no deadline
};

// The business rules of DESIGN §1, written once and called by both the app and the server so
// that an offline answer equals the online one. Every rule takes "now" from the caller's clock.
//
// Boundaries (docs/decisions.md, "Deadlines are missed strictly after they pass"): a deadline is
// missed only strictly after it passes; at the deadline instant the worker is still on time.
class Rules
{
    Q_DECLARE_TR_FUNCTIONS(Rules)
public:
    static bool isActive(const Assignment &a);

    static bool isNotConfirmed(const Assignment &a, const QDateTime &now);

    // The allotted check-in window: from start minus the early allowance to start (or, for a
    // window schedule, end) plus the grace period.
    static QDateTime checkinWindowOpens(const Assignment &a);
    static QDateTime checkinWindowCloses(const Assignment &a);
    static bool hasCheckinInWindow(const Assignment &a);
    static bool isWorkerLate(const Assignment &a, const QDateTime &now);

    static bool deliverablesMet(const Assignment &a);
    static int deliverablesFor(const Assignment &a, const QString &requirementId);
    static bool areDeliverablesLate(const Assignment &a, const QDateTime &now);

    // Every label the document would show once its deadline passes, with `since` = that
    // deadline. labels(a, now) keeps those whose deadline is strictly before now; caches keep
    // this list so time alone can add labels without decoding the document again.
    static QList<Label> potentialLabels(const Assignment &a);
    static QList<Label> labelsAt(const QList<Label> &potential, const QDateTime &now);
    static QList<Label> labels(const Assignment &a, const QDateTime &now);
    static QString labelText(const QString &code);

    static bool hasCompletedVisit(const Assignment &a);
    static bool isCheckedIn(const Assignment &a);
    // The visit the worker is checked in to (not deleted, no check-out): its index in
    // a.timeLogs, or -1. The one answer to "is a visit open, which one".
    static int openVisit(const Assignment &a);
    // Why the worker cannot check in (or out) from the desktop now, for people; empty when
    // they can. The app disables the action and shows this; the applier refuses with it.
    static QString checkInBlocker(const Assignment &a);
    static QString checkOutBlocker(const Assignment &a);
    static QString phoneRequiredText(const Assignment &a);
    // The warning before a check-in at `at` outside the allotted window, naming the window in
    // site time; empty inside it (or when the assignment has no schedule).
    static QString checkInOutsideWindowText(const Assignment &a, const QDateTime &at);
    // Whether anything beside visits shows that the work started: a funds request that was
    // not withdrawn, an answered task, an uploaded file. Deleting the last visit of work that
    // has not started returns it from In progress to Assigned.
    static bool hasWorkBesideVisits(const Assignment &a);
    static ChecklistProgress checklist(const Assignment &a);
    static NextDue nextDue(const Assignment &a);

    static QString statusText(AssignmentStatus s);
    static QString fundsKindText(FundsKind k);
    static QString fundsStatusText(FundsStatus s);

    // Extra funds (DESIGN §1.5): requested while the work is in progress; a budget increase
    // only where the client accepts counteroffers.
    static bool canRequestFunds(const Assignment &a);
    static bool canRequest(const Assignment &a, FundsKind k);
    static QString counteroffersOffText(const Assignment &a);

    // What stands between the assignment and "Submit for approval", with `resolution` as the
    // close-out notes the worker is about to send: required checklist entries not done, and an
    // open visit (key "check_out"). Empty when it may be submitted.
    static QList<ChecklistEntry> submitBlockers(const Assignment &a, const QString &resolution);
    // The same, leaving out the close-out notes: what keeps the Submit button disabled, since
    // the submit dialog itself asks for the notes.
    static QList<ChecklistEntry> submitBlockersBesideNotes(const Assignment &a);
    // What the worker should hear before submitting: pending requests that will not be paid,
    // hours past the budget that will not be paid.
    static QStringList submitWarnings(const Assignment &a);
};

} // namespace onsite
