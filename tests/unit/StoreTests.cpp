#include <catch2/catch.hpp>

#include "AssignmentSummary.h"
#include "Fixtures.h"
#include "JsonReader.h"
#include "LocalStore.h"
#include "Operations.h"
#include "Rules.h"
#include "SchemaMigrator.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace onsite;
using namespace onsite::test;

namespace {

bool tableExists(const QString &path, const QString &table)
{
    bool exists = false;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        db.open();
        exists = db.tables().contains(table);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return exists;
}

} // namespace

TEST_CASE("a new cache file is migrated to the latest schema with WAL and FULL sync", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    LocalStore store(QStringLiteral("s1"));
    QString error;
    REQUIRE(store.open(path, &error));
    CHECK(error.isEmpty());
    CHECK(store.schemaVersion() == LocalStore::latestVersion());
    CHECK(store.journalMode() == QStringLiteral("wal"));
    CHECK(store.synchronousLevel() == 2);
    CHECK(store.cursor().isEmpty());
    CHECK(store.pendingOperationCount() == 0);
}

TEST_CASE("a reader opens the writer's file read-only and never migrates it", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    QString error;
    LocalStore early(QStringLiteral("reader-early"));
    CHECK_FALSE(early.openReader(path, &error)); // no file yet: not made by a reader
    CHECK_FALSE(QFile::exists(path));
    {
        LocalStore old(QStringLiteral("writer-old"));
        REQUIRE(old.open(path, &error, {LocalStore::migrations().first()}));
    }
    LocalStore tooOld(QStringLiteral("reader-old"));
    CHECK_FALSE(tooOld.openReader(path, &error));
    CHECK(error.contains(QStringLiteral("not ready")));
    LocalStore writer(QStringLiteral("writer"));
    REQUIRE(writer.open(path, &error));
    CHECK(tooOld.schemaVersion() == 0); // closed after refusing
    REQUIRE(writer.applyChangesPage({sampleAssignment(1), sampleAssignment(2)}, {},
                                    QStringLiteral("2"), QDateTime::currentDateTimeUtc(), &error));
    LocalStore reader(QStringLiteral("reader"));
    REQUIRE(reader.openReader(path, &error));
    CHECK(reader.summaries().size() == 2);
    CHECK(reader.assignment(2).has_value());
    CHECK(reader.outbox().isEmpty());
    CHECK_FALSE(reader.setMeta(QStringLiteral("k"), QStringLiteral("v"), &error));
    CHECK(writer.meta(QStringLiteral("k")).isEmpty());
}

TEST_CASE("an older cache file is migrated step by step and keeps its data", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    const QList<LocalStore::Migration> v1{LocalStore::migrations().first()};
    {
        LocalStore old(QStringLiteral("old"));
        QString error;
        REQUIRE(old.open(path, &error, v1));
        REQUIRE(old.schemaVersion() == 1);
        REQUIRE(old.applyChangesPage({sampleAssignment(5)}, {}, QStringLiteral("17"),
                                     QDateTime::currentDateTimeUtc(), &error));
    }
    LocalStore store(QStringLiteral("new"));
    QString error;
    REQUIRE(store.open(path, &error));
    CHECK(store.schemaVersion() == LocalStore::latestVersion());
    CHECK(store.cursor() == QStringLiteral("17"));
    REQUIRE(store.assignment(5));
    CHECK(store.assignment(5)->title == QStringLiteral("Replace POS terminal"));
}

TEST_CASE("a failing migration step leaves the file at the previous version", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    QList<LocalStore::Migration> steps = LocalStore::migrations();
    const int last = steps.constLast().version;
    steps.append({last + 1,
                  {QStringLiteral("CREATE TABLE half_done (x INTEGER)"),
                   QStringLiteral("THIS IS NOT SQL")}});
    {
        LocalStore store(QStringLiteral("bad"));
        QString error;
        CHECK_FALSE(store.open(path, &error, steps));
        CHECK(
            error.contains(QStringLiteral("Migration to schema version %1 failed").arg(last + 1)));
        CHECK(store.schemaVersion() == last);
    }
    CHECK_FALSE(tableExists(path, QStringLiteral("half_done")));
    LocalStore again(QStringLiteral("again"));
    QString error;
    CHECK(again.open(path, &error));
    CHECK(again.schemaVersion() == last);
}

TEST_CASE("a file from a newer app is refused, not damaged", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    QList<LocalStore::Migration> future = LocalStore::migrations();
    future.append({99, {QStringLiteral("CREATE TABLE from_the_future (x INTEGER)")}});
    {
        LocalStore store(QStringLiteral("future"));
        QString error;
        REQUIRE(store.open(path, &error, future));
    }
    LocalStore store(QStringLiteral("today"));
    QString error;
    CHECK_FALSE(store.open(path, &error));
    CHECK(error.contains(QStringLiteral("newer Onsite")));
    CHECK(tableExists(path, QStringLiteral("from_the_future")));
}

