#pragma once

#include <QObject>
#include <QProcess>
#include <QUrl>

namespace onsite {

// Runs the bundled onsite-server on a free loopback port for `onsite --demo` and for tests,
// and stops it with its owner. The server prints "Listening on URL" once it accepts requests.
class EmbeddedServer : public QObject
{
    Q_OBJECT
public:
    explicit EmbeddedServer(QObject *parent = nullptr);
    ~EmbeddedServer() override;

    // The onsite-server beside this executable, else the one on PATH.
    static QString defaultProgram();

    void setProgram(const QString &program) { m_program = program; }
    // Where the server's stderr (its access log and errors) goes; by default a file in the
    // temporary directory. Only stdout, a few lines at start, comes through a pipe, so a
    // server that logs a lot never blocks on a pipe nobody reads.
    void setLogFile(const QString &path) { m_logFile = path; }
    QString logFile() const { return m_logFile; }
    void start(const QStringList &arguments);
    bool waitUntilReady(int timeoutMs = 30000);
    void stop();

    QUrl url() const { return m_url; }
    QUrl apiBase() const;
    QString companyToken() const { return m_companyToken; }
    QString output() const { return m_output; }
    QProcess *process() { return &m_process; }

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &message);

private:
    void onOutput();

    QString m_program;
    QProcess m_process;
    QUrl m_url;
    QString m_companyToken;
    QString m_output;
    QByteArray m_pending;
    QString m_logFile;
};

} // namespace onsite
