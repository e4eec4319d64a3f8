#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace onsite::server {

// The uploads' folder: partial files under <files>/partial (named by upload id) and finished
// ones under <files>/store (named by the server). Bytes count only once they are fsynced.
class UploadFiles
{
public:
    static void setDir(const QString &dir);
    static QString dir();
    static QString partialPath(const QString &id);
    static QString storedPath(const QString &name);
    // A fresh server-made name: 32 random hex characters (upload ids and stored files).
    static QString newName();
    static bool isName(const QString &id);

    // Drops whatever a crash left past `offset`, appends the chunk there and fsyncs it.
    static bool writeChunk(const QString &id, qint64 offset, const QByteArray &chunk);
    // The partial file's SHA-256 in hex; nullopt when it cannot be read.
    static std::optional<QByteArray> partialSha256(const QString &id);
    // Moves the complete partial file into the store, durably (the folder is synced too).
    static bool moveToStore(const QString &id);
    // Writes bytes straight into the store under a new name (*name), fsynced.
    static bool store(const QByteArray &content, QString *name);
};

} // namespace onsite::server
