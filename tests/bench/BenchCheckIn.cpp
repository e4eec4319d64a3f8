// One change followed from the worker's click to the server's answer stored in the app's cache,
// the way the app does it: the real window and controller, the real server (in this process, on
// loopback, SQLite) behind a pass-through proxy that counts the bytes of every exchange.
// For a check-in and then a check-out it prints, per step and per side, how many whole
// assignment documents were decoded and encoded (AssignmentCodec, counted by CodecCounters),
// the requests and bytes, and the dashboard refreshes.
// Target (issue 13): per change, at most one decode and one encode on each side for each step,
// one dashboard refresh, and the change feed's copy of the answered document left undecoded.
// Exits 1 if not.
// Run by hand: build/bin/bench_checkin
#include "AppController.h"
#include "AppSession.h"
#include "AssignmentActions.h"
#include "AssignmentPage.h"
#include "Clock.h"
#include "CodecCounters.h"
#include "Database.h"
#include "DemoSeeder.h"
#include "FaultProxy.h"
#include "HttpRoutes.h"
#include "Listener.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "MessageBox.h"
#include "Rules.h"
#include "Secrets.h"
#include "UploadStore.h"

#include <QApplication>
#include <QPushButton>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <functional>

using namespace onsite;
using namespace onsite::server;

namespace {

QTextStream out(stdout);

bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QTest::qWait(5);
    }
    return true;
}

// Every server request-pool thread counts for the server: all of them are started and marked
// at once, and never expire.
void markServerPool(QThreadPool *pool)
{
    pool->setExpiryTimeout(-1);
    const int n = pool->maxThreadCount();
    QSemaphore started;
    QSemaphore release;
    QSemaphore finished;
    for (int i = 0; i < n; ++i)
        pool->start([&] {
            CodecCounters::markThisThread(CodecCounters::Side::Server);
            started.release();
            release.acquire();
            finished.release();
        });
    started.acquire(n); // n tasks running at once: n threads, each marked
    release.release(n);
    finished.acquire(n); // (not waitForDone(): that would end the marked threads)
}

struct Snapshot {
    CodecCounters::Counts client;
    CodecCounters::Counts server;
    int transfers = 0;
    int reloads = 0;
};

struct Step {
    QString name;
    CodecCounters::Counts client;
    CodecCounters::Counts server;
    QList<test::FaultProxy::Transfer> transfers;
    int reloads = 0;
};

class Meter
{
public:
    Meter(test::FaultProxy *proxy, const int *reloads) : m_proxy(proxy), m_reloads(reloads) {}
    Snapshot now() const
    {
        return {CodecCounters::read(CodecCounters::Side::Client),
                CodecCounters::read(CodecCounters::Side::Server), int(m_proxy->transfers().size()),
                *m_reloads};
    }
    Step since(const QString &name, const Snapshot &s) const
    {
        const Snapshot e = now();
        return {name,
                {e.client.decodes - s.client.decodes, e.client.encodes - s.client.encodes},
                {e.server.decodes - s.server.decodes, e.server.encodes - s.server.encodes},
                m_proxy->transfers().mid(s.transfers),
                e.reloads - s.reloads};
    }
    // Quiet: no exchange and no dashboard refresh for `ms`.
    void settle(int ms = 400) const
    {
        Snapshot last = now();
        QElapsedTimer quiet;
        quiet.start();
        while (quiet.elapsed() < ms) {
            QTest::qWait(20);
            const Snapshot s = now();
            if (s.transfers != last.transfers || s.reloads != last.reloads ||
                s.client.decodes != last.client.decodes) {
                last = s;
                quiet.restart();
            }
        }
    }

private:
    test::FaultProxy *m_proxy;
    const int *m_reloads;
};

void print(const Step &s)
{
    QStringList requests;
    for (const auto &t : s.transfers)
        requests << QStringLiteral("%1 (%2 B up, %3 B down)")
                        .arg(t.request.section(QLatin1Char('?'), 0, 0))
                        .arg(t.up)
                        .arg(t.down);
    out << QStringLiteral("  %1 client %2 dec %3 enc | server %4 dec %5 enc | %6 refresh | %7\n")
               .arg(s.name, -36)
               .arg(s.client.decodes)
               .arg(s.client.encodes)
               .arg(s.server.decodes)
               .arg(s.server.encodes)
               .arg(s.reloads)
               .arg(requests.isEmpty() ? QStringLiteral("no request")
                                       : requests.join(QStringLiteral(", ")));
}

bool startServer(const QString &dir, HttpRoutes *routes, quint16 *port)
{
    QString error;
    if (!Secrets::init() ||
        !Database::configure(QStringLiteral("sqlite:") + dir + QStringLiteral("/server.sqlite"),
                             &error) ||
        !Database::migrate(&error)) {
        out << "server database: " << error << "\n";
        return false;
    }
    UploadStore::setFilesDir(dir + QStringLiteral("/files"));
    QList<QPair<QString, QString>> tokens;
    if (!DemoSeeder::seed(QDateTime::currentDateTimeUtc(), &tokens, &error)) {
        out << "demo: " << error << "\n";
        return false;
    }
    auto *tcp = new Listener(routes, 64, 60000, routes);
    if (!tcp->start(QHostAddress::LocalHost, 0))
        return false;
    routes->bind(tcp);
    *port = tcp->serverPort();
    return true;
}

