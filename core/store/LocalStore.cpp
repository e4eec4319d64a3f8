#include "LocalStore.h"

#include "CacheFile.h"
#include "CacheSchema.h"
#include "NoticeTable.h"
#include "Notices.h"
#include "Outbox.h"
#include "SchemaMigrator.h"
#include "SummaryTable.h"

#include "AssignmentCodec.h"
#include "Enums.h"
#include "Rules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QVariant>
#include <algorithm>

namespace onsite {

QList<LocalStore::Migration> LocalStore::migrations()
{
    return CacheSchema::steps();
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
    m_summaries.reset();
    m_outbox.reset();
    m_notices.reset();
    m_readDoc.reset();
    m_readServerDoc.reset();
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

bool LocalStore::writable(QString *error) const
{
    if (m_upsert)
        return true;
    if (error)
        *error = QStringLiteral("This connection to the cache is read-only.");
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
    if (!CacheFile::configureWriter(m_db, path, error))
        return false;
    if (!SchemaMigrator::run(m_db, steps, error))
        return false;
    readVersion();
    prepareWrites();
    return !m_summaries || m_summaries->rebuildMissing(error);
}

void LocalStore::readVersion()
{
    // A file opened with an older step list (tests of migrations) lacks the later tables.
    const int version = schemaVersion();
    m_hasOutbox = version >= 4;
    if (version >= 6)
        m_notices.emplace(m_db);
    if (version >= 3)
        m_summaries.emplace(m_db, version);
    if (m_hasOutbox)
        m_outbox.emplace(m_db);
}

void LocalStore::prepareWrites()
{
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
    m_readDoc.emplace(m_db);
    m_readDoc->prepare(QStringLiteral("SELECT doc FROM assignments WHERE id = ?"));
    m_readServerDoc.emplace(m_db);
    m_readServerDoc->prepare(serverDocQuery());
    m_seenRev.emplace(m_db);
    // server_doc NULL: the document is the server's (nothing was pending when it was stored).
    m_seenRev->prepare(
        m_hasOutbox ? QStringLiteral(
                          "SELECT 1 FROM assignments WHERE id = ? AND rev = ? AND NOT EXISTS"
                          " (SELECT 1 FROM outbox WHERE assignment_id = assignments.id AND state ="
                          " 'pending')")
                    : QStringLiteral("SELECT 1 FROM assignments WHERE id = ? AND rev = ?"));
    m_setMeta.emplace(m_db);
    m_setMeta->prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                                      " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    if (m_summaries)
        m_summaries->prepareWrite();
}

bool LocalStore::openReader(const QString &path, QString *error)
{
    close();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    if (!CacheFile::openReadOnly(m_db, path, latestVersion(), error)) {
        close();
        return false;
    }
    readVersion(); // a reader prepares no writes
    return true;
}

QString LocalStore::journalMode()
{
    return CacheFile::journalMode(m_db);
}

int LocalStore::synchronousLevel()
{
    return CacheFile::synchronousLevel(m_db);
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
    if (!writable(error))
        return false;
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
                                  int *written, const QList<QByteArray> *received)
{
    if (!writable(error))
        return false;
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
    QSet<Revision> held;
    if (!firstSync) {
        QList<Revision> revisions;
        revisions.reserve(changes.size());
        for (const Assignment &a : changes)
            revisions.append({a.id, a.rev});
        held = revisionsHeld(revisions);
    }
    // One look at the outbox per page: with nothing pending, no document needs a replay.
    m_mayHavePending = m_outbox && m_outbox->hasPending();
    for (int i = 0; ok && i < changes.size(); ++i) {
        const Assignment &server = changes.at(i);
        if (held.contains({server.id, server.rev}))
            continue;
        const QByteArray text = received && i < received->size() ? received->at(i) : QByteArray();
        ok =
            storeServerDoc(server, {}, text, nowUtc, error, firstSync ? News::None : News::Changes);
        ++stored;
    }
    m_mayHavePending = true;
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

bool LocalStore::hasRevision(qint64 id, qint64 rev)
{
    // The answer to the worker's own op already stored this revision; the change feed brings
    // the same document again. With nothing pending over it, storing it again changes nothing.
    m_seenRev->addBindValue(id);
    m_seenRev->addBindValue(rev);
    const bool seen = m_seenRev->exec() && m_seenRev->next();
    m_seenRev->finish();
    return seen;
}

QSet<LocalStore::Revision> LocalStore::revisionsHeld(const QList<Revision> &revisions)
{
    QSet<Revision> held;
    if (revisions.isEmpty())
        return held;
    if (m_outbox && m_outbox->hasPending()) { // each needs its look at the outbox
        for (const auto &[id, rev] : revisions)
            if (hasRevision(id, rev))
                held.insert({id, rev});
        return held;
    }
    // Nothing pending: a stored revision is held. One statement for the page; the ids are
    // numbers, written into it.
    QString ids;
    ids.reserve(revisions.size() * 8);
    const QSet<Revision> wanted(revisions.cbegin(), revisions.cend());
    for (const auto &[id, rev] : revisions)
        ids += (ids.isEmpty() ? QString() : QStringLiteral(",")) + QString::number(id);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, rev FROM assignments WHERE id IN (%1)").arg(ids)))
        return held;
    while (q.next())
        if (const Revision r{q.value(0).toLongLong(), q.value(1).toLongLong()}; wanted.contains(r))
            held.insert(r);
    return held;
}

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// What the worker sees of a document: the revision and the labels (recomputed from the clock)
// do not count.
QJsonObject forTheWorker(QJsonObject o)
{
    o.remove(QStringLiteral("rev"));
    o.remove(QStringLiteral("labels"));
    return o;
}

} // namespace

bool LocalStore::recordNotices(const Assignment &server, News news, const QDateTime &now,
                               QString *error)
{
    // Only a document that carries a decision, or (from the feed) work still to do that the
    // company may have changed, can make news; the one before is read only then.
    if (!m_notices || news == News::None ||
        !(Notices::possible(server) || (news == News::Changes && Rules::isActive(server))))
        return true;
    const auto before = serverDoc(server.id);
    if (!before)
        return true;
    return m_notices->add(Notices::between(*before, server), now, error);
}

bool LocalStore::storeServerDoc(const Assignment &server, const QJsonObject &received,
                                const QByteArray &receivedText, const QDateTime &now,
                                QString *error, News news, Stored *stored)
{
    if (!recordNotices(server, news, now, error))
        return false;
    const QList<Operation> pending =
        m_outbox && m_mayHavePending ? m_outbox->pendingFor(server.id) : QList<Operation>();
    Assignment local = server;
    for (const Operation &op : pending)
        OperationApplier::apply(local, op, now); // a replay the server may still refuse
    // With nothing pending the worker's view is the server's document, kept as it arrived
    // (its text as is; encoded only when it did not come from the wire) and once: server_doc
    // stays NULL.
    QVariant serverText(QMetaType::fromType<QString>());
    QJsonObject view;
    QString viewText;
    if (pending.isEmpty() && !receivedText.isEmpty() && !stored) {
        viewText = QString::fromUtf8(receivedText);
    } else if (pending.isEmpty()) {
        view = received.isEmpty() ? AssignmentCodec::toJson(server) : received;
        viewText = compact(view);
    } else {
        serverText = !receivedText.isEmpty() ? QString::fromUtf8(receivedText)
                     : received.isEmpty()    ? compact(AssignmentCodec::toJson(server))
                                             : compact(received);
        view = AssignmentCodec::toJson(local);
        viewText = compact(view);
    }
    if (stored) {
        stored->changed = changedForTheWorker(server.id, view);
        stored->view = local;
    }
    m_upsert->addBindValue(server.id);
    m_upsert->addBindValue(local.rev);
    m_upsert->addBindValue(toWire(local.status));
    m_upsert->addBindValue(viewText);
    m_upsert->addBindValue(now.toMSecsSinceEpoch());
    if (m_hasOutbox)
        m_upsert->addBindValue(serverText);
    if (!m_upsert->exec()) {
        *error = m_upsert->lastError().text();
        return false;
    }
    return writeSummary(local, error);
}

bool LocalStore::changedForTheWorker(qint64 id, const QJsonObject &view)
{
    m_readDoc->addBindValue(id);
    const bool found = m_readDoc->exec() && m_readDoc->next();
    const QByteArray before = found ? m_readDoc->value(0).toString().toUtf8() : QByteArray();
    m_readDoc->finish();
    return !found || forTheWorker(QJsonDocument::fromJson(before).object()) != forTheWorker(view);
}

bool LocalStore::writeSummary(const Assignment &a, QString *error)
{
    return !m_summaries || m_summaries->write(a, error);
}

QString LocalStore::serverDocQuery()
{
    // NULL server_doc: nothing was pending when the server's document was stored as doc.
    return QStringLiteral("SELECT COALESCE(server_doc, doc) FROM assignments WHERE id = ?");
}

std::optional<Assignment> LocalStore::serverDoc(qint64 id)
{
    if (!m_readServerDoc) // a reader prepares nothing ahead
        return readDoc(QStringLiteral("COALESCE(server_doc, doc)"), id);
    return decodeRow(*m_readServerDoc, id); // the writer asks once per stored document
}

std::optional<Assignment> LocalStore::readDoc(const QString &column, qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM assignments WHERE id = ?").arg(column));
    return decodeRow(q, id);
}

std::optional<Assignment> LocalStore::decodeRow(QSqlQuery &q, qint64 id)
{
    q.addBindValue(id);
    const bool found = q.exec() && q.next();
    const QByteArray text = found ? q.value(0).toString().toUtf8() : QByteArray();
    q.finish();
    if (!found)
        return std::nullopt;
    QString error;
    return AssignmentCodec::fromJson(QJsonDocument::fromJson(text).object(), &error);
}

bool LocalStore::rebuildLocal(qint64 id, const QDateTime &now, QString *error, Stored *stored)
{
    const auto server = serverDoc(id);
    return !server || storeServerDoc(*server, {}, {}, now, error, News::Decisions, stored);
}

OperationOutcome LocalStore::record(const Operation &op, const QDateTime &now, QString *error,
                                    Assignment *view)
{
    if (!writable(error))
        return {false, QStringLiteral("storage"), *error};
    auto local = assignment(op.assignmentId);
    if (!local)
        return {false, QStringLiteral("not_found"),
                QCoreApplication::translate("onsite::LocalStore",
                                            "That assignment is not in your list.")};
    const OperationOutcome outcome = OperationApplier::apply(*local, op, now);
    if (!outcome.applied)
        return outcome;
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return {false, QStringLiteral("storage"), *error};
    }
    // The document before this op is the server's unless something was already pending:
    // it is kept as server_doc, copied in SQL (SET expressions read the row before the update).
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE assignments SET server_doc = COALESCE(server_doc, doc),"
                                  " doc = ?, status = ? WHERE id = ?"));
    update.addBindValue(compact(AssignmentCodec::toJson(*local)));
    update.addBindValue(toWire(local->status));
    update.addBindValue(op.assignmentId);
    bool ok = m_outbox->insert(op, error);
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
    if (view)
        *view = std::move(*local);
    return outcome;
}

