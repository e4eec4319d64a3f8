#pragma once

#include <QByteArray>
#include <QPair>
#include <QString>
#include <atomic>
#include <functional>

namespace onsite {

// Reading files for upload, always off the engine's thread: a whole file's SHA-256 before it
// is queued (a file that changes while it is read is refused), and each chunk with its own.
class UploadHasher
{
public:
    enum class Outcome { Hashed, Cancelled, Unreadable, ChangedWhileRead };
    struct Result {
        Outcome outcome = Outcome::Cancelled;
        QString sha256;
        qint64 size = 0;
        qint64 mtimeMs = 0;
    };
    // Told every 64 MiB the bytes read so far and the file's size.
    using Progress = std::function<void(qint64 read, qint64 size)>;

    static Result hashFile(const QString &path, const std::atomic_bool &cancel,
                           const Progress &progress);
    // A chunk of the file and its SHA-256 (empty data when it cannot be read).
    static QPair<QByteArray, QByteArray> readChunk(const QString &path, qint64 offset, qint64 size);
};

} // namespace onsite
