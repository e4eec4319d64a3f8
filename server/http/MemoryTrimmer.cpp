#include "MemoryTrimmer.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace onsite::server {

MemoryTrimmer::MemoryTrimmer(std::function<quint64()> activity, int tickMs, QObject *parent)
    : QObject(parent), m_activity(std::move(activity))
{
    connect(&m_timer, &QTimer::timeout, this, &MemoryTrimmer::onTick);
    m_timer.start(tickMs);
}

void MemoryTrimmer::trim()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void MemoryTrimmer::keepFreedWhileBusy()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 8 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}

void MemoryTrimmer::onTick()
{
    const quint64 now = m_activity();
    // Quiet for a whole tick after work since the last trim.
    if (now == m_lastSeen && now != m_trimmedAt) {
        trim();
        m_trimmedAt = now;
    }
    m_lastSeen = now;
}

} // namespace onsite::server
