#include "UploadStore.h"

#include "AcceptedFiles.h"
#include "AssignmentStore.h"
#include "Database.h"
#include "DeliverableFileTable.h"
#include "Enums.h"
#include "Rules.h"
#include "UploadFiles.h"
#include "UploadFinisher.h"
#include "UploadMetadata.h"
#include "UploadRows.h"

#include <QFile>

namespace onsite::server {
namespace {

ApiError gone()
{
    return {410, QStringLiteral("expired"), QStringLiteral("This upload expired; start it again.")};
}

// The worker's assignment, held for update, open for files and with the requirement asked for.
bool openAssignment(qint64 workerId, const UploadMetadata &m, bool txOk, Assignment *a,
                    ApiError *err)
{
    bool found = false;
    if (!txOk || (!AssignmentStore::loadForUpdate(workerId, m.assignmentId, a, &found) && found)) {
        *err = ApiError::internal();
        return false;
    }
    if (!found) {
        *err = ApiError::notFound(QStringLiteral("assignment"));
        return false;
    }
    if (m.forMessage)
        return true; // a thread takes files whatever the status, as it takes messages
    if (!Rules::isActive(*a)) {
        *err = {409, QStringLiteral("read_only"),
                QStringLiteral("This assignment is %1 and takes no more files.")
                    .arg(Rules::statusText(a->status).toLower())};
        return false;
    }
    if (m.requirementId.isEmpty())
        return true;
    const auto req =
        std::find_if(a->deliverableRequirements.cbegin(), a->deliverableRequirements.cend(),
                     [&](const auto &r) { return r.id == m.requirementId; });
    if (req == a->deliverableRequirements.cend()) {
        *err = ApiError::notFound(QStringLiteral("deliverable requirement"));
        return false;
    }
    if (req->kind != m.kind) {
        *err = ApiError::badRequest(QStringLiteral("This requirement asks for a %1 file, not %2.")
                                        .arg(toWire(req->kind), m.kindText));
        return false;
    }
    return true;
}

UploadRow newRow(qint64 workerId, const UploadMetadata &m, const Assignment &a,
                 const QDateTime &now)
{
    UploadRow row;
    row.id = UploadFiles::newName();
    row.workerId = workerId;
    row.assignmentId = m.assignmentId;
    row.requirementId = m.requirementId;
    row.kind = m.kindText;
    row.filename = m.filename;
    row.deliverableId = m.deliverableId;
    row.sha256 = m.sha256;
    row.length = m.length;
    row.expiresAt = now.addMSecs(UploadStore::kExpiryMs);
    // The same bytes for the same requirement (or message) are already there: nothing to send.
    for (const MessageFile &f : a.messageFiles)
        if (m.forMessage && f.sha256 == m.sha256 && f.messageId == m.requirementId) {
            row.completed = true;
            row.result = f.id;
            row.offset = m.length;
        }
    for (const Deliverable &d : a.deliverables)
        if (d.sha256 == m.sha256 && d.requirementId == m.requirementId) {
            row.completed = true;
            row.result = d.id;
            row.offset = m.length;
        }
    return row;
}

// The upload takes bytes at `offset` now: not expired, and that is its current offset.
bool takesBytesAt(const UploadRow &row, qint64 offset, const QDateTime &now, ApiError *err,
                  bool *ahead)
{
    if (!row.completed && row.expiresAt < now) {
        *err = gone();
        return false;
    }
    if (offset != row.offset) {
        *ahead = offset > row.offset && !row.completed;
        *err = {409, QStringLiteral("offset_mismatch"),
                QStringLiteral("Upload-Offset is %1 but the server has %2 bytes.")
                    .arg(offset)
                    .arg(row.offset)};
        return false;
    }
    return true;
}

// The chunk fits the upload's length and, first, its bytes are what the name says (by
// content, not only by name). A refused first chunk ends the upload, in `tx`.
bool chunkFits(const UploadRow &row, qint64 offset, const QByteArray &chunk, Transaction &tx,
               ApiError *err)
{
    if (offset + chunk.size() > row.length) {
        *err = {
            400, QStringLiteral("beyond_length"),
            QStringLiteral("The chunk would take the upload past its %1 bytes.").arg(row.length)};
        return false;
    }
    if (offset != 0 || chunk.isEmpty())
        return true;
    const FileVerdict v =
        AcceptedFiles::checkContent(row.filename, chunk.left(AcceptedFiles::kSniffBytes));
    if (v.ok)
        return true;
    UploadRows::remove(row.id);
    QFile::remove(UploadFiles::partialPath(row.id));
    *err = {415, v.code, v.message};
    if (!tx.commit())
        *err = ApiError::internal();
    return false;
}

} // namespace

void UploadStore::setFilesDir(const QString &dir)
{
    UploadFiles::setDir(dir);
}

QString UploadStore::filesDir()
{
    return UploadFiles::dir();
}

std::optional<UploadRow> UploadStore::create(qint64 workerId, const QMap<QString, QString> &meta,
                                             qint64 length, const QDateTime &now, ApiError *err)
{
    const auto m = UploadMetadata::parse(meta, length, err);
    if (!m)
        return std::nullopt;
    Transaction tx;
    Assignment a;
    if (!openAssignment(workerId, *m, tx.ok(), &a, err))
        return std::nullopt;
    const UploadRow row = newRow(workerId, *m, a, now);
    if (!UploadRows::insert(row, now) || !tx.commit()) {
        *err = ApiError::internal();
        return std::nullopt;
    }
    return row;
}

std::optional<UploadRow> UploadStore::find(qint64 workerId, const QString &id, const QDateTime &now,
                                           ApiError *err)
{
    auto row = UploadRows::load(workerId, id, false, err);
    if (!row)
        return std::nullopt;
    if (!row->completed && row->expiresAt < now) {
        *err = gone();
        return std::nullopt;
    }
    if (!row->completed && row->offset == row->length)
        return UploadFinisher::finish(*row, now, err);
    return row;
}

std::optional<UploadRow> UploadStore::append(qint64 workerId, const QString &id, qint64 offset,
                                             const QByteArray &chunk, const QDateTime &now,
                                             ApiError *err, bool *ahead)
{
    // A chunk ahead of the stored offset is refused at once, *ahead set: the HTTP layer may
    // hold its answer for the chunk before it (EarlyChunks), without holding this thread.
    *ahead = false;
    std::optional<UploadRow> row;
    {
        Transaction tx;
        if (!tx.ok()) {
            *err = ApiError::internal();
            return std::nullopt;
        }
        row = UploadRows::load(workerId, id, true, err);
        if (!row || !takesBytesAt(*row, offset, now, err, ahead))
            return std::nullopt;
        if (row->completed)
            return row; // an empty PATCH at the end, or a retried last chunk: nothing to add
        if (!chunkFits(*row, offset, chunk, tx, err))
            return std::nullopt;
        if (!UploadFiles::writeChunk(row->id, offset, chunk)) {
            *err = {503, QStringLiteral("storage"),
                    QStringLiteral("The server could not store the chunk; try again.")};
            return std::nullopt;
        }
        row->offset = offset + chunk.size();
        row->expiresAt = now.addMSecs(kExpiryMs);
        if (!UploadRows::saveOffset(*row) || !tx.commit()) {
            *err = ApiError::internal();
            return std::nullopt;
        }
    }
    if (row->offset == row->length)
        return UploadFinisher::finish(*row, now, err);
    return row;
}

bool UploadStore::terminate(qint64 workerId, const QString &id, ApiError *err)
{
    Transaction tx;
    if (!tx.ok()) {
        *err = ApiError::internal();
        return false;
    }
    auto row = UploadRows::load(workerId, id, true, err);
    if (!row)
        return false;
    // A finished upload's deliverable stays (deliverable.remove takes it away); only the
    // upload is forgotten.
    if (!UploadRows::remove(row->id) || !tx.commit()) {
        *err = ApiError::internal();
        return false;
    }
    QFile::remove(UploadFiles::partialPath(row->id));
    return true;
}

qint64 UploadStore::owner(const QString &id)
{
    return UploadRows::owner(id);
}

int UploadStore::clean(const QDateTime &now)
{
    int removed = 0;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    for (const QString &id : UploadRows::stale(nowMs, nowMs - kExpiryMs)) {
        Transaction tx;
        if (tx.ok() && UploadRows::remove(id) && tx.commit()) {
            QFile::remove(UploadFiles::partialPath(id));
            ++removed;
        }
    }
    // Files of deliverables the worker removed (deliverable.remove).
    return removed + DeliverableFileTable::removeOrphans();
}

bool UploadStore::storeFile(qint64 workerId, qint64 assignmentId, const QString &deliverableId,
                            const QByteArray &content)
{
    return DeliverableFileTable::store(workerId, assignmentId, deliverableId, content);
}

bool UploadStore::deliverableFile(qint64 workerId, qint64 companyId, const QString &deliverableId,
                                  QString *path, QString *filename, qint64 *size)
{
    return DeliverableFileTable::find(workerId, companyId, deliverableId, path, filename, size);
}

} // namespace onsite::server
