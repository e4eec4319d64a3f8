#include "ServerRun.h"

#include "ApiHandlers.h"
#include "Database.h"
#include "DemoSeeder.h"
#include "HttpRoutes.h"
#include "Listener.h"
#include "MemoryTrimmer.h"
#include "PhoneEvents.h"
#include "Sessions.h"
#include "SnapshotWatch.h"
#include "UploadStore.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <csignal>

namespace onsite::server {
namespace {

void quitOnSignal(int)
{
    QCoreApplication::quit();
}

} // namespace

ServerRun::ServerRun(const ServerConfig &config) : m_config(config) {}

ServerRun::~ServerRun() = default;

bool ServerRun::prepare(QTextStream &out, QTextStream &err)
{
    UploadStore::setFilesDir(m_config.filesDir);
    if (m_config.demo && m_config.phoneSecret.isEmpty())
        m_config.phoneSecret = QStringLiteral("demo-phone-secret");
    PhoneEvents::setSecret(m_config.phoneSecret);
    if (!m_config.demo)
        return true;
    out << "Phone webhook secret: " << m_config.phoneSecret
        << " (simulate a call: scripts/simulate-call.sh)\n";
    return seedDemo(out, err);
}

bool ServerRun::seedDemo(QTextStream &out, QTextStream &err)
{
    QList<QPair<QString, QString>> tokens;
    QString error;
    if (!DemoSeeder::seed(QDateTime::currentDateTimeUtc(), &tokens, &error)) {
        err << "demo: " << error << "\n";
        return false;
    }
    out << "Demo workers: alex@demo.onsite, blair@demo.onsite (password onsite-demo)\n";
    for (const auto &t : tokens)
        out << "Demo company token (" << t.first << "): " << t.second << "\n";
    return true;
}

bool ServerRun::start(QTextStream &out, QTextStream &err)
{
    const quint16 port = listen();
    if (!port) {
        err << "Cannot listen on " << m_config.address.toString() << ":" << m_config.port << "\n";
        return false;
    }
    setPublicUrl(port);
    startCleaner();
    MemoryTrimmer::keepFreedWhileBusy();
    m_trimmer = std::make_unique<MemoryTrimmer>(
        [routes = m_routes.get(), tcp = m_tcp] { return routes->answered() + tcp->accepted(); },
        2000);
    out << "Listening on http://" << host() << ":" << port << "\n";
    out.flush();
    return true;
}

int ServerRun::exec()
{
    std::signal(SIGTERM, quitOnSignal);
    std::signal(SIGINT, quitOnSignal);
    const int rc = QCoreApplication::exec();
    // Requests waiting for a snapshot are let go before the pool is waited for.
    SnapshotWatch::stop();
    m_routes->pool()->waitForDone();
    return rc;
}

// Our own listening socket (see Listener): accept queue, connection cap, idle timeouts, bodies
// judged before they are read. 0: not listening.
quint16 ServerRun::listen()
{
    m_routes = std::make_unique<HttpRoutes>(m_config.threads, m_config.maxJsonBody);
    const int fit = Listener::connectionsThatFit();
    m_tcp = new Listener(m_routes.get(), m_config.maxConnections ? m_config.maxConnections : fit,
                         m_config.idleTimeoutSec * 1000, m_routes.get());
    const quint16 port = m_tcp->start(m_config.address, m_config.port) ? m_tcp->serverPort() : 0;
    if (port)
        m_routes->bind(m_tcp);
    return port;
}

QString ServerRun::host() const
{
    return m_config.address.protocol() == QAbstractSocket::IPv6Protocol
               ? QStringLiteral("[%1]").arg(m_config.address.toString())
               : m_config.address.toString();
}

void ServerRun::setPublicUrl(quint16 port)
{
    // Listening on every address, the machine's name is the best guess at how it is reached.
    const QHostAddress &a = m_config.address;
    const QString reachable =
        a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6 || a == QHostAddress::Any
            ? QHostInfo::localHostName()
            : host();
    ApiHandlers::setPublicUrl(m_config.publicUrl.isEmpty()
                                  ? QStringLiteral("http://%1:%2").arg(reachable).arg(port)
                                  : m_config.publicUrl);
}

// Expired uploads, files of removed deliverables, ended sessions and old sign-in failures go
// at start and every hour, on the pool.
void ServerRun::startCleaner()
{
    Sessions::setLifetimes(m_config.sessionIdleDays * Sessions::kDayMs,
                           m_config.sessionMaxDays * Sessions::kDayMs);
    auto clean = [routes = m_routes.get()] {
        routes->pool()->start([] {
            UploadStore::clean(QDateTime::currentDateTimeUtc());
            Sessions::clean(Database::nowMs());
        });
    };
    QObject::connect(&m_cleaner, &QTimer::timeout, &m_cleaner, clean);
    m_cleaner.start(3600 * 1000);
    clean();
}

} // namespace onsite::server
