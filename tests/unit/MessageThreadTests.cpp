// Messages per assignment (issue 14 §1): posted through the outbox, never edited, read state
// that only moves forward, and one notice for what the company wrote that is not read yet.
#include <catch2/catch.hpp>

#include "AssignmentSummary.h"
#include "Fixtures.h"
#include "MessageThread.h"
#include "Notices.h"
#include "OperationApplier.h"
#include "Operations.h"

using namespace onsite;
using namespace onsite::test;

namespace {

Operation post(qint64 id, const QString &messageId, const QString &text, const QDateTime &at)
{
    return Operation::make(id, QStringLiteral("message.post"),
                           {{QStringLiteral("id"), messageId}, {QStringLiteral("text"), text}}, at);
}

Message fromCompany(const char *id, const char *text, const QDateTime &at)
{
    return {QString::fromLatin1(id), MessageFrom::Company, QStringLiteral("Northwind Retail"),
            QString::fromLatin1(text), at};
}

} // namespace

TEST_CASE("a posted message is kept as written, once, whatever the assignment's status",
          "[messages]")
{
    Assignment a = sampleAssignment();
    a.messages.clear();
    a.messagesRead.clear();
    a.status = AssignmentStatus::Paid; // questions about pay come after the work
    const QDateTime told = utc("2026-03-12T09:00:00Z");
    const QDateTime synced = told.addSecs(3600);
    REQUIRE(OperationApplier::apply(a,
                                    post(a.id, QStringLiteral("m9"),
                                         QStringLiteral("  When is the payment due?  "), told),
                                    synced)
                .applied);
    REQUIRE(a.messages.size() == 1);
    CHECK(a.messages.first().from == MessageFrom::Worker);
    CHECK(a.messages.first().text == QStringLiteral("When is the payment due?"));
    CHECK(a.messages.first().sentAt == told); // written offline: when it was written

    const Assignment before = a;
    CHECK(OperationApplier::apply(
              a, post(a.id, QStringLiteral("m9"), QStringLiteral("Again"), told), synced)
              .code == QStringLiteral("duplicate_id"));
    CHECK(OperationApplier::apply(a, post(a.id, QStringLiteral("m10"), QStringLiteral(" "), told),
                                  synced)
              .code == QStringLiteral("invalid"));
    Operation extra = post(a.id, QStringLiteral("m11"), QStringLiteral("Hi"), told);
    extra.payload.insert(QStringLiteral("author"), QStringLiteral("Someone else"));
    CHECK(OperationApplier::apply(a, extra, synced).code == QStringLiteral("invalid"));
    CHECK(a.messages.size() == before.messages.size());

    // A new op from the app gets a fresh id each time.
    const Operation made = Operations::postMessage(a.id, QStringLiteral("Thanks"), synced);
    CHECK(made.payload.value(QStringLiteral("id")).toString().size() >= 32);
}

TEST_CASE("read state counts the company's messages after the last read, and only moves forward",
          "[messages]")
{
    Assignment a = sampleAssignment();
    const QDateTime t = utc("2026-03-10T15:00:00Z");
    a.messages = {fromCompany("c1", "Door code 4471", t),
                  {QStringLiteral("w1"), MessageFrom::Worker, QString(), QStringLiteral("Thanks"),
                   t.addSecs(60)},
                  fromCompany("c2", "Manager is out until 10", t.addSecs(120)),
                  fromCompany("c3", "Use the side door", t.addSecs(180))};
    a.messagesRead.clear();
    CHECK(MessageThread::unreadCount(a) == 3);
    CHECK(AssignmentSummary::of(a).unreadMessages == 3);

    REQUIRE(
        OperationApplier::apply(a, Operations::markMessagesRead(a.id, QStringLiteral("c2"), t), t)
            .applied);
    CHECK(MessageThread::unreadCount(a) == 1);
    // Another computer that had read less syncs later: nothing becomes unread again.
    REQUIRE(
        OperationApplier::apply(a, Operations::markMessagesRead(a.id, QStringLiteral("c1"), t), t)
            .applied);
    CHECK(a.messagesRead == QStringLiteral("c2"));
    CHECK(OperationApplier::apply(a, Operations::markMessagesRead(a.id, QStringLiteral("zz"), t), t)
              .code == QStringLiteral("not_found"));
    REQUIRE(
        OperationApplier::apply(a, Operations::markMessagesRead(a.id, QStringLiteral("c3"), t), t)
            .applied);
    CHECK(MessageThread::unreadCount(a) == 0);
    CHECK(AssignmentSummary::of(a).unreadMessages == 0);
    CHECK(MessageThread::unreadText(2) == QStringLiteral("2 new messages"));
    CHECK(MessageThread::unreadText(1) == QStringLiteral("1 new message"));
}

TEST_CASE("what the company wrote since the last sync is one notice, the worker's own none",
          "[messages][notices]")
{
    Assignment before = sampleAssignment();
    before.messages.clear();
    before.messagesRead.clear();
    const QDateTime t = utc("2026-03-10T15:00:00Z");
    CHECK_FALSE(Notices::messages(before, before));

    Assignment after = before;
    after.messages.append(
        {QStringLiteral("w1"), MessageFrom::Worker, QString(), QStringLiteral("On my way"), t});
    CHECK_FALSE(Notices::messages(before, after)); // the worker's own

    after.messages.append(fromCompany("c1", "Gate code 1234", t.addSecs(60)));
    after.messages.append(fromCompany("c2", "Park in bay 3", t.addSecs(120)));
    CHECK(Notices::possible(after));
    const auto n = Notices::messages(before, after);
    REQUIRE(n);
    CHECK(n->kind == QStringLiteral("message"));
    CHECK(n->title ==
          QStringLiteral("Message from Northwind Retail about #42 Replace POS terminal"));
    CHECK(n->message == QStringLiteral("Park in bay 3 (2 new messages in all)"));
    int fromBetween = 0;
    for (const Notice &x : Notices::between(before, after))
        fromBetween += x.kind == QLatin1String("message") ? 1 : 0;
    CHECK(fromBetween == 1);

    // Read on another computer before this one synced: nothing to announce.
    after.messagesRead = QStringLiteral("c2");
    CHECK_FALSE(Notices::messages(before, after));
}
