#include "RequestGate.h"

#include <QList>

namespace onsite::server {
namespace {

constexpr qsizetype kMaxLine = 4096; // a chunk-size line or the trailers' end
// Fewer than the toolkit's own header-count limit (100): what it would refuse, we refuse first.
constexpr int kMaxHeaderFields = 64;

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (const char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

bool isDigits(QByteArrayView s, qsizetype maxLength)
{
    if (s.isEmpty() || s.size() > maxLength)
        return false;
    for (const char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// A bare LF (not after CR) among bytes, the first of which follows `previous`.
bool hasBareLf(QByteArrayView bytes, char previous)
{
    for (qsizetype p = bytes.indexOf('\n'); p >= 0; p = bytes.indexOf('\n', p + 1))
        if ((p == 0 ? previous : bytes.at(p - 1)) != '\r')
            return true;
    return false;
}

} // namespace

// The framing is read strictly (CRLF line ends, one Content-Length or "chunked", no folded
// or spaced header names, no chunk extensions or trailers): the toolkit parses the same bytes
// after us, and wherever two parsers could disagree on where a request ends, requests can be
// smuggled or a connection hangs. No client of ours sends any of these forms.
RequestGate::Verdict RequestGate::feed(QByteArrayView bytes)
{
    qsizetype i = 0;
    while (i < bytes.size()) {
        const QByteArrayView rest = bytes.sliced(i);
        qsizetype used = 0;
        Verdict v = Verdict::Pass;
        switch (m_state) {
        case State::Idle:
            v = betweenRequests(rest, &used);
            break;
        case State::Headers:
            v = headerBytes(rest, &used);
            break;
        case State::Body:
            used = qMin<qint64>(m_left, rest.size());
            skipBody(used);
            break;
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailers:
            v = chunkLine(rest, &used);
            break;
        case State::ChunkData:
            used = qMin<qint64>(m_left, rest.size());
            m_left -= used;
            if (m_left == 0)
                m_state = State::ChunkDataEnd;
            break;
        }
        if (v != Verdict::Pass)
            return v;
        i += used;
    }
    return Verdict::Pass;
}

RequestGate::Verdict RequestGate::betweenRequests(QByteArrayView rest, qsizetype *used)
{
    // Empty lines between requests are tolerated (RFC 9112 2.2), CRLF only.
    if ((rest.front() == '\n') != (m_previous == '\r'))
        return Verdict::Malformed; // a CR without its LF, or an LF without its CR
    if (rest.front() == '\r' || rest.front() == '\n') {
        m_previous = rest.front();
        *used = 1;
        return Verdict::Pass;
    }
    m_buffer.clear();
    m_state = State::Headers;
    return Verdict::Pass;
}

RequestGate::Verdict RequestGate::headerBytes(QByteArrayView rest, qsizetype *used)
{
    // The headers end at the first CRLF CRLF.
    const qsizetype old = m_buffer.size();
    const qsizetype room = kMaxHeaderBytes + 4 - old;
    const char previous = old ? m_buffer.back() : '\r';
    m_buffer.append(rest.first(qMin<qsizetype>(rest.size(), room)));
    m_head = m_buffer.startsWith("HEAD ");
    const qsizetype at = m_buffer.indexOf("\r\n\r\n", qMax<qsizetype>(0, old - 3));
    // Bare LFs among the new header bytes (not the body after them).
    const qsizetype headerEnd = at < 0 ? m_buffer.size() : at + 4;
    if (hasBareLf(QByteArrayView(m_buffer).sliced(old, headerEnd - old), previous))
        return Verdict::Malformed;
    if (at < 0) {
        if (m_buffer.size() > kMaxHeaderBytes)
            return Verdict::HeadersTooLarge;
        *used = rest.size();
        return Verdict::Pass;
    }
    const qsizetype end = at + 4;
    if (end > kMaxHeaderBytes)
        return Verdict::HeadersTooLarge;
    *used = end - old;
    m_buffer.truncate(end);
    return endOfHeaders();
}

RequestGate::Verdict RequestGate::chunkLine(QByteArrayView rest, qsizetype *used)
{
    bool complete = false;
    const Verdict v = line(rest, used, &complete);
    if (v != Verdict::Pass || !complete)
        return v;
    if (!m_buffer.endsWith("\r\n"))
        return Verdict::Malformed;
    m_buffer.chop(2);
    const QByteArray text = m_buffer;
    m_buffer.clear();
    if (m_state == State::ChunkSize)
        return chunkSize(text);
    // Data is followed by CRLF; the last chunk by an empty line (no trailers).
    if (!text.isEmpty())
        return Verdict::Malformed;
    if (m_state == State::ChunkDataEnd)
        m_state = State::ChunkSize;
    else
        finishRequest();
    return Verdict::Pass;
}

RequestGate::Verdict RequestGate::chunkSize(const QByteArray &text)
{
    // Hex digits only: no extensions, no spaces.
    bool ok = !text.isEmpty() && text.size() <= 15;
    for (const char c : text)
        ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    if (!ok)
        return Verdict::Malformed;
    const qint64 size = text.toLongLong(nullptr, 16);
    m_bodySoFar += size;
    if (m_bodySoFar > m_limit)
        return Verdict::TooLarge;
    m_left = size;
    m_state = size == 0 ? State::Trailers : State::ChunkData;
    return Verdict::Pass;
}

void RequestGate::skipBody(qint64 n)
{
    if (m_state != State::Body)
        return;
    m_left -= qMin(n, m_left);
    if (m_left == 0)
        finishRequest();
}

RequestGate::Verdict RequestGate::line(QByteArrayView bytes, qsizetype *used, bool *complete)
{
    const qsizetype nl = bytes.indexOf('\n');
    *complete = nl >= 0;
    *used = *complete ? nl + 1 : bytes.size();
    m_buffer.append(bytes.first(*used));
    if (m_buffer.size() > kMaxLine)
        return m_state == State::Trailers ? Verdict::HeadersTooLarge : Verdict::Malformed;
    return Verdict::Pass;
}

RequestGate::Verdict RequestGate::endOfHeaders()
{
    QList<QByteArray> lines = m_buffer.split('\n');
    for (QByteArray &l : lines)
        l.chop(1);                  // the CR, present on every line (bare LFs were refused)
    lines.resize(lines.size() - 2); // the empty line and what follows its LF
    for (const char c : lines.value(0))
        if (uchar(c) < 0x20 || c == 0x7f)
            return Verdict::Malformed;
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)) || requestLine.at(1).isEmpty() ||
        (requestLine.at(2) != "HTTP/1.1" && requestLine.at(2) != "HTTP/1.0"))
        return Verdict::Malformed;
    lines.removeFirst();
    if (lines.size() > kMaxHeaderFields)
        return Verdict::HeadersTooLarge;
    QByteArrayView path = requestLine.at(1);
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path = path.first(q);
    m_path = path.toByteArray();
    m_limit = m_limitFor(requestLine.at(0), path);
    m_bodySoFar = 0;
    m_buffer.clear();
    if (m_limit == kBusy)
        return Verdict::Busy;

