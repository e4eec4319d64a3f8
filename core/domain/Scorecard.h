#pragma once

#include "Assignment.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace onsite {

// A share of assignments, kept as counts so a percentage is never a float round trip.
struct Share {
    int hits = 0;
    int of = 0;
    // Rounded half up; empty when nothing counts yet.
    std::optional<int> percent() const;
};

// The worker's record, computed from their assignment history (docs/decisions.md, "Scorecard"):
// - completed: approved or paid; cancelled: cancelled;
// - on time: of the assignments not cancelled whose check-in window has closed, those with a
//   (not deleted) check-in inside the window;
// - deliverables on time: of the assignments not cancelled with requirements whose due date
//   (or, without one, the submission) has passed, those where every requirement had its
//   count of files uploaded by then.
struct Scorecard {
    int assignments = 0;
    int completed = 0;
    int cancelled = 0;
    Share onTime;
    Share deliverablesOnTime;

    static Scorecard compute(const QList<Assignment> &history, const QDateTime &now);
    QJsonObject toJson() const;
    static Scorecard fromJson(const QJsonObject &o);
};

} // namespace onsite
