// libFuzzer target: OperationApplier, the rules every operation goes through on the server and,
// offline, in the app. Input: a JSON object
//   {"doc": <assignment document>, "ops": [<op>, ...], "now": "<ISO 8601 UTC instant>"}
// An op is the POST /ops wire object {op_id, assignment_id, type, payload, created_at}; missing
// envelope fields are filled in (a fixed op_id, the document's id, "now") so the fuzzer can
// concentrate on types and payloads; an op that Operation::fromJson refuses is skipped, as the
// server rejects it alone. "now" is optional (default 2026-03-10T16:00:00Z). Anything else
// malformed (not JSON, no decodable document) is rejected.
//
// Op types: those of OperationApplier::apply (the app's and the phone system's).
//
// After every op: a refused op leaves the document exactly as it was and says why; an applied
// one changes only its own part of the document, keeps it encodable (the server's
// store-and-reload round trip), and keeps the invariants the applier documents (below).

#include "AssignmentCodec.h"
#include "FuzzSupport.h"
#include "JsonReader.h"
#include "Operation.h"
#include "OperationApplier.h"
#include "Rules.h"

#include <QJsonArray>
#include <QStringList>

using namespace onsite;

namespace {

constexpr int kMaxOps = 64;

QString text(const QJsonObject &o)
{
    return QString::fromUtf8(fuzz::compact(o));
}

// The encoded document without the parts an operation of `type` may change.
QJsonObject frozenPart(QJsonObject o, const QString &type)
{
    static const QHash<QString, QStringList> changes{
        {QStringLiteral("schedule.confirm"), {QStringLiteral("schedule.confirmed_at")}},
        {QStringLiteral("time_log.upsert"),
         {QStringLiteral("time_logs"), QStringLiteral("status")}},
        {QStringLiteral("time_log.delete"),
         {QStringLiteral("time_logs"), QStringLiteral("status")}},
        {QStringLiteral("phone.check_in"), {QStringLiteral("time_logs"), QStringLiteral("status")}},
        {QStringLiteral("phone.check_out"), {QStringLiteral("time_logs")}},
        {QStringLiteral("funds_request.create"), {QStringLiteral("funds_requests")}},
        {QStringLiteral("funds_request.withdraw"), {QStringLiteral("funds_requests")}},
        {QStringLiteral("task.complete"), {QStringLiteral("tasks")}},
        {QStringLiteral("deliverable.remove"), {QStringLiteral("deliverables")}},
        {QStringLiteral("assignment.submit"),
         {QStringLiteral("status"), QStringLiteral("resolution"), QStringLiteral("submitted_at")}},
    };
    for (const QString &key : changes.value(type)) {
        const qsizetype dot = key.indexOf(QLatin1Char('.'));
        if (dot < 0) {
            o.remove(key);
            continue;
        }
        const QString outer = key.left(dot);
        QJsonObject inner = o.value(outer).toObject();
        inner.remove(key.mid(dot + 1));
        o.insert(outer, inner);
    }
    return o;
}

int openVisits(const Assignment &a)
{
    int n = 0;
    for (const TimeLog &l : a.timeLogs)
        n += !l.deleted && !l.checkOut.isValid();
    return n;
}

bool overlaps(const TimeLog &x, const TimeLog &y)
{
    const bool xFirst = x.checkOut.isValid() && x.checkOut <= y.checkIn;
    const bool yFirst = y.checkOut.isValid() && y.checkOut <= x.checkIn;
    return !xFirst && !yFirst;
}

// What the app and the server compute from every document they hold; must not crash or trip
// the sanitizers whatever the document says.
void readRules(const Assignment &a, const QDateTime &now)
{
    const QList<Label> labels = Rules::labels(a, now);
    for (const Label &l : labels)
        if (!(now > l.since))
            fuzz::broken("a label is shown before its deadline passed", l.code);
    const ChecklistProgress p = Rules::checklist(a);
    if (p.requiredDone < 0 || p.requiredDone > p.requiredTotal)
        fuzz::broken("checklist progress out of range");
    Rules::nextDue(a);
    Rules::checkInBlocker(a);
    Rules::checkOutBlocker(a);
    Rules::checkInOutsideWindowText(a, now);
}

// `beforeJson` and `afterJson` are the encodings of `before` and `a`.
void checkApplied(const Assignment &before, const QJsonObject &beforeJson, const Assignment &a,
                  const QJsonObject &afterJson, const Operation &op, const QDateTime &now)
{
    const QString detail = op.type + QLatin1Char(' ') + text(op.payload);
    if (!Rules::isActive(before))
        fuzz::broken("an op was applied to an assignment that is no longer active", detail);
    if (frozenPart(beforeJson, op.type) != frozenPart(afterJson, op.type))
        fuzz::broken("an applied op changed a part of the document it does not own",
                     detail + QLatin1Char('\n') + text(beforeJson) + QLatin1Char('\n') +
                         text(afterJson));
    fuzz::checkStoredRoundTrip(afterJson, "document after an applied op");

    const QDateTime latest = now.addSecs(OperationApplier::kFutureToleranceSecs);
    const QString id = op.payload.value(QStringLiteral("id")).toString();
    if (op.type == QLatin1String("time_log.upsert")) {
        int index = -1;
        for (int i = 0; i < a.timeLogs.size(); ++i)
            if (a.timeLogs.at(i).id == id)
                index = i;
        if (index < 0 || a.timeLogs.size() - before.timeLogs.size() > 1 ||
            a.timeLogs.size() < before.timeLogs.size())
            fuzz::broken("upsert did not leave exactly the one visit it names", detail);
        const TimeLog &l = a.timeLogs.at(index);
        if (l.deleted || l.checkIn > latest || (l.checkOut.isValid() && l.checkOut > latest) ||
            (l.checkOut.isValid() && l.checkOut < l.checkIn))
            fuzz::broken("upsert accepted a deleted, future or backwards visit", detail);
        for (int i = 0; i < a.timeLogs.size(); ++i)
            if (i != index && !a.timeLogs.at(i).deleted && overlaps(a.timeLogs.at(i), l))
                fuzz::broken("upsert accepted a visit overlapping another", detail);
        if (openVisits(a) > qMax(1, openVisits(before)))
            fuzz::broken("upsert left two open visits", detail);
        // A new visit starts the work; editing a recorded one leaves the status alone (even in
        // a document that is Assigned with a visit, which the codec accepts).
        const bool added = a.timeLogs.size() > before.timeLogs.size();
        if (a.status != (added && before.status == AssignmentStatus::Assigned
                             ? AssignmentStatus::InProgress
                             : before.status))
            fuzz::broken("upsert set an unexpected status", detail);
    } else if (op.type == QLatin1String("phone.check_in")) {
        if (a.timeLogs.size() != before.timeLogs.size() + 1)
            fuzz::broken("phone.check_in did not add exactly one visit", detail);
        const TimeLog &l = a.timeLogs.constLast();
        if (l.id != id || l.source != TimeLogSource::Phone || l.checkOut.isValid() ||
            l.checkIn > latest || Rules::openVisit(a) != a.timeLogs.size() - 1)
            fuzz::broken("phone.check_in did not open the visit it names", detail);
        for (int i = 0; i + 1 < a.timeLogs.size(); ++i)
            if (!a.timeLogs.at(i).deleted && overlaps(a.timeLogs.at(i), l))
                fuzz::broken("phone.check_in accepted a visit overlapping another", detail);
        if (openVisits(a) > qMax(1, openVisits(before)))
            fuzz::broken("phone.check_in left two open visits", detail);
        if (a.status != (before.status == AssignmentStatus::Assigned ? AssignmentStatus::InProgress
                                                                     : before.status))
            fuzz::broken("phone.check_in set an unexpected status", detail);
    } else if (op.type == QLatin1String("phone.check_out")) {
        const int open = Rules::openVisit(before);
        if (open < 0 || a.timeLogs.size() != before.timeLogs.size())
            fuzz::broken("phone.check_out without an open visit, or it added one", detail);
        const TimeLog &l = a.timeLogs.at(open);
        if (!l.checkOut.isValid() || l.checkOut < l.checkIn || l.checkOut > latest ||
            l.checkIn != before.timeLogs.at(open).checkIn)
            fuzz::broken("phone.check_out did not close the open visit properly", detail);
        for (int i = 0; i < a.timeLogs.size(); ++i)
            if (i != open && !a.timeLogs.at(i).deleted && overlaps(a.timeLogs.at(i), l))
                fuzz::broken("phone.check_out made the visit overlap another", detail);
        if (openVisits(a) != openVisits(before) - 1)
            fuzz::broken("phone.check_out did not close exactly one visit", detail);
    } else if (op.type == QLatin1String("time_log.delete")) {
        if (a.timeLogs.size() != before.timeLogs.size())
            fuzz::broken("a deleted visit must be kept, marked", detail);
        if (a.status != before.status &&
            !(before.status == AssignmentStatus::InProgress &&
              a.status == AssignmentStatus::Assigned && !Rules::hasWorkBesideVisits(a) &&
              !Rules::isCheckedIn(a) && !Rules::hasCompletedVisit(a)))
            fuzz::broken("delete changed the status while work had started", detail);
    } else if (op.type == QLatin1String("deliverable.remove")) {
        if (a.deliverables.size() != before.deliverables.size() - 1)
            fuzz::broken("deliverable.remove did not remove exactly one file", detail);
    } else if (op.type == QLatin1String("funds_request.create")) {
        if (a.fundsRequests.size() != before.fundsRequests.size() + 1)
            fuzz::broken("funds_request.create did not add exactly one request", detail);
        const FundsRequest &f = a.fundsRequests.constLast();
        if (f.status != FundsStatus::Pending || a.status != AssignmentStatus::InProgress ||
            f.amountCents < 1 || f.amountCents > OperationApplier::kMaxRequestMinorUnits ||
            f.requestedAt > now ||
            (f.kind == FundsKind::BudgetIncrease && !a.pricing.counteroffersAllowed))
            fuzz::broken("funds_request.create accepted a request the rules forbid", detail);
    } else if (op.type == QLatin1String("funds_request.withdraw")) {
        if (a.fundsRequests.size() != before.fundsRequests.size())
            fuzz::broken("withdraw added or removed a request", detail);
        for (int i = 0; i < a.fundsRequests.size(); ++i)
            if (a.fundsRequests.at(i).status != before.fundsRequests.at(i).status &&
                (before.fundsRequests.at(i).status != FundsStatus::Pending ||
                 a.fundsRequests.at(i).status != FundsStatus::Withdrawn))
                fuzz::broken("withdraw changed a decided request", detail);
    } else if (op.type == QLatin1String("assignment.submit")) {
        if (a.status != AssignmentStatus::Submitted || !a.submittedAt.isValid() ||
            a.submittedAt > now || Rules::isCheckedIn(a) ||
            !Rules::submitBlockers(a, a.resolution).isEmpty())
            fuzz::broken("submitted an assignment with something still to do", detail);
    } else if (op.type == QLatin1String("schedule.confirm")) {
        // A confirmation already there is kept as it was; a new one is not in the future.
        if (!a.schedule.confirmRequired || !a.schedule.confirmedAt.isValid() ||
            (!before.schedule.confirmedAt.isValid() && a.schedule.confirmedAt > now))
            fuzz::broken("confirm left no valid confirmation", detail);
    }

    // The app replays its pending ops over each new server document: replaying an op that
    // sets a state (not one that creates or consumes something) must change nothing.
    static const QStringList idempotent{
        QStringLiteral("schedule.confirm"), QStringLiteral("time_log.upsert"),
        QStringLiteral("time_log.delete"), QStringLiteral("task.complete")};
    if (idempotent.contains(op.type)) {
        Assignment replay = a;
        const OperationOutcome again = OperationApplier::apply(replay, op, now);
        if (!again.applied || AssignmentCodec::toJson(replay) != afterJson)
            fuzz::broken("replaying an applied op changed the document or was refused",
                         detail + QLatin1Char('\n') + again.code + QLatin1Char(' ') +
                             again.message);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // ONSITE_FUZZ_TRACE=1 prints each op's outcome, to check what a seed or reproducer does.
    static const bool trace = qEnvironmentVariableIsSet("ONSITE_FUZZ_TRACE");
    if (size > fuzz::kMaxInput)
        return 0;
    const auto input = fuzz::parseObject(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!input)
        return 0;
    QDateTime now = JsonReader::parseInstant(QStringLiteral("2026-03-10T16:00:00Z"));
    if (input->contains(QStringLiteral("now"))) {
        now = JsonReader::parseInstant(input->value(QStringLiteral("now")).toString());
        if (!now.isValid())
            return 0;
    }
    QString error;
    auto doc = AssignmentCodec::fromJson(input->value(QStringLiteral("doc")).toObject(), &error);
    if (trace && !doc)
        std::fprintf(stderr, "doc refused: %s\n", qPrintable(error));
    if (!doc)
        return 0;
    Assignment &a = *doc;
    QJsonObject encoded = AssignmentCodec::toJson(a); // kept current after every applied op
    readRules(a, now);

    const QJsonArray ops = input->value(QStringLiteral("ops")).toArray();
    for (int i = 0; i < ops.size() && i < kMaxOps; ++i) {
        QJsonObject raw = ops.at(i).toObject();
        if (!raw.contains(QStringLiteral("op_id")))
            raw.insert(QStringLiteral("op_id"),
                       QStringLiteral("6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c"));
        if (!raw.contains(QStringLiteral("assignment_id")))
            raw.insert(QStringLiteral("assignment_id"), a.id);
        if (!raw.contains(QStringLiteral("created_at")))
            raw.insert(QStringLiteral("created_at"), JsonReader::formatInstant(now));
        if (!raw.contains(QStringLiteral("payload")))
            raw.insert(QStringLiteral("payload"), QJsonObject());
        const auto op = Operation::fromJson(raw, &error);
        if (!op && trace)
            std::fprintf(stderr, "op %d refused by Operation::fromJson: %s\n", i,
                         qPrintable(error));
        if (!op) {
            if (error.isEmpty())
                fuzz::broken("an op was refused without a reason");
            continue;
        }
        // The op as it travels (outbox, POST /ops) must read back as itself.
        const auto wire = Operation::fromJson(op->toJson(), &error);
        if (!wire || wire->toJson() != op->toJson())
            fuzz::broken("an op does not survive its own wire format", text(op->toJson()));

        const Assignment before = a;
        const OperationOutcome outcome = OperationApplier::apply(a, *op, now);
        if (trace)
            std::fprintf(stderr, "op %d %s: %s %s\n", i, qPrintable(op->type),
                         outcome.applied ? "applied" : qPrintable(outcome.code),
                         qPrintable(outcome.message));
        if (outcome.applied) {
            if (!outcome.code.isEmpty())
                fuzz::broken("an applied op carries a refusal code", outcome.code);
            const QJsonObject afterJson = AssignmentCodec::toJson(a);
            checkApplied(before, encoded, a, afterJson, *op, now);
            encoded = afterJson;
        } else {
            if (outcome.code.isEmpty() || outcome.message.isEmpty())
                fuzz::broken("an op was refused without a code and a message",
                             op->type + QLatin1Char(' ') + text(op->payload));
            if (AssignmentCodec::toJson(a) != encoded)
                fuzz::broken("a refused op changed the document", outcome.code + QLatin1Char(' ') +
                                                                      op->type + QLatin1Char(' ') +
                                                                      text(op->payload));
        }
        readRules(a, now);
    }
    return 0;
}
