#include "UploadStore.h"

#include "AcceptedFiles.h"
#include "AssignmentCodec.h"
#include "AssignmentStore.h"
#include "Database.h"
#include "Enums.h"
#include "Rules.h"
#include "Sha256.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMutex>
#include <QRandomGenerator>
#include <QUuid>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace onsite::server {
namespace {

QString g_filesDir;

QString partialPath(const QString &id)
{
    return g_filesDir + QStringLiteral("/partial/") + id;
}

QString storedPath(const QString &name)
{
    return g_filesDir + QStringLiteral("/store/") + name;
}

QString forUpdate()
{
    return Database::isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
}

QString newUploadId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

bool validUploadId(const QString &id)
{
    if (id.size() != 32)
        return false;
    for (const QChar c : id)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    return true;
}

bool syncDir(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

const char kColumns[] =
    "id, worker_id, assignment_id, requirement_id, kind, filename, deliverable_id,"
    " sha256, length, upload_offset, expires_at, completed_at, result_deliverable";

UploadRow readRow(Sql &q)
{
    UploadRow r;
    r.id = q.value(0).toString();
    r.workerId = q.value(1).toLongLong();
    r.assignmentId = q.value(2).toLongLong();
    r.requirementId = q.value(3).toString();
    r.kind = q.value(4).toString();
    r.filename = q.value(5).toString();
    r.deliverableId = q.value(6).toString();
    r.sha256 = q.value(7).toString();
    r.length = q.value(8).toLongLong();
    r.offset = q.value(9).toLongLong();
    r.expiresAt = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), Qt::UTC);
    r.completed = !q.value(11).isNull();
    r.result = q.value(12).toString();
    return r;
}

// The worker's upload row; with lock, held for update until the caller's transaction ends.
std::optional<UploadRow> loadRow(qint64 workerId, const QString &id, bool lock, ApiError *err)
{
    if (!validUploadId(id)) {
        *err = ApiError::notFound(QStringLiteral("upload"));
        return std::nullopt;
    }
    Sql q(QStringLiteral("SELECT %1 FROM uploads WHERE id = ? AND worker_id = ?")
              .arg(QLatin1String(kColumns)) +
          (lock ? forUpdate() : QString()));
    if (!q.exec({id, workerId})) {
        *err = ApiError::internal();
        return std::nullopt;
    }
    if (!q.next()) {
        // Another worker's upload id is as unknown as a made-up one.
        *err = ApiError::notFound(QStringLiteral("upload"));
        return std::nullopt;
    }
    UploadRow row = readRow(q);
    q.query().finish();
    return row;
}

ApiError gone()
{
    return {410, QStringLiteral("expired"), QStringLiteral("This upload expired; start it again.")};
}

bool removeUploadRow(const QString &id)
{
    Sql del(QStringLiteral("DELETE FROM uploads WHERE id = ?"));
    return del.exec({id});
}

} // namespace

void UploadStore::setFilesDir(const QString &dir)
{
    g_filesDir = QDir(dir).absolutePath();
    QDir().mkpath(g_filesDir + QStringLiteral("/partial"));
    QDir().mkpath(g_filesDir + QStringLiteral("/store"));
}

QString UploadStore::filesDir()
{
    return g_filesDir;
}

