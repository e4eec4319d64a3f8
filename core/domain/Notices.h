#pragma once

#include "Assignment.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

namespace onsite {

// Something the client company decided that the worker should hear about, found by comparing
// the server's document before and after a sync; kept in the local cache until shown.
struct Notice {
    qint64 assignmentId = 0;
    // request_approved, request_declined, approved, paid, cancelled, changed, message
    QString kind;
    QString title;
    QString message;
};

class Notices
{
    Q_DECLARE_TR_FUNCTIONS(Notices)
public:
    static QList<Notice> between(const Assignment &before, const Assignment &after);
    // What the company changed in work still to do (issue 14 §4), as one notice saying from
    // what to what: the schedule moved, the pay changed, tasks or required files added.
    // Nothing when only the worker's own records changed.
    static std::optional<Notice> changed(const Assignment &before, const Assignment &after);
    // The company's messages that `before` did not have, as one notice.
    static std::optional<Notice> messages(const Assignment &before, const Assignment &after);
    // Whether between(anything, after) could find news: a decided request or a decided status,
    // or a message from the company not read yet.
    // Callers skip reading the document before when it cannot.
    static bool possible(const Assignment &after);
};

} // namespace onsite
