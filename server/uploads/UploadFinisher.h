#pragma once

#include "ApiError.h"
#include "Assignment.h"
#include "UploadRow.h"

#include <optional>

namespace onsite::server {

// Turns an upload whose bytes are all there into a deliverable: the whole file's SHA-256 is
// checked (a mismatch starts the upload over), the file moves into the store, and the
// deliverable is added in the same transaction that marks the upload complete. The same bytes
// for the same requirement are kept once.
class UploadFinisher
{
public:
    static std::optional<UploadRow> finish(const UploadRow &row, const QDateTime &now,
                                           ApiError *err);

private:
    static bool verifyAndStore(const UploadRow &row, ApiError *err);
    static std::optional<UploadRow> finishedElsewhere(const UploadRow &row, ApiError *err);
    static std::optional<UploadRow> record(const UploadRow &in, const QDateTime &now,
                                           ApiError *err);
    static bool addFile(Assignment &a, const UploadRow &row, const QDateTime &now, QString *fileId);
    static Deliverable newDeliverable(const QString &id, const UploadRow &row,
                                      const QDateTime &now);
};

} // namespace onsite::server
