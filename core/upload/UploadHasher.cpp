#include "UploadHasher.h"

#include "Sha256.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace onsite {

UploadHasher::Result UploadHasher::hashFile(const QString &path, const std::atomic_bool &cancel,
                                            const Progress &progress)
{
    Result r;
    QFile f(path);
    const QFileInfo before(path);
    if (!f.open(QIODevice::ReadOnly)) {
        r.outcome = Outcome::Unreadable;
        return r;
    }
    Sha256 hash;
    QByteArray buffer(4 << 20, Qt::Uninitialized);
    qint64 n = 0, total = 0, reported = 0;
    const qint64 size = f.size();
    while ((n = f.read(buffer.data(), buffer.size())) > 0) {
        if (cancel.load())
            return r;
        hash.addData(buffer.constData(), n);
        total += n;
        if (total - reported >= (64 << 20)) {
            reported = total;
            progress(total, size);
        }
    }
    const QFileInfo after(path);
    if (n < 0 || total != size || after.size() != size ||
        after.lastModified() != before.lastModified()) {
        r.outcome = Outcome::ChangedWhileRead;
        return r;
    }
    r.outcome = Outcome::Hashed;
    r.sha256 = QString::fromLatin1(hash.result().toHex());
    r.size = size;
    r.mtimeMs = after.lastModified().toMSecsSinceEpoch();
    return r;
}

QPair<QByteArray, QByteArray> UploadHasher::readChunk(const QString &path, qint64 offset,
                                                      qint64 size)
{
    QFile f(path);
    QByteArray chunk;
    if (f.open(QIODevice::ReadOnly) && f.seek(offset))
        chunk = f.read(size);
    return {chunk, Sha256::hash(chunk)};
}

} // namespace onsite
