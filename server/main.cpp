#include "AdminCommand.h"
#include "ApiHandlers.h"
#include "Database.h"
#include "DemoSeeder.h"
#include "HttpRoutes.h"
#include "Listener.h"
#include "MemoryTrimmer.h"
#include "PhoneEvents.h"
#include "Secrets.h"
#include "ServerConfig.h"
#include "Sessions.h"
#include "UploadStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostInfo>
#include <QTextStream>
#include <QTimer>
#include <csignal>
#include <sys/stat.h>

using namespace onsite::server;

namespace {
void quitOnSignal(int)
{
    QCoreApplication::quit();
}
} // namespace

int main(int argc, char *argv[])
{
    // The database, its WAL and the workers' files are private to the server's user: created
    // 0600 and folders 0700, whatever the shell's umask. (The server is Linux-first.)
    ::umask(0077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onsite-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ONSITE_VERSION));
    QTextStream err(stderr);
    QTextStream out(stdout);

    ServerConfig config;
    QString error;
    bool exitNow = false;
    if (!ServerConfig::parse(app.arguments(), &config, &error, &exitNow)) {
        err << error << "\n";
        return 2;
    }
    if (exitNow)
        return 0;
    if (!Secrets::init()) {
        err << "libsodium failed to initialise\n";
        return 1;
    }
    if (!Database::configure(config.databaseUrl, &error) || !Database::migrate(&error)) {
        err << error << "\n";
        return 1;
    }
    if (!config.adminArgs.isEmpty())
        return AdminCommand::run(config.adminArgs);

    UploadStore::setFilesDir(config.filesDir);
    if (config.demo && config.phoneSecret.isEmpty())
        config.phoneSecret = QStringLiteral("demo-phone-secret");
    PhoneEvents::setSecret(config.phoneSecret);
    if (config.demo)
        out << "Phone webhook secret: " << config.phoneSecret
            << " (simulate a call: scripts/simulate-call.sh)\n";
    if (config.demo) {
        QList<QPair<QString, QString>> tokens;
        if (!DemoSeeder::seed(QDateTime::currentDateTimeUtc(), &tokens, &error)) {
            err << "demo: " << error << "\n";
            return 1;
        }
        out << "Demo workers: alex@demo.onsite, blair@demo.onsite (password onsite-demo)\n";
        for (const auto &t : tokens)
            out << "Demo company token (" << t.first << "): " << t.second << "\n";
    }

    HttpRoutes server(config.threads, config.maxJsonBody);
    // Our own listening socket (see Listener): accept queue, connection cap, idle timeouts,
    // bodies judged before they are read.
    const int fit = Listener::connectionsThatFit();
    auto *tcp = new Listener(&server, config.maxConnections ? config.maxConnections : fit,
                             config.idleTimeoutSec * 1000, &server);
    const quint16 port = tcp->start(config.address, config.port) ? tcp->serverPort() : 0;
    if (port)
        server.bind(tcp);
    if (!port) {
        err << "Cannot listen on " << config.address.toString() << ":" << config.port << "\n";
        return 1;
    }
    const QString host = config.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(config.address.toString())
                             : config.address.toString();
    // Listening on every address, the machine's name is the best guess at how it is reached.
    const QString reachable = config.address == QHostAddress::AnyIPv4 ||
                                      config.address == QHostAddress::AnyIPv6 ||
                                      config.address == QHostAddress::Any
                                  ? QHostInfo::localHostName()
                                  : host;
    ApiHandlers::setPublicUrl(config.publicUrl.isEmpty()
                                  ? QStringLiteral("http://%1:%2").arg(reachable).arg(port)
                                  : config.publicUrl);
    // Expired uploads, files of removed deliverables, ended sessions and old sign-in failures
    // go at start and every hour, on the pool.
    QTimer cleaner;
    Sessions::setLifetimes(config.sessionIdleDays * Sessions::kDayMs,
                           config.sessionMaxDays * Sessions::kDayMs);
    auto clean = [&server] {
        server.pool()->start([] {
            UploadStore::clean(QDateTime::currentDateTimeUtc());
            Sessions::clean(Database::nowMs());
        });
    };
    QObject::connect(&cleaner, &QTimer::timeout, &cleaner, clean);
    cleaner.start(3600 * 1000);
    clean();
    MemoryTrimmer trimmer([&server, tcp] { return server.answered() + tcp->accepted(); }, 2000);
    out << "Listening on http://" << host << ":" << port << "\n";
    out.flush();
    std::signal(SIGTERM, quitOnSignal);
    std::signal(SIGINT, quitOnSignal);
    const int rc = app.exec();
    server.pool()->waitForDone();
    return rc;
}
