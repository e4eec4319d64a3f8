#include "FileSender.h"

#include <QTcpSocket>

namespace onsite::server {
namespace {
constexpr qint64 kPiece = 256 * 1024;
constexpr qint64 kHighWater = 1024 * 1024; // bytes queued in the socket before we wait
} // namespace

void FileSender::start(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length,
                       bool closeAfter)
{
    auto *sender = new FileSender(socket, path, offset, length, closeAfter);
    sender->pump();
}

FileSender::FileSender(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length,
                       bool closeAfter)
    : QObject(socket), m_socket(socket), m_file(path), m_left(length), m_closeAfter(closeAfter)
{
    if (m_file.open(QIODevice::ReadOnly) && !m_file.seek(offset))
        m_file.close();
    connect(socket, &QTcpSocket::bytesWritten, this, &FileSender::pump);
}

FileSender *FileSender::active(QTcpSocket *socket)
{
    const QList<FileSender *> senders =
        socket->findChildren<FileSender *>(QString(), Qt::FindDirectChildrenOnly);
    for (FileSender *s : senders)
        if (!s->m_done)
            return s;
    return nullptr;
}

void FileSender::pump()
{
    if (!m_socket)
        return;
    QByteArray piece;
    while (m_socket->bytesToWrite() < kHighWater && m_file.isOpen() && m_left > 0) {
        piece = m_file.read(qMin(kPiece, m_left));
        if (piece.isEmpty()) {
            m_file.close(); // shorter than the header promised
            break;
        }
        m_left -= piece.size();
        m_socket->write(piece);
    }
    if (!m_file.isOpen() || m_left == 0)
        finish();
}

void FileSender::finish()
{
    m_done = true;
    disconnect(m_socket, nullptr, this, nullptr);
    if (!m_file.isOpen()) {
        // The header promised the size: a file that cannot be read ends the connection.
        m_socket->disconnectFromHost();
        deleteLater();
        return;
    }
    // The answers that waited, in order; one that is a file itself holds the rest back again.
    const QList<std::function<void()>> waiting = std::exchange(m_then, {});
    for (qsizetype i = 0; i < waiting.size(); ++i) {
        if (FileSender *next = active(m_socket)) {
            for (qsizetype j = i; j < waiting.size(); ++j)
                next->then(waiting.at(j));
            break;
        }
        waiting.at(i)();
    }
    if (m_closeAfter)
        m_socket->disconnectFromHost();
    deleteLater();
}

} // namespace onsite::server
