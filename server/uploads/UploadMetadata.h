#pragma once

#include "ApiError.h"
#include "Enums.h"

#include <QMap>
#include <QString>
#include <optional>

namespace onsite::server {

// A new upload's Upload-Metadata and Upload-Length, checked before anything is stored:
// assignment_id, requirement_id, kind, filename, sha256, [deliverable_id].
struct UploadMetadata {
    qint64 assignmentId = 0;
    QString requirementId;
    QString kindText;
    DeliverableKind kind = DeliverableKind::Other;
    QString filename; // sanitised
    QString sha256;   // lower-case hex
    QString deliverableId;
    bool forMessage = false; // kind "message": requirementId is the message's id
    qint64 length = 0;

    // nullopt with *err (400, 413 or 415) when the metadata or the length are refused.
    static std::optional<UploadMetadata> parse(const QMap<QString, QString> &meta, qint64 length,
                                               ApiError *err);
};

} // namespace onsite::server
