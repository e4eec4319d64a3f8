// Cold start with 10,000 cached assignments: process start to the first paint of the dashboard
// table with rows, of the real app binary (build/bin/onsite), beside an independent floor run
// in the same loop: bench_bare_table, a QApplication with a QTableView over a
// minimal QAbstractTableModel filled with the same rows' text columns read by plain QtSql from the
// same cache file's summary table. Medians of RUNS interleaved pairs, after one warm-up pair.
//
// The app starts as a worker's would: its settings name the last account, its token is in a
// real system keychain (a private D-Bus session with gnome-keyring, as tests/keychain runs), its
// cache file was written by LocalStore::applyChangesPage as a sync writes it, and its server
// is unreachable (connection refused) so the network is not part of the figure. Everything
// lives in a temporary HOME/XDG tree. The app prints its first paint when ONSITE_BENCH_FIRST_PAINT
// is set (app/FirstPaintProbe), then quits.
// Targets (issue 16): <= 2x the bare table's first paint, <= 80 MB peak RSS.
// Run by hand (Linux): build/bin/bench_coldstart [N] [RUNS]; QT_QPA_PLATFORM=offscreen unless
// DISPLAY is set; ONSITE_COLDSTART_APP=path measures another build of the app.
#include "AppSession.h"
#include "AssignmentCodec.h"
#include "KeychainCredentialStore.h"
#include "LocalStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <chrono>

using namespace onsite;

