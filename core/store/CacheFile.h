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
    static QString journalMode(const QSqlDatabase &db);
    static int synchronousLevel(const QSqlDatabase &db);
};

} // namespace onsite
