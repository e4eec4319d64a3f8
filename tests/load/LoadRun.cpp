// The load run (issue 15): simulated workers against a deployed server (tests/load/load-run.sh
// puts nginx in front of two onsite-server processes on one PostgreSQL). Each worker signs in
// once, syncs every few seconds (paging /changes to the end with its cursor), checks in and out
// with time_log.upsert operations, now and then uploads a small PNG by tus, and asks for /me.
// A client's retry discipline: a network error or a 5xx repeats the same operation (same
// op_id) or asks the upload's offset (HEAD) after a bounded backoff; those are retries, not
// errors. At the end every acknowledged operation and finished upload is checked against the
// database itself (psql), and the figures are printed. Exit status 1 when a figure fails.
//
// C++17, Qt Core/Network only, one event loop, one QNetworkAccessManager per worker.
// Load (Load.h) runs the workers (Worker.h), checks (LoadCheck.cpp) and reports
// (LoadReport.cpp); here, the command line.

#include "Load.h"
#include "LoadOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSslCertificate>
#include <QTextStream>
#include <algorithm>

using namespace loadrun;

namespace {

// The options, in the order --help lists them.
void addOptions(QCommandLineParser &p)
{
    const QCommandLineOption base({QStringLiteral("base")}, QStringLiteral("API base URL"),
                                  QStringLiteral("URL"),
                                  QStringLiteral("https://127.0.0.1/api/v1"));
    const QCommandLineOption signIn({QStringLiteral("sign-in")},
                                    QStringLiteral("API base URL(s) for sign-ins, comma-separated "
                                                   "(round robin); default: --base"),
                                    QStringLiteral("URLS"));
    const QCommandLineOption workers({QStringLiteral("workers")}, QStringLiteral("workers"),
                                     QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption emails(
        {QStringLiteral("emails")}, QStringLiteral("email pattern, {n} = 001…"),
        QStringLiteral("PATTERN"), QStringLiteral("load-{n}@load.onsite"));
    const QCommandLineOption seconds({QStringLiteral("seconds")}, QStringLiteral("run length"),
                                     QStringLiteral("S"), QStringLiteral("600"));
    const QCommandLineOption sync({QStringLiteral("sync-seconds")},
                                  QStringLiteral("mean time between syncs"), QStringLiteral("S"),
                                  QStringLiteral("5"));
    const QCommandLineOption page({QStringLiteral("page-size")}, QStringLiteral("/changes limit"),
                                  QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption spread({QStringLiteral("sign-in-spread")},
                                    QStringLiteral("seconds over which sign-ins are spread "
                                                   "(default: 60, at most half the run)"),
                                    QStringLiteral("S"));
    const QCommandLineOption upload({QStringLiteral("upload-chance")},
                                    QStringLiteral("chance per tick to start an upload"),
                                    QStringLiteral("P"), QStringLiteral("0.03"));
    const QCommandLineOption drain({QStringLiteral("drain-seconds")},
                                   QStringLiteral("how long to wait for outboxes and uploads"),
                                   QStringLiteral("S"), QStringLiteral("90"));
    const QCommandLineOption pg({QStringLiteral("pg")},
                                QStringLiteral("PostgreSQL URL of the servers' database"),
                                QStringLiteral("URL"));
    const QCommandLineOption cacert({QStringLiteral("cacert")},
                                    QStringLiteral("CA certificate (PEM) to trust; without it "
                                                   "certificates are not verified"),
                                    QStringLiteral("FILE"));
    const QCommandLineOption server({QStringLiteral("server")},
                                    QStringLiteral("NAME=PID of a server process (RSS sampled)"),
                                    QStringLiteral("NAME=PID"));
    const QCommandLineOption rssLimit({QStringLiteral("rss-limit-mib")},
                                      QStringLiteral("allowed RSS growth from 1 min to the end"),
                                      QStringLiteral("MIB"), QStringLiteral("64"));
    p.addOptions({base, signIn, workers, emails, seconds, sync, page, spread, upload, drain, pg,
                  cacert, server, rssLimit});
}

// The options' values (by name: QCommandLineParser looks an option up by its first name).
LoadOptions readOptions(const QCommandLineParser &p)
{
    LoadOptions o;
    o.base = QUrl(p.value(QStringLiteral("base")));
    for (const QString &u :
         p.value(QStringLiteral("sign-in")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        o.signIn << QUrl(u);
    if (o.signIn.isEmpty())
        o.signIn << o.base;
    o.workers = p.value(QStringLiteral("workers")).toInt();
    o.emailPattern = p.value(QStringLiteral("emails"));
    o.seconds = p.value(QStringLiteral("seconds")).toInt();
    o.syncSeconds = p.value(QStringLiteral("sync-seconds")).toDouble();
    o.pageSize = p.value(QStringLiteral("page-size")).toInt();
    o.signInSpreadSeconds = p.isSet(QStringLiteral("sign-in-spread"))
                                ? p.value(QStringLiteral("sign-in-spread")).toInt()
                                : std::min(60, std::max(1, o.seconds / 2));
    o.uploadChance = p.value(QStringLiteral("upload-chance")).toDouble();
    o.drainSeconds = p.value(QStringLiteral("drain-seconds")).toInt();
    o.pgUrl = p.value(QStringLiteral("pg"));
    o.cacert = p.value(QStringLiteral("cacert"));
    o.rssLimitMiB = p.value(QStringLiteral("rss-limit-mib")).toDouble();
    o.password = qEnvironmentVariable("ONSITE_PASSWORD");
    for (const QString &s : p.values(QStringLiteral("server"))) {
        const QStringList kv = s.split(QLatin1Char('='));
        if (kv.size() == 2)
            o.servers.append({kv.at(0), kv.at(1).toLongLong()});
    }
    return o;
}

// What load_run cannot run without; false, with a message, when something is missing.
bool usable(const LoadOptions &o)
{
    if (o.password.isEmpty() || o.pgUrl.isEmpty() || o.workers < 1 || o.seconds < 1) {
        QTextStream(stderr) << "load_run needs $ONSITE_PASSWORD, --pg URL, --workers ≥ 1 and "
                               "--seconds ≥ 1\n";
        return false;
    }
    if (!o.cacert.isEmpty() && QSslCertificate::fromPath(o.cacert).isEmpty()) {
        QTextStream(stderr) << "no certificate in " << o.cacert << "\n";
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Onsite load run (tests/load/load-run.sh)"));
    p.addHelpOption();
    addOptions(p);
    p.process(app);

    const LoadOptions o = readOptions(p);
    if (!usable(o))
        return 2;
    Load load(o);
    load.start();
    return app.exec();
}