QList<Operation> LocalStore::pendingOperations(int limit)
{
    return m_outbox ? m_outbox->pending(limit) : QList<Operation>();
}

bool LocalStore::applyResults(const QList<OperationResult> &results, const QDateTime &now,
                              QString *error, QList<Assignment> *changed)
{
    if (!writable(error))
        return false;
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    bool ok = true;
    QSet<qint64> touched;
    QHash<qint64, Assignment> views; // the last view of each assignment the worker sees change
    for (const OperationResult &r : results) {
        qint64 assignmentId = 0;
        if (!(ok = m_outbox->resolve(r, now, &assignmentId, error)))
            break;
        if (r.assignment) {
            Stored s;
            if (!(ok = storeServerDoc(*r.assignment, r.assignmentJson, {}, now, error,
                                      News::Decisions, &s)))
                break;
            if (s.changed)
                views.insert(s.view.id, s.view);
            touched.remove(r.assignment->id);
        } else if (assignmentId) {
            touched.insert(assignmentId);
        }
    }
    for (qint64 id : std::as_const(touched)) {
        Stored s;
        if (ok && (ok = rebuildLocal(id, now, error, &s)) && s.changed)
            views.insert(id, s.view);
    }
    if (ok && !m_db.commit()) {
        *error = m_db.lastError().text();
        ok = false;
    }
    if (!ok)
        m_db.rollback();
    if (ok && changed)
        *changed = views.values();
    return ok;
}

