#pragma once

#include <QByteArray>
#include <QString>

namespace onsite::server {

// The `deliverable_files` table: which stored file holds a file's bytes, and whose they are.
// Besides the worker's deliverables it holds the documents the client company attached
// (issue 14 §2), under their document id: both are files of an assignment, served by
// GET /files/{id} to that assignment's worker and company only.
class DeliverableFileTable
{
public:
    struct Record {
        QString deliverableId;
        qint64 assignmentId = 0;
        qint64 workerId = 0;
        QString storedName;
        qint64 size = 0;
        QString sha256;
        qint64 createdAtMs = 0;
    };
    static bool add(const Record &r);
    // *taken: some stored file already holds this deliverable id. false on a database error.
    static bool isTaken(const QString &deliverableId, bool *taken);

    // Stores bytes for a deliverable already in the document (demo data, imports), under a
    // server-made name.
    static bool store(qint64 workerId, qint64 assignmentId, const QString &deliverableId,
                      const QByteArray &content);
    // A deliverable's or document's stored file, for its worker (companyId 0) or its company
    // (workerId 0).
    static bool find(qint64 workerId, qint64 companyId, const QString &deliverableId, QString *path,
                     QString *filename, qint64 *size);
    // Forgets the files of deliverables no longer in their document (deliverable.remove) and
    // deletes them; returns how many.
    static int removeOrphans();
};

} // namespace onsite::server
