#pragma once

#include <QtGlobal>

namespace onsite {

// How many whole assignment documents AssignmentCodec decoded and encoded, per side of the
// wire. The benchmark that follows one change from the click to the stored answer
// (tests/bench/BenchCheckIn.cpp) reads them; counting is two relaxed atomic increments.
// A thread counts for the client unless it was marked as one of the server's.
class CodecCounters
{
public:
    enum class Side { Client, Server };
    struct Counts {
        qint64 decodes = 0;
        qint64 encodes = 0;
    };

    static void markThisThread(Side side);
    static void countDecode();
    static void countEncode();
    static Counts read(Side side);
};

} // namespace onsite
