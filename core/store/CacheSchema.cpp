#include "CacheSchema.h"

namespace onsite {

QList<SchemaMigrator::Step> CacheSchema::steps()
{
    return {
        {1,
         {QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
          QStringLiteral("CREATE TABLE assignments (id INTEGER PRIMARY KEY, rev INTEGER NOT NULL,"
                         " status TEXT NOT NULL, doc TEXT NOT NULL, synced_at INTEGER NOT NULL)"),
          QStringLiteral(
              "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
              " op_id TEXT NOT NULL UNIQUE, assignment_id INTEGER NOT NULL, type TEXT NOT NULL,"
              " payload TEXT NOT NULL, created_at INTEGER NOT NULL,"
              " state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,"
              " last_error TEXT)")}},
        {2,
         {QStringLiteral("CREATE INDEX outbox_by_state ON outbox (state, seq)"),
          QStringLiteral("CREATE INDEX assignments_by_status ON assignments (status)")}},
        // The dashboard's columns, kept with each document so a list of 100,000 loads
        // without decoding documents (filled for existing rows by rebuildSummaries()).
        {3,
         {QStringLiteral(
             "CREATE TABLE assignment_rows (id INTEGER PRIMARY KEY REFERENCES assignments(id)"
             " ON DELETE CASCADE, title TEXT NOT NULL, company TEXT NOT NULL, city TEXT NOT NULL,"
             " region TEXT NOT NULL, address TEXT NOT NULL, postal_code TEXT NOT NULL,"
             " time_zone TEXT NOT NULL, start_ms INTEGER NOT NULL, status TEXT NOT NULL,"
             " done INTEGER NOT NULL, required INTEGER NOT NULL, next_key TEXT NOT NULL,"
             " next_what TEXT NOT NULL, next_ms INTEGER NOT NULL, labels TEXT NOT NULL)")}},
        // The outbox: doc becomes the worker's view (the server's document with pending
        // operations replayed over it); server_doc keeps the server's, to return to when the
        // server refuses an operation.
        {4,
         {QStringLiteral("ALTER TABLE assignments ADD COLUMN server_doc TEXT"),
          QStringLiteral("ALTER TABLE outbox ADD COLUMN error_code TEXT"),
          QStringLiteral("ALTER TABLE outbox ADD COLUMN decided_at INTEGER")}},
        // Files being uploaded (UploadQueue): enough to resume after a restart from the offset
        // the server acknowledged, and to notice the file changed meanwhile.
        {5,
         {QStringLiteral(
              "CREATE TABLE uploads (id TEXT PRIMARY KEY, assignment_id INTEGER NOT NULL,"
              " requirement_id TEXT NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL,"
              " filename TEXT NOT NULL, size INTEGER NOT NULL, mtime_ms INTEGER NOT NULL,"
              " sha256 TEXT NOT NULL, url TEXT NOT NULL, upload_offset INTEGER NOT NULL,"
              " state TEXT NOT NULL, error TEXT NOT NULL, deliverable_id TEXT NOT NULL,"
              " created_at INTEGER NOT NULL)"),
          QStringLiteral("CREATE INDEX uploads_by_assignment ON uploads (assignment_id)")}},
        // Decisions of the client company found while syncing, until the app has shown them.
        {6,
         {QStringLiteral("CREATE TABLE notices (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " assignment_id INTEGER NOT NULL, kind TEXT NOT NULL,"
                         " title TEXT NOT NULL, message TEXT NOT NULL,"
                         " created_at INTEGER NOT NULL)")}},
        // When each check-in window opens, for the "check-in window open" reminder; the rows
        // are emptied so open() rebuilds them all with it.
        {7,
         {QStringLiteral("ALTER TABLE assignment_rows ADD COLUMN checkin_opens_ms INTEGER NOT NULL"
                         " DEFAULT 0"),
          QStringLiteral("DELETE FROM assignment_rows")}},
        // Since when a visit is open and when the schedule ends, for "on site for 1 h 19 min"
        // and the reminder to check out; rebuilt the same way.
        {8,
         {QStringLiteral("ALTER TABLE assignment_rows ADD COLUMN open_since_ms INTEGER NOT NULL"
                         " DEFAULT 0"),
          QStringLiteral("ALTER TABLE assignment_rows ADD COLUMN end_ms INTEGER NOT NULL"
                         " DEFAULT 0"),
          QStringLiteral("DELETE FROM assignment_rows")}},
        // The ETA a worker reported, for "ETA 14:40 reported" on the row; rebuilt the same way.
        {9,
         {QStringLiteral("ALTER TABLE assignment_rows ADD COLUMN eta_ms INTEGER NOT NULL"
                         " DEFAULT 0"),
          QStringLiteral("DELETE FROM assignment_rows")}},
        // The company's messages not read yet, for "2 new messages" on the row; rebuilt too.
        {10,
         {QStringLiteral("ALTER TABLE assignment_rows ADD COLUMN unread INTEGER NOT NULL"
                         " DEFAULT 0"),
          QStringLiteral("DELETE FROM assignment_rows")}},
    };
}

} // namespace onsite
