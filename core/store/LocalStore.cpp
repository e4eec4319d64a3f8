#include "LocalStore.h"

#include "Notices.h"
#include "SchemaMigrator.h"

#include "AssignmentCodec.h"
#include "AssignmentSummary.h"
#include "Enums.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QVariant>

namespace onsite {

QList<LocalStore::Migration> LocalStore::migrations()
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
    };
}

int LocalStore::latestVersion()
{
    return migrations().constLast().version;
}

LocalStore::LocalStore(QString connectionName) : m_name(std::move(connectionName)) {}

LocalStore::~LocalStore()
{
    close();
}

bool LocalStore::isOpen() const
{
    return m_db.isOpen();
}

void LocalStore::close()
{
    m_upsertRow.reset();
    m_seenRev.reset();
    m_upsert.reset();
    m_remove.reset();
    m_setMeta.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
}

bool LocalStore::exec(const QString &sql, QString *error)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text() + QStringLiteral(" (") + sql.left(60) + QLatin1Char(')');
    return false;
}

bool LocalStore::open(const QString &path, QString *error, const QList<Migration> &steps)
{
    close();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        *error = m_db.lastError().text();
        return false;
    }
    // WAL lets readers run beside the one writer; FULL makes each commit durable on power loss.
    if (!exec(QStringLiteral("PRAGMA busy_timeout = 5000"), error) ||
        !exec(QStringLiteral("PRAGMA journal_mode = WAL"), error) ||
        !exec(QStringLiteral("PRAGMA synchronous = FULL"), error) ||
        !exec(QStringLiteral("PRAGMA foreign_keys = ON"), error))
        return false;
    if (journalMode() != QLatin1String("wal")) {
        *error = QStringLiteral("SQLite refused write-ahead logging for %1").arg(path);
        return false;
    }
    if (synchronousLevel() != 2) {
        *error = QStringLiteral("SQLite refused synchronous=FULL for %1").arg(path);
        return false;
    }
    if (!SchemaMigrator::run(m_db, steps, error))
        return false;
    prepareStatements();
    return !m_hasSummaries || rebuildSummaries(error);
}

