#pragma once

#include "WriteEpoch.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>
#include <optional>

namespace onsite::server {

// Values read from the database, kept while nothing was written since (WriteEpoch): a value is
// answered only while the database's version is the one it was put() with, and for at most a
// second (a backstop, never needed for correctness). Take the version before reading the
// database (WriteEpoch::beforeRead/afterRead), then put() with it: a commit in between has
// changed the version, so the value is never used.
template <typename Key, typename Value> class EpochCache
{
public:
    // The value kept for `key` if `accept` takes it and nothing was written since it was read.
    // The version is asked for (on PostgreSQL, a wait) only when such a value is kept.
    template <typename Accept> std::optional<Value> valid(const Key &key, Accept accept) const
    {
        const std::optional<Value> kept = find(key, nullptr);
        if (!kept || !accept(*kept))
            return std::nullopt;
        const std::optional<QByteArray> version = WriteEpoch::current();
        const std::optional<Value> v = version ? find(key, &*version) : std::nullopt;
        return v && accept(*v) ? v : std::nullopt;
    }

    std::optional<Value> valid(const Key &key) const
    {
        return valid(key, [](const Value &) { return true; });
    }

    // Whether a value is kept for `key` at all (whatever the version now): no database asked.
    bool holds(const Key &key) const { return find(key, nullptr).has_value(); }

    void put(const Key &key, const Value &value, const QByteArray &version)
    {
        const qint64 now = QDeadlineTimer::current().deadline();
        QMutexLocker lock(&m_mutex);
        // Bounded whatever the keys (tokens presented by anyone): start again when full.
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();
        m_entries.insert(key, Entry{value, version, now});
    }

private:
    static constexpr qint64 kMaxAgeMs = 1000;
    static constexpr qsizetype kMaxEntries = 65536;

    // The value kept for `key`, at `version` unless that is null.
    std::optional<Value> find(const Key &key, const QByteArray *version) const
    {
        const qint64 now = QDeadlineTimer::current().deadline();
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(key);
        if (it == m_entries.cend() || (version && it->version != *version) ||
            now - it->atMs > kMaxAgeMs)
            return std::nullopt;
        return it->value;
    }

    struct Entry {
        Value value;
        QByteArray version;
        qint64 atMs = 0;
    };
    mutable QMutex m_mutex;
    QHash<Key, Entry> m_entries;
};

} // namespace onsite::server
