#include "LogFile.h"

#include "Log.h"

#include <QDateTime>
#include <QFile>
#include <QMutex>
#include <QThread>
#include <cstdio>

Q_LOGGING_CATEGORY(lcSync, "onsite.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUpload, "onsite.upload", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "onsite.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "onsite.app", QtInfoMsg)

namespace onsite {
namespace {

constexpr qint64 kMaxBytes = 1024 * 1024;
QMutex s_mutex;
QString s_path;
QtMessageHandler s_previous = nullptr;

const char *level(QtMsgType t)
{
    switch (t) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line =
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' + level(type) +
        ' ' + (context.category ? context.category : "default") + " [" +
        QThread::currentThread()->objectName().toUtf8() + "] " + message.toUtf8() + '\n';
    {
        QMutexLocker lock(&s_mutex);
        QFile f(s_path);
        if (f.size() > kMaxBytes) {
            QFile::remove(s_path + QStringLiteral(".1"));
            QFile::rename(s_path, s_path + QStringLiteral(".1"));
        }
        if (f.open(QIODevice::Append))
            f.write(line);
    }
    if (s_previous)
        s_previous(type, context, message);
    else
        std::fputs(line.constData(), stderr);
}

} // namespace

void LogFile::install(const QString &path)
{
    QMutexLocker lock(&s_mutex);
    s_path = path;
    s_previous = qInstallMessageHandler(handler);
}

QString LogFile::path()
{
    QMutexLocker lock(&s_mutex);
    return s_path;
}

} // namespace onsite