void LocalStore::prepareStatements()
{
    // A file opened with an older step list (tests of migrations) lacks the later tables.
    const int version = schemaVersion();
    m_hasOutbox = version >= 4;
    m_hasNotices = version >= 6;
    m_hasCheckinOpens = version >= 7;
    m_hasSummaries = version >= 3;
    m_upsert.emplace(m_db);
    m_upsert->prepare(
        m_hasOutbox
            ? QStringLiteral(
                  "INSERT INTO assignments (id, rev, status, doc, synced_at, server_doc)"
                  " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET rev = excluded.rev,"
                  " status = excluded.status, doc = excluded.doc, synced_at = excluded.synced_at,"
                  " server_doc = excluded.server_doc")
            : QStringLiteral(
                  "INSERT INTO assignments (id, rev, status, doc, synced_at) VALUES (?, ?, ?, ?, ?)"
                  " ON CONFLICT(id) DO UPDATE SET rev = excluded.rev, status = excluded.status,"
                  " doc = excluded.doc, synced_at = excluded.synced_at"));
    m_remove.emplace(m_db);
    m_remove->prepare(QStringLiteral("DELETE FROM assignments WHERE id = ?"));
    m_seenRev.emplace(m_db);
    if (m_hasOutbox)
        m_seenRev->prepare(QStringLiteral(
            "SELECT 1 FROM assignments WHERE id = ? AND rev = ? AND server_doc IS NOT NULL AND"
            " NOT EXISTS (SELECT 1 FROM outbox WHERE assignment_id = ? AND state = 'pending')"));
    m_setMeta.emplace(m_db);
    m_setMeta->prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                                      " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    m_upsertRow.emplace(m_db);
    m_upsertRow->prepare(
        m_hasCheckinOpens
            ? QStringLiteral("INSERT OR REPLACE INTO assignment_rows (id, title, company, city,"
                             " region, address, postal_code, time_zone, start_ms, status, done,"
                             " required, next_key, next_what, next_ms, labels, checkin_opens_ms)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            : QStringLiteral("INSERT OR REPLACE INTO assignment_rows (id, title, company, city,"
                             " region, address, postal_code, time_zone, start_ms, status, done,"
                             " required, next_key, next_what, next_ms, labels)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
}

bool LocalStore::openReader(const QString &path, QString *error)
{
    close();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!QFileInfo::exists(path) || !m_db.open()) {
        *error =
            QCoreApplication::translate("onsite::LocalStore", "The cache %1 cannot be read: %2")
                .arg(path, m_db.lastError().text());
        close();
        return false;
    }
    // Only the writer migrates: a reader of an older file waits for it instead.
    if (const int v = schemaVersion(); v != latestVersion()) {
        *error = QCoreApplication::translate("onsite::LocalStore",
                                             "The cache is not ready yet (schema version %1 of "
                                             "%2); try again in a moment.")
                     .arg(v)
                     .arg(latestVersion());
        close();
        return false;
    }
    prepareStatements(); // writes fail: "attempt to write a readonly database"
    return true;
}

bool LocalStore::writeSummary(const Assignment &a, QString *error)
{
    if (!m_hasSummaries)
        return true;
    const AssignmentSummary s = AssignmentSummary::of(a);
    // A null QString binds as SQL NULL; the columns hold empty text instead.
    auto text = [](const QString &v) { return QVariant(v.isNull() ? QStringLiteral("") : v); };
    for (const QVariant &v :
         {QVariant(s.id), text(s.title), text(s.company), text(s.city), text(s.region),
          text(s.address), text(s.postalCode), text(s.timeZone), QVariant(s.startMs),
          QVariant(toWire(s.status)), QVariant(s.done), QVariant(s.required), text(s.nextKey),
          text(s.nextWhat), QVariant(s.nextDueMs), text(s.labelsColumn())})
        m_upsertRow->addBindValue(v);
    if (m_hasCheckinOpens)
        m_upsertRow->addBindValue(s.checkinOpensMs);
    if (m_upsertRow->exec())
        return true;
    *error = m_upsertRow->lastError().text();
    return false;
}

bool LocalStore::rebuildSummaries(QString *error)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT doc FROM assignments WHERE id NOT IN "
                               "(SELECT id FROM assignment_rows)"))) {
        *error = q.lastError().text();
        return false;
    }
    QList<Assignment> missing;
    QString decodeError;
    while (q.next())
        if (auto a = AssignmentCodec::fromJson(
                QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object(), &decodeError))
            missing.append(std::move(*a));
    q.finish();
    if (missing.isEmpty())
        return true;
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    for (const Assignment &a : missing)
        if (!writeSummary(a, error)) {
            m_db.rollback();
            return false;
        }
    return m_db.commit();
}

QString LocalStore::journalMode()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next() ? q.value(0).toString()
                                                                     : QString();
}

int LocalStore::synchronousLevel()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("PRAGMA synchronous")) && q.next() ? q.value(0).toInt() : -1;
}

int LocalStore::schemaVersion()
{
    return SchemaMigrator::version(m_db);
}

QString LocalStore::meta(const QString &key)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

bool LocalStore::setMeta(const QString &key, const QString &value, QString *error)
{
    m_setMeta->addBindValue(key);
    m_setMeta->addBindValue(value);
    if (m_setMeta->exec())
        return true;
    if (error)
        *error = m_setMeta->lastError().text();
    return false;
}

QString LocalStore::cursor()
{
    return meta(QStringLiteral("sync_cursor"));
}

bool LocalStore::applyChangesPage(const QList<Assignment> &changes, const QList<qint64> &removed,
                                  const QString &cursor, const QDateTime &now, QString *error,
                                  int *written)
{
    int stored = int(removed.size());
    const QString before = this->cursor();
    const bool firstSync = before.isEmpty() || before == QLatin1String("0");
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    bool ok = true;
    for (qint64 id : removed) {
        m_remove->addBindValue(id);
        if (!(ok = m_remove->exec())) {
            *error = m_remove->lastError().text();
            break;
        }
    }
    const QDateTime nowUtc = now.toUTC();
    for (int i = 0; ok && i < changes.size(); ++i) {
        if (alreadyHave(changes.at(i)))
            continue;
        ok = storeServerDoc(changes.at(i), nowUtc, error, !firstSync);
        ++stored;
    }
    if (ok)
        ok = setMeta(QStringLiteral("sync_cursor"), cursor, error);
    if (ok && !m_db.commit()) {
        *error = m_db.lastError().text();
        ok = false;
    }
    if (!ok)
        m_db.rollback();
    if (written)
        *written = ok ? stored : 0;
    return ok;
}

