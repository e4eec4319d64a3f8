#pragma once

#include <QFile>
#include <QObject>
#include <QPointer>
#include <functional>

class QTcpSocket;

namespace onsite::server {

// Streams a stored file to a client a piece at a time, paced by the socket, so a download of
// a large deliverable never sits in memory. Deletes itself when done or when the client goes.
// Answers to requests pipelined behind the download wait for its last byte (then()), so they
// never land inside the file.
class FileSender : public QObject
{
    Q_OBJECT
public:
    // `length` bytes from byte `offset` of the file (a range request resumes a download).
    static void start(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length,
                      bool closeAfter);
    // The sender still sending on this socket, if any.
    static FileSender *active(QTcpSocket *socket);
    // Runs `next` (the next answer's write) once the file is sent.
    void then(std::function<void()> next) { m_then.append(std::move(next)); }

private:
    FileSender(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length,
               bool closeAfter);
    void pump();
    void finish();

    QPointer<QTcpSocket> m_socket;
    QFile m_file;
    qint64 m_left; // bytes still to send
    bool m_closeAfter;
    bool m_done = false;
    QList<std::function<void()>> m_then;
};

} // namespace onsite::server
