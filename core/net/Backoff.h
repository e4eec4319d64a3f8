#pragma once

#include <QtGlobal>

namespace onsite {

// Bounded exponential backoff with jitter: 1 s, 2 s, 4 s ... capped (5 min by default), so a
// server that comes back is found soon and a fleet of clients does not retry in lockstep.
class Backoff
{
public:
    explicit Backoff(int baseMs = 1000, int maxMs = 5 * 60 * 1000)
        : m_baseMs(baseMs), m_maxMs(maxMs)
    {}
    int nextDelayMs();
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }

private:
    int m_baseMs;
    int m_maxMs;
    int m_attempts = 0;
};

} // namespace onsite