namespace {

QTextStream out(stdout);

const QUrl kServer(QStringLiteral("http://127.0.0.1:9")); // nothing listens: refused at once
const QString kEmail = QStringLiteral("bench@onsite.test");

qint64 epochUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// One assignment as the server sends it: history, funds and deliverables, with the statuses,
// sites and schedules of a worker's real list (some past, some to come).
QJsonObject makeDoc(int i, const QDateTime &now)
{
    static const char *cities[] = {"Chicago", "Denver",  "Boston", "Austin",
                                   "Seattle", "Toronto", "Miami",  "Portland"};
    static const char *zones[] = {"America/Chicago",  "America/Denver",      "America/New_York",
                                  "America/Chicago",  "America/Los_Angeles", "America/Toronto",
                                  "America/New_York", "America/Los_Angeles"};
    Assignment a;
    a.id = i + 1;
    a.rev = 1;
    a.status = AssignmentStatus(i % 5);
    a.title = QStringLiteral("Work order %1: replace terminal and test").arg(i);
    a.company = {1 + i % 5, QStringLiteral("Company %1 Field Services").arg(1 + i % 5)};
    a.description = QStringLiteral("A realistic description of the work to be done on site, about "
                                   "two sentences long. Bring the usual tools.");
    a.instructions = QStringLiteral("Check in with the manager. Photograph before and after.");
    a.site = {QStringLiteral("%1 Main St").arg(i),
              QString::fromLatin1(cities[i % 8]),
              QStringLiteral("ST"),
              QStringLiteral("%1").arg(10000 + i % 89999),
              QStringLiteral("US"),
              QString::fromLatin1(zones[i % 8])};
    const QDateTime start = now.addSecs(3600LL * (i % 2000) - 3600LL * 1500);
    a.schedule.start = start;
    a.schedule.end = start.addSecs(3 * 3600);
    a.schedule.confirmRequired = i % 2;
    a.schedule.confirmBy = start.addDays(-1);
    a.schedule.checkinGraceMinutes = 15;
    a.pricing = {PricingType::Flat, QStringLiteral("USD"), 15000, 0, 0, true};
    a.checklist = {{ChecklistKind::ConfirmSchedule, true},
                   {ChecklistKind::CheckInOut, true},
                   {ChecklistKind::Deliverables, true}};
    auto uuid = [] { return QUuid::createUuid().toString(QUuid::WithoutBraces); };
    if (start < now)
        a.timeLogs.append({uuid(), start, start.addSecs(1800), QStringLiteral("visit"),
                           TimeLogSource::Desktop, false, false});
    a.fundsRequests.append({uuid(),
                            FundsKind::Expense,
                            1999,
                            0,
                            QStringLiteral("Parking"),
                            {},
                            FundsStatus::Approved,
                            start,
                            start.addSecs(600),
                            QStringLiteral("ok")});
    const QString req = uuid();
    a.deliverableRequirements.append({req, DeliverableKind::Photo, QStringLiteral("Photos"), 2});
    a.deliverablesDueAt = a.schedule.end.addDays(2);
    if (i % 3 == 0)
        a.deliverables.append({uuid(), req, DeliverableKind::Photo, QStringLiteral("IMG_1.jpg"),
                               250000, QString(64, QLatin1Char('c')), a.schedule.end});
    QJsonObject o = AssignmentCodec::toJson(a);
    o.insert(QStringLiteral("worker_id"), 7);
    return o;
}

// The account's cache file, as the app names it, filled page by page as a sync stores them.
QString writeCache(int n)
{
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    const QString path = AppSession::cachePath(dataDir, kServer, kEmail);
    LocalStore store(QStringLiteral("bench-writer"));
    QString error;
    if (!store.open(path, &error))
        qFatal("cannot open the cache: %s", qPrintable(error));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int pageSize = 500;
    for (int first = 0; first < n; first += pageSize) {
        QList<Assignment> changes;
        QList<QByteArray> received; // each document's bytes, as the server sends them
        for (int i = first; i < qMin(n, first + pageSize); ++i) {
            const QJsonObject doc = makeDoc(i, now);
            received.append(QJsonDocument(doc).toJson(QJsonDocument::Compact));
            changes.append(*AssignmentCodec::fromJson(doc, &error));
        }
        if (!store.applyChangesPage(changes, {}, QString::number(first / pageSize + 1), now, &error,
                                    nullptr, &received))
            qFatal("cannot store a page: %s", qPrintable(error));
    }
    store.close();
    return path;
}

// The last account in the app's settings and its token in the system keychain: the app
// resumes it at start without asking.
void signInOffline()
{
    QSettings settings;
    settings.setValue(QStringLiteral("account/server"), kServer);
    settings.setValue(QStringLiteral("account/email"), kEmail);
    settings.sync();
    KeychainCredentialStore keychain;
    QEventLoop loop;
    QString error = QStringLiteral("the keychain did not answer");
    QObject::connect(&keychain, &CredentialStore::writeFinished, &loop,
                     [&](const QString &, const QString &e) {
                         error = e;
                         loop.quit();
                     });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    keychain.write(AppSession::accountKey(kServer, kEmail), QStringLiteral("bench-token"));
    loop.exec();
    if (!error.isEmpty())
        qFatal("cannot keep the token in the keychain: %s", qPrintable(error));
}

struct Run {
    double ms = 0;     // process start to the first paint with rows
    double mainMs = 0; // main() to the first paint
    double rssMiB = 0; // peak RSS at the first paint
    double cpuMs = 0;  // CPU time of all its threads until then (less noisy on a busy machine)
};

Run launch(const QString &program, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ONSITE_BENCH_FIRST_PAINT"), QStringLiteral("1"));
    if (!env.contains(QStringLiteral("DISPLAY")) &&
        !env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    const qint64 started = epochUs();
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        qFatal("%s did not paint and quit within 60 s", qPrintable(program));
    }
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    const qsizetype at = text.indexOf(QStringLiteral("first-paint "));
    if (at < 0)
        qFatal("%s printed no first paint:\n%s\n%s", qPrintable(program), qPrintable(text),
               p.readAllStandardError().constData());
    Run r;
    for (const QString &field : text.mid(at).section(QLatin1Char('\n'), 0, 0).split(' ')) {
        const QString name = field.section(QLatin1Char('='), 0, 0);
        const double value = field.section(QLatin1Char('='), 1).toDouble();
        if (name == QLatin1String("epoch_us"))
            r.ms = (value - double(started)) / 1000.0;
        else if (name == QLatin1String("main_ms"))
            r.mainMs = value;
        else if (name == QLatin1String("cpu_ms"))
            r.cpuMs = value;
        else if (name == QLatin1String("peak_rss_kib"))
            r.rssMiB = value / 1024.0;
    }
    return r;
}

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty()    ? 0
           : v.size() % 2 ? v.at(v.size() / 2)
                          : (v.at(v.size() / 2 - 1) + v.at(v.size() / 2)) / 2;
}

void printRun(const char *what, int i, const Run &r)
{
    out << "  " << what << " run " << i << ": " << QString::number(r.ms, 'f', 1)
        << " ms (main() to paint " << QString::number(r.mainMs, 'f', 1) << " ms, CPU "
        << QString::number(r.cpuMs, 'f', 0) << " ms), peak RSS "
        << QString::number(r.rssMiB, 'f', 1) << " MiB\n"
        << Qt::flush;
}

