#pragma once

#include "Assignment.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace onsite {

// The wire format of the assignment document (DESIGN §4). Decoding is strict: a wrong type,
// a missing required field or an unknown enum value is an error naming the field; unknown
// fields are ignored so older clients keep working when the server grows.
class AssignmentCodec
{
public:
    // Largest prices accepted: 1,000,000,000.00 flat, 100,000.00 an hour.
    static constexpr qint64 kMaxFlatCents = qint64(100000000000);
    static constexpr qint64 kMaxHourlyRateCents = qint64(10000000);

    static QJsonObject toJson(const Assignment &a);
    // One visit as it appears in "time_logs" (the server's edit history keeps these).
    static QJsonObject timeLogToJson(const TimeLog &l);
    // One entry of "documents" (the company's answer when it attaches one).
    static QJsonObject documentToJson(const ClientDocument &d);
    // The "labels" array: the server adds the labels of the moment to a stored document.
    static QJsonArray labelsToJson(const QList<Label> &labels);
    static std::optional<Assignment> fromJson(const QJsonObject &o, QString *error);
};

} // namespace onsite
