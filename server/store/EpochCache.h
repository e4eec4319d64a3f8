#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <chrono>
#include <optional>

namespace onsite::server {

// Values read from the database, kept while nothing was written since (WriteEpoch): get()
// answers only with a value put() at the same version, and for at most a second (a backstop,
// never needed for correctness). Take the version before reading the database, then put() with
// it: a commit in between has changed the version, so the value is never used.
template <typename Key, typename Value> class EpochCache
{
public:
    // A value kept for `key` whatever its version: whether asking for the version is worth it.
    std::optional<Value> candidate(const Key &key) const
    {
        const qint64 now = nowMs();
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(key);
        if (it == m_entries.cend() || now - it->atMs > kMaxAgeMs)
            return std::nullopt;
        return it->value;
    }

    std::optional<Value> get(const Key &key, const QByteArray &version) const
    {
        const qint64 now = nowMs();
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(key);
        if (it == m_entries.cend() || it->version != version || now - it->atMs > kMaxAgeMs)
            return std::nullopt;
        return it->value;
    }

    void put(const Key &key, const Value &value, const QByteArray &version)
    {
        const qint64 now = nowMs();
        QMutexLocker lock(&m_mutex);
        // Bounded whatever the keys (tokens presented by anyone): start again when full.
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();
        m_entries.insert(key, Entry{value, version, now});
    }

private:
    static constexpr qint64 kMaxAgeMs = 1000;
    static constexpr qsizetype kMaxEntries = 65536;

    static qint64 nowMs()
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
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
