// What the server benchmarks share: the real onsite-server run as a child process, its admin
// command, raw HTTP/1.1 over QTcpSocket (requests written byte for byte, answers framed by
// their Content-Length), percentiles, and the process's memory and descriptor counts from
// /proc. Linux, header-only, Qt Core and Network.
#pragma once

#include "ProcessStats.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bench {

using onsite::test::openSockets;
using onsite::test::procStatus;
using onsite::test::rssKiB;

inline QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// The soft descriptor limit raised to the hard one; returns the new soft limit.
inline qint64 raiseFdLimit()
{
    rlimit lim{};
    if (::getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return -1;
    if (lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &lim);
        ::getrlimit(RLIMIT_NOFILE, &lim);
    }
    return lim.rlim_cur == RLIM_INFINITY ? -1 : qint64(lim.rlim_cur);
}

// Nearest-rank percentile of values sorted ascending.
inline double percentile(const QList<double> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(qBound<qsizetype>(0, rank - 1, sorted.size() - 1));
}

inline QString latencyLine(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms (%4 samples)")
        .arg(percentile(ms, 50), 0, 'f', 1)
        .arg(percentile(ms, 99), 0, 'f', 1)
        .arg(ms.isEmpty() ? 0.0 : ms.last(), 0, 'f', 1)
        .arg(ms.size());
}

// Closes a socket with a reset instead of a FIN: no TIME_WAIT left on this side, so a run of
// a hundred thousand short connections does not run out of local ports.
inline void resetAndClose(QTcpSocket *s)
{
    if (s->socketDescriptor() >= 0) {
        const linger l{1, 0};
        ::setsockopt(int(s->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    s->abort();
}

// One HTTP/1.1 answer read incrementally: the status line, headers, and a body framed by
// Content-Length (none for HEAD, 1xx, 204 and 304). Interim 1xx answers are skipped.
struct Response {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers)
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    bool closes() const { return header("Connection").toLower().contains("close"); }
};

class ResponseParser
{
public:
    enum class State { Incomplete, Complete, Invalid };

    void reset(bool head)
    {
        m_head = head;
        m_buffer.clear();
        m_response = {};
        m_headersDone = false;
        m_bodyLength = -1;
    }
    // Appends bytes; Complete once a whole answer is in (extra bytes stay buffered).
    State feed(const QByteArray &bytes)
    {
        m_buffer += bytes;
        for (;;) {
            if (!m_headersDone) {
                const qsizetype end = m_buffer.indexOf("\r\n\r\n");
                if (end < 0)
                    return m_buffer.size() > 256 * 1024 ? State::Invalid : State::Incomplete;
                const QList<QByteArray> lines = m_buffer.left(end).split('\n');
                m_buffer.remove(0, end + 4);
                const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
                if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1."))
                    return State::Invalid;
                bool ok = false;
                m_response.status = statusLine.at(1).toInt(&ok);
                if (!ok)
                    return State::Invalid;
                m_response.headers.clear();
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines.at(i).indexOf(':');
                    if (colon > 0)
                        m_response.headers.append({lines.at(i).left(colon).trimmed(),
                                                   lines.at(i).mid(colon + 1).trimmed()});
                }
                if (m_response.status >= 100 && m_response.status < 200)
                    continue; // interim (100 Continue): the real answer follows
                m_headersDone = true;
                const QByteArray length = m_response.header("Content-Length");
                m_bodyLength = m_head || m_response.status == 204 || m_response.status == 304
                                   ? 0
                                   : (length.isEmpty() ? -1 : length.toLongLong());
            }
            if (m_bodyLength < 0)
                return State::Incomplete; // no length: the body runs to the close
            if (m_buffer.size() < m_bodyLength)
                return State::Incomplete;
            m_response.body = m_buffer.left(m_bodyLength);
            m_buffer.remove(0, m_bodyLength);
            return State::Complete;
        }
    }
    const Response &response() const { return m_response; }
    bool started() const { return m_headersDone || !m_buffer.isEmpty(); }
    // Bytes after the complete answer (a second answer to one request).
    bool hasLeftover() const { return !m_buffer.isEmpty(); }

private:
    bool m_head = false;
    QByteArray m_buffer;
    Response m_response;
    bool m_headersDone = false;
    qint64 m_bodyLength = -1;
};

// A request's bytes, framed correctly: Host, the given headers, Content-Length when there is
// a body (or always for methods that usually carry one).
inline QByteArray buildRequest(const QByteArray &method, const QByteArray &target,
                               const QList<QPair<QByteArray, QByteArray>> &headers = {},
                               const QByteArray &body = {}, bool alwaysLength = false)
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &h : headers)
        r += h.first + ": " + h.second + "\r\n";
    if (!body.isEmpty() || alwaysLength)
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    r += "\r\n";
    r += body;
    return r;
}

