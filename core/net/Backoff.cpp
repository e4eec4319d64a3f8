#include "Backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace onsite {

int Backoff::nextDelayMs()
{
    const int shift = std::min(m_attempts, 20);
    ++m_attempts;
    const qint64 raw = std::min<qint64>(qint64(m_baseMs) << shift, m_maxMs);
    // +-20 % jitter, still never above the cap.
    const qint64 jitter = raw / 5;
    const qint64 d = raw - jitter + QRandomGenerator::global()->bounded(2 * jitter + 1);
    return int(std::min<qint64>(d, m_maxMs));
}

} // namespace onsite
