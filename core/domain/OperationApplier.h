#pragma once

#include "Assignment.h"
#include "Operation.h"

#include <QCoreApplication>
#include <optional>

namespace onsite {

struct OperationOutcome {
    bool applied = false;
    QString code;    // empty when applied; e.g. "invalid", "overlap", "read_only", "not_found"
    QString message; // for people
};

// What an operation does to an assignment, and when it is refused: written once and run by
// the server (which decides) and by the app (which shows the result at once, offline too, and
// replays pending operations over each new server document).
class OperationApplier
{
    Q_DECLARE_TR_FUNCTIONS(OperationApplier)
public:
    // How far ahead of `now` a time may be before it counts as "in the future" (clock skew).
    static constexpr int kFutureToleranceSecs = 5 * 60;
    // Longest reason, answer or close-out notes accepted, in characters.
    static constexpr int kMaxTextLength = 4000;
    // Ids the app makes are UUIDs (36 characters); room for other clients' schemes, no more.
    static constexpr int kMaxIdLength = 64;
    // Largest single funds request, in minor units (10 million units of any currency).
    static constexpr qint64 kMaxRequestMinorUnits = qint64(1000000000);

    // Operations a worker's app sends (schedule.confirm, time_log.upsert, ...) and the two the
    // server makes from the phone system's calls (phone.check_in {id, at}, phone.check_out
    // {at}): one set of rules whatever the source.
    static OperationOutcome apply(Assignment &a, const Operation &op, const QDateTime &now);
    // Made only by the server from a signed call; a worker may not send one.
    static bool isPhoneOperation(const Operation &op);
    // A number task's answer as it is kept: decimal text with a '.' (no float round trip).
    static bool isNumberAnswer(const QString &text);

private:
    static OperationOutcome confirm(Assignment &a, const Operation &op, const QDateTime &now);
    static OperationOutcome upsertLog(Assignment &a, const Operation &op, const QDateTime &now);
    static OperationOutcome phoneCheckIn(Assignment &a, const Operation &op, const QDateTime &now);
    static OperationOutcome phoneCheckOut(Assignment &a, const Operation &op, const QDateTime &now);
    static std::optional<OperationOutcome> refuseOverlap(const Assignment &a, int except,
                                                         const QDateTime &in, const QDateTime &out);
    static OperationOutcome deleteLog(Assignment &a, const Operation &op);
    static OperationOutcome removeDeliverable(Assignment &a, const Operation &op);
    static OperationOutcome createFundsRequest(Assignment &a, const Operation &op,
                                               const QDateTime &now);
    static OperationOutcome withdrawFundsRequest(Assignment &a, const Operation &op);
    static OperationOutcome completeTask(Assignment &a, const Operation &op, const QDateTime &now);
    static OperationOutcome submit(Assignment &a, const Operation &op, const QDateTime &now);
    static OperationOutcome reportEta(Assignment &a, const Operation &op, const QDateTime &now);
    static OperationOutcome reportProblem(Assignment &a, const Operation &op, const QDateTime &now);
    static OperationOutcome postMessage(Assignment &a, const Operation &op, const QDateTime &now);
    static OperationOutcome markRead(Assignment &a, const Operation &op);
};

} // namespace onsite