bool LocalStore::noteFailedAttempt(const QStringList &opIds, const QString &reason, QString *error)
{
    if (!writable(error))
        return false;
    return !m_outbox || m_outbox->noteFailedAttempt(opIds, reason, error);
}

QList<OutboxEntry> LocalStore::outbox()
{
    return m_outbox ? m_outbox->entries() : QList<OutboxEntry>();
}

bool LocalStore::dismiss(const QString &opId, QString *error)
{
    if (!writable(error))
        return false;
    return m_outbox && m_outbox->dismiss(opId, error);
}

int LocalStore::needsAttentionCount()
{
    return m_outbox ? m_outbox->needsAttentionCount() : 0;
}

QList<Assignment> LocalStore::assignments(QString *error)
{
    return decodeAll(QStringLiteral("SELECT doc FROM assignments ORDER BY id"), error);
}

QList<Assignment> LocalStore::activeWithDocuments(QString *error)
{
    // The text test only narrows the rows decoded; the decoded list is what counts.
    QList<Assignment> out = decodeAll(
        QStringLiteral("SELECT doc FROM assignments WHERE status IN ('assigned', 'in_progress')"
                       " AND doc LIKE '%\"documents\":[{%' ORDER BY id"),
        error);
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const Assignment &a) { return a.documents.isEmpty(); }),
              out.end());
    return out;
}

QList<Assignment> LocalStore::decodeAll(const QString &query, QString *error)
{
    QList<Assignment> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(query)) {
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

QList<AssignmentSummary> LocalStore::summaries(QString *error, qint64 fromId, qint64 toId)
{
    return m_summaries ? m_summaries->all(error, fromId, toId) : QList<AssignmentSummary>();
}

bool LocalStore::eachSummary(qint64 fromId, qint64 toId,
                             const std::function<void(AssignmentSummary &&)> &take, QString *error)
{
    return m_summaries && m_summaries->each(fromId, toId, take, error);
}

qint64 LocalStore::summariesMiddleId(int atLeast)
{
    return m_summaries ? m_summaries->middleId(atLeast) : 0;
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
    return m_outbox ? m_outbox->pendingCount() : 0;
}

QList<Notice> LocalStore::takeNotices(QString *error)
{
    return m_notices ? m_notices->take(error) : QList<Notice>();
}

} // namespace onsite
