#include <catch2/catch.hpp>

#include "AssignmentCodec.h"
#include "CodecCounters.h"
#include "Fixtures.h"
#include "LocalStore.h"
#include "Notices.h"
#include "OperationApplier.h"
#include "Operations.h"

#include <QTemporaryDir>

using namespace onsite;
using namespace onsite::test;

// One change through the cache: the worker's op recorded, then the server's answer stored. Each
// step reads the document once and writes it once (counted by CodecCounters), an answer that
// only confirms what the worker sees is not reported as a change, and the change feed can tell
// the revision is already here.

namespace {

struct Passes {
    qint64 decodes = 0;
    qint64 encodes = 0;
};

CodecCounters::Counts clientCounts()
{
    return CodecCounters::read(CodecCounters::Side::Client);
}

Passes since(const CodecCounters::Counts &before)
{
    const CodecCounters::Counts now = clientCounts();
    return {now.decodes - before.decodes, now.encodes - before.encodes};
}

// An assignment the worker can check in to from the desktop, with no decision in it.
Assignment checkInable(qint64 id)
{
    Assignment a = sampleAssignment(id);
    a.timeLogs.clear();
    a.fundsRequests.clear();
    a.phoneCheckin.required = false;
    return a;
}

// The server's answer to `op` over `server`: the same rules, the next revision, as it arrives.
OperationResult answer(Assignment server, const Operation &op, const QDateTime &now)
{
    const OperationOutcome outcome = OperationApplier::apply(server, op, now);
    REQUIRE(outcome.applied);
    server.rev += 1;
    OperationResult r;
    r.opId = op.opId;
    r.status = OperationStatus::Applied;
    r.assignment = server;
    r.assignmentJson = AssignmentCodec::toJson(server);
    return r;
}

struct Cache {
    QTemporaryDir dir;
    LocalStore store{QStringLiteral("one-pass")};
    QString error;

    explicit Cache(const Assignment &a, const QDateTime &now)
    {
        REQUIRE(store.open(dir.filePath(QStringLiteral("c.sqlite")), &error));
        REQUIRE(store.applyChangesPage({a}, {}, QStringLiteral("1"), now, &error));
    }
};

} // namespace

TEST_CASE("a check-in is recorded and its answer stored with one decode and one encode",
          "[store][passes]")
{
    const Assignment a = checkInable(5);
    const QDateTime now = a.schedule.start.addSecs(60);
    Cache cache(a, now);
    LocalStore &store = cache.store;
    const Operation op = Operations::checkIn(5, now);

    CodecCounters::Counts before = clientCounts();
    Assignment view;
    REQUIRE(store.record(op, now, &cache.error, &view).applied);
    Passes p = since(before);
    CHECK(p.decodes == 1);
    CHECK(p.encodes == 1);
    CHECK(view.timeLogs.size() == 1);
    CHECK(store.assignment(5)->timeLogs.size() == 1);
    CHECK(store.serverAssignment(5)->timeLogs.isEmpty()); // the server's, kept apart
    CHECK_FALSE(store.hasRevision(5, a.rev));             // a change is pending over it

    const OperationResult r = answer(a, op, now);
    before = clientCounts();
    QList<Assignment> changed;
    REQUIRE(store.applyResults({r}, now, &cache.error, &changed));
    p = since(before);
    CHECK(p.decodes == 0);    // the answer arrived decoded; nothing is read back
    CHECK(p.encodes == 0);    // and it is stored as it arrived, once
    CHECK(changed.isEmpty()); // it confirms what the worker already sees
    CHECK(store.pendingOperationCount() == 0);
    CHECK(store.assignment(5)->rev == a.rev + 1);
    CHECK(store.assignment(5)->timeLogs.size() == 1);
    CHECK(store.serverAssignment(5)->timeLogs.size() == 1);
    CHECK(store.hasRevision(5, a.rev + 1)); // the feed's copy of it can be left undecoded
}

TEST_CASE("an answer that brings more than the worker's own change is reported with the new view",
          "[store][passes]")
{
    const Assignment a = checkInable(6);
    const QDateTime now = a.schedule.start.addSecs(60);
    Cache cache(a, now);
    const Operation op = Operations::checkIn(6, now);
    REQUIRE(cache.store.record(op, now, &cache.error).applied);

    OperationResult r = answer(a, op, now);
    r.assignment->title = QStringLiteral("Replace POS terminal and printer"); // the company's edit
    r.assignmentJson = AssignmentCodec::toJson(*r.assignment);
    QList<Assignment> changed;
    REQUIRE(cache.store.applyResults({r}, now, &cache.error, &changed));
    REQUIRE(changed.size() == 1);
    CHECK(changed.first().title == QStringLiteral("Replace POS terminal and printer"));
    CHECK(changed.first().timeLogs.size() == 1);
    CHECK(cache.store.assignment(6)->title == QStringLiteral("Replace POS terminal and printer"));
}

TEST_CASE("a refused change is reported with the view it returns to", "[store][passes]")
{
    const Assignment a = checkInable(7);
    const QDateTime now = a.schedule.start.addSecs(60);
    Cache cache(a, now);
    const Operation op = Operations::checkIn(7, now);
    REQUIRE(cache.store.record(op, now, &cache.error).applied);

    OperationResult r;
    r.opId = op.opId;
    r.status = OperationStatus::Rejected;
    r.code = QStringLiteral("not_assigned");
    r.message = QStringLiteral("The assignment was given to someone else.");
    QList<Assignment> changed;
    REQUIRE(cache.store.applyResults({r}, now, &cache.error, &changed));
    REQUIRE(changed.size() == 1);
    CHECK(changed.first().timeLogs.isEmpty());
    CHECK(cache.store.assignment(7)->timeLogs.isEmpty());
    CHECK(cache.store.needsAttentionCount() == 1);
}

TEST_CASE("only a document carrying a decision can make news", "[store][passes]")
{
    Assignment a = checkInable(8);
    CHECK_FALSE(Notices::possible(a));
    a.status = AssignmentStatus::Approved;
    CHECK(Notices::possible(a));
    a = checkInable(8);
    a.fundsRequests = sampleAssignment(8).fundsRequests; // an approved request
    CHECK(Notices::possible(a));
    a.fundsRequests.first().status = FundsStatus::Pending;
    CHECK_FALSE(Notices::possible(a));
}
