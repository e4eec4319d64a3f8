#pragma once

#include "LocalStore.h"

#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent>

namespace onsite {

// Runs `work` on its own connection to the cache, on `pool`: the UI thread never waits on
// the disk. A reader never migrates or writes (the sync thread does); `failed` answers when
// the file cannot be opened.
template <typename Work, typename Failed>
auto readCache(QThreadPool *pool, const QString &db, Work work, Failed failed)
{
    return QtConcurrent::run(pool, [db, work, failed] {
        LocalStore store(QStringLiteral("read-") +
                         QUuid::createUuid().toString(QUuid::WithoutBraces));
        QString error;
        return store.openReader(db, &error) ? work(store) : failed(error);
    });
}

} // namespace onsite
