// The benchmarks' world: realistic assignment documents (two visits, a funds request, two
// deliverables each) and the admin steps that create a company, workers and their
// assignments in a server database. Linux; runs the onsite-server binary.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace bench {

// Document i of a worker's history: every third in progress, the rest paid, started i % 300
// days ago.
QJsonObject benchDocument(int i, qint64 workerId);
// An assignment in progress since an hour ago with one open visit `visitId` (check-in 30
// minutes ago): the one the ops benchmark edits.
QJsonObject openVisitDocument(qint64 workerId, const QString &visitId);

struct BenchWorker {
    qint64 id = 0;
    QString email;
};

class BenchWorld
{
public:
    // `onsite-server admin --db dbUrl` with the given program.
    BenchWorld(const QString &serverProgram, const QString &dbUrl, const QString &tempDir);
    QString createCompany(const QString &name);
    // A worker with kPassword.
    BenchWorker createWorker(const QString &email, const QString &name);
    // Imports `docs` (each with its worker_id) with their history, in one transaction.
    void importDocuments(const QString &companyId, const QList<QJsonObject> &docs);
    static constexpr const char *kPassword = "bench-password";

private:
    QString admin(const QStringList &args, const QByteArray &password = {});
    QString m_program;
    QString m_db;
    QString m_dir;
    int m_imports = 0;
};

} // namespace bench
