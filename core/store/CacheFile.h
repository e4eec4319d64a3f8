#pragma once

#include <QSqlDatabase>
#include <QString>

namespace onsite {

// The cache's SQLite settings, set on the writer's connection and checked after setting them:
// WAL lets readers run beside the one writer; FULL makes each commit durable on power loss.
class CacheFile
{
public:
    static bool configureWriter(QSqlDatabase &db, const QString &path, QString *error);
    // Opens `db` on an existing file read-only; refuses (saying why, for the worker) a file the
    // writer has not migrated to `latestVersion` yet: only the writer migrates.
    static bool openReadOnly(QSqlDatabase &db, const QString &path, int latestVersion,
                             QString *error);
    static QString journalMode(const QSqlDatabase &db);
    static int synchronousLevel(const QSqlDatabase &db);
};

} // namespace onsite
