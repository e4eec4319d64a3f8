#pragma once

#include <QDateTime>
#include <QString>

namespace onsite::server {

// One tus upload as the server keeps it: a row in `uploads` and, until it completes, a partial
// file named by the server under <files>/partial.
struct UploadRow {
    QString id; // server-made, 32 hex characters; also the stored file's name
    qint64 workerId = 0;
    qint64 assignmentId = 0;
    QString requirementId;
    QString kind;
    QString filename; // the worker's name, sanitised; never used as a path
    QString deliverableId;
    QString sha256; // of the whole file, hex, as the client announced it
    qint64 length = 0;
    qint64 offset = 0;
    QDateTime expiresAt;
    bool completed = false;
    QString result; // the deliverable the upload became (may be an earlier one with equal bytes)
};

} // namespace onsite::server