int measure(const QString &cache, int runs)
{
    // ONSITE_COLDSTART_APP: another build of the app to measure (an earlier commit's, say).
    const QString app =
        qEnvironmentVariable("ONSITE_COLDSTART_APP", QStringLiteral(ONSITE_APP_BIN));
    const QString bare = QStringLiteral(ONSITE_BARE_TABLE_BIN);
    launch(app, {}); // warm-up pair: file cache, fontconfig cache
    launch(bare, {cache});
    QVector<double> appMs, appRss, appCpu, bareMs, bareRss, bareCpu;
    for (int i = 1; i <= runs; ++i) {
        const Run a = launch(app, {});
        printRun("onsite          ", i, a);
        const Run b = launch(bare, {cache});
        printRun("bench_bare_table", i, b);
        appMs << a.ms;
        appRss << a.rssMiB;
        appCpu << a.cpuMs;
        bareMs << b.ms;
        bareRss << b.rssMiB;
        bareCpu << b.cpuMs;
    }
    const double ratio = median(appMs) / median(bareMs);
    const double rss = median(appRss);
    out << "cold start to a painted dashboard (" << runs << " interleaved pairs, medians):\n"
        << "  onsite:           " << QString::number(median(appMs), 'f', 1) << " ms, peak RSS "
        << QString::number(rss, 'f', 1) << " MiB, CPU " << QString::number(median(appCpu), 'f', 0)
        << " ms\n"
        << "  bare Qt table:    " << QString::number(median(bareMs), 'f', 1) << " ms, peak RSS "
        << QString::number(median(bareRss), 'f', 1) << " MiB, CPU "
        << QString::number(median(bareCpu), 'f', 0) << " ms\n"
        << "  ratio:            " << QString::number(ratio, 'f', 2) << "x (CPU "
        << QString::number(median(appCpu) / median(bareCpu), 'f', 2) << "x)\n"
        << "  target <= 2x:     " << (ratio <= 2.0 ? "met" : "MISSED") << "\n"
        << "  target <= 80 MB:  " << (rss * 1024 * 1024 <= 80e6 ? "met" : "MISSED") << "\n"
        << Qt::flush;
    return ratio <= 2.0 && rss * 1024 * 1024 <= 80e6 ? 0 : 1;
}

// Everything from here on runs inside a private D-Bus session with an unlocked keyring, in a
// temporary HOME: the bench re-runs itself there.
int inKeyringSession(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    for (const char *tool : {"dbus-run-session", "gnome-keyring-daemon"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            qFatal("%s is needed (the app reads its token from a system keychain)", tool);
    QTemporaryDir root;
    for (const char *dir : {"home", "runtime", "config", "data", "cache", "tmp"})
        QDir(root.path()).mkpath(QString::fromLatin1(dir));
    QFile::setPermissions(root.filePath(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ONSITE_BENCH_ROOT"), root.path());
    env.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), root.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), root.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), root.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("TMPDIR"), root.filePath(QStringLiteral("tmp")));
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(QStringLiteral("dbus-run-session"),
            QStringList{QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("printf onsite-bench | gnome-keyring-daemon --unlock "
                                       "--components=secrets >/dev/null && exec \"$0\" \"$@\""),
                        QCoreApplication::applicationFilePath()} +
                QCoreApplication::arguments().mid(1));
    p.waitForFinished(-1);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : 2;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("ONSITE_BENCH_ROOT"))
        return inKeyringSession(argc, argv);
    QCoreApplication app(argc, argv);
    // The app's names, so settings and the data folder are the ones it reads.
    QCoreApplication::setOrganizationName(QStringLiteral("Onsite"));
    QCoreApplication::setApplicationName(QStringLiteral("onsite"));
    const QStringList args = QCoreApplication::arguments();
    const int n = args.size() > 1 ? args.at(1).toInt() : 10000;
    const int runs = args.size() > 2 ? args.at(2).toInt() : 7;
    out << "Writing a cache of " << n << " assignments...\n" << Qt::flush;
    const QString cache = writeCache(n);
    out << "  " << QFileInfo(cache).size() / 1e6 << " MB\n" << Qt::flush;
    signInOffline();
    return measure(cache, runs);
}
