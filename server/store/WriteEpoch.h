#pragma once

#include <QtGlobal>
#include <optional>

namespace onsite::server {

// A number that moves whenever what this process read from the database may have changed: on
// every commit made here, and on SQLite on every commit by another connection or process
// (PRAGMA data_version, which asks the file, not the disk). Small reads kept in memory
// (EpochCache) are answered only while the epoch they were read at is still current, so they
// answer what the database would. PostgreSQL has no such check short of asking the server
// (another server process's commit is invisible until then), so there current() is empty and
// nothing is kept.
class WriteEpoch
{
public:
    // Read it before reading the database; empty: keep nothing.
    static std::optional<quint64> current();
    static void bump();
};

} // namespace onsite::server
