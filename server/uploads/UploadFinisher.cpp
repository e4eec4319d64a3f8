#include "UploadFinisher.h"

#include "AssignmentStore.h"
#include "Database.h"
#include "DeliverableFileTable.h"
#include "Enums.h"
#include "Rules.h"
#include "UploadFiles.h"
#include "UploadRows.h"

#include <QFile>
#include <QUuid>

namespace onsite::server {

std::optional<UploadRow> UploadFinisher::finish(const UploadRow &in, const QDateTime &now,
                                                ApiError *err)
{
    if (QFile::exists(UploadFiles::partialPath(in.id))) {
        if (!verifyAndStore(in, err))
            return std::nullopt;
    } else if (!QFile::exists(UploadFiles::storedPath(in.id))) {
        return finishedElsewhere(in, err);
    }
    return record(in, now, err);
}

bool UploadFinisher::verifyAndStore(const UploadRow &in, ApiError *err)
{
    const auto hash = UploadFiles::partialSha256(in.id);
    if (!hash) {
        *err = ApiError::internal();
        return false;
    }
    if (*hash != in.sha256.toLatin1()) {
        // The bytes are not the file the client announced: start over, keep nothing.
        Transaction tx;
        QFile::remove(UploadFiles::partialPath(in.id));
        if (!tx.ok() || !UploadRows::restart(in.id) || !tx.commit())
            *err = ApiError::internal();
        else
            *err = {460, QStringLiteral("checksum_mismatch"),
                    QStringLiteral("The whole file's SHA-256 does not match the one "
                                   "announced; the upload starts again from byte 0.")};
        return false;
    }
    if (!UploadFiles::moveToStore(in.id)) {
        *err = ApiError::internal();
        return false;
    }
    return true;
}

std::optional<UploadRow> UploadFinisher::finishedElsewhere(const UploadRow &in, ApiError *err)
{
    // Neither file: a finished upload another process already recorded, or lost bytes.
    ApiError ignored;
    auto again = UploadRows::load(in.workerId, in.id, false, &ignored);
    if (again && again->completed)
        return again;
    *err = ApiError::internal();
    return std::nullopt;
}

std::optional<UploadRow> UploadFinisher::record(const UploadRow &in, const QDateTime &now,
                                                ApiError *err)
{
    const QString stored = UploadFiles::storedPath(in.id);
    Transaction tx;
    if (!tx.ok()) {
        *err = ApiError::internal();
        return std::nullopt;
    }
    auto row = UploadRows::load(in.workerId, in.id, true, err);
    if (!row)
        return std::nullopt;
    if (row->completed)
        return row;
    Assignment a;
    bool found = false;
    const bool loaded = AssignmentStore::loadForUpdate(in.workerId, in.assignmentId, &a, &found);
    if (!loaded && found) {
        *err = ApiError::internal();
        return std::nullopt;
    }
    const bool forMessage = row->kind == QLatin1String("message");
    if (!found || (!forMessage && !Rules::isActive(a))) {
        // The assignment went away or was closed while the bytes travelled.
        UploadRows::remove(row->id);
        QFile::remove(stored);
        *err = found ? ApiError{409, QStringLiteral("read_only"),
                                QStringLiteral("This assignment is %1 and takes no more files.")
                                    .arg(Rules::statusText(a.status).toLower())}
                     : ApiError::notFound(QStringLiteral("assignment"));
        if (!tx.commit())
            *err = ApiError::internal();
        return std::nullopt;
    }
    QString resultId;
    if (forMessage) {
        for (const MessageFile &f : a.messageFiles)
            if ((f.sha256 == row->sha256 && f.messageId == row->requirementId) ||
                f.id == row->deliverableId)
                resultId = f.id;
    } else {
        for (const Deliverable &d : a.deliverables)
            if ((d.sha256 == row->sha256 && d.requirementId == row->requirementId) ||
                d.id == row->deliverableId)
                resultId = d.id;
    }
    const bool keepFile = resultId.isEmpty();
    bool ok = !keepFile || addFile(a, *row, now, &resultId);
    ok = ok && UploadRows::complete(row->id, resultId, now);
    if (!ok || !tx.commit()) {
        *err = ApiError::internal();
        return std::nullopt;
    }
    if (!keepFile)
        QFile::remove(stored); // the same bytes are already stored for this requirement
    row->completed = true;
    row->result = resultId;
    return row;
}

// A new deliverable (or message file) in the document and its stored file recorded; *fileId:
// its id (the upload's, unless a stored file already holds that one).
bool UploadFinisher::addFile(Assignment &a, const UploadRow &row, const QDateTime &now,
                             QString *fileId)
{
    QString id = row.deliverableId;
    bool taken = false;
    const bool ok = DeliverableFileTable::isTaken(id, &taken);
    if (taken)
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    *fileId = id;
    if (row.kind == QLatin1String("message"))
        a.messageFiles.append({id, row.requirementId, row.filename, row.length, row.sha256, now});
    else
        a.deliverables.append(newDeliverable(id, row, now));
    return ok && AssignmentStore::saveChanged(a, row.workerId) &&
           DeliverableFileTable::add(
               {id, a.id, row.workerId, row.id, row.length, row.sha256, now.toMSecsSinceEpoch()});
}

Deliverable UploadFinisher::newDeliverable(const QString &id, const UploadRow &row,
                                           const QDateTime &now)
{
    Deliverable d;
    d.id = id;
    d.requirementId = row.requirementId;
    d.kind = fromWire<DeliverableKind>(row.kind).value_or(DeliverableKind::Other);
    d.filename = row.filename;
    d.size = row.length;
    d.sha256 = row.sha256;
    d.uploadedAt = now;
    return d;
}

} // namespace onsite::server
