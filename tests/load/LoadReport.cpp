// The load run's figures: latency per route, totals, errors and findings, the servers' RSS,
// and PASS or FAIL.

#include "Load.h"

#include "LoadUtil.h"
#include "Worker.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace loadrun {

void Load::verifyAndReport()
{
    report(verify());
}

void Load::report(const LoadVerdict &verdict)
{
    // ---- the figures ----
    const qint64 requests = printRouteTable(QStringLiteral("per route, whole run (ms per attempt)"),
                                            0, std::numeric_limits<qint64>::max());
    const qint64 steadyFrom = lastSignInMs + 5000;
    if (steadyFrom < drainStartedMs)
        printRouteTable(
            QStringLiteral("per route, from 5 s after the last sign-in (%1 s) to the end (ms)")
                .arg(steadyFrom / 1000),
            steadyFrom, std::numeric_limits<qint64>::max());
    printTotals(verdict, requests);
    printRetriesAndErrors();
    printFindings(verdict);

    out() << "\n== server RSS (VmRSS, MiB, sampled every 10 s) ==\n";
    bool rssOk = true;
    for (const RssSeries &s : rss)
        rssOk = printRssSeries(s) && rssOk;
    const bool carriedOn = printAfterDeaths();
    printPassOrFail(verdict, rssOk, carriedOn);
}

// Requests started in [fromMs, toMs): count, p50, p99, max, answers. Returns the count.
qint64 Load::printRouteTable(const QString &title, qint64 fromMs, qint64 toMs) const
{
    qint64 requests = 0;
    out() << "\n== " << title << " ==\n";
    out() << QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                 .arg(QStringLiteral("route"), -15)
                 .arg(QStringLiteral("count"), 8)
                 .arg(QStringLiteral("p50"), 7)
                 .arg(QStringLiteral("p99"), 7)
                 .arg(QStringLiteral("max"), 7)
                 .arg(QStringLiteral("answers (status×count, 0 = no HTTP answer)"));
    for (int r = 0; r < RouteCount; ++r) {
        std::vector<float> v;
        std::map<int, int> statuses;
        for (const Sample &x : latency[r])
            if (x.startMs >= fromMs && x.startMs < toMs) {
                v.push_back(x.ms);
                ++statuses[x.status];
            }
        requests += qint64(v.size());
        std::sort(v.begin(), v.end());
        auto pct = [&v](double p) { // nearest rank
            if (v.empty())
                return 0.0;
            const size_t rank = size_t(std::ceil(p * double(v.size())));
            return double(v.at(std::clamp<size_t>(rank, 1, v.size()) - 1));
        };
        QStringList st;
        for (const auto &[code, n] : statuses)
            st << QStringLiteral("%1×%2").arg(code).arg(n);
        out() << QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                     .arg(QLatin1String(kRouteNames[r]), -15)
                     .arg(v.size(), 8)
                     .arg(ms(pct(0.50)), 7)
                     .arg(ms(pct(0.99)), 7)
                     .arg(ms(v.empty() ? 0 : v.back()), 7)
                     .arg(st.join(QLatin1Char(' ')));
    }
    return requests;
}

void Load::printTotals(const LoadVerdict &verdict, qint64 requests) const
{
    qint64 applied = 0, dupAcks = 0, checkIns = 0, checkOuts = 0;
    for (const AckedOp &a : acks) {
        applied += a.status == QLatin1String("applied");
        dupAcks += a.status == QLatin1String("duplicate");
        (a.checkOut ? checkOuts : checkIns)++;
    }
    const double runSeconds = std::max<qint64>(1, drainStartedMs) / 1000.0;
    out() << "\n== totals ==\n";
    out() << QStringLiteral("requests %1 (%2/s over the run), ops acknowledged %3 (applied %4, "
                            "duplicate after a retry %5; %6 check-ins, %7 check-outs)\n")
                 .arg(requests)
                 .arg(requests / runSeconds, 0, 'f', 1)
                 .arg(acks.size())
                 .arg(applied)
                 .arg(dupAcks)
                 .arg(checkIns)
                 .arg(checkOuts);
    out() << QStringLiteral("uploads finished %1 (%2 KiB), visits in the documents %3, "
                            "deliverables %4, tus uploads on the server %5 (unfinished %6: "
                            "creations retried after a lost answer)\n")
                 .arg(uploads.size())
                 .arg(uploadedBytes / 1024)
                 .arg(verdict.logsInDocs)
                 .arg(verdict.deliverablesInDocs)
                 .arg(verdict.uploadsJson[0].toInteger())
                 .arg(verdict.uploadsJson[1].toInteger());
    int signedIn = 0;
    for (Worker *w : workers)
        signedIn += w->signedIn();
    out() << QStringLiteral("signed in %1 of %2, the last at %3 s\n")
                 .arg(signedIn)
                 .arg(workers.size())
                 .arg(lastSignInMs / 1000.0, 0, 'f', 1);
}

