#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace onsite::server {

// Command line of onsite-server. Defaults: loopback, a data directory in the user's data
// location, SQLite inside it.
struct ServerConfig {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8750;
    QString databaseUrl; // sqlite:PATH or postgresql://user:pass@host:port/db
    QString filesDir;
    bool demo = false;
    // Handler threads (--threads): twice the cores, at least 4. A handler waits only on its
    // own database statements (the wait for PostgreSQL's version holds no thread), so more
    // threads than that only contend for the cores with the database; a database far away
    // over the network may want more.
    int threads = defaultThreads();
    qint64 maxJsonBody = 1024 * 1024;
    // A connection with nothing to do (between requests, or stalled in one) is closed after
    // this; headers must arrive within it. --idle-timeout SECONDS.
    int idleTimeoutSec = 60;
    // Open connections at most; 0: as many as the descriptor limit allows. --max-connections.
    int maxConnections = 0;
    // Sessions end after this long unused, and this long after sign-in whatever the use.
    // --session-idle-days, --session-max-days.
    int sessionIdleDays = 30;
    int sessionMaxDays = 365;
    // Where workers' apps and calendar apps reach this server (https://onsite.example.com
    // behind nginx); --public-url or $ONSITE_PUBLIC_URL; empty: the address it listens on.
    QString publicUrl;
    QString phoneSecret;   // shared with the phone system; --phone-secret or $ONSITE_PHONE_SECRET
    QStringList adminArgs; // non-empty: run `admin` with these and exit

    // false with *error when the arguments are wrong; *exitNow for --help/--version.
    static bool parse(const QStringList &args, ServerConfig *out, QString *error, bool *exitNow);
    static QString usage();
    static int defaultThreads();
};

} // namespace onsite::server
