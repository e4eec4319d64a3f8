// bench_server's runs: a scratch database (a SQLite file, or a PostgreSQL database created
// and dropped), the real onsite-server on it, nginx beside it, and wrk against both,
// interleaved, with the medians printed beside their floors and targets.
#pragma once

#include "BenchHttp.h"
#include "StaticNginx.h"
#include "Wrk.h"

#include <QString>
#include <QTextStream>
#include <memory>

namespace bench {

class FeedTargets;

class ScratchDatabase
{
public:
    // Empty postgresUrl: a SQLite file in dir.
    ScratchDatabase(const QString &postgresUrl, const QString &dir);
    ~ScratchDatabase();
    QString url() const { return m_url; }
    QString label() const { return m_postgres.isEmpty() ? QStringLiteral("SQLite") : m_name; }
    bool isPostgres() const { return !m_postgres.isEmpty(); }
    // Ops whose outcome the database holds as applied.
    qint64 appliedOps() const;

private:
    QString query(const QString &sql, const QString &url) const;
    QString m_postgres;
    QString m_name;
    QString m_url;
    QString m_file;
};

class ServerRuns
{
public:
    ServerRuns(const ScratchDatabase &db, const QString &dir, int connections, int seconds,
               int rounds);
    bool startServer();
    bool startNginx(const FeedTargets &targets);
    QUrl serverUrl() const { return m_server.url(); }
    QString serverLog() const { return m_server.logTail(); }
    // Both /changes figures; true when their targets are met.
    bool measureFeed(const FeedTargets &targets, QTextStream &out);
    bool measureOps(const FeedTargets &targets, QTextStream &out);

private:
    struct Pair {
        WrkResult ours;
        WrkResult floor;
    };
    Pair feedPair(const QString &targetsFile, const QString &staticFile, const QString &token);
    bool report(QTextStream &out, const QString &what, const QList<Pair> &pairs, double minRatio,
                double maxP99);
    double sqliteCommitsPerSecond() const;

    const ScratchDatabase &m_db;
    QString m_dir;
    int m_connections;
    int m_seconds;
    int m_rounds;
    Server m_server;
    StaticNginx m_nginx;
};

} // namespace bench
