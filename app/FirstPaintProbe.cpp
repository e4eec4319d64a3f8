#include "FirstPaintProbe.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QTextStream>
#include <QTimer>
#include <chrono>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace onsite {

namespace {

QElapsedTimer &sinceMain()
{
    static QElapsedTimer timer;
    return timer;
}

// The process's peak resident set in KiB (Linux's VmHWM); -1 where the platform has no /proc.
qint64 peakRssKiB()
{
#ifdef Q_OS_LINUX
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
#endif
    return -1;
}

// CPU time of every thread of the process so far, in ms (Linux's /proc); -1 elsewhere.
double cpuMs()
{
#ifdef Q_OS_LINUX
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) * 1000.0 /
           double(::sysconf(_SC_CLK_TCK));
#else
    return -1;
#endif
}

} // namespace

void FirstPaintProbe::markStart()
{
    sinceMain().start();
}

void FirstPaintProbe::installIfAsked(QAbstractItemView *view)
{
    if (qEnvironmentVariableIntValue("ONSITE_BENCH_FIRST_PAINT") != 1)
        return;
    view->viewport()->installEventFilter(new FirstPaintProbe(view));
}

FirstPaintProbe::FirstPaintProbe(QAbstractItemView *view) : QObject(view), m_view(view) {}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (m_done || event->type() != QEvent::Paint || !m_view->model() ||
        m_view->model()->rowCount() == 0)
        return QObject::eventFilter(watched, event);
    // The paint is delivered here, so the time taken is after the rows were drawn.
    m_done = true;
    QCoreApplication::sendEvent(watched, event);
    report();
    return true;
}

void FirstPaintProbe::report()
{
    const auto epochUs = std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
    QTextStream(stdout) << "first-paint epoch_us=" << epochUs
                        << " main_ms=" << sinceMain().nsecsElapsed() / 1e6 << " cpu_ms=" << cpuMs()
                        << " rows=" << m_view->model()->rowCount()
                        << " peak_rss_kib=" << peakRssKiB() << Qt::endl;
    QTimer::singleShot(0, qApp, &QCoreApplication::quit);
}

} // namespace onsite
