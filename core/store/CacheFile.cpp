#include "CacheFile.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace onsite {

bool CacheFile::configureWriter(QSqlDatabase &db, const QString &path, QString *error)
{
    for (const char *pragma : {"PRAGMA busy_timeout = 5000", "PRAGMA journal_mode = WAL",
                               "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(pragma))) {
            *error = q.lastError().text() + QStringLiteral(" (") + QString::fromLatin1(pragma) +
                     QLatin1Char(')');
            return false;
        }
    }
    if (journalMode(db) != QLatin1String("wal")) {
        *error = QStringLiteral("SQLite refused write-ahead logging for %1").arg(path);
        return false;
    }
    if (synchronousLevel(db) != 2) {
        *error = QStringLiteral("SQLite refused synchronous=FULL for %1").arg(path);
        return false;
    }
    return true;
}

QString CacheFile::journalMode(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next() ? q.value(0).toString()
                                                                     : QString();
}

int CacheFile::synchronousLevel(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("PRAGMA synchronous")) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace onsite
