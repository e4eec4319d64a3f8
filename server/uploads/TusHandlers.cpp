#include "TusHandlers.h"

#include "Sha256.h"
#include "Tus.h"
#include "UploadStore.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QUrl>
#include <algorithm>
#include <limits>

namespace onsite::server {
namespace {

QByteArray httpDate(const QDateTime &t)
{
    return QLocale::c()
        .toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

ApiResponse tus(ApiResponse r)
{
    r.headers.append(qMakePair(QByteArray("Tus-Resumable"), QByteArray(Tus::kVersion)));
    return r;
}

ApiResponse fail(const ApiError &e)
{
    return tus(ApiResponse::error(e));
}

ApiResponse describe(const UploadRow &row, int status)
{
    ApiResponse r = ApiResponse::noContent();
    r.status = status;
    r.headers = {{"Upload-Offset", QByteArray::number(row.offset)},
                 {"Upload-Length", QByteArray::number(row.length)},
                 {"Cache-Control", "no-store"}};
    if (!row.completed)
        r.headers.append(qMakePair(QByteArray("Upload-Expires"), httpDate(row.expiresAt)));
    else
        r.headers.append(qMakePair(QByteArray(Tus::kDeliverableHeader), row.result.toLatin1()));
    return tus(r);
}

// Upload-Checksum: "<algorithm> <base64 digest>" over this request's body. Empty *error: fine.
bool checksumMatches(const QByteArray &header, const QByteArray &body, ApiError *err)
{
    const QList<QByteArray> parts = header.trimmed().split(' ');
    const auto digest =
        parts.size() == 2
            ? QByteArray::fromBase64Encoding(parts.at(1), QByteArray::AbortOnBase64DecodingErrors)
            : QByteArray::FromBase64Result{};
    if (!digest) {
        *err = ApiError::badRequest(
            QStringLiteral("Upload-Checksum: expected \"<algorithm> <base64 digest>\"."));
        return false;
    }
    QByteArray actual;
    if (parts.at(0) == "sha256")
        actual = Sha256::hash(body);
    else if (parts.at(0) == "sha1")
        actual = QCryptographicHash::hash(body, QCryptographicHash::Sha1);
    else {
        *err = ApiError::badRequest(
            QStringLiteral("Upload-Checksum: supported algorithms are sha1 and sha256."));
        return false;
    }
    if (actual != *digest) {
        *err = {460, QStringLiteral("checksum_mismatch"),
                QStringLiteral("The chunk's checksum does not match its bytes; nothing was "
                               "stored, send it again.")};
        return false;
    }
    return true;
}

bool parseLength(const QByteArray &text, qint64 *out)
{
    bool ok = false;
    *out = text.toLongLong(&ok);
    return ok && *out >= 0 && !text.startsWith('+');
}

} // namespace

ApiResponse TusHandlers::handle(const ApiRequest &r, qint64 workerId, const QDateTime &now)
{
    const QStringList &s = r.segments;
    if (r.method == QLatin1String("OPTIONS") && s.size() <= 2) {
        ApiResponse o = ApiResponse::noContent();
        o.headers = {{"Tus-Version", Tus::kVersion},
                     {"Tus-Extension", Tus::kExtensions},
                     {"Tus-Max-Size", QByteArray::number(UploadStore::kMaxSize)},
                     {"Tus-Checksum-Algorithm", Tus::kChecksumAlgorithms},
                     {Tus::kChunkSizeHeader, QByteArray::number(Tus::kMaxChunk)}};
        return tus(o);
    }
    if (r.header("Tus-Resumable") != Tus::kVersion) {
        ApiResponse e =
            fail({412, QStringLiteral("tus_version"),
                  QStringLiteral("This server speaks tus 1.0.0 (Tus-Resumable: 1.0.0).")});
        e.headers.append(qMakePair(QByteArray("Tus-Version"), QByteArray(Tus::kVersion)));
        return e;
    }
    if (!workerId)
        return fail({401, QStringLiteral("unauthorized"),
                     QStringLiteral("Sign in first: the session is missing or has ended.")});
    ApiError err;
    if (s.size() == 1)
        return create(r, workerId, now);
    if (s.size() != 2)
        return fail(ApiError::notFound(QStringLiteral("upload")));
    const QString id = s.at(1);
    if (r.method == QLatin1String("HEAD") || r.method == QLatin1String("GET")) {
        const auto row = UploadStore::find(workerId, id, now, &err);
        return row ? describe(*row, 200) : fail(err);
    }
    if (r.method == QLatin1String("DELETE")) {
        if (!UploadStore::terminate(workerId, id, &err))
            return fail(err);
        return tus(ApiResponse::noContent());
    }
    if (r.method != QLatin1String("PATCH"))
        return fail({405, QStringLiteral("method_not_allowed"),
                     QStringLiteral("%1 is not allowed on an upload.").arg(r.method)});
    return patch(r, workerId, id, now);
}

// POST /uploads: a new upload (tus creation).
ApiResponse TusHandlers::create(const ApiRequest &r, qint64 workerId, const QDateTime &now)
{
    if (r.method != QLatin1String("POST"))
        return fail({405, QStringLiteral("method_not_allowed"),
                     QStringLiteral("Create uploads with POST.")});
    if (!r.header("Upload-Defer-Length").isEmpty())
        return fail(ApiError::badRequest(QStringLiteral("Upload-Defer-Length is not supported.")));
    qint64 length = 0;
    if (!parseLength(r.header("Upload-Length"), &length))
        return fail(ApiError::badRequest(QStringLiteral("Upload-Length is required.")));
    QMap<QString, QString> meta;
    if (!Tus::decodeMetadata(r.header("Upload-Metadata"), &meta))
        return fail(ApiError::badRequest(QStringLiteral("Upload-Metadata is malformed.")));
    ApiError err;
    const auto row = UploadStore::create(workerId, meta, length, now, &err);
    if (!row)
        return fail(err);
    ApiResponse created = describe(*row, 201);
    created.headers.append(
        qMakePair(QByteArray("Location"), "/api/v1/uploads/" + row->id.toLatin1()));
    return created;
}

// PATCH /uploads/{id}: a chunk at Upload-Offset.
ApiResponse TusHandlers::patch(const ApiRequest &r, qint64 workerId, const QString &id,
                               const QDateTime &now)
{
    if (r.header("Content-Type") != "application/offset+octet-stream")
        return fail({415, QStringLiteral("content_type"),
                     QStringLiteral("PATCH bodies must be application/offset+octet-stream.")});
    qint64 offset = 0;
    if (!parseLength(r.header("Upload-Offset"), &offset))
        return fail(ApiError::badRequest(QStringLiteral("Upload-Offset is required.")));
    if (r.body.size() > Tus::kMaxChunk)
        return fail({413, QStringLiteral("too_large"),
                     QStringLiteral("Chunks may be at most %1 bytes.").arg(Tus::kMaxChunk)});
    ApiError err;
    const QByteArray checksum = r.header("Upload-Checksum");
    if (!checksum.isEmpty() && !checksumMatches(checksum, r.body, &err))
        return fail(err);
    bool ahead = false;
    const auto row = UploadStore::append(workerId, id, offset, r.body, now, &err, &ahead);
    if (row)
        return describe(*row, 204);
    ApiResponse refused = fail(err);
    if (ahead)
        refused.aheadOfUpload = id;
    return refused;
}

ApiResponse TusHandlers::file(const ApiRequest &r, qint64 workerId, qint64 companyId)
{
    if (r.method != QLatin1String("GET") && r.method != QLatin1String("HEAD"))
        return ApiResponse::error({405, QStringLiteral("method_not_allowed"),
                                   QStringLiteral("Files are read with GET.")});
    QString path, filename;
    qint64 size = 0;
    if (r.segments.size() != 2 ||
        !UploadStore::deliverableFile(workerId, companyId, r.segments.at(1), &path, &filename,
                                      &size))
        return ApiResponse::error(ApiError::notFound(QStringLiteral("file")));
    ApiResponse out;
    out.contentType = "application/octet-stream";
    out.filePath = path;
    out.fileSize = size;
    out.headers.append(qMakePair(QByteArray("Accept-Ranges"), QByteArray("bytes")));
    // Served as bytes to save, never as a page a browser should guess the type of.
    out.headers.append(qMakePair(QByteArray("X-Content-Type-Options"), QByteArray("nosniff")));
    // "Range: bytes=N-" (or N-M) resumes a cut download from byte N; other forms of Range are
    // ignored and the whole file is sent, as HTTP allows.
    const QByteArray range = r.header("Range").trimmed();
    if (range.startsWith("bytes=") && !range.contains(',')) {
        const QList<QByteArray> ends = range.mid(6).split('-');
        bool okFirst = false, okLast = true;
        const QByteArray firstText = ends.value(0);
        const QByteArray lastText = ends.value(1);
        const auto digits = [](const QByteArray &t) {
            return !t.isEmpty() &&
                   std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        // Digits only; a number too large for 64 bits is past any file's end.
        const qint64 huge = std::numeric_limits<qint64>::max();
        qint64 first = firstText.toLongLong(&okFirst);
        if (!okFirst && digits(firstText))
            first = huge, okFirst = true;
        okFirst = okFirst && digits(firstText);
        qint64 last = lastText.isEmpty() ? qMax(first, size - 1) : lastText.toLongLong(&okLast);
        if (!lastText.isEmpty() && !okLast && digits(lastText))
            last = huge, okLast = true;
        okLast = okLast && (lastText.isEmpty() || digits(lastText));
        if (ends.size() == 2 && okFirst && okLast && first >= 0 && last >= first) {
            if (first >= size) {
                ApiResponse refused = ApiResponse::error(
                    {416, QStringLiteral("range"),
                     QStringLiteral("The file has %1 bytes; the range starts past its end.")
                         .arg(size)});
                refused.headers.append(
                    qMakePair(QByteArray("Content-Range"), "bytes */" + QByteArray::number(size)));
                return refused;
            }
            const qint64 end = qMin(last, size - 1);
            out.status = 206;
            out.fileOffset = first;
            out.fileSize = end - first + 1;
            out.headers.append(
                qMakePair(QByteArray("Content-Range"), "bytes " + QByteArray::number(first) + '-' +
                                                           QByteArray::number(end) + '/' +
                                                           QByteArray::number(size)));
        }
    }
    QString ascii;
    for (const QChar c : filename)
        ascii += (c.unicode() >= 0x20 && c.unicode() < 0x7F && c != QLatin1Char('"') &&
                  c != QLatin1Char('\\'))
                     ? c
                     : QLatin1Char('_');
    out.headers.append(qMakePair(QByteArray("Content-Disposition"),
                                 "attachment; filename=\"" + ascii.toLatin1() +
                                     "\"; filename*=UTF-8''" + QUrl::toPercentEncoding(filename)));
    return out;
}

} // namespace onsite::server
