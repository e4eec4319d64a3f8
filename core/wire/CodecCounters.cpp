#include "CodecCounters.h"

#include <atomic>

namespace onsite {
namespace {

struct SideCounts {
    std::atomic<qint64> decodes{0};
    std::atomic<qint64> encodes{0};
};

SideCounts s_counts[2];
thread_local int t_side = 0;

} // namespace

void CodecCounters::markThisThread(Side side)
{
    t_side = side == Side::Server ? 1 : 0;
}

void CodecCounters::countDecode()
{
    s_counts[t_side].decodes.fetch_add(1, std::memory_order_relaxed);
}

void CodecCounters::countEncode()
{
    s_counts[t_side].encodes.fetch_add(1, std::memory_order_relaxed);
}

CodecCounters::Counts CodecCounters::read(Side side)
{
    const SideCounts &c = s_counts[side == Side::Server ? 1 : 0];
    return {c.decodes.load(std::memory_order_relaxed), c.encodes.load(std::memory_order_relaxed)};
}

} // namespace onsite
