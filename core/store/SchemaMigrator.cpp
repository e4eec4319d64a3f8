#include "SchemaMigrator.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace onsite {
namespace {

bool exec(QSqlQuery &q, const QString &sql, QString *error)
{
    if (q.exec(sql))
        return true;
    *error = q.lastError().text() + QStringLiteral(" (") + sql.left(60) + QLatin1Char(')');
    return false;
}

} // namespace

int SchemaMigrator::version(QSqlDatabase db)
{
    // Asked of the catalog first: on PostgreSQL a failed query would abort the transaction.
    if (!db.tables().contains(QStringLiteral("meta")))
        return 0;
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) && q.next()
               ? q.value(0).toInt()
               : 0;
}

bool SchemaMigrator::run(QSqlDatabase db, const QList<Step> &steps, QString *error,
                         const Lock &lock)
{
    const int latest = steps.isEmpty() ? 0 : steps.constLast().version;
    const int current = version(db);
    if (current > latest) {
        *error = tr("This data (schema version %1) was written by a newer Onsite; update the "
                    "app to open it.")
                     .arg(current);
        return false;
    }
    for (const Step &step : steps) {
        // Applied before this start: no transaction, no lock. A version only grows, so one
        // read serves them all; steps above it are checked again under the lock.
        if (step.version <= current)
            continue;
        if (!runStep(db, step, error, lock))
            return false;
    }
    return true;
}

bool SchemaMigrator::runStep(QSqlDatabase &db, const Step &step, QString *error, const Lock &lock)
{
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    QString why;
    bool ok = !lock || lock(db, &why);
    // Read again inside the transaction (and the lock): another process may have done it.
    const bool done = ok && version(db) >= step.version;
    QSqlQuery q(db);
    for (int i = 0; ok && !done && i < step.statements.size(); ++i)
        ok = exec(q, step.statements.at(i), &why);
    if (ok && !done)
        ok = exec(q,
                  QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', "
                                 "'%1') ON CONFLICT (key) DO UPDATE SET value = "
                                 "excluded.value")
                      .arg(step.version),
                  &why);
    q.finish();
    if (ok && !db.commit()) {
        ok = false;
        why = db.lastError().text();
    }
    if (!ok) {
        db.rollback();
        *error = tr("Migration to schema version %1 failed: %2").arg(step.version).arg(why);
        return false;
    }
    return true;
}

} // namespace onsite