bool LocalStore::alreadyHave(const Assignment &server)
{
    // The answer to the worker's own op already stored this revision; the change feed brings
    // the same document again. With nothing pending over it, storing it again changes nothing.
    if (!m_hasOutbox)
        return false;
    m_seenRev->addBindValue(server.id);
    m_seenRev->addBindValue(server.rev);
    m_seenRev->addBindValue(server.id);
    const bool seen = m_seenRev->exec() && m_seenRev->next();
    m_seenRev->finish();
    return seen;
}

namespace {

QString compactDoc(const Assignment &a)
{
    return QString::fromUtf8(
        QJsonDocument(AssignmentCodec::toJson(a)).toJson(QJsonDocument::Compact));
}

Operation operationFrom(const QSqlQuery &q, int first)
{
    Operation op;
    op.opId = q.value(first).toString();
    op.assignmentId = q.value(first + 1).toLongLong();
    op.type = q.value(first + 2).toString();
    op.payload = QJsonDocument::fromJson(q.value(first + 3).toString().toUtf8()).object();
    op.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(first + 4).toLongLong(), Qt::UTC);
    return op;
}

} // namespace

bool LocalStore::storeServerDoc(const Assignment &server, const QDateTime &now, QString *error,
                                bool findNotices)
{
    if (m_hasNotices && findNotices)
        if (const auto before = serverDoc(server.id))
            for (const Notice &n : Notices::between(*before, server)) {
                QSqlQuery q(m_db);
                q.prepare(QStringLiteral("INSERT INTO notices (assignment_id, kind, title, message,"
                                         " created_at) VALUES (?, ?, ?, ?, ?)"));
                q.addBindValue(n.assignmentId);
                q.addBindValue(n.kind);
                q.addBindValue(n.title);
                q.addBindValue(n.message);
                q.addBindValue(now.toMSecsSinceEpoch());
                if (!q.exec()) {
                    *error = q.lastError().text();
                    return false;
                }
            }
    Assignment local = server;
    if (m_hasOutbox)
        for (const Operation &op : pendingFor(server.id))
            OperationApplier::apply(local, op, now); // a replay the server may still refuse
    m_upsert->addBindValue(server.id);
    m_upsert->addBindValue(local.rev);
    m_upsert->addBindValue(toWire(local.status));
    m_upsert->addBindValue(compactDoc(local));
    m_upsert->addBindValue(now.toMSecsSinceEpoch());
    if (m_hasOutbox)
        m_upsert->addBindValue(compactDoc(server));
    if (!m_upsert->exec()) {
        *error = m_upsert->lastError().text();
        return false;
    }
    return writeSummary(local, error);
}

std::optional<Assignment> LocalStore::serverDoc(qint64 id)
{
    // Rows from before the outbox existed have only the one document.
    return readDoc(QStringLiteral("COALESCE(server_doc, doc)"), id);
}

std::optional<Assignment> LocalStore::readDoc(const QString &column, qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM assignments WHERE id = ?").arg(column));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    QString error;
    return AssignmentCodec::fromJson(
        QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object(), &error);
}

bool LocalStore::rebuildLocal(qint64 id, const QDateTime &now, QString *error)
{
    const auto server = serverDoc(id);
    return !server || storeServerDoc(*server, now, error);
}

QList<Operation> LocalStore::pendingFor(qint64 id)
{
    QList<Operation> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT op_id, assignment_id, type, payload, created_at FROM outbox"
                             " WHERE state = 'pending' AND assignment_id = ? ORDER BY seq"));
    q.addBindValue(id);
    if (q.exec())
        while (q.next())
            out.append(operationFrom(q, 0));
    return out;
}

