#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <optional>

namespace onsite::server {

// The server's database: SQLite (one file) or PostgreSQL (shared by several server
// processes). Each thread gets its own connection on first use; the pool threads never
// expire, so connections live as long as the process.
class Database
{
public:
    static bool configure(const QString &url, QString *error);
    static bool isPostgres();
    // " FOR UPDATE" on PostgreSQL (a row lock for read-modify-write); nothing on SQLite, whose
    // IMMEDIATE transaction already excludes other writers.
    static QString forUpdate();
    static QSqlDatabase connection();
    static bool migrate(QString *error);
    static qint64 nowMs();
    // Whether this thread is inside a Transaction or a Batch (group commit): what it reads may
    // include its own work, not yet committed.
    static bool inTransaction();
};

// A transaction on this thread's connection that rolls back unless committed. SQLite
// transactions start IMMEDIATE so two writers queue instead of failing to upgrade a lock.
// Inside a Batch on this thread it is a savepoint: its commit keeps its work in the batch,
// its rollback undoes only its own work, and nothing is durable before the batch commits.
class Transaction
{
public:
    enum class Mode { Write, Snapshot };
    // Snapshot: every read inside sees one consistent state (REPEATABLE READ on PostgreSQL).
    explicit Transaction(Mode mode = Mode::Write);
    ~Transaction();
    bool ok() const { return m_ok; }
    bool commit();

private:
    QSqlDatabase m_db;
    bool m_ok = false;
    bool m_done = false;
    bool m_savepoint = false;
    bool m_counted = false; // a transaction (not a savepoint) open on this thread
};

// One write transaction around several units of work on this thread (group commit: they share
// one commit, so one fsync). Each unit's Transaction becomes a savepoint. Rolls back unless
// committed; only one at a time per thread.
class Batch
{
public:
    Batch();
    ~Batch();
    bool ok() const { return m_ok; }
    bool commit();

private:
    QSqlDatabase m_db;
    bool m_ok = false;
    bool m_done = false;
};

// A prepared statement on this thread's connection: exec() binds the values in order.
// Statements are prepared once per connection and kept (SQLite's parser and PostgreSQL's
// planning were a third of a small request's time); one in use is prepared afresh.
class Sql
{
public:
    explicit Sql(const QString &statement);
    ~Sql();
    Sql(const Sql &) = delete;
    Sql &operator=(const Sql &) = delete;
    bool exec(const QVariantList &values = {});
    // For INSERT/UPDATE ... RETURNING one number: runs, reads it and finishes the statement
    // (an unfinished RETURNING statement keeps SQLite's write lock). -1 on failure.
    qint64 execReturning(const QVariantList &values = {});
    bool next() { return m_query->next(); }
    QVariant value(int i) const { return m_query->value(i); }
    QString error() const;
    QSqlQuery &query() { return *m_query; }

private:
    std::optional<QSqlQuery> m_own; // a statement prepared for this use only
    QSqlQuery *m_query = nullptr;   // the kept statement, or m_own
    bool *m_inUse = nullptr;        // the kept statement's flag, cleared when done
    bool m_writes = false;          // not a read: a success moves the WriteEpoch
};

} // namespace onsite::server
