#pragma once

#include "ApiError.h"
#include "UploadRow.h"

#include <QStringList>
#include <optional>

namespace onsite::server {

// The `uploads` table. Every read takes the worker: another worker's upload is as unknown as
// a made-up id.
class UploadRows
{
public:
    // The worker's upload row (404 when there is none); with lock, held for update until the
    // caller's transaction ends.
    static std::optional<UploadRow> load(qint64 workerId, const QString &id, bool lock,
                                         ApiError *err);
    // The worker whose upload this is; 0 when there is none.
    static qint64 owner(const QString &id);
    // A new row, completed or not as `row` says, created `now`.
    static bool insert(const UploadRow &row, const QDateTime &now);
    // Records row.offset and row.expiresAt.
    static bool saveOffset(const UploadRow &row);
    // Back to byte 0 (the whole file's checksum did not match).
    static bool restart(const QString &id);
    static bool complete(const QString &id, const QString &resultDeliverable, const QDateTime &now);
    static bool remove(const QString &id);
    // Unfinished uploads expired before nowMs and finished ones completed before finishedBeforeMs.
    static QStringList stale(qint64 nowMs, qint64 finishedBeforeMs);
};

} // namespace onsite::server