OperationOutcome LocalStore::record(const Operation &op, const QDateTime &now, QString *error)
{
    auto local = assignment(op.assignmentId);
    if (!local)
        return {false, QStringLiteral("not_found"),
                QCoreApplication::translate("onsite::LocalStore",
                                            "That assignment is not in your list.")};
    const auto server = serverDoc(op.assignmentId);
    const OperationOutcome outcome = OperationApplier::apply(*local, op, now);
    if (!outcome.applied)
        return outcome;
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return {false, QStringLiteral("storage"), *error};
    }
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO outbox (op_id, assignment_id, type, payload,"
                                  " created_at) VALUES (?, ?, ?, ?, ?)"));
    insert.addBindValue(op.opId);
    insert.addBindValue(op.assignmentId);
    insert.addBindValue(op.type);
    insert.addBindValue(
        QString::fromUtf8(QJsonDocument(op.payload).toJson(QJsonDocument::Compact)));
    insert.addBindValue(op.createdAt.toMSecsSinceEpoch());
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE assignments SET doc = ?, status = ?, server_doc ="
                                  " COALESCE(server_doc, ?) WHERE id = ?"));
    update.addBindValue(compactDoc(*local));
    update.addBindValue(toWire(local->status));
    update.addBindValue(server ? compactDoc(*server) : compactDoc(*local));
    update.addBindValue(op.assignmentId);
    bool ok = insert.exec();
    if (!ok)
        *error = insert.lastError().text();
    ok = ok && update.exec();
    if (ok)
        ok = writeSummary(*local, error);
    else if (error->isEmpty())
        *error = update.lastError().text();
    if (!ok || !m_db.commit()) {
        if (ok)
            *error = m_db.lastError().text();
        m_db.rollback();
        return {false, QStringLiteral("storage"), *error};
    }
    return outcome;
}

QList<Operation> LocalStore::pendingOperations(int limit)
{
    QList<Operation> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT op_id, assignment_id, type, payload, created_at FROM outbox"
                             " WHERE state = 'pending' ORDER BY seq LIMIT ?"));
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out.append(operationFrom(q, 0));
    return out;
}

bool LocalStore::applyResults(const QList<OperationResult> &results, const QDateTime &now,
                              QString *error)
{
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    bool ok = true;
    QSet<qint64> touched;
    for (const OperationResult &r : results) {
        qint64 assignmentId = 0;
        {
            QSqlQuery which(m_db);
            which.prepare(QStringLiteral("SELECT assignment_id FROM outbox WHERE op_id = ?"));
            which.addBindValue(r.opId);
            if (which.exec() && which.next())
                assignmentId = which.value(0).toLongLong();
        }
        QSqlQuery q(m_db);
        if (r.status == OperationStatus::Applied || r.status == OperationStatus::Duplicate) {
            q.prepare(QStringLiteral("DELETE FROM outbox WHERE op_id = ?"));
            q.addBindValue(r.opId);
        } else if (r.status == OperationStatus::Rejected) {
            q.prepare(QStringLiteral("UPDATE outbox SET state = 'rejected', error_code = ?,"
                                     " last_error = ?, decided_at = ? WHERE op_id = ?"));
            q.addBindValue(r.code);
            q.addBindValue(r.message);
            q.addBindValue(now.toMSecsSinceEpoch());
            q.addBindValue(r.opId);
        } else { // the server failed on this one: it stays pending and is sent again
            q.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ?"
                                     " WHERE op_id = ?"));
            q.addBindValue(r.message);
            q.addBindValue(r.opId);
        }
        if (!(ok = q.exec())) {
            *error = q.lastError().text();
            break;
        }
        if (r.assignment) {
            if (!(ok = storeServerDoc(*r.assignment, now, error)))
                break;
            touched.remove(r.assignment->id);
        } else if (assignmentId) {
            touched.insert(assignmentId);
        }
    }
    for (qint64 id : std::as_const(touched))
        if (ok)
            ok = rebuildLocal(id, now, error);
    if (ok && !m_db.commit()) {
        *error = m_db.lastError().text();
        ok = false;
    }
    if (!ok)
        m_db.rollback();
    return ok;
}

