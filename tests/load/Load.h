#pragma once

// The load run: starts the workers, samples the servers' RSS, drains and does a final sync at
// the end, then checks every acknowledged operation and upload against the database and prints
// the figures (LoadCheck.cpp, LoadReport.cpp).

#include "LoadOptions.h"
#include "LoadRecords.h"
#include "LoadVerdict.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>
#include <QTimer>
#include <vector>

namespace loadrun {

class Worker;

class Load : public QObject
{
public:
    explicit Load(const LoadOptions &o) : opt(o) { clock.start(); }

    void start();

    qint64 elapsedMs() const { return clock.elapsed(); }
    void record(Route r, qint64 startMs, qint64 ms, int status)
    {
        latency[r].push_back({qint32(startMs), float(ms), qint32(status)});
    }
    void error(int worker, const QString &what)
    {
        ++errors;
        if (errorLines.size() < 40)
            errorLines << QStringLiteral("[%1 s] worker %2: %3")
                              .arg(elapsedMs() / 1000.0, 0, 'f', 1)
                              .arg(worker)
                              .arg(what);
    }
    void retry(const QString &why)
    {
        ++retries;
        ++retryReasons[why];
        ++retriesPerWindow[elapsedMs() / 30000];
    }
    void acked(const AckedOp &op)
    {
        acks.push_back(op);
        ++acksPerWindow[op.atMs / 30000];
    }

    LoadOptions opt;
    QElapsedTimer clock;
    Phase phase = Phase::Running;
    std::vector<Worker *> workers;
    std::vector<Sample> latency[RouteCount];
    std::vector<AckedOp> acks;
    std::vector<FinishedUpload> uploads;
    std::vector<RssSeries> rss;
    QSslConfiguration ssl;
    qint64 errors = 0;
    qint64 retries = 0;
    QMap<QString, qint64> retryReasons;
    QMap<qint64, qint64> acksPerWindow, retriesPerWindow;
    QStringList errorLines;
    qint64 uploadedBytes = 0;
    qint64 drainStartedMs = 0;
    qint64 lastSignInMs = 0;
    int exitCode = 0;

private:
    void sampleRss();
    void drainCheck();
    void finalSync();
    void verifyAndReport();
    LoadVerdict verify();
    void report(const LoadVerdict &verdict);
    // report()'s parts, in the order they print (LoadReport.cpp).
    qint64 printRouteTable(const QString &title, qint64 fromMs, qint64 toMs) const;
    void printTotals(const LoadVerdict &verdict, qint64 requests) const;
    void printRetriesAndErrors() const;
    void printFindings(const LoadVerdict &verdict) const;
    bool printRssSeries(const RssSeries &s) const;
    bool printAfterDeaths() const;
    void printPassOrFail(const LoadVerdict &verdict, bool rssOk, bool carriedOn);
    bool psqlJson(const QString &sql, QJsonValue *outValue);
    QTimer rssTimer, drainTimer;
    qint64 m_lastRssMs = -1;
};

} // namespace loadrun
