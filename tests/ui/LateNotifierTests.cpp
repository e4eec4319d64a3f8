#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "LateNotifier.h"

#include <QSignalSpy>
#include <QUuid>

using namespace onsite;

namespace {
DashboardRow row(qint64 id, const QDateTime &lateSince)
{
    DashboardRow r;
    r.id = id;
    r.title = QStringLiteral("Job %1").arg(id);
    if (lateSince.isValid())
        r.labels.append(
            {QStringLiteral("deliverables_late"), QStringLiteral("Deliverables Late"), lateSince});
    return r;
}
} // namespace

TEST_CASE("deliverables late is announced once per assignment, across restarts", "[ui][notify]")
{
    const QString account = QUuid::createUuid().toString();
    const QDateTime due =
        QDateTime::fromString(QStringLiteral("2026-11-20T12:00:00Z"), Qt::ISODate);
    LateNotifier n;
    n.setAccount(account);
    QSignalSpy spy(&n, &LateNotifier::notify);

    n.check({row(1, {}), row(2, {})});
    CHECK(spy.isEmpty()); // nothing late, nothing said

    n.check({row(1, due), row(2, {})});
    REQUIRE(spy.size() == 1);
    CHECK(spy.at(0).at(1).toString().contains(QStringLiteral("#1 Job 1")));
    CHECK(spy.at(0).at(2).toLongLong() == 1);

    n.check({row(1, due), row(2, {})}); // the next reload: still late, not said again
    CHECK(spy.size() == 1);

    LateNotifier afterRestart;
    afterRestart.setAccount(account);
    QSignalSpy again(&afterRestart, &LateNotifier::notify);
    afterRestart.check({row(1, due), row(2, due), row(3, due)});
    REQUIRE(again.size() == 1); // two new ones, said together
    CHECK(again.at(0).at(1).toString().contains(QStringLiteral("2 assignments")));

    // A due date moved later and missed again is news again.
    afterRestart.check({row(1, due.addDays(2)), row(2, due), row(3, due)});
    CHECK(again.size() == 2);

    // Another account on the same computer has its own memory.
    LateNotifier other;
    other.setAccount(QUuid::createUuid().toString());
    QSignalSpy otherSpy(&other, &LateNotifier::notify);
    other.check({row(1, due)});
    CHECK(otherSpy.size() == 1);
}
