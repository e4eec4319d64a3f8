#include "EmbeddedServer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace onsite {
namespace {

QString logTail(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > 1000)
        f.seek(f.size() - 1000);
    return QString::fromUtf8(f.readAll());
}

} // namespace

EmbeddedServer::EmbeddedServer(QObject *parent) : QObject(parent), m_program(defaultProgram())
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // The server ends with the app however the app ends (SIGTERM at logout, a crash, -9): a
    // bundled server left behind holds its port and database. (Windows and macOS: the app's
    // normal exit stops it; see the destructor.)
    const pid_t app = ::getpid();
    m_process.setChildProcessModifier([app] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != app) // the app was gone before the line above
            ::_exit(1);
    });
#endif
    m_logFile =
        QDir(QDir::tempPath())
            .filePath(
                QStringLiteral("onsite-server-%1.log").arg(QCoreApplication::applicationPid()));
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &EmbeddedServer::onOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        Q_EMIT failed(tr("Could not run %1: %2").arg(m_program, m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (m_url.isEmpty())
            Q_EMIT failed(tr("The Onsite server stopped (exit code %1): %2")
                              .arg(code)
                              .arg(m_output.right(1000) + logTail(m_logFile)));
    });
}

EmbeddedServer::~EmbeddedServer()
{
    stop();
}

QString EmbeddedServer::defaultProgram()
{
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("onsite-server.exe");
#else
    const QString name = QStringLiteral("onsite-server");
#endif
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(name);
    if (QFileInfo::exists(beside))
        return beside;
    const QString onPath = QStandardPaths::findExecutable(name);
    return onPath.isEmpty() ? beside : onPath;
}

void EmbeddedServer::start(const QStringList &arguments)
{
    m_url.clear();
    m_output.clear();
    m_process.setStandardErrorFile(m_logFile, QIODevice::Append);
    m_process.start(m_program, arguments);
}

bool EmbeddedServer::waitUntilReady(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_url.isEmpty() && !deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning)
            return false;
        m_process.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 200)));
        onOutput();
    }
    return !m_url.isEmpty();
}

void EmbeddedServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QUrl EmbeddedServer::apiBase() const
{
    QUrl u = m_url;
    u.setPath(QStringLiteral("/api/v1/"));
    return u;
}

void EmbeddedServer::onOutput()
{
    m_pending += m_process.readAllStandardOutput();
    int nl;
    while ((nl = m_pending.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pending.left(nl)).trimmed();
        m_pending.remove(0, nl + 1);
        m_output += line + QLatin1Char('\n');
        static const QString listening = QStringLiteral("Listening on ");
        static const QString token = QStringLiteral("Demo company token");
        if (line.contains(token) && m_companyToken.isEmpty())
            m_companyToken = line.mid(line.lastIndexOf(QLatin1Char(' ')) + 1);
        if (line.contains(listening) && m_url.isEmpty()) {
            m_url = QUrl(line.mid(line.indexOf(listening) + listening.size()).trimmed());
            Q_EMIT ready(m_url);
        }
    }
}

} // namespace onsite
