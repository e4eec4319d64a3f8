#include "AdminCommand.h"
#include "Database.h"
#include "Secrets.h"
#include "ServerConfig.h"
#include "ServerRun.h"
#include "UploadStore.h"

#include <QCoreApplication>
#include <QTextStream>
#include <sys/stat.h>

using namespace onsite::server;

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
    if (!config.adminArgs.isEmpty()) {
        UploadStore::setFilesDir(config.filesDir); // `admin attach` stores a file
        return AdminCommand::run(config.adminArgs);
    }

    ServerRun run(config);
    if (!run.prepare(out, err) || !run.start(out, err))
        return 1;
    return run.exec();
}