TEST_CASE("a page of changes and its cursor are stored together", "[store]")
{
    QTemporaryDir dir;
    LocalStore store(QStringLiteral("page"));
    QString error;
    REQUIRE(store.open(dir.filePath(QStringLiteral("c.sqlite")), &error));
    REQUIRE(store.applyChangesPage({sampleAssignment(1), sampleAssignment(2), sampleAssignment(3)},
                                   {}, QStringLiteral("3"), QDateTime::currentDateTimeUtc(),
                                   &error));
    CHECK(store.assignmentCount() == 3);
    CHECK(store.cursor() == QStringLiteral("3"));

    Assignment changed = sampleAssignment(2);
    changed.rev = 9;
    changed.title = QStringLiteral("Changed");
    REQUIRE(store.applyChangesPage({changed}, {1}, QStringLiteral("5"),
                                   QDateTime::currentDateTimeUtc(), &error));
    CHECK(store.assignmentCount() == 2);
    CHECK_FALSE(store.assignment(1));
    CHECK(store.assignment(2)->title == QStringLiteral("Changed"));
    CHECK(store.assignment(2)->rev == 9);
    CHECK(store.cursor() == QStringLiteral("5"));

    // The same revision again (the change feed bringing back what an op's answer stored) is
    // skipped; a newer one, or one with a change pending over it, is stored.
    int written = -1;
    REQUIRE(store.applyChangesPage({changed}, {}, QStringLiteral("6"),
                                   QDateTime::currentDateTimeUtc(), &error, &written));
    CHECK(written == 0);
    CHECK(store.cursor() == QStringLiteral("6"));
    changed.rev = 10;
    changed.title = QStringLiteral("Changed again");
    REQUIRE(store.applyChangesPage({changed}, {}, QStringLiteral("7"),
                                   QDateTime::currentDateTimeUtc(), &error, &written));
    CHECK(written == 1);
    CHECK(store.assignment(2)->title == QStringLiteral("Changed again"));
    REQUIRE(store
                .record(Operations::confirmSchedule(2, QDateTime::currentDateTimeUtc()),
                        QDateTime::currentDateTimeUtc(), &error)
                .applied);
    REQUIRE(store.applyChangesPage({changed}, {}, QStringLiteral("8"),
                                   QDateTime::currentDateTimeUtc(), &error, &written));
    CHECK(written == 1);
}

TEST_CASE("offline, correcting a visit into the window clears Worker Late, confirming clears Not "
          "Confirmed",
          "[store][rules]")
{
    QTemporaryDir dir;
    LocalStore store(QStringLiteral("late"));
    QString error;
    REQUIRE(store.open(dir.filePath(QStringLiteral("c.sqlite")), &error));
    Assignment a = sampleAssignment(9);
    a.status = AssignmentStatus::Assigned;
    a.timeLogs.clear();
    a.schedule.confirmedAt = {};
    a.phoneCheckin.required = false;
    REQUIRE(store.applyChangesPage({a}, {}, QStringLiteral("1"), QDateTime::currentDateTimeUtc(),
                                   &error));
    const QDateTime now = Rules::checkinWindowCloses(a).addSecs(3600); // both deadlines passed
    auto labelsNow = [&] {
        QStringList codes;
        for (const AssignmentSummary &s : store.summaries())
            for (const Label &l : Rules::labelsAt(s.potentialLabels, now))
                codes << l.code;
        return codes;
    };
    CHECK(labelsNow() ==
          QStringList{QStringLiteral("not_confirmed"), QStringLiteral("worker_late")});

    // Checked in late; then the worker corrects the time: they were there at the start.
    const QString log = QStringLiteral("visit-1");
    auto upsert = [&](const QDateTime &in) {
        return Operation::make(9, QStringLiteral("time_log.upsert"),
                               {{QStringLiteral("id"), log},
                                {QStringLiteral("check_in"), JsonReader::formatInstant(in)}},
                               now);
    };
    REQUIRE(store.record(upsert(Rules::checkinWindowCloses(a).addSecs(1200)), now, &error).applied);
    CHECK(labelsNow().contains(QStringLiteral("worker_late")));
    REQUIRE(store.record(upsert(a.schedule.start), now, &error).applied);
    CHECK_FALSE(labelsNow().contains(QStringLiteral("worker_late")));
    REQUIRE(
        store.record(Operation::make(9, QStringLiteral("schedule.confirm"), {}, now), now, &error)
            .applied);
    CHECK(labelsNow().isEmpty());
    CHECK(store.pendingOperationCount() == 3);

    // A refused change writes nothing: not to the document, not to the outbox.
    const OperationOutcome refused = store.record(
        Operation::make(9, QStringLiteral("time_log.upsert"),
                        {{QStringLiteral("id"), log},
                         {QStringLiteral("check_in"), JsonReader::formatInstant(a.schedule.start)},
                         {QStringLiteral("check_out"),
                          JsonReader::formatInstant(a.schedule.start.addSecs(-60))}},
                        now),
        now, &error);
    CHECK_FALSE(refused.applied);
    CHECK(refused.code == QStringLiteral("check_out_before_check_in"));
    CHECK(store.pendingOperationCount() == 3);
    CHECK_FALSE(store.assignment(9)->timeLogs.first().checkOut.isValid());
}

