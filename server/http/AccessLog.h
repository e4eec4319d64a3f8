#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QMutex>
#include <QString>

namespace onsite::server {

// One line per request on stderr (time, peer, method, path with credentials redacted, status,
// bytes, duration). Lines are gathered and written in batches: one write() per request was a
// tenth of a small request's cost. flush() runs on a short timer and at shutdown, and a batch
// never grows past kMaxBuffered before it is written.
class AccessLog
{
public:
    static void write(const QHostAddress &peer, const QString &method, const QString &fullPath,
                      int status, qint64 bytes, qint64 us, const char *note = "");
    static void flush();
    // Flushes every `ms` on the calling thread's event loop for as long as `context` lives.
    static void flushEvery(QObject *context, int ms);
    // The path as logged: secrets redacted, control characters and spaces %-escaped.
    static QString loggablePath(QString path);

private:
    static constexpr qsizetype kMaxBuffered = 32 * 1024;
};

} // namespace onsite::server