// Blocking round trips on one keep-alive connection (no event loop needed).
class Connection
{
public:
    bool open(const QString &host, quint16 port, int timeoutMs = 10000)
    {
        m_socket.abort();
        m_socket.connectToHost(host, port);
        return m_socket.waitForConnected(timeoutMs);
    }
    // Sends the bytes and waits for one whole answer; false on timeout, close or garbage.
    bool roundTrip(const QByteArray &request, Response *response, bool head = false,
                   int timeoutMs = 30000)
    {
        m_parser.reset(head);
        m_socket.write(request);
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            const auto state = m_parser.feed(m_socket.readAll());
            if (state == ResponseParser::State::Complete) {
                *response = m_parser.response();
                return true;
            }
            if (state == ResponseParser::State::Invalid || deadline.hasExpired() ||
                m_socket.state() != QAbstractSocket::ConnectedState)
                return false;
            if (!m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))) &&
                m_socket.bytesAvailable() == 0 &&
                m_socket.state() != QAbstractSocket::ConnectedState)
                return false;
        }
    }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    ResponseParser m_parser;
};

// The real onsite-server as a child process. Its stdout (a few lines at start) is read for
// "Listening on URL" and the demo company tokens; its stderr (one access-log line per request)
// goes to a file.
class Server
{
public:
    Server() { m_process.setProcessChannelMode(QProcess::SeparateChannels); }
    ~Server() { stop(); }

    static QString program() { return QStringLiteral(ONSITE_SERVER_BIN); }

    bool start(const QStringList &arguments, const QString &logFile, int timeoutMs = 120000)
    {
        m_log = logFile;
        m_process.setStandardErrorFile(logFile, QIODevice::Append);
        m_process.start(program(), arguments);
        QDeadlineTimer deadline(timeoutMs);
        QByteArray pending;
        while (m_url.isEmpty() && !deadline.hasExpired()) {
            if (m_process.state() == QProcess::NotRunning && m_process.bytesAvailable() == 0)
                break;
            m_process.waitForReadyRead(200);
            pending += m_process.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QString line = QString::fromUtf8(pending.left(nl)).trimmed();
                pending.remove(0, nl + 1);
                m_output += line + QLatin1Char('\n');
                static const QString listening = QStringLiteral("Listening on ");
                if (line.startsWith(QLatin1String("Demo company token")) && m_company.isEmpty())
                    m_company = line.mid(line.lastIndexOf(QLatin1Char(' ')) + 1);
                if (line.startsWith(listening))
                    m_url = QUrl(line.mid(listening.size()).trimmed());
            }
        }
        return !m_url.isEmpty();
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    bool alive() const { return m_process.state() == QProcess::Running; }
    QProcess &process() { return m_process; }
    qint64 pid() const { return m_process.processId(); }
    QString host() const { return m_url.host(); }
    quint16 port() const { return quint16(m_url.port()); }
    QUrl url() const { return m_url; }
    QString companyToken() const { return m_company; }
    QString output() const { return m_output; }
    QString logTail(int bytes = 2000) const
    {
        QFile f(m_log);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        if (f.size() > bytes)
            f.seek(f.size() - bytes);
        return QString::fromUtf8(f.readAll());
    }

private:
    QProcess m_process;
    QUrl m_url;
    QString m_company;
    QString m_output;
    QString m_log;
};

// `onsite-server admin --db URL args...` with $ONSITE_PASSWORD set; its exit code.
inline int admin(const QString &dbUrl, const QStringList &args, const QString &password = {},
                 QString *output = nullptr)
{
    QProcess p;
    if (!password.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ONSITE_PASSWORD"), password);
        p.setProcessEnvironment(env);
    }
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(Server::program(),
            QStringList{QStringLiteral("admin"), QStringLiteral("--db"), dbUrl} + args);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

inline QJsonObject jsonObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace bench
