#pragma once

#include "ApiError.h"
#include "UploadRow.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <optional>

namespace onsite::server {

// The server side of resumable uploads (DESIGN §4): every method takes the worker and only
// sees that worker's uploads; bytes count only once they are on disk (fsynced) and their row
// says so; a finished upload becomes a deliverable in the same transaction that changes the
// assignment, and the same bytes for the same requirement are kept once.
class UploadStore
{
public:
    static constexpr qint64 kMaxSize = qint64(4) << 30;               // Tus-Max-Size
    static constexpr qint64 kExpiryMs = qint64(7) * 24 * 3600 * 1000; // after the last chunk

    static void setFilesDir(const QString &dir);
    static QString filesDir();

    // metadata: assignment_id, requirement_id, kind, filename, sha256, [deliverable_id]
    static std::optional<UploadRow> create(qint64 workerId, const QMap<QString, QString> &meta,
                                           qint64 length, const QDateTime &now, ApiError *err);
    // 404 when there is no such upload of this worker, 410 when it has expired. A complete
    // upload whose deliverable is not recorded yet (a crash in between) is finished here.
    static std::optional<UploadRow> find(qint64 workerId, const QString &id, const QDateTime &now,
                                         ApiError *err);
    // Appends a verified chunk at `offset` (409 when that is not the current offset), fsyncs it,
    // then records the new offset; the last chunk turns the upload into a deliverable. *ahead:
    // the 409 is for a chunk past the current offset (the one before it may still come).
    static std::optional<UploadRow> append(qint64 workerId, const QString &id, qint64 offset,
                                           const QByteArray &chunk, const QDateTime &now,
                                           ApiError *err, bool *ahead);
    static bool terminate(qint64 workerId, const QString &id, ApiError *err);
    // The worker whose upload this is; 0 when there is no such upload.
    static qint64 owner(const QString &id);
    // Removes expired uploads, old finished ones and files of removed deliverables.
    static int clean(const QDateTime &now);

    // Stores bytes for a deliverable already in the document (demo data, imports), under a
    // server-made name.
    static bool storeFile(qint64 workerId, qint64 assignmentId, const QString &deliverableId,
                          const QByteArray &content);
    // A deliverable's stored file, for its worker (companyId 0) or its company (workerId 0).
    static bool deliverableFile(qint64 workerId, qint64 companyId, const QString &deliverableId,
                                QString *path, QString *filename, qint64 *size);
};

} // namespace onsite::server
