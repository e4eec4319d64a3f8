#include "RequestGate.h"

#include <QList>

namespace onsite::server {
namespace {

constexpr qsizetype kMaxLine = 4096; // a chunk-size line or one trailer line

// The value of a header, folding repeats with commas (RFC 9110 5.3); *seen when present.
QByteArray headerValue(const QList<QByteArray> &lines, QByteArrayView name, bool *seen)
{
    QByteArray value;
    *seen = false;
    for (const QByteArray &l : lines) {
        const qsizetype colon = l.indexOf(':');
        if (colon <= 0 ||
            QByteArrayView(l).first(colon).trimmed().compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (*seen)
            value += ',';
        value += l.mid(colon + 1).trimmed();
        *seen = true;
    }
    return value;
}

} // namespace

RequestGate::Verdict RequestGate::feed(QByteArrayView bytes)
{
    qsizetype i = 0;
    while (i < bytes.size()) {
        const QByteArrayView rest = bytes.sliced(i);
        switch (m_state) {
        case State::Idle:
            // Blank lines between requests are tolerated (RFC 9112 2.2).
            if (rest.front() == '\r' || rest.front() == '\n') {
                ++i;
                break;
            }
            m_buffer.clear();
            m_state = State::Headers;
            break;
        case State::Headers: {
            // The headers end at the first empty line (CRLF or, leniently, bare LF endings).
            const qsizetype old = m_buffer.size();
            const qsizetype room = kMaxHeaderBytes + 4 - old;
            m_buffer.append(rest.first(qMin<qsizetype>(rest.size(), room)));
            qsizetype end = -1;
            for (qsizetype p = m_buffer.indexOf('\n', qMax<qsizetype>(0, old - 2)); p >= 0;
                 p = m_buffer.indexOf('\n', p + 1)) {
                if (p >= 1 &&
                    (m_buffer.at(p - 1) == '\n' ||
                     (p >= 2 && m_buffer.at(p - 1) == '\r' && m_buffer.at(p - 2) == '\n'))) {
                    end = p + 1;
                    break;
                }
            }
            if (end < 0) {
                if (m_buffer.size() > kMaxHeaderBytes)
                    return Verdict::HeadersTooLarge;
                i = bytes.size();
                break;
            }
            if (end > kMaxHeaderBytes)
                return Verdict::HeadersTooLarge;
            i += end - old;
            m_buffer.truncate(end);
            const Verdict v = endOfHeaders();
            if (v != Verdict::Pass)
                return v;
            break;
        }
        case State::Body: {
            const qint64 n = qMin<qint64>(m_left, rest.size());
            skipBody(n);
            i += n;
            break;
        }
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailers: {
            qsizetype used = 0;
            bool complete = false;
            const Verdict v = line(rest, &used, &complete);
            if (v != Verdict::Pass)
                return v;
            i += used;
            if (!complete)
                break;
            const QByteArray text = m_buffer.trimmed();
            m_buffer.clear();
            if (m_state == State::ChunkDataEnd) {
                if (!text.isEmpty())
                    return Verdict::Malformed;
                m_state = State::ChunkSize;
            } else if (m_state == State::Trailers) {
                if (text.isEmpty())
                    finishRequest();
            } else {
                bool ok = false;
                const qsizetype semicolon = text.indexOf(';');
                const QByteArray hex = (semicolon < 0 ? text : text.left(semicolon)).trimmed();
                const qint64 size = hex.size() <= 15 ? hex.toLongLong(&ok, 16) : -1;
                if (!ok || size < 0 || hex.startsWith('-') || hex.startsWith('+'))
                    return Verdict::Malformed;
                m_bodySoFar += size;
                if (m_bodySoFar > m_limit)
                    return Verdict::TooLarge;
                m_left = size;
                m_state = size == 0 ? State::Trailers : State::ChunkData;
            }
            break;
        }
        case State::ChunkData: {
            const qint64 n = qMin<qint64>(m_left, rest.size());
            m_left -= n;
            i += n;
            if (m_left == 0)
                m_state = State::ChunkDataEnd;
            break;
        }
        }
    }
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
        if (l.endsWith('\r'))
            l.chop(1);
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || requestLine.at(1).isEmpty())
        return Verdict::Malformed;
    lines.removeFirst();
    QByteArrayView path = requestLine.at(1);
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path = path.first(q);
    m_path = path.toByteArray();
    m_limit = m_limitFor(requestLine.at(0), path);
    m_bodySoFar = 0;
    m_buffer.clear();

    bool hasLength = false, hasEncoding = false;
    const QByteArray length = headerValue(lines, "Content-Length", &hasLength);
    const QByteArray encoding = headerValue(lines, "Transfer-Encoding", &hasEncoding);
    if (hasEncoding) {
        // Both framings at once is how requests are smuggled past proxies: refused.
        if (hasLength || !encoding.trimmed().toLower().endsWith("chunked"))
            return Verdict::Malformed;
        m_state = State::ChunkSize;
        return Verdict::Pass;
    }
    qint64 declared = 0;
    if (hasLength) {
        // Repeats must agree ("5, 5"); digits only.
        const QList<QByteArray> values = length.split(',');
        for (const QByteArray &v : values) {
            const QByteArray t = v.trimmed();
            bool ok = !t.isEmpty() && t.size() <= 18;
            for (const char c : t)
                ok = ok && c >= '0' && c <= '9';
            if (!ok || (v != values.first() && t != values.first().trimmed()))
                return Verdict::Malformed;
            declared = t.toLongLong();
        }
    }
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
    ++m_completed;
}

} // namespace onsite::server
