#include "Wrk.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace bench {
namespace {

double toMs(const QString &value, const QString &unit)
{
    const double v = value.toDouble();
    if (unit == QLatin1String("us"))
        return v / 1000.0;
    if (unit == QLatin1String("s"))
        return v * 1000.0;
    if (unit == QLatin1String("m"))
        return v * 60000.0;
    return v;
}

double percentile(const QString &out, const QString &which)
{
    const QRegularExpression re(QStringLiteral("^\\s+%1%\\s+([0-9.]+)(us|ms|s|m)\\s*$").arg(which),
                                QRegularExpression::MultilineOption);
    const auto m = re.match(out);
    return m.hasMatch() ? toMs(m.captured(1), m.captured(2)) : -1;
}

qint64 number(const QString &out, const QString &pattern)
{
    const auto m = QRegularExpression(pattern).match(out);
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

} // namespace

bool Wrk::available()
{
    return !QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty();
}

WrkResult Wrk::run(const QString &url, const QString &script, int connections, int seconds,
                   const QStringList &options, const QStringList &scriptArgs)
{
    QStringList args{QStringLiteral("-t2"),
                     QStringLiteral("-c%1").arg(connections),
                     QStringLiteral("-d%1s").arg(seconds),
                     QStringLiteral("--latency"),
                     QStringLiteral("--timeout"),
                     QStringLiteral("10s")};
    if (!script.isEmpty())
        args << QStringLiteral("-s") << script;
    args << options << url;
    if (!scriptArgs.isEmpty())
        args << QStringLiteral("--") << scriptArgs;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("wrk"), args);
    p.waitForFinished(-1);
    WrkResult r;
    r.output = QString::fromUtf8(p.readAll());
    const auto rps =
        QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(r.output);
    r.requestsPerSecond = rps.hasMatch() ? rps.captured(1).toDouble() : 0;
    r.p50Ms = percentile(r.output, QStringLiteral("50"));
    r.p99Ms = percentile(r.output, QStringLiteral("99"));
    r.requests = number(r.output, QStringLiteral("(\\d+) requests in"));
    r.non2xx = number(r.output, QStringLiteral("Non-2xx or 3xx responses: (\\d+)"));
    const auto errors =
        QRegularExpression(QStringLiteral("Socket errors: connect (\\d+), read (\\d+), "
                                          "write (\\d+), timeout (\\d+)"))
            .match(r.output);
    for (int i = 1; errors.hasMatch() && i <= 4; ++i)
        r.socketErrors += errors.captured(i).toLongLong();
    r.ok = p.exitCode() == 0 && rps.hasMatch() && r.p99Ms >= 0;
    return r;
}

} // namespace bench