bool LocalStore::noteFailedAttempt(const QStringList &opIds, const QString &reason, QString *error)
{
    if (!m_db.transaction())
        return false;
    for (const QString &id : opIds) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE"
                                 " op_id = ? AND state = 'pending'"));
        q.addBindValue(reason);
        q.addBindValue(id);
        if (!q.exec()) {
            *error = q.lastError().text();
            m_db.rollback();
            return false;
        }
    }
    return m_db.commit();
}

QList<OutboxEntry> LocalStore::outbox()
{
    QList<OutboxEntry> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT op_id, assignment_id, type, payload, created_at, state,"
                               " attempts, last_error, error_code, decided_at FROM outbox"
                               " ORDER BY seq")))
        return out;
    while (q.next()) {
        OutboxEntry e;
        e.op = operationFrom(q, 0);
        e.state = q.value(5).toString() == QLatin1String("rejected") ? OutboxEntry::State::Rejected
                                                                     : OutboxEntry::State::Pending;
        e.attempts = q.value(6).toInt();
        e.lastError = q.value(7).toString();
        e.errorCode = q.value(8).toString();
        if (!q.value(9).isNull())
            e.decidedAt = QDateTime::fromMSecsSinceEpoch(q.value(9).toLongLong(), Qt::UTC);
        out.append(e);
    }
    return out;
}

bool LocalStore::dismiss(const QString &opId, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE op_id = ? AND state = 'rejected'"));
    q.addBindValue(opId);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

int LocalStore::needsAttentionCount()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'rejected'")) &&
                   q.next()
               ? q.value(0).toInt()
               : 0;
}

QList<Assignment> LocalStore::assignments(QString *error)
{
    QList<Assignment> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT doc FROM assignments ORDER BY id"))) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    QString decodeError;
    while (q.next()) {
        const QJsonObject o = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        if (auto a = AssignmentCodec::fromJson(o, &decodeError))
            out.append(std::move(*a));
    }
    return out;
}

std::optional<Assignment> LocalStore::assignment(qint64 id)
{
    return readDoc(QStringLiteral("doc"), id);
}

QList<AssignmentSummary> LocalStore::summaries(QString *error)
{
    QList<AssignmentSummary> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
                    "SELECT id, title, company, city, region, address, postal_code, time_zone,"
                    " start_ms, status, done, required, next_key, next_what, next_ms, labels%1"
                    " FROM assignment_rows")
                    .arg(m_hasCheckinOpens ? QStringLiteral(", checkin_opens_ms") : QString()))) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        AssignmentSummary s;
        s.id = q.value(0).toLongLong();
        s.title = q.value(1).toString();
        s.company = q.value(2).toString();
        s.city = q.value(3).toString();
        s.region = q.value(4).toString();
        s.address = q.value(5).toString();
        s.postalCode = q.value(6).toString();
        s.timeZone = q.value(7).toString();
        s.startMs = q.value(8).toLongLong();
        s.status =
            fromWire<AssignmentStatus>(q.value(9).toString()).value_or(AssignmentStatus::Assigned);
        s.done = q.value(10).toInt();
        s.required = q.value(11).toInt();
        s.nextKey = q.value(12).toString();
        s.nextWhat = q.value(13).toString();
        s.nextDueMs = q.value(14).toLongLong();
        s.potentialLabels = AssignmentSummary::parseLabelsColumn(q.value(15).toString());
        if (m_hasCheckinOpens)
            s.checkinOpensMs = q.value(16).toLongLong();
        out.append(std::move(s));
    }
    return out;
}

int LocalStore::assignmentCount()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM assignments")) && q.next()
               ? q.value(0).toInt()
               : 0;
}

int LocalStore::pendingOperationCount()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")) && q.next()
               ? q.value(0).toInt()
               : 0;
}

QList<Notice> LocalStore::takeNotices(QString *error)
{
    QList<Notice> out;
    if (!m_hasNotices)
        return out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral(
            "SELECT id, assignment_id, kind, title, message FROM notices ORDER BY id"))) {
        *error = q.lastError().text();
        return out;
    }
    qint64 last = 0;
    while (q.next()) {
        last = q.value(0).toLongLong();
        out.append({q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString()});
    }
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM notices WHERE id <= ?"));
    del.addBindValue(last);
    if (!out.isEmpty() && !del.exec())
        *error = del.lastError().text();
    return out;
}

} // namespace onsite
