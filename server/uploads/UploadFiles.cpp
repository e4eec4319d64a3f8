#include "UploadFiles.h"

#include "Sha256.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace onsite::server {
namespace {

QString g_filesDir;

bool syncDir(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

bool renameFile(const QString &from, const QString &to)
{
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

} // namespace

void UploadFiles::setDir(const QString &dir)
{
    g_filesDir = QDir(dir).absolutePath();
    QDir().mkpath(g_filesDir + QStringLiteral("/partial"));
    QDir().mkpath(g_filesDir + QStringLiteral("/store"));
}

QString UploadFiles::dir()
{
    return g_filesDir;
}

QString UploadFiles::partialPath(const QString &id)
{
    return g_filesDir + QStringLiteral("/partial/") + id;
}

QString UploadFiles::storedPath(const QString &name)
{
    return g_filesDir + QStringLiteral("/store/") + name;
}

QString UploadFiles::newName()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

bool UploadFiles::isName(const QString &id)
{
    if (id.size() != 32)
        return false;
    for (const QChar c : id)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    return true;
}

bool UploadFiles::writeChunk(const QString &id, qint64 offset, const QByteArray &chunk)
{
    QFile f(partialPath(id));
    if (!f.open(QIODevice::ReadWrite) || !f.resize(offset) || !f.seek(offset) ||
        f.write(chunk) != chunk.size() || !f.flush() || ::fsync(f.handle()) != 0)
        return false;
    f.close();
    return true;
}

std::optional<QByteArray> UploadFiles::partialSha256(const QString &id)
{
    QFile f(partialPath(id));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    Sha256 hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = f.read(buffer.data(), buffer.size())) > 0)
        hash.addData(buffer.constData(), n);
    f.close();
    return hash.result().toHex();
}

bool UploadFiles::moveToStore(const QString &id)
{
    return renameFile(partialPath(id), storedPath(id)) &&
           syncDir(g_filesDir + QStringLiteral("/store"));
}

bool UploadFiles::store(const QByteArray &content, QString *name)
{
    *name = newName();
    QFile f(storedPath(*name) + QStringLiteral(".tmp"));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size() || !f.flush() ||
        ::fsync(f.handle()) != 0)
        return false;
    f.close();
    return renameFile(f.fileName(), storedPath(*name));
}

} // namespace onsite::server
