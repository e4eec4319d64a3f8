// wrk (the HTTP load generator) run against a URL for a while with a Lua script, and the
// figures it prints: requests per second, latency percentiles, errors.
#pragma once

#include <QString>
#include <QStringList>

namespace bench {

struct WrkResult {
    double requestsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 requests = 0;
    qint64 non2xx = 0;
    qint64 socketErrors = 0;
    bool ok = false;
    QString output;
};

class Wrk
{
public:
    // `script` (may be empty): a wrk Lua script, given `scriptArgs`; `connections` over 2
    // threads; `options`: more of wrk's options (e.g. -H).
    static WrkResult run(const QString &url, const QString &script, int connections, int seconds,
                         const QStringList &options = {}, const QStringList &scriptArgs = {});
    static bool available();
};

} // namespace bench
