#include "AccessLog.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimer>
#include <cstdio>

namespace onsite::server {
namespace {

QMutex g_mutex;
QByteArray g_buffer;

void writeOut(const QByteArray &lines)
{
    std::fwrite(lines.constData(), 1, size_t(lines.size()), stderr);
    std::fflush(stderr);
}

} // namespace

// The path as the access log may keep it: the calendar link's last segment is a credential
// (whoever has it reads the schedule), and so are secret-looking query parameters.
QString AccessLog::loggablePath(QString path)
{
    static const QRegularExpression calendar(QStringLiteral("(/calendar/)[^/?]+(\\.ics)"));
    static const QRegularExpression secrets(
        QStringLiteral("([?&](?:token|access_token|password|key|signature|hmac)=)[^&]*"),
        QRegularExpression::CaseInsensitiveOption);
    if (path.contains(QLatin1String("/calendar/")))
        path.replace(calendar, QStringLiteral("\\1[redacted]\\2"));
    if (path.contains(QLatin1Char('?')))
        path.replace(secrets, QStringLiteral("\\1[redacted]"));
    // The path is decoded: a %0A or %20 in the URL would start a forged line or field here.
    QString safe;
    safe.reserve(path.size());
    for (const QChar c : std::as_const(path))
        safe += c.unicode() <= 0x20 || c.unicode() == 0x7f
                    ? QStringLiteral("%%1").arg(c.unicode(), 2, 16, QLatin1Char('0')).toUpper()
                    : QString(c);
    return safe;
}

void AccessLog::write(const QHostAddress &peer, const QString &method, const QString &fullPath,
                      int status, qint64 bytes, qint64 us, const char *note)
{
    QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
    line += ' ' + peer.toString().toLatin1() + ' ' + method.toLatin1() + ' ' +
            loggablePath(fullPath).toUtf8() + ' ' + QByteArray::number(status) + ' ' +
            QByteArray::number(bytes) + ' ' + QByteArray::number(double(us) / 1000.0, 'f', 1) +
            "ms" + note + '\n';
    QByteArray full;
    {
        QMutexLocker lock(&g_mutex);
        g_buffer += line;
        if (g_buffer.size() < kMaxBuffered)
            return;
        full.swap(g_buffer);
    }
    writeOut(full);
}

void AccessLog::flush()
{
    QByteArray lines;
    {
        QMutexLocker lock(&g_mutex);
        lines.swap(g_buffer);
    }
    if (!lines.isEmpty())
        writeOut(lines);
}

void AccessLog::flushEvery(QObject *context, int ms)
{
    auto *timer = new QTimer(context);
    QObject::connect(timer, &QTimer::timeout, timer, &AccessLog::flush);
    timer->start(ms);
}

} // namespace onsite::server
