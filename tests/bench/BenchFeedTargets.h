// bench_server's workers and what wrk sends for them: the world seeded through `admin`, each
// worker signed in, its nothing-new and 100-document /changes paths, its open visit for the
// ops run, and the answers' bytes saved where nginx serves them from.
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace bench {

class FeedTargets
{
public:
    static constexpr int kWorkers = 16;
    static constexpr int kDocsPerWorker = 200;
    static constexpr int kPageSize = 100;

    FeedTargets(const QString &dbUrl, const QString &dir);
    void seed();
    // Signs every worker in and learns its paths; writes the wrk target files and nginx's
    // files. False when the server does not answer as expected.
    bool learn(const QUrl &server);

    QString nginxRoot() const;
    QString nothingNewTargets() const; // "PATH TOKEN" per worker
    QString pageTargets() const;       // "PATH TOKEN" per worker
    QString opsTargets() const;        // "TOKEN ID VISIT CHECK_IN NOW" per worker
    QString anyToken() const { return m_workers.value(0).token; }
    qint64 nothingNewBytes() const { return m_nothingNewBytes; }
    qint64 pageBytes() const { return m_pageBytes; }

private:
    struct Worker {
        QString email;
        QString visit;
        QString token;
        QString cursor;
        qint64 openAssignment = 0;
        QString checkIn;
    };
    bool learnWorker(const QUrl &server, Worker &w, bool saveAnswers);
    void writeTargets() const;

    QString m_db;
    QString m_dir;
    QList<Worker> m_workers;
    qint64 m_nothingNewBytes = 0;
    qint64 m_pageBytes = 0;
};

} // namespace bench
