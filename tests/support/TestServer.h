#pragma once

#include "EmbeddedServer.h"

#include <QTemporaryDir>
#include <QUrl>
#include <QVariant>
#include <memory>

namespace onsite::test {

// A real onsite-server process on a free loopback port with the demo world, on SQLite in a
// temporary directory, or on a fresh database of the PostgreSQL named by $ONSITE_TEST_PG_URL
// when $ONSITE_TEST_DB is "postgres" (the CI run starts that PostgreSQL).
class TestServer
{
public:
    explicit TestServer(bool demo = true);
    ~TestServer();

    // Before start(): more command-line options, and a program that runs the server (its
    // arguments first, then the server's path and options).
    void setExtraArguments(const QStringList &args) { m_extraArgs = args; }
    void setLauncher(const QStringList &programAndArgs) { m_launcher = programAndArgs; }
    bool start();
    void stop();
    bool restart(); // same database and port
    QUrl url() const { return m_server->url(); }
    QUrl apiBase() const { return m_server->apiBase(); }
    QString companyToken() const { return m_server->companyToken(); }
    QString databaseUrl() const { return m_dbUrl; }
    QString filesDir() const { return m_dir.filePath(QStringLiteral("files")); }
    QString logPath() const { return m_dir.filePath(QStringLiteral("server.log")); }
    QString output() const; // what it printed, and its log
    QString lastError() const { return m_error; }
    EmbeddedServer *process() { return m_server.get(); }

    // Runs one statement on the server's database; the first column of the first row, or the
    // rows changed; invalid on error (lastError()).
    QVariant sql(const QString &statement, const QVariantList &values = {});

    static bool usingPostgres();
    // One demo server per test process, started on first use (fails the test if it cannot).
    static TestServer &shared();
    // Runs `onsite-server admin --db <this db> args...`, returns stdout; *exitCode set.
    QString admin(const QStringList &args, int *exitCode, const QByteArray &stdinData = {});

private:
    bool createPostgresDatabase();

    bool m_demo;
    QStringList m_extraArgs;
    QStringList m_launcher;
    int m_port = 0; // 0: any free port; kept across restart()
    QTemporaryDir m_dir;
    QString m_dbUrl;
    QString m_error;
    std::unique_ptr<EmbeddedServer> m_server;
};

} // namespace onsite::test
