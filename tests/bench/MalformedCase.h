#pragma once

// One request of bench_malformed (BenchMalformed.cpp): its bytes, and how to show them.

#include <QByteArray>

namespace bench {

struct MalformedCase {
    QByteArray bytes;
    QByteArray label;
    bool head = false;          // a HEAD request: the answer has no body
    bool ownConnection = false; // sent on a new connection, closed after the answer
};

inline QByteArray printable(const QByteArray &bytes, int max = 600)
{
    QByteArray out;
    for (int i = 0; i < bytes.size() && out.size() < max; ++i) {
        const unsigned char c = uchar(bytes.at(i));
        if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\\')
            out += "\\\\";
        else if (c < 0x20 || c >= 0x7f)
            out += "\\x" + QByteArray::number(c, 16).rightJustified(2, '0');
        else
            out += char(c);
    }
    if (out.size() >= max)
        out += "... (" + QByteArray::number(bytes.size()) + " bytes in all)";
    return out;
}

} // namespace bench
