#include "Scorecard.h"

#include "Rules.h"

namespace onsite {
namespace {

bool deliveredBy(const Assignment &a, const QDateTime &due)
{
    for (const DeliverableRequirement &r : a.deliverableRequirements) {
        int n = 0;
        for (const Deliverable &d : a.deliverables)
            if (d.requirementId == r.id && d.uploadedAt.isValid() && d.uploadedAt <= due)
                ++n;
        if (n < r.count)
            return false;
    }
    return true;
}

QJsonObject shareJson(const Share &s)
{
    QJsonObject o{{QStringLiteral("hits"), s.hits}, {QStringLiteral("of"), s.of}};
    const auto p = s.percent();
    o.insert(QStringLiteral("percent"), p ? QJsonValue(*p) : QJsonValue());
    return o;
}

Share shareFrom(const QJsonObject &o)
{
    Share s;
    s.hits = o.value(QStringLiteral("hits")).toInt();
    s.of = o.value(QStringLiteral("of")).toInt();
    return s;
}

} // namespace

std::optional<int> Share::percent() const
{
    if (of <= 0)
        return std::nullopt;
    return int((qint64(hits) * 200 + of) / (2 * qint64(of)));
}

Scorecard Scorecard::compute(const QList<Assignment> &history, const QDateTime &now)
{
    Scorecard s;
    for (const Assignment &a : history) {
        ++s.assignments;
        if (a.status == AssignmentStatus::Cancelled) {
            ++s.cancelled;
            continue;
        }
        if (a.status == AssignmentStatus::Approved || a.status == AssignmentStatus::Paid)
            ++s.completed;
        // As with the labels, a deadline is missed only strictly after it passes.
        if (a.schedule.start.isValid() && now > Rules::checkinWindowCloses(a)) {
            ++s.onTime.of;
            if (Rules::hasCheckinInWindow(a))
                ++s.onTime.hits;
        }
        const QDateTime due = a.deliverablesDueAt.isValid() ? a.deliverablesDueAt : a.submittedAt;
        if (!a.deliverableRequirements.isEmpty() && due.isValid() && now > due) {
            ++s.deliverablesOnTime.of;
            if (deliveredBy(a, due))
                ++s.deliverablesOnTime.hits;
        }
    }
    return s;
}

QJsonObject Scorecard::toJson() const
{
    return {{QStringLiteral("assignments"), assignments},
            {QStringLiteral("completed"), completed},
            {QStringLiteral("cancelled"), cancelled},
            {QStringLiteral("on_time"), shareJson(onTime)},
            {QStringLiteral("deliverables_on_time"), shareJson(deliverablesOnTime)}};
}

Scorecard Scorecard::fromJson(const QJsonObject &o)
{
    Scorecard s;
    s.assignments = o.value(QStringLiteral("assignments")).toInt();
    s.completed = o.value(QStringLiteral("completed")).toInt();
    s.cancelled = o.value(QStringLiteral("cancelled")).toInt();
    s.onTime = shareFrom(o.value(QStringLiteral("on_time")).toObject());
    s.deliverablesOnTime = shareFrom(o.value(QStringLiteral("deliverables_on_time")).toObject());
    return s;
}

} // namespace onsite