// What the app's signals have counted so far.
struct Counts {
    int reloads = 0;
    int syncs = 0;
    int recorded = 0;
};

// Signs Alex in through the proxy and waits for the first sync.
bool signIn(AppController &controller, const test::FaultProxy &proxy, const Counts &counts)
{
    controller.setSyncIntervalSecs(3600); // only the syncs this program starts
    controller.signIn(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort())),
                      QStringLiteral("alex@demo.onsite"), QStringLiteral("onsite-demo"));
    if (!waitFor([&] { return counts.syncs > 0; }, 60000)) {
        out << "the first sync did not finish\n";
        return false;
    }
    return true;
}

// The first assignment the rules let Alex check in to now.
std::optional<Assignment> checkInTarget(AppController &controller)
{
    std::optional<Assignment> target;
    for (const Assignment &a : controller.session()->reader()->assignments())
        if (Rules::checkInBlocker(a).isEmpty() && !target)
            target = a;
    return target;
}

// Clicks `button` on the page and follows the change to the answer stored: three steps
// (click to committed, answer stored, the whole change) appended to *steps.
bool followChange(const QString &button, MainWindow &window, const Meter &meter,
                  const Counts &counts, QList<Step> *steps)
{
    QPushButton *click = nullptr;
    for (QPushButton *b : window.page()->findChildren<QPushButton *>())
        if (b->accessibleName() == button && b->isVisible())
            click = b;
    if (!click) {
        out << "no visible '" << button << "' button on the page\n";
        return false;
    }
    MessageBox::setNextAnswer(QMessageBox::Yes); // "outside the window: check in anyway?"
    const int syncsBefore = counts.syncs;
    const int recordedBefore = counts.recorded;
    const Snapshot start = meter.now();
    click->click();
    if (!waitFor([&] { return counts.recorded > recordedBefore; }, 10000)) {
        out << button << ": not recorded\n";
        return false;
    }
    QTest::qWait(0);
    *steps << meter.since(button + QStringLiteral(": click to committed"), start);
    const Snapshot pushed = meter.now();
    if (!waitFor([&] { return counts.syncs > syncsBefore; }, 30000)) {
        out << button << ": the sync did not finish\n";
        return false;
    }
    meter.settle();
    *steps << meter.since(button + QStringLiteral(": answer stored, feed read"), pushed);
    Step whole = meter.since(button + QStringLiteral(": the whole change"), start);
    *steps << whole;
    return true;
}

// Per change: each step at most one decode and one encode per side, one refresh, and no
// change-feed page carrying a document back.
bool targetMet(const QList<Step> &steps)
{
    bool met = true;
    for (int i = 0; i < steps.size(); i += 3) {
        const Step &click = steps.at(i);
        const Step &answer = steps.at(i + 1);
        const Step &whole = steps.at(i + 2);
        for (const Step *s : {&click, &answer})
            met = met && s->client.decodes <= 1 && s->client.encodes <= 1 &&
                  s->server.decodes <= 1 && s->server.encodes <= 1;
        met = met && whole.reloads == 1;
    }
    return met;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    HttpRoutes routes(2, 1 << 20);
    quint16 port = 0;
    if (!startServer(dir.path(), &routes, &port))
        return 1;
    markServerPool(routes.pool());
    test::FaultProxy proxy(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
    if (!proxy.start())
        return 1;

    SystemClock clock;
    MemoryCredentialStore credentials;
    MainWindow window(&clock);
    AppController controller(&window, &credentials, dir.filePath(QStringLiteral("app")), &clock);
    Counts counts;
    QObject::connect(controller.session(), &AppSession::reloading, [&counts] { ++counts.reloads; });
    QObject::connect(&controller, &AppController::syncFinished, [&counts] { ++counts.syncs; });
    window.resize(1280, 860);
    window.show();
    if (!signIn(controller, proxy, counts))
        return 1;
    Meter meter(&proxy, &counts.reloads);
    meter.settle(1000);

    const std::optional<Assignment> target = checkInTarget(controller);
    if (!target) {
        out << "the demo world has no assignment to check in to\n";
        return 1;
    }
    controller.openAssignment(target->id);
    meter.settle();
    out << "One change, click to the server's answer stored (assignment #" << target->id
        << ", real window and server on loopback)\n";

    MessageBox::setUnattended(true);
    QList<Step> steps;
    QObject::connect(controller.actions(), &AssignmentActions::changeRecorded,
                     [&counts] { ++counts.recorded; });
    for (const QString &button : {QStringLiteral("Check in"), QStringLiteral("Check out")})
        if (!followChange(button, window, meter, counts, &steps))
            return 1;
    for (const Step &s : std::as_const(steps))
        print(s);

    const bool met = targetMet(steps);
    // The answer step holds the push and the next /changes page, which carries the same
    // revision again: one client decode there means the feed's copy was left undecoded.
    out << "target: <= 1 decode and <= 1 encode per side per step (the feed's copy of the "
           "answered document not decoded), 1 dashboard refresh per change: "
        << (met ? "met" : "MISSED") << "\n";
    out.flush();
    controller.signOut();
    return met ? 0 : 1;
}
