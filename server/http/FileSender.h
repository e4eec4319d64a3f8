#pragma once

#include <QFile>
#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace onsite::server {

// Streams a stored file to a client a piece at a time, paced by the socket, so a download of
// a large deliverable never sits in memory. Deletes itself when done or when the client goes.
class FileSender : public QObject
{
    Q_OBJECT
public:
    // `length` bytes from byte `offset` of the file (a range request resumes a download).
    static void start(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length,
                      bool closeAfter);

private:
    FileSender(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length,
               bool closeAfter);
    void pump();

    QPointer<QTcpSocket> m_socket;
    QFile m_file;
    qint64 m_left; // bytes still to send
    bool m_closeAfter;
};

} // namespace onsite::server
