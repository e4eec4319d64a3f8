#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <optional>

namespace onsite::server {

// What the database's state is "now", as a value to keep beside something read from it: small
// reads kept in memory (EpochCache) are answered only while the version they were read at is
// still current, so they answer what the database would at that moment.
//  - SQLite: a number that moves on every commit made by this process and whenever PRAGMA
//    data_version on the thread's connection says another connection or process committed
//    (it asks the file's shared index, not the disk).
//  - PostgreSQL: the database's current snapshot, taken after the request arrived
//    (SnapshotWatch; one round trip shared by the requests waiting for it), which changes with
//    every commit of any process sharing the database.
// The version is taken once per request (forget() at its start) and before the reads it
// covers; empty: keep and answer nothing from memory.
class WriteEpoch
{
public:
    // The version now, to compare a kept value's with (on PostgreSQL: a wait for a round).
    static std::optional<QByteArray> current();
    // The version to keep a value read by one statement with: call beforeRead() before it, add
    // snapshotColumn() to its columns and give afterRead() that column's value. SQLite: the
    // version taken before; PostgreSQL: the statement's own snapshot, or without the column the
    // version this request already waited for (never a wait of its own). Empty inside a group
    // commit, whose reads may include work not yet committed.
    static std::optional<QByteArray> beforeRead();
    static QString snapshotColumn();
    static std::optional<QByteArray> afterRead(const std::optional<QByteArray> &before,
                                               const QVariant &snapshot = {});
    // At the start of every request on this thread.
    static void forget();
    // This request's version, taken for it after it arrived (SnapshotWatch::after); current()
    // answers it without a wait of its own.
    static void taken(const std::optional<QByteArray> &version);
    // After a commit by this process.
    static void bump();
};

} // namespace onsite::server
