#pragma once

// The load run's settings (LoadRun.cpp's command line).

#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace loadrun {

struct LoadOptions {
    QUrl base;            // https://127.0.0.1/api/v1
    QList<QUrl> signIn;   // where sign-ins go (round robin); the base by default
    QString emailPattern; // {n}: 1..workers, three digits
    QString password;
    int workers = 200;
    int seconds = 600;
    double syncSeconds = 5;
    int pageSize = 2;
    double actionChance = 0.5;  // per tick: the next check-in or check-out
    double uploadChance = 0.03; // per tick, when no upload is travelling
    double meChance = 0.05;     // per tick
    int signInSpreadSeconds = 60;
    int drainSeconds = 90;
    int chunk = 64 * 1024;
    int timeoutMs = 30000;
    QString pgUrl;
    QString cacert;
    QList<QPair<QString, qint64>> servers; // name, pid: RSS sampled every 10 s
    double rssLimitMiB = 64;
};

} // namespace loadrun
