#include "UploadMetadata.h"

#include "AcceptedFiles.h"
#include "UploadStore.h"

#include <QStringList>
#include <QUuid>

namespace onsite::server {
namespace {

bool knownKeysOnly(const QMap<QString, QString> &meta, ApiError *err)
{
    static const QStringList known = {
        QStringLiteral("assignment_id"), QStringLiteral("requirement_id"),
        QStringLiteral("kind"),          QStringLiteral("filename"),
        QStringLiteral("sha256"),        QStringLiteral("deliverable_id")};
    for (auto it = meta.begin(); it != meta.end(); ++it)
        if (!known.contains(it.key())) {
            *err = ApiError::badRequest(
                QStringLiteral("Upload-Metadata: unknown key \"%1\".").arg(it.key()));
            return false;
        }
    return true;
}

// The file's name, then its length: the checks made of the file itself.
bool acceptableFile(const QString &name, qint64 length, ApiError *err)
{
    const FileVerdict verdict = AcceptedFiles::checkName(name);
    if (!verdict.ok) {
        *err = {415, verdict.code, verdict.message};
        return false;
    }
    if (length <= 0) {
        *err = {400, QStringLiteral("empty"),
                QStringLiteral("An empty file is not a deliverable.")};
        return false;
    }
    if (length > UploadStore::kMaxSize) {
        *err = {413, QStringLiteral("too_large"),
                QStringLiteral("Files may be at most %1 bytes.").arg(UploadStore::kMaxSize)};
        return false;
    }
    return true;
}

} // namespace

std::optional<UploadMetadata> UploadMetadata::parse(const QMap<QString, QString> &meta,
                                                    qint64 length, ApiError *err)
{
    if (!knownKeysOnly(meta, err))
        return std::nullopt;
    UploadMetadata m;
    bool okId = false;
    m.assignmentId = meta.value(QStringLiteral("assignment_id")).toLongLong(&okId);
    m.requirementId = meta.value(QStringLiteral("requirement_id"));
    m.kindText = meta.value(QStringLiteral("kind"));
    m.filename = AcceptedFiles::sanitizedName(meta.value(QStringLiteral("filename")));
    m.sha256 = meta.value(QStringLiteral("sha256")).toLower();
    m.deliverableId = meta.value(QStringLiteral("deliverable_id"));
    m.length = length;
    // A file attached to a message (issue 14 §1): kind "message", requirement_id the message's
    // id; it counts against no requirement.
    m.forMessage = m.kindText == QLatin1String("message");
    if (m.forMessage && QUuid::fromString(m.requirementId).isNull()) {
        *err = ApiError::badRequest(
            QStringLiteral("Upload-Metadata: a message's file needs requirement_id, the "
                           "message's id (a UUID)."));
        return std::nullopt;
    }
    const auto kind = m.forMessage ? std::optional<DeliverableKind>(DeliverableKind::Other)
                                   : fromWire<DeliverableKind>(m.kindText);
    if (!okId || m.assignmentId <= 0) {
        *err = ApiError::badRequest(QStringLiteral("Upload-Metadata: assignment_id is required."));
        return std::nullopt;
    }
    if (!kind) {
        *err = ApiError::badRequest(
            QStringLiteral("Upload-Metadata: kind must be sign_off, photo, other or message."));
        return std::nullopt;
    }
    m.kind = *kind;
    if (m.sha256.size() != 64 || QByteArray::fromHex(m.sha256.toLatin1()).size() != 32) {
        *err = ApiError::badRequest(
            QStringLiteral("Upload-Metadata: sha256 must be the file's SHA-256 in hex."));
        return std::nullopt;
    }
    if (m.deliverableId.isEmpty())
        m.deliverableId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    else if (QUuid::fromString(m.deliverableId).isNull()) {
        *err =
            ApiError::badRequest(QStringLiteral("Upload-Metadata: deliverable_id must be a UUID."));
        return std::nullopt;
    }
    if (!acceptableFile(meta.value(QStringLiteral("filename")), length, err))
        return std::nullopt;
    return m;
}

} // namespace onsite::server