    int lengths = 0, encodings = 0;
    QByteArray length, encoding;
    for (const QByteArray &l : std::as_const(lines)) {
        // "name: value", the name a token right before the colon: no folded continuation
        // lines, no space before the colon (RFC 9112 5.1, 5.2).
        const qsizetype colon = l.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(l).first(colon)))
            return Verdict::Malformed;
        for (const char c : l)
            if ((uchar(c) < 0x20 && c != '\t') || c == 0x7f)
                return Verdict::Malformed; // a stray CR, NUL or other control byte
        const QByteArrayView name = QByteArrayView(l).first(colon);
        const QByteArray value = l.mid(colon + 1).trimmed();
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            ++lengths;
            length = value;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            ++encodings;
            encoding = value;
        }
    }
    if (encodings > 0) {
        // Both framings at once is how requests are smuggled past proxies: refused.
        if (lengths > 0 || encodings > 1 || encoding.toLower() != "chunked" ||
            requestLine.at(2) != "HTTP/1.1")
            return Verdict::Malformed;
        m_state = State::ChunkSize;
        return Verdict::Pass;
    }
    // One Content-Length, digits only (no repeats, no lists).
    if (lengths > 1 || (lengths == 1 && !isDigits(length, 18)))
        return Verdict::Malformed;
    const qint64 declared = lengths ? length.toLongLong() : 0;
    if (declared > m_limit)
        return Verdict::TooLarge;
    m_left = declared;
    m_state = State::Body;
    if (declared == 0)
        finishRequest();
    return Verdict::Pass;
}

void RequestGate::finishRequest()
{
    m_state = State::Idle;
    m_left = 0;
    m_buffer.clear();
    m_previous = 0;
    ++m_completed;
}

} // namespace onsite::server
