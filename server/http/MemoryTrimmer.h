#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

namespace onsite::server {

// Gives memory freed after a burst back to the system. glibc keeps what the handler threads
// freed in their own arenas: 100,000 malformed requests left the server 500 MiB larger though
// less than 5 MiB was still in use. Once the server has been quiet for a tick after some work,
// the heap is trimmed; under steady load nothing is done (the memory is being used).
class MemoryTrimmer : public QObject
{
    Q_OBJECT
public:
    // `activity` counts the work done so far (answers written).
    MemoryTrimmer(std::function<quint64()> activity, int tickMs, QObject *parent = nullptr);

    // Returns what the allocator holds unused to the system now (no-op off glibc).
    static void trim();
    // While busy, freed blocks stay with the allocator (trim() gives them back when quiet):
    // pages of a few MiB are then reused instead of mapped, faulted in and unmapped for every
    // answer, which was a quarter of a 100-document /changes page's time.
    static void keepFreedWhileBusy();

private:
    void onTick();

    std::function<quint64()> m_activity;
    QTimer m_timer;
    quint64 m_lastSeen = 0;
    quint64 m_trimmedAt = 0;
};

} // namespace onsite::server
