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
QFile s_file; // kept open between messages; reopened after rotation
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
        if (s_file.isOpen() && s_file.size() > kMaxBytes) {
            s_file.close(); // closed first: Windows renames no open file
            QFile::remove(s_path + QStringLiteral(".1"));
            QFile::rename(s_path, s_path + QStringLiteral(".1"));
        }
        if (!s_file.isOpen() && !s_path.isEmpty()) {
            s_file.setFileName(s_path);
            s_file.open(QIODevice::Append);
        }
        if (s_file.isOpen()) {
            s_file.write(line);
            s_file.flush(); // a crash right after still leaves the line in the file
        }
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
    s_file.close();
    s_path = path;
    s_previous = qInstallMessageHandler(handler);
}

QString LogFile::path()
{
    QMutexLocker lock(&s_mutex);
    return s_path;
}

} // namespace onsite