void Load::printRetriesAndErrors() const
{
    out() << "retries " << retries;
    QStringList reasons;
    for (auto it = retryReasons.begin(); it != retryReasons.end(); ++it)
        reasons << QStringLiteral("%1: %2").arg(it.key()).arg(*it);
    out() << (reasons.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reasons.join(", ")))
          << "\n";
    out() << "per 30 s window (acks/retries):";
    for (qint64 wdw = 0; wdw <= elapsedMs() / 30000; ++wdw)
        out() << " " << acksPerWindow.value(wdw) << "/" << retriesPerWindow.value(wdw);
    out() << "\n";
    out() << "errors " << errors << "\n";
    for (const QString &l : std::as_const(errorLines))
        out() << "  " << l << "\n";
}

void Load::printFindings(const LoadVerdict &verdict) const
{
    out() << QStringLiteral("lost %1, duplicated %2, applied but never acknowledged %3, stale "
                            "views after the last sync %4, upload/deliverable mismatches %5\n")
                 .arg(verdict.lost)
                 .arg(verdict.duplicated)
                 .arg(verdict.phantom)
                 .arg(verdict.stale)
                 .arg(verdict.badFiles);
    for (const QString &f : std::as_const(verdict.findings))
        out() << "  " << f << "\n";
}

// One server's RSS line. False when a surviving server grew more than the limit.
bool Load::printRssSeries(const RssSeries &s) const
{
    if (s.samples.empty()) {
        out() << s.name << ": no samples\n";
        return true;
    }
    // The baseline: the 1-minute mark, or the first sample after the sign-ins if they
    // ended later (each password check holds 64 MiB of Argon2 memory while it runs).
    const qint64 baseFrom = std::max<qint64>(60000, lastSignInMs + 10000);
    qint64 maxKb = 0, atMinuteKb = -1, baseKb = -1, baseAt = 0, minAfterKb = -1;
    for (const auto &[t, kb] : s.samples) {
        maxKb = std::max(maxKb, kb);
        if (atMinuteKb < 0 && t >= 60000 - 1000)
            atMinuteKb = kb;
        if (baseKb < 0 && t >= baseFrom - 1000) {
            baseKb = kb;
            baseAt = t;
        }
        if (baseKb >= 0)
            minAfterKb = minAfterKb < 0 ? kb : std::min(minAfterKb, kb);
    }
    const qint64 lastKb = s.samples.back().second;
    const double growth = baseKb < 0 ? 0.0 : (lastKb - baseKb) / 1024.0;
    auto mib = [](qint64 kb) {
        return kb < 0 ? QStringLiteral("-") : QString::number(kb / 1024.0, 'f', 1);
    };
    out() << QStringLiteral("%1 (pid %2): first %3, at 1 min %4, max %5, last %6; from %7 s "
                            "(after the sign-ins) %8 → last %9, min %10: growth %11 MiB; "
                            "%12 samples%13\n")
                 .arg(s.name)
                 .arg(s.pid)
                 .arg(mib(s.samples.front().second), mib(atMinuteKb), mib(maxKb), mib(lastKb))
                 .arg(baseAt / 1000)
                 .arg(mib(baseKb), mib(lastKb), mib(minAfterKb))
                 .arg(growth, 0, 'f', 1)
                 .arg(s.samples.size())
                 .arg(s.diedAtMs >= 0
                          ? QStringLiteral(" — killed, gone at %1 s").arg(s.diedAtMs / 1000)
                          : QString());
    return !(s.diedAtMs < 0 && growth > opt.rssLimitMiB);
}

// After a process died, the others carried the clients. False when they did not.
bool Load::printAfterDeaths() const
{
    bool carriedOn = true;
    for (const RssSeries &s : rss)
        if (s.diedAtMs >= 0) {
            qint64 after = 0;
            for (const AckedOp &a : acks)
                after += a.atMs > s.diedAtMs;
            out() << QStringLiteral("after %1 was gone: %2 ops acknowledged\n")
                         .arg(s.name)
                         .arg(after);
            carriedOn = carriedOn && after > 0;
        }
    return carriedOn;
}

void Load::printPassOrFail(const LoadVerdict &verdict, bool rssOk, bool carriedOn)
{
    QStringList failed;
    if (errors)
        failed << QStringLiteral("errors %1").arg(errors);
    if (verdict.lost || verdict.duplicated || verdict.phantom)
        failed << QStringLiteral("lost %1 / duplicated %2 / unacknowledged %3")
                      .arg(verdict.lost)
                      .arg(verdict.duplicated)
                      .arg(verdict.phantom);
    if (verdict.stale)
        failed << QStringLiteral("stale views %1").arg(verdict.stale);
    if (verdict.badFiles)
        failed << QStringLiteral("upload mismatches %1").arg(verdict.badFiles);
    if (!rssOk)
        failed << QStringLiteral("RSS grew more than %1 MiB").arg(opt.rssLimitMiB);
    if (!carriedOn)
        failed << QStringLiteral("nothing acknowledged after a server was killed");
    if (acks.empty())
        failed << QStringLiteral("no op acknowledged at all");
    if (!verdict.dbOk)
        failed << QStringLiteral("database unreadable");
    out() << "\n"
          << (failed.isEmpty() ? QStringLiteral("PASS") : "FAIL: " + failed.join("; ")) << "\n";
    out().flush();
    if (!failed.isEmpty())
        exitCode = 1;
}

} // namespace loadrun
