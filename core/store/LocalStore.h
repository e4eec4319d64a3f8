#pragma once

#include "Assignment.h"
#include "NoticeTable.h"
#include "Notices.h"
#include "OperationApplier.h"
#include "Outbox.h"
#include "OutboxEntry.h"
#include "SchemaMigrator.h"
#include "SummaryTable.h"

#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <optional>

namespace onsite {

struct AssignmentSummary;

// The client's SQLite cache: assignments as last seen from the server, the sync cursor and the
// outbox of operations not yet acknowledged. One instance is one connection and belongs to one
// thread; the sync thread holds the only writer, readers open their own instance.
class LocalStore
{
public:
    using Migration = SchemaMigrator::Step;
    static QList<Migration> migrations();
    static int latestVersion();

    explicit LocalStore(QString connectionName);
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // Opens (creating if needed) and migrates the file. On failure says why in *error and
    // leaves the file at the last version that migrated completely.
    bool open(const QString &path, QString *error, const QList<Migration> &steps = migrations());
    // Opens a file the writer has migrated, read-only (a reader never migrates or writes).
    bool openReader(const QString &path, QString *error);
    void close();
    bool isOpen() const;

    // This store's connection, for the upload queue's tables (same thread, same writer).
    QSqlDatabase database() const { return m_db; }
    int schemaVersion();
    QString journalMode();
    int synchronousLevel();

    QString meta(const QString &key);
    bool setMeta(const QString &key, const QString &value, QString *error);

    QString cursor();
    // One page of GET /changes in one transaction: the cursor is stored with the rows it covers.
    // `now` replays the worker's pending changes over what arrived (rules read the time).
    // A document at the revision already stored, with nothing pending over it, is skipped;
    // *written (if given) counts what was stored or removed. `received` (if given): each
    // change's JSON text as it arrived, stored as is instead of encoding the document again.
    bool applyChangesPage(const QList<Assignment> &changes, const QList<qint64> &removed,
                          const QString &cursor, const QDateTime &now, QString *error,
                          int *written = nullptr, const QList<QByteArray> *received = nullptr);
    // This revision of the assignment is stored, with nothing pending over it.
    bool hasRevision(qint64 id, qint64 rev);
    using Revision = std::pair<qint64, qint64>; // id, rev
    // hasRevision() for a page of documents at once: those held.
    QSet<Revision> revisionsHeld(const QList<Revision> &revisions);

    // The worker's change: checked against the local document by the shared rules, then the
    // new document and the operation are written in one transaction. A refused change
    // writes nothing and says why. *view (if given): the worker's view as stored.
    OperationOutcome record(const Operation &op, const QDateTime &now, QString *error,
                            Assignment *view = nullptr);
    QList<Operation> pendingOperations(int limit);
    // The server's answers to pushed operations, in one transaction: applied ones leave the
    // outbox, refused ones stay with the reason, and each assignment returns to the server's
    // document with the still-pending operations replayed over it. *changed (if given): the
    // worker's view of each assignment whose content changed for the worker (an answer that
    // only confirms what the worker already sees is not listed).
    bool applyResults(const QList<OperationResult> &results, const QDateTime &now, QString *error,
                      QList<Assignment> *changed = nullptr);
    // A push that failed before any answer (network, server error): counted, reason kept.
    bool noteFailedAttempt(const QStringList &opIds, const QString &reason, QString *error);
    QList<OutboxEntry> outbox();
    bool dismiss(const QString &opId, QString *error);
    int needsAttentionCount();

    QList<Assignment> assignments(QString *error = nullptr);
    // The upcoming and in-progress assignments that list client documents (the documents to
    // keep offline), without decoding the others.
    QList<Assignment> activeWithDocuments(QString *error = nullptr);
    // The dashboard's view of every assignment, without decoding documents.
    QList<AssignmentSummary> summaries(QString *error = nullptr,
                                       qint64 fromId = SummaryTable::kFirstId,
                                       qint64 toId = SummaryTable::kEndId);
    // Each summary of ids in [fromId, toId) as it is read (SummaryTable::each).
    bool eachSummary(qint64 fromId, qint64 toId,
                     const std::function<void(AssignmentSummary &&)> &take,
                     QString *error = nullptr);
    // Where a long list of summaries splits in two halves (SummaryTable::middleId).
    qint64 summariesMiddleId(int atLeast);
    std::optional<Assignment> assignment(qint64 id);
    // The assignment as the server last sent it, before the worker's pending changes.
    std::optional<Assignment> serverAssignment(qint64 id) { return serverDoc(id); }
    int assignmentCount();
    int pendingOperationCount();
    // Decisions found by syncs since the last call (see Notices), oldest first; each is
    // returned once.
    QList<Notice> takeNotices(QString *error);

private:
    struct Stored {
        Assignment view;
        bool changed = true;
    };
    bool writable(QString *error) const; // false on a reader, saying so
    void readVersion();
    void prepareWrites();
    bool writeSummary(const Assignment &a, QString *error);
    // Which news a stored document may carry: none (a first sync, where nothing was known
    // before), the company's decisions (the answer to the worker's own op), or also what the
    // company changed (a document the feed brings that the worker's ops did not write).
    enum class News { None, Decisions, Changes };
    // Stores the server's document and, over it, the worker's view with pending ops replayed.
    // *stored (if given): the view, and whether it differs from the one stored before.
    // The document as it arrived is `received` (decoded) or `receivedText`, or neither.
    bool storeServerDoc(const Assignment &server, const QJsonObject &received,
                        const QByteArray &receivedText, const QDateTime &now, QString *error,
                        News news = News::Decisions, Stored *stored = nullptr);
    bool recordNotices(const Assignment &server, News news, const QDateTime &now, QString *error);
    bool changedForTheWorker(qint64 id, const QJsonObject &view);
    bool rebuildLocal(qint64 id, const QDateTime &now, QString *error, Stored *stored);
    std::optional<Assignment> serverDoc(qint64 id);
    std::optional<Assignment> readDoc(const QString &column, qint64 id);
    static QString serverDocQuery();
    // Every document the query's first column holds, decoded (undecodable ones skipped).
    QList<Assignment> decodeAll(const QString &query, QString *error);
    // The document in the first column of `q` (SELECT ... WHERE id = ?) for `id`.
    static std::optional<Assignment> decodeRow(QSqlQuery &q, qint64 id);

    QString m_name;
    QSqlDatabase m_db;
    std::optional<QSqlQuery> m_upsert;
    std::optional<QSqlQuery> m_remove;
    std::optional<QSqlQuery> m_readDoc;
    std::optional<QSqlQuery> m_readServerDoc;
    std::optional<QSqlQuery> m_seenRev;
    std::optional<QSqlQuery> m_setMeta;
    std::optional<Outbox> m_outbox;          // schema version 4 on
    std::optional<SummaryTable> m_summaries; // schema version 3 on
    std::optional<NoticeTable> m_notices;    // schema version 6 on
    bool m_hasOutbox = false;
    bool m_mayHavePending = true; // false while a page is stored with an empty outbox
};

} // namespace onsite
