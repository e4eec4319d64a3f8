#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <functional>

namespace onsite::server {

// Follows the HTTP/1.1 framing of one connection's incoming bytes (headers, Content-Length or
// chunked bodies, one request after another) without keeping the body, so a request can be
// judged before the toolkit buffers it: a declared length over the route's limit is refused as
// soon as the headers end, a chunked body as soon as it passes the limit, and headers may not
// grow without end. Pure logic, no sockets: ConnectionGuard feeds it.
class RequestGate
{
public:
    enum class Verdict { Pass, TooLarge, HeadersTooLarge, Malformed, Busy };
    // The most body bytes a request to this method and path may carry; kBusy: none now (the
    // server is taking as many large bodies as it will at once).
    using LimitFor = std::function<qint64(QByteArrayView method, QByteArrayView path)>;

    static constexpr qint64 kMaxHeaderBytes = 64 * 1024;
    static constexpr qint64 kBusy = -1;

    explicit RequestGate(LimitFor limitFor) : m_limitFor(std::move(limitFor)) {}

    // Takes the next bytes read from the connection; the first verdict other than Pass is
    // final (the connection is answered and closed).
    Verdict feed(QByteArrayView bytes);
    // The body bytes still to come are plain data (a Content-Length body): the caller may
    // count them with skipBody() instead of showing them (no copy).
    qint64 plainBodyLeft() const { return m_state == State::Body ? m_left : 0; }
    void skipBody(qint64 n);

    // Between requests (nothing of the next one received yet).
    bool idle() const { return m_state == State::Idle; }
    bool inHeaders() const { return m_state == State::Headers; }
    // Requests whose last byte has arrived.
    qint64 completed() const { return m_completed; }
    qint64 limit() const { return m_limit; }
    // The path of the request being read (or the last one), without its query.
    QByteArray path() const { return m_path; }
    // The request being read (or the last one) is a HEAD: its answer, a refusal too, has no body.
    bool isHead() const { return m_head; }

private:
    enum class State { Idle, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers };
    // One step of feed() in the current state: *used is how many of the bytes it took.
    Verdict betweenRequests(QByteArrayView bytes, qsizetype *used);
    Verdict headerBytes(QByteArrayView bytes, qsizetype *used);
    Verdict chunkLine(QByteArrayView bytes, qsizetype *used);
    Verdict chunkSize(const QByteArray &text);
    Verdict endOfHeaders();
    Verdict line(QByteArrayView bytes, qsizetype *used, bool *complete);
    void finishRequest();

    LimitFor m_limitFor;
    State m_state = State::Idle;
    QByteArray m_buffer; // the headers (or a chunk-size / trailer line) read so far
    qint64 m_left = 0;   // bytes of the Content-Length body or current chunk still to come
    qint64 m_bodySoFar = 0;
    qint64 m_limit = 0;
    QByteArray m_path;
    qint64 m_completed = 0;
    bool m_head = false;
    char m_previous = 0; // between requests: the last byte of an empty line (CR or LF)
};

} // namespace onsite::server
