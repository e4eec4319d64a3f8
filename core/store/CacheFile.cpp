#include "CacheFile.h"

#include "SchemaMigrator.h"

#include <QCoreApplication>
#include <QFileInfo>

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

bool CacheFile::openReadOnly(QSqlDatabase &db, const QString &path, int latestVersion,
                             QString *error)
{
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!QFileInfo::exists(path) || !db.open()) {
        *error =
            QCoreApplication::translate("onsite::LocalStore", "The cache %1 cannot be read: %2")
                .arg(path, db.lastError().text());
        return false;
    }
    if (const int v = SchemaMigrator::version(db); v != latestVersion) {
        *error = QCoreApplication::translate("onsite::LocalStore",
                                             "The cache is not ready yet (schema version %1 of "
                                             "%2); try again in a moment.")
                     .arg(v)
                     .arg(latestVersion);
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
