#include "FileSender.h"

#include <QTcpSocket>

namespace onsite::server {
namespace {
constexpr qint64 kPiece = 256 * 1024;
constexpr qint64 kHighWater = 1024 * 1024; // bytes queued in the socket before we wait
} // namespace

void FileSender::start(QTcpSocket *socket, const QString &path, bool closeAfter)
{
    auto *sender = new FileSender(socket, path, closeAfter);
    sender->pump();
}

FileSender::FileSender(QTcpSocket *socket, const QString &path, bool closeAfter)
    : QObject(socket), m_socket(socket), m_file(path), m_closeAfter(closeAfter)
{
    m_file.open(QIODevice::ReadOnly);
    connect(socket, &QTcpSocket::bytesWritten, this, &FileSender::pump);
}

void FileSender::pump()
{
    if (!m_socket)
        return;
    QByteArray piece;
    while (m_socket->bytesToWrite() < kHighWater && m_file.isOpen() && !m_file.atEnd()) {
        piece = m_file.read(kPiece);
        if (piece.isEmpty())
            break;
        m_socket->write(piece);
    }
    if (!m_file.isOpen() || m_file.atEnd()) {
        // The header promised the size: a file that cannot be read ends the connection.
        if (m_closeAfter || !m_file.isOpen())
            m_socket->disconnectFromHost();
        deleteLater();
    }
}

} // namespace onsite::server
