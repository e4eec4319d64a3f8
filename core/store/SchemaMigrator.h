#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <functional>

namespace onsite {

// The one migration runner, for the app's cache and the server's database alike: the version
// lives in the meta table (key schema_version; the first step creates the table), read once
// at the start: steps at or below it are skipped, each step above it runs in its own
// transaction together with its new version, so a failed step leaves the last complete
// version behind, and a version newer than the steps know is refused.
class SchemaMigrator
{
    Q_DECLARE_TR_FUNCTIONS(onsite::SchemaMigrator)
public:
    struct Step {
        int version;
        QStringList statements;
    };
    // Run first in the transaction of each step not applied at the start; PostgreSQL takes a
    // lock there, so of several server processes starting at once one migrates and the
    // others find the step done.
    using Lock = std::function<bool(QSqlDatabase &db, QString *error)>;

    static bool run(QSqlDatabase db, const QList<Step> &steps, QString *error,
                    const Lock &lock = {});
    // The database's schema version; 0 for a new one.
    static int version(QSqlDatabase db);

private:
    // One step in its own transaction, under the lock; done there if another process did it.
    static bool runStep(QSqlDatabase &db, const Step &step, QString *error, const Lock &lock);
};

} // namespace onsite
