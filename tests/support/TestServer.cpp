#include "TestServer.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace onsite::test {

TestServer::TestServer(bool demo) : m_demo(demo), m_server(std::make_unique<EmbeddedServer>())
{
    m_server->setLogFile(m_dir.filePath(QStringLiteral("server.log")));
    m_server->setProgram(QStringLiteral(ONSITE_SERVER_BIN));
}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::usingPostgres()
{
    return qEnvironmentVariable("ONSITE_TEST_DB") == QLatin1String("postgres");
}

QVariant TestServer::sql(const QString &statement, const QVariantList &values)
{
    // What an operator would do with sqlite3 or psql: reach into the server's database.
    const QString name = QStringLiteral("onsite_test_sql");
    QVariant result;
    {
        const bool pg = m_dbUrl.startsWith(QLatin1String("postgresql:"));
        QSqlDatabase db = QSqlDatabase::addDatabase(
            pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (pg) {
            const QUrl url(m_dbUrl);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
        } else {
            db.setDatabaseName(m_dbUrl.mid(int(strlen("sqlite:"))));
        }
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(statement);
            for (const QVariant &v : values)
                q.addBindValue(v);
            if (q.exec())
                result = q.next() ? q.value(0) : QVariant(q.numRowsAffected());
            else
                m_error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

bool TestServer::createPostgresDatabase()
{
    const QUrl admin(qEnvironmentVariable(
        "ONSITE_TEST_PG_URL", QStringLiteral("postgresql://postgres@127.0.0.1:55432/postgres")));
    const QString name =
        QStringLiteral("onsite_test_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(admin.host());
        db.setPort(admin.port(5432));
        db.setUserName(admin.userName());
        db.setPassword(admin.password());
        db.setDatabaseName(admin.path().mid(1));
        if (!db.open()) {
            m_error = QStringLiteral("PostgreSQL at %1 is not reachable: %2")
                          .arg(admin.toString(), db.lastError().text());
            return false;
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
            m_error = q.lastError().text();
            return false;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    QUrl url = admin;
    url.setPath(QLatin1Char('/') + name);
    m_dbUrl = url.toString();
    return true;
}

bool TestServer::start()
{
    if (m_dbUrl.isEmpty()) {
        if (usingPostgres()) {
            if (!createPostgresDatabase())
                return false;
        } else {
            m_dbUrl = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.sqlite"));
        }
    }
    // Any free port the first time; the same one after restart(), as a real server would be.
    QStringList args{QStringLiteral("--listen"),  QStringLiteral("127.0.0.1:%1").arg(m_port),
                     QStringLiteral("--db"),      m_dbUrl,
                     QStringLiteral("--files"),   m_dir.filePath(QStringLiteral("files")),
                     QStringLiteral("--threads"), QStringLiteral("4")};
    if (m_demo)
        args << QStringLiteral("--demo");
    args << m_extraArgs;
    if (!m_launcher.isEmpty()) {
        // e.g. prlimit, which runs the server in its own process (exec), limits applied.
        m_server->setProgram(m_launcher.first());
        args = m_launcher.mid(1) + QStringList{QStringLiteral(ONSITE_SERVER_BIN)} + args;
    }
    m_server->setLogFile(m_dir.filePath(QStringLiteral("server.log")));
    m_server->start(args);
    if (!m_server->waitUntilReady(60000)) {
        m_error = QStringLiteral("onsite-server did not start: ") + m_server->output();
        return false;
    }
    m_port = m_server->url().port();
    return true;
}

void TestServer::stop()
{
    m_server->stop();
}

bool TestServer::restart()
{
    stop();
    m_port = m_server->url().port();
    m_server = std::make_unique<EmbeddedServer>();
    m_server->setProgram(QStringLiteral(ONSITE_SERVER_BIN));
    return start();
}

QString TestServer::admin(const QStringList &args, int *exitCode, const QByteArray &stdinData)
{
    QProcess p;
    p.start(QStringLiteral(ONSITE_SERVER_BIN),
            QStringList{QStringLiteral("admin"), QStringLiteral("--db"), m_dbUrl,
                        QStringLiteral("--files"), m_dir.filePath(QStringLiteral("files"))} +
                args);
    p.waitForStarted();
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

} // namespace onsite::test

namespace onsite::test {

QString TestServer::output() const
{
    QFile log(m_dir.filePath(QStringLiteral("server.log")));
    log.open(QIODevice::ReadOnly);
    return m_server->output() + QString::fromUtf8(log.readAll());
}

TestServer &TestServer::shared()
{
    static TestServer s;
    static const bool started = s.start();
    if (!started)
        FAIL("server did not start: " << s.lastError().toStdString());
    return s;
}

} // namespace onsite::test
