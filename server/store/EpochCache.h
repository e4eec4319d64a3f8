#pragma once

#include <QHash>
#include <QMutex>
#include <chrono>
#include <optional>

namespace onsite::server {

// Values read from the database, kept while nothing was written since (WriteEpoch): get()
// answers only with a value put() at the same epoch, and for at most a second (a backstop,
// never needed for correctness). Read the epoch before the database, then put() with it: a
// commit in between has moved the epoch, so the value is never used.
template <typename Key, typename Value> class EpochCache
{
public:
    std::optional<Value> get(const Key &key, quint64 epoch) const
    {
        const qint64 now = nowMs();
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(key);
        if (it == m_entries.cend() || it->epoch != epoch || now - it->atMs > kMaxAgeMs)
            return std::nullopt;
        return it->value;
    }

    void put(const Key &key, const Value &value, quint64 epoch)
    {
        const qint64 now = nowMs();
        QMutexLocker lock(&m_mutex);
        // Bounded whatever the keys (tokens presented by anyone): start again when full.
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();
        m_entries.insert(key, Entry{value, epoch, now});
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
        quint64 epoch = 0;
        qint64 atMs = 0;
    };
    mutable QMutex m_mutex;
    QHash<Key, Entry> m_entries;
};

} // namespace onsite::server