TEST_CASE("migrating takes no transaction or lock for steps applied before the start", "[store]")
{
    QTemporaryDir dir;
    const QString name = QStringLiteral("migrator");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dir.filePath(QStringLiteral("m.sqlite")));
        REQUIRE(db.open());
        QList<SchemaMigrator::Step> steps{
            {1, {QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")}},
            {2, {QStringLiteral("CREATE TABLE two (x INTEGER)")}}};
        int locked = 0;
        const SchemaMigrator::Lock lock = [&locked](QSqlDatabase &, QString *) {
            ++locked;
            return true;
        };
        QString error;
        REQUIRE(SchemaMigrator::run(db, steps, &error, lock));
        CHECK(locked == 2);
        CHECK(SchemaMigrator::version(db) == 2);

        steps.append({3, {QStringLiteral("CREATE TABLE three (x INTEGER)")}});
        locked = 0;
        REQUIRE(SchemaMigrator::run(db, steps, &error, lock));
        CHECK(locked == 1); // only the new step
        CHECK(SchemaMigrator::version(db) == 3);
        CHECK(db.tables().contains(QStringLiteral("three")));

        locked = 0;
        REQUIRE(SchemaMigrator::run(db, steps, &error, lock));
        CHECK(locked == 0);
        CHECK(SchemaMigrator::version(db) == 3);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

TEST_CASE("the cache's rows know since when a visit is open, also in a file from before",
          "[store][onsite]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    Assignment a = sampleAssignment(11);
    a.phoneCheckin.required = false;
    const QDateTime in = a.schedule.start.addSecs(-300);
    a.timeLogs = {{QStringLiteral("open-visit"), in, QDateTime(), QString(), TimeLogSource::Desktop,
                   false, false}};
    auto rowOf = [](LocalStore &store) {
        const QList<AssignmentSummary> rows = store.summaries();
        return rows.size() == 1 ? rows.first() : AssignmentSummary();
    };
    {
        // Version 7, before the columns: the rows exist without them.
        LocalStore old(QStringLiteral("v7"));
        QString error;
        REQUIRE(old.open(path, &error, LocalStore::migrations().mid(0, 7)));
        REQUIRE(old.schemaVersion() == 7);
        REQUIRE(old.applyChangesPage({a}, {}, QStringLiteral("3"), QDateTime::currentDateTimeUtc(),
                                     &error));
        CHECK(rowOf(old).id == 11);
        CHECK(rowOf(old).openSinceMs == 0);
    }
    LocalStore store(QStringLiteral("v8"));
    QString error;
    REQUIRE(store.open(path, &error));
    CHECK(rowOf(store).openSinceMs == in.toMSecsSinceEpoch());
    CHECK(rowOf(store).endMs == a.schedule.end.toMSecsSinceEpoch());

    // Checked out offline: the row says so at once.
    const QDateTime out = a.schedule.end.addSecs(600);
    REQUIRE(
        store
            .record(Operation::make(11, QStringLiteral("time_log.upsert"),
                                    {{QStringLiteral("id"), QStringLiteral("open-visit")},
                                     {QStringLiteral("check_in"), JsonReader::formatInstant(in)},
                                     {QStringLiteral("check_out"), JsonReader::formatInstant(out)}},
                                    out),
                    out, &error)
            .applied);
    CHECK(rowOf(store).openSinceMs == 0);
    CHECK(rowOf(store).endMs == a.schedule.end.toMSecsSinceEpoch());
}

TEST_CASE("a long list read in two halves gives every row once, in id order", "[store]")
{
    QTemporaryDir dir;
    LocalStore store(QStringLiteral("halves"));
    QString error;
    REQUIRE(store.open(dir.filePath(QStringLiteral("c.sqlite")), &error));
    CHECK(store.summariesMiddleId(1) == 0); // nothing to split

    // Ids bunched at both ends, as a worker's long-running and recent assignments are.
    QList<Assignment> page;
    QList<qint64> ids;
    for (qint64 id : {3, 4, 5, 6, 7, 500, 998, 999, 1000, 1001}) {
        page.append(sampleAssignment(id));
        ids.append(id);
    }
    REQUIRE(store.applyChangesPage(page, {}, QStringLiteral("1"), QDateTime::currentDateTimeUtc(),
                                   &error));
    CHECK(store.summariesMiddleId(2000) == 0); // a short list is read at once

    const qint64 middle = store.summariesMiddleId(10);
    REQUIRE(middle > 3);
    REQUIRE(middle <= 1001);
    QList<qint64> read;
    auto take = [&read](AssignmentSummary &&s) { read.append(s.id); };
    REQUIRE(store.eachSummary(SummaryTable::kFirstId, middle, take, &error));
    const qsizetype lower = read.size();
    REQUIRE(store.eachSummary(middle, SummaryTable::kEndId, take, &error));
    CHECK(lower > 0);
    CHECK(lower < read.size());
    CHECK(read == ids);
    QList<qint64> all;
    for (const AssignmentSummary &s : store.summaries())
        all.append(s.id);
    CHECK(all == ids);
}
