#include "Load.h"

#include "LoadUtil.h"
#include "Worker.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <memory>

namespace loadrun {

void Load::start()
{
    ssl = QSslConfiguration::defaultConfiguration();
    if (!opt.cacert.isEmpty())
        ssl.addCaCertificates(opt.cacert);
    else
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    for (const auto &s : opt.servers)
        rss.push_back({s.first, s.second, {}, -1});
    sampleRss();
    QObject::connect(&rssTimer, &QTimer::timeout, this, [this] { sampleRss(); });
    rssTimer.start(1000);

    for (int i = 1; i <= opt.workers; ++i) {
        auto *w = new Worker(this, i);
        workers.push_back(w);
        w->startSignIn(opt.workers > 1 ? (i - 1) * opt.signInSpreadSeconds * 1000 / opt.workers
                                       : 0);
    }
    out() << "load: " << opt.workers << " workers against " << opt.base.toString() << " for "
          << opt.seconds << " s (sign-ins over the first " << opt.signInSpreadSeconds << " s via "
          << opt.signIn.first().toString()
          << (opt.signIn.size() > 1 ? QStringLiteral(" and %1 more").arg(opt.signIn.size() - 1)
                                    : QString())
          << ")\n";
    out().flush();
    QTimer::singleShot(opt.seconds * 1000, this, [this] {
        phase = Phase::Draining;
        drainStartedMs = elapsedMs();
        out() << "load: " << opt.seconds << " s over; draining the outboxes and uploads\n";
        out().flush();
        QObject::connect(&drainTimer, &QTimer::timeout, this, [this] { drainCheck(); });
        drainTimer.start(250);
    });
    // Progress every 30 s.
    auto *progress = new QTimer(this);
    QObject::connect(progress, &QTimer::timeout, this, [this] {
        int signedIn = 0;
        for (Worker *w : workers)
            signedIn += w->signedIn();
        out() << QStringLiteral("  [%1 s] signed in %2, ops acknowledged %3, uploads %4, "
                                "retries %5, errors %6\n")
                     .arg(elapsedMs() / 1000)
                     .arg(signedIn)
                     .arg(acks.size())
                     .arg(uploads.size())
                     .arg(retries)
                     .arg(errors);
        out().flush();
    });
    progress->start(30000);
}

// Every second: is each server alive; every 10 s (and at the start and end) its VmRSS.
void Load::sampleRss()
{
    const qint64 now = elapsedMs();
    const bool record = m_lastRssMs < 0 || now - m_lastRssMs >= 9950 || phase == Phase::Done;
    if (record)
        m_lastRssMs = now;
    for (RssSeries &s : rss) {
        if (s.diedAtMs >= 0)
            continue;
        QFile f(QStringLiteral("/proc/%1/status").arg(s.pid));
        qint64 kb = -1;
        if (f.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> lines = f.readAll().split('\n');
            bool zombie = false;
            for (const QByteArray &l : lines) {
                if (l.startsWith("VmRSS:"))
                    kb = l.mid(6).trimmed().split(' ').value(0).toLongLong();
                if (l.startsWith("State:") && l.contains("Z"))
                    zombie = true;
            }
            if (zombie)
                kb = -1;
        }
        if (kb < 0) {
            s.diedAtMs = now;
            out() << QStringLiteral("  [%1 s] server %2 (pid %3) is gone\n")
                         .arg(now / 1000)
                         .arg(s.name)
                         .arg(s.pid);
            out().flush();
        } else if (record) {
            s.samples.emplace_back(now, kb);
        }
    }
}

void Load::drainCheck()
{
    bool busy = false;
    for (Worker *w : workers)
        busy = busy || w->busyWithWrites();
    const bool late = elapsedMs() - drainStartedMs > qint64(opt.drainSeconds) * 1000;
    if (busy && !late)
        return;
    drainTimer.stop();
    if (busy) {
        for (Worker *w : workers) {
            if (w->unfinishedOps())
                error(w->index(), QStringLiteral("%1 operations never acknowledged (gave up after "
                                                 "%2 s of draining)")
                                      .arg(w->unfinishedOps())
                                      .arg(opt.drainSeconds));
            if (w->uploadTravelling())
                error(w->index(), QStringLiteral("an upload never finished (gave up after %1 s of "
                                                 "draining)")
                                      .arg(opt.drainSeconds));
        }
    }
    for (Worker *w : workers)
        if (!w->signedIn())
            error(w->index(), QStringLiteral("never signed in"));
    out() << QStringLiteral("load: drained in %1 s; final sync of every worker\n")
                 .arg((elapsedMs() - drainStartedMs) / 1000.0, 0, 'f', 1);
    out().flush();
    finalSync();
}

void Load::finalSync()
{
    phase = Phase::FinalSync;
    auto *remaining = new int(int(workers.size()));
    auto finished = std::make_shared<bool>(false);
    auto proceed = [this, finished] {
        if (*finished)
            return;
        *finished = true;
        for (Worker *w : workers)
            w->abortAll();
        phase = Phase::Done;
        sampleRss();
        verifyAndReport();
        QCoreApplication::exit(exitCode);
    };
    for (Worker *w : workers)
        w->finalSync([remaining, proceed] {
            if (--*remaining == 0)
                proceed();
        });
    QTimer::singleShot(120000, this, [this, proceed] {
        error(0, QStringLiteral("the final sync did not end within 120 s"));
        proceed();
    });
}

bool Load::psqlJson(const QString &sql, QJsonValue *value)
{
    QProcess p;
    p.start(QStringLiteral("psql"),
            {opt.pgUrl, QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"),
             QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql});
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        out() << "psql failed: " << p.readAllStandardError() << "\n";
        return false;
    }
    const QByteArray text = p.readAllStandardOutput().trimmed();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &pe);
    if (pe.error != QJsonParseError::NoError) {
        out() << "psql answer is not JSON: " << pe.errorString() << "\n";
        return false;
    }
    *value = doc.array().at(0);
    return true;
}

} // namespace loadrun
