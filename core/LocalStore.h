#pragma once

#include "Assignment.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <optional>

namespace onsite
{

struct AssignmentSummary;

// The client's SQLite cache: assignments as last seen from the server, the sync cursor and the
// outbox of operations not yet acknowledged. One instance is one connection and belongs to one
// thread; the sync thread holds the only writer, readers open their own instance.
class LocalStore
{
public:
    struct Migration {
        int version;
        QStringList statements;
    };
    static QList<Migration> migrations();
    static int latestVersion();

    explicit LocalStore(QString connectionName);
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // Opens (creating if needed) and migrates the file. On failure says why in *error and
    // leaves the file at the last version that migrated completely.
    bool open(const QString &path, QString *error, const QList<Migration> &steps = migrations());
    void close();
    bool isOpen() const;

    int schemaVersion();
    QString journalMode();
    int synchronousLevel();

    QString meta(const QString &key);
    bool setMeta(const QString &key, const QString &value, QString *error);

    QString cursor();
    // One page of GET /changes in one transaction: the cursor is stored with the rows it covers.
    bool applyChangesPage(const QList<Assignment> &changes, const QList<qint64> &removed,
                          const QString &cursor, QString *error);

    QList<Assignment> assignments(QString *error = nullptr);
    // The dashboard's view of every assignment, without decoding documents.
    QList<AssignmentSummary> summaries(QString *error = nullptr);
    std::optional<Assignment> assignment(qint64 id);
    int assignmentCount();
    int pendingOperationCount();

private:
    bool exec(const QString &sql, QString *error);
    bool migrate(const QList<Migration> &steps, QString *error);
    bool writeSummary(const Assignment &a, QString *error);
    bool rebuildSummaries(QString *error);

    QString m_name;
    QSqlDatabase m_db;
    std::optional<QSqlQuery> m_upsert;
    std::optional<QSqlQuery> m_remove;
    std::optional<QSqlQuery> m_setMeta;
    std::optional<QSqlQuery> m_upsertRow;
    bool m_hasSummaries = false;
};

} // namespace onsite
