#pragma once

// What a process costs, read from Linux's /proc: for the server tests and benchmarks that
// hold the server to memory, CPU and socket figures (the server is Linux-first; the app's
// tests do not use these).

#include <QByteArrayView>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>
#include <unistd.h>

namespace onsite::test {

// A line of /proc/PID/status ("VmRSS", "Threads"), its first number; -1 if unreadable.
inline qint64 procStatus(qint64 pid, const char *key)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

inline qint64 rssKiB(qint64 pid)
{
    return procStatus(pid, "VmRSS");
}

// User + system CPU seconds the process has used; -1 if unreadable.
inline double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) /
           double(::sysconf(_SC_CLK_TCK));
}

// The sockets a process holds open (its /proc/PID/fd entries that are sockets).
inline int openSockets(qint64 pid)
{
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    int n = 0;
    char target[64];
    for (const QString &name : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        const ssize_t len =
            ::readlink(QFile::encodeName(fds.filePath(name)).constData(), target, sizeof target);
        if (len > 7 && QByteArrayView(target, len).startsWith("socket:"))
            ++n;
    }
    return n;
}

// The kernel's count of connections dropped because a listening socket's queue was full.
inline qint64 listenOverflows()
{
    QFile f(QStringLiteral("/proc/net/netstat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (int i = 0; i + 1 < lines.size(); ++i) {
        if (!lines.at(i).startsWith("TcpExt:") || !lines.at(i + 1).startsWith("TcpExt:"))
            continue;
        const QList<QByteArray> names = lines.at(i).split(' ');
        const QList<QByteArray> values = lines.at(i + 1).split(' ');
        const qsizetype at = names.indexOf("ListenOverflows");
        return at >= 0 ? values.value(at).toLongLong() : -1;
    }
    return -1;
}

} // namespace onsite::test
