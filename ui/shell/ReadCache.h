#pragma once

#include "LocalStore.h"

#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent>
#include <memory>

namespace onsite {

// This thread's reader of the cache file `db`, opened on first use and kept (the cache file is
// never deleted, and a reader never migrates or writes); nullptr, saying why, if it cannot be
// opened yet.
inline LocalStore *threadReader(const QString &db, QString *error)
{
    thread_local std::unique_ptr<LocalStore> reader;
    thread_local QString path;
    if (reader && path == db && reader->isOpen())
        return reader.get();
    reader = std::make_unique<LocalStore>(QStringLiteral("read-") +
                                          QUuid::createUuid().toString(QUuid::WithoutBraces));
    path = db;
    if (reader->openReader(db, error))
        return reader.get();
    reader.reset();
    return nullptr;
}

// Runs `work` with a reader of the cache on `pool`: the UI thread never waits on the disk;
// `failed` answers when the file cannot be opened.
template <typename Work, typename Failed>
auto readCache(QThreadPool *pool, const QString &db, Work work, Failed failed)
{
    return QtConcurrent::run(pool, [db, work, failed] {
        QString error;
        LocalStore *store = threadReader(db, &error);
        return store ? work(*store) : failed(error);
    });
}

} // namespace onsite