std::optional<UploadRow> UploadStore::create(qint64 workerId, const QMap<QString, QString> &meta,
                                             qint64 length, const QDateTime &now, ApiError *err)
{
    static const QStringList known = {
        QStringLiteral("assignment_id"), QStringLiteral("requirement_id"),
        QStringLiteral("kind"),          QStringLiteral("filename"),
        QStringLiteral("sha256"),        QStringLiteral("deliverable_id")};
    for (auto it = meta.begin(); it != meta.end(); ++it)
        if (!known.contains(it.key())) {
            *err = ApiError::badRequest(
                QStringLiteral("Upload-Metadata: unknown key \"%1\".").arg(it.key()));
            return std::nullopt;
        }
    bool okId = false;
    const qint64 assignmentId = meta.value(QStringLiteral("assignment_id")).toLongLong(&okId);
    const QString requirementId = meta.value(QStringLiteral("requirement_id"));
    const QString kindText = meta.value(QStringLiteral("kind"));
    const QString filename = AcceptedFiles::sanitizedName(meta.value(QStringLiteral("filename")));
    const QString sha256 = meta.value(QStringLiteral("sha256")).toLower();
    QString deliverableId = meta.value(QStringLiteral("deliverable_id"));
    const auto kind = fromWire<DeliverableKind>(kindText);
    if (!okId || assignmentId <= 0) {
        *err = ApiError::badRequest(QStringLiteral("Upload-Metadata: assignment_id is required."));
        return std::nullopt;
    }
    if (!kind) {
        *err = ApiError::badRequest(
            QStringLiteral("Upload-Metadata: kind must be sign_off, photo or other."));
        return std::nullopt;
    }
    if (sha256.size() != 64 || QByteArray::fromHex(sha256.toLatin1()).size() != 32) {
        *err = ApiError::badRequest(
            QStringLiteral("Upload-Metadata: sha256 must be the file's SHA-256 in hex."));
        return std::nullopt;
    }
    if (deliverableId.isEmpty())
        deliverableId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    else if (QUuid::fromString(deliverableId).isNull()) {
        *err =
            ApiError::badRequest(QStringLiteral("Upload-Metadata: deliverable_id must be a UUID."));
        return std::nullopt;
    }
    const FileVerdict name = AcceptedFiles::checkName(meta.value(QStringLiteral("filename")));
    if (!name.ok) {
        *err = {415, name.code, name.message};
        return std::nullopt;
    }
    if (length <= 0) {
        *err = {400, QStringLiteral("empty"),
                QStringLiteral("An empty file is not a deliverable.")};
        return std::nullopt;
    }
    if (length > kMaxSize) {
        *err = {413, QStringLiteral("too_large"),
                QStringLiteral("Files may be at most %1 bytes.").arg(kMaxSize)};
        return std::nullopt;
    }

    Transaction tx;
    Assignment a;
    bool found = false;
    if (!tx.ok() ||
        (!AssignmentStore::loadForUpdate(workerId, assignmentId, &a, &found) && found)) {
        *err = ApiError::internal();
        return std::nullopt;
    }
    if (!found) {
        *err = ApiError::notFound(QStringLiteral("assignment"));
        return std::nullopt;
    }
    if (!Rules::isActive(a)) {
        *err = {409, QStringLiteral("read_only"),
                QStringLiteral("This assignment is %1 and takes no more files.")
                    .arg(Rules::statusText(a.status).toLower())};
        return std::nullopt;
    }
    if (!requirementId.isEmpty()) {
        const auto req =
            std::find_if(a.deliverableRequirements.cbegin(), a.deliverableRequirements.cend(),
                         [&](const auto &r) { return r.id == requirementId; });
        if (req == a.deliverableRequirements.cend()) {
            *err = ApiError::notFound(QStringLiteral("deliverable requirement"));
            return std::nullopt;
        }
        if (req->kind != *kind) {
            *err =
                ApiError::badRequest(QStringLiteral("This requirement asks for a %1 file, not %2.")
                                         .arg(toWire(req->kind), kindText));
            return std::nullopt;
        }
    }
    UploadRow row;
    row.id = newUploadId();
    row.workerId = workerId;
    row.assignmentId = assignmentId;
    row.requirementId = requirementId;
    row.kind = kindText;
    row.filename = filename;
    row.deliverableId = deliverableId;
    row.sha256 = sha256;
    row.length = length;
    row.expiresAt = now.addMSecs(kExpiryMs);
    // The same bytes for the same requirement are already a deliverable: nothing to send.
    for (const Deliverable &d : a.deliverables)
        if (d.sha256 == sha256 && d.requirementId == requirementId) {
            row.completed = true;
            row.result = d.id;
            row.offset = length;
        }
    Sql insert(QStringLiteral(
        "INSERT INTO uploads (id, worker_id, assignment_id, requirement_id, kind, filename,"
        " deliverable_id, sha256, length, upload_offset, created_at, expires_at, completed_at,"
        " result_deliverable) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QVariant completedAt = row.completed ? QVariant(now.toMSecsSinceEpoch())
                                               : QVariant(QMetaType(QMetaType::LongLong));
    const QVariant result =
        row.completed ? QVariant(row.result) : QVariant(QMetaType(QMetaType::QString));
    if (!insert.exec({row.id, workerId, assignmentId, requirementId, row.kind, row.filename,
                      row.deliverableId, row.sha256, length, row.offset, now.toMSecsSinceEpoch(),
                      row.expiresAt.toMSecsSinceEpoch(), completedAt, result}) ||
        !tx.commit()) {
        *err = ApiError::internal();
        return std::nullopt;
    }
    return row;
}

std::optional<UploadRow> UploadStore::find(qint64 workerId, const QString &id, const QDateTime &now,
                                           ApiError *err)
{
    auto row = loadRow(workerId, id, false, err);
    if (!row)
        return std::nullopt;
    if (!row->completed && row->expiresAt < now) {
        *err = gone();
        return std::nullopt;
    }
    if (!row->completed && row->offset == row->length)
        return finish(*row, now, err);
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
        row = loadRow(workerId, id, true, err);
        if (!row)
            return std::nullopt;
        if (!row->completed && row->expiresAt < now) {
            *err = gone();
            return std::nullopt;
        }
        if (offset != row->offset) {
            *ahead = offset > row->offset && !row->completed;
            *err = {409, QStringLiteral("offset_mismatch"),
                    QStringLiteral("Upload-Offset is %1 but the server has %2 bytes.")
                        .arg(offset)
                        .arg(row->offset)};
            return std::nullopt;
        }
        if (row->completed)
            return row; // an empty PATCH at the end, or a retried last chunk: nothing to add
        if (offset + chunk.size() > row->length) {
            *err = {400, QStringLiteral("beyond_length"),
                    QStringLiteral("The chunk would take the upload past its %1 bytes.")
                        .arg(row->length)};
            return std::nullopt;
        }
        if (offset == 0 && !chunk.isEmpty()) {
            // By content, not only by name: the first bytes must be what the name says.
            const FileVerdict v =
                AcceptedFiles::checkContent(row->filename, chunk.left(AcceptedFiles::kSniffBytes));
            if (!v.ok) {
                removeUploadRow(row->id);
                QFile::remove(partialPath(row->id));
                *err = {415, v.code, v.message};
                if (!tx.commit())
                    *err = ApiError::internal();
                return std::nullopt;
            }
        }
        // Whatever a crash left past the acknowledged offset is dropped before appending.
        QFile f(partialPath(row->id));
        if (!f.open(QIODevice::ReadWrite) || !f.resize(offset) || !f.seek(offset) ||
            f.write(chunk) != chunk.size() || !f.flush() || ::fsync(f.handle()) != 0) {
            *err = {503, QStringLiteral("storage"),
                    QStringLiteral("The server could not store the chunk; try again.")};
            return std::nullopt;
        }
        f.close();
        row->offset = offset + chunk.size();
        row->expiresAt = now.addMSecs(kExpiryMs);
        Sql update(
            QStringLiteral("UPDATE uploads SET upload_offset = ?, expires_at = ? WHERE id = ?"));
        if (!update.exec({row->offset, row->expiresAt.toMSecsSinceEpoch(), row->id}) ||
            !tx.commit()) {
            *err = ApiError::internal();
            return std::nullopt;
        }
    }
    if (row->offset == row->length)
        return finish(*row, now, err);
    return row;
}

std::optional<UploadRow> UploadStore::finish(const UploadRow &in, const QDateTime &now,
                                             ApiError *err)
{
    const QString partial = partialPath(in.id);
    const QString stored = storedPath(in.id);
    if (QFile::exists(partial)) {
        QFile f(partial);
        if (!f.open(QIODevice::ReadOnly)) {
            *err = ApiError::internal();
            return std::nullopt;
        }
        Sha256 hash;
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        qint64 n = 0;
        while ((n = f.read(buffer.data(), buffer.size())) > 0)
            hash.addData(buffer.constData(), n);
        f.close();
        if (hash.result().toHex() != in.sha256.toLatin1()) {
            // The bytes are not the file the client announced: start over, keep nothing.
            Transaction tx;
            Sql reset(QStringLiteral("UPDATE uploads SET upload_offset = 0 WHERE id = ?"));
            QFile::remove(partial);
            if (!tx.ok() || !reset.exec({in.id}) || !tx.commit())
                *err = ApiError::internal();
            else
                *err = {460, QStringLiteral("checksum_mismatch"),
                        QStringLiteral("The whole file's SHA-256 does not match the one "
                                       "announced; the upload starts again from byte 0.")};
            return std::nullopt;
        }
        if (std::rename(QFile::encodeName(partial).constData(),
                        QFile::encodeName(stored).constData()) != 0 ||
            !syncDir(g_filesDir + QStringLiteral("/store"))) {
            *err = ApiError::internal();
            return std::nullopt;
        }
    } else if (!QFile::exists(stored)) {
        // Neither file: a finished upload another process already recorded, or lost bytes.
        ApiError ignored;
        auto again = loadRow(in.workerId, in.id, false, &ignored);
        if (again && again->completed)
            return again;
        *err = ApiError::internal();
        return std::nullopt;
    }

    Transaction tx;
    if (!tx.ok()) {
        *err = ApiError::internal();
        return std::nullopt;
    }
    auto row = loadRow(in.workerId, in.id, true, err);
    if (!row)
        return std::nullopt;
    if (row->completed)
        return row;
    Assignment a;
    bool found = false;
    const bool loaded = AssignmentStore::loadForUpdate(in.workerId, in.assignmentId, &a, &found);
    bool keepFile = false;
    if (!loaded && found) {
        *err = ApiError::internal();
        return std::nullopt;
    }
    if (!found || !Rules::isActive(a)) {
        // The assignment went away or was closed while the bytes travelled.
        removeUploadRow(row->id);
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
    for (const Deliverable &d : a.deliverables)
        if ((d.sha256 == row->sha256 && d.requirementId == row->requirementId) ||
            d.id == row->deliverableId)
            resultId = d.id;
    bool ok = true;
    if (resultId.isEmpty()) {
        Deliverable d;
        d.id = row->deliverableId;
        Sql taken(QStringLiteral("SELECT 1 FROM deliverable_files WHERE deliverable_id = ?"));
        ok = taken.exec({d.id});
        if (ok && taken.next())
            d.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        d.requirementId = row->requirementId;
        d.kind = fromWire<DeliverableKind>(row->kind).value_or(DeliverableKind::Other);
        d.filename = row->filename;
        d.size = row->length;
        d.sha256 = row->sha256;
        d.uploadedAt = now;
        a.deliverables.append(d);
        Sql file(QStringLiteral(
            "INSERT INTO deliverable_files (deliverable_id, assignment_id, worker_id, stored_name,"
            " size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        ok = ok && AssignmentStore::saveChanged(a, in.workerId) &&
             file.exec(
                 {d.id, a.id, in.workerId, row->id, d.size, d.sha256, now.toMSecsSinceEpoch()});
        resultId = d.id;
        keepFile = true;
    }
    Sql done(
        QStringLiteral("UPDATE uploads SET completed_at = ?, result_deliverable = ? WHERE id = ?"));
    ok = ok && done.exec({now.toMSecsSinceEpoch(), resultId, row->id});
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

bool UploadStore::terminate(qint64 workerId, const QString &id, ApiError *err)
{
    Transaction tx;
    if (!tx.ok()) {
        *err = ApiError::internal();
        return false;
    }
    auto row = loadRow(workerId, id, true, err);
    if (!row)
        return false;
    // A finished upload's deliverable stays (deliverable.remove takes it away); only the
    // upload is forgotten.
    if (!removeUploadRow(row->id) || !tx.commit()) {
        *err = ApiError::internal();
        return false;
    }
    QFile::remove(partialPath(row->id));
    return true;
}

int UploadStore::clean(const QDateTime &now)
{
    int removed = 0;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    {
        Sql expired(QStringLiteral("SELECT id FROM uploads WHERE (completed_at IS NULL AND"
                                   " expires_at < ?) OR (completed_at IS NOT NULL AND"
                                   " completed_at < ?)"));
        QStringList ids;
        if (expired.exec({nowMs, nowMs - kExpiryMs}))
            while (expired.next())
                ids << expired.value(0).toString();
        for (const QString &id : ids) {
            Transaction tx;
            if (tx.ok() && removeUploadRow(id) && tx.commit()) {
                QFile::remove(partialPath(id));
                ++removed;
            }
        }
    }
    // Files of deliverables the worker removed (deliverable.remove).
    Sql files(
        QStringLiteral("SELECT f.deliverable_id, f.stored_name, a.doc FROM"
                       " deliverable_files f LEFT JOIN assignments a ON a.id = f.assignment_id"));
    QList<QPair<QString, QString>> orphans;
    if (files.exec())
        while (files.next()) {
            const QString doc = files.value(2).toString();
            if (!doc.contains(QStringLiteral("\"id\":\"%1\"").arg(files.value(0).toString())))
                orphans.append({files.value(0).toString(), files.value(1).toString()});
        }
    for (const auto &o : orphans) {
        Transaction tx;
        Sql del(QStringLiteral("DELETE FROM deliverable_files WHERE deliverable_id = ?"));
        if (tx.ok() && del.exec({o.first}) && tx.commit()) {
            QFile::remove(storedPath(o.second));
            ++removed;
        }
    }
    return removed;
}

bool UploadStore::storeFile(qint64 workerId, qint64 assignmentId, const QString &deliverableId,
                            const QByteArray &content)
{
    const QString name = newUploadId();
    QFile f(storedPath(name) + QStringLiteral(".tmp"));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size() || !f.flush() ||
        ::fsync(f.handle()) != 0)
        return false;
    f.close();
    if (std::rename(QFile::encodeName(f.fileName()).constData(),
                    QFile::encodeName(storedPath(name)).constData()) != 0)
        return false;
    Sql insert(QStringLiteral(
        "INSERT INTO deliverable_files (deliverable_id, assignment_id, worker_id, stored_name,"
        " size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    return insert.exec({deliverableId, assignmentId, workerId, name, qint64(content.size()),
                        QString::fromLatin1(Sha256::hex(content)), Database::nowMs()});
}

bool UploadStore::deliverableFile(qint64 workerId, qint64 companyId, const QString &deliverableId,
                                  QString *path, QString *filename, qint64 *size)
{
    Sql q(QStringLiteral("SELECT f.stored_name, f.size, a.doc FROM deliverable_files f"
                         " JOIN assignments a ON a.id = f.assignment_id"
                         " WHERE f.deliverable_id = ? AND %1")
              .arg(workerId ? QStringLiteral("a.worker_id = ?")
                            : QStringLiteral("a.company_id = ?")));
    if (!q.exec({deliverableId, workerId ? workerId : companyId}) || !q.next())
        return false;
    *path = storedPath(q.value(0).toString());
    *size = q.value(1).toLongLong();
    QString why;
    const auto a = AssignmentCodec::fromJson(
        QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(), &why);
    if (!a)
        return false;
    for (const Deliverable &d : a->deliverables)
        if (d.id == deliverableId) {
            *filename = d.filename;
            return QFile::exists(*path);
        }
    return false;
}

} // namespace onsite::server
