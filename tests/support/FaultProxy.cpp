#include "FaultProxy.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace onsite::test {

FaultProxy::FaultProxy(QUrl upstream, QObject *parent)
    : QTcpServer(parent), m_upstream(std::move(upstream))
{
    const quint32 seed = qEnvironmentVariableIsSet("ONSITE_FAULT_SEED")
                             ? quint32(qEnvironmentVariableIntValue("ONSITE_FAULT_SEED"))
                             : QRandomGenerator::global()->generate();
    m_random.seed(seed);
    qInfo("FaultProxy: ONSITE_FAULT_SEED=%u", seed);
    connect(this, &QTcpServer::newConnection, this, &FaultProxy::onConnection);
}

bool FaultProxy::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QUrl FaultProxy::apiBase() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/").arg(serverPort()));
}

FaultProxy::Fault FaultProxy::pick()
{
    // Exactly m_percent of requests fail, spread evenly, and the kinds of failure take turns,
    // so every kind is exercised however few requests a run makes.
    const qint64 before = m_requests * m_percent / 100;
    ++m_requests;
    if (m_requests * m_percent / 100 == before)
        return Pass;
    return Fault(1 + (m_faults++ % (int(FaultCount) - 1)));
}

void FaultProxy::onConnection()
{
    while (QTcpSocket *client = nextPendingConnection()) {
        auto request = std::make_shared<QByteArray>();
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QTcpSocket::readyRead, this, [this, client, request] {
            *request += client->readAll();
            const int end = request->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            qint64 length = 0;
            for (const QByteArray &line : request->left(end).split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (request->size() < end + 4 + length)
                return;
            client->disconnect(this); // one request per connection
            Fault fault = pick();
            const QList<QByteArray> requestLine =
                request->left(request->indexOf("\r\n")).split(' ');
            qint64 uploadOffset = -1;
            for (const QByteArray &line : request->left(end).split('\n'))
                if (line.toLower().startsWith("upload-offset:"))
                    uploadOffset = line.mid(14).trimmed().toLongLong();
            m_log << QStringLiteral("%1 %2 %3")
                         .arg(QString::fromLatin1(requestLine.value(0)),
                              QString::fromLatin1(requestLine.value(1)))
                         .arg(uploadOffset);
            if (m_cutEachUpload && requestLine.value(0) == "PATCH" && length > 0) {
                const QByteArray path = requestLine.value(1);
                if (!m_cutPlan.contains(path))
                    m_cutPlan.insert(path, int(m_random.bounded(4)));
                int &left = m_cutPlan[path];
                if (left == 0) {
                    fault = CutRequest;
                    ++m_uploadsCut;
                    left = -1;
                } else if (left > 0) {
                    --left;
                }
            }
            ++m_counts[fault];
            if (fault == DropBefore) {
                client->abort();
                return;
            }
            if (fault == BadGateway) {
                client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 11\r\nConnection: "
                              "close\r\n\r\nBad Gateway");
                client->disconnectFromHost();
                return;
            }
            // Forward with Connection: close, so the answer ends when the server hangs up.
            QByteArray head = request->left(end);
            QByteArray forwarded;
            for (const QByteArray &line : head.split('\n'))
                if (!line.toLower().startsWith("connection:"))
                    forwarded += line.trimmed() + "\r\n";
            forwarded += "Connection: close\r\n\r\n" + request->mid(end + 4);
            if (fault == CutRequest) {
                const qint64 body = request->size() - (end + 4);
                const qint64 keep =
                    end + 4 + (body > 0 ? qint64(m_random.bounded(quint32(body))) : 0);
                forwarded.truncate(forwarded.size() - (request->size() - keep));
            }
            auto *upstream = new QTcpSocket(client);
            auto response = std::make_shared<QByteArray>();
            QPointer<QTcpSocket> guard(client);
            connect(upstream, &QTcpSocket::readyRead, upstream,
                    [upstream, response] { *response += upstream->readAll(); });
            const QString what =
                QStringLiteral("%1 %2").arg(QString::fromLatin1(requestLine.value(0)),
                                            QString::fromLatin1(requestLine.value(1)));
            const qint64 up = request->size();
            connect(upstream, &QTcpSocket::disconnected, this,
                    [this, guard, response, fault, what, up] {
                        if (!guard)
                            return;
                        QByteArray answer = *response;
                        m_transfers.append({what, up, answer.size()});
                        if (fault == DropAfter) { // the server did the work; the client never hears
                            guard->abort();
                            return;
                        }
                        if (fault == Truncate)
                            answer = answer.left(answer.size() * 2 / 3);
                        if (fault == Garbage) {
                            const int bodyAt = answer.indexOf("\r\n\r\n") + 4;
                            if (bodyAt > 4)
                                for (int i = bodyAt; i < answer.size(); i += 7)
                                    answer[i] = '}';
                        }
                        auto send = [guard, answer] {
                            if (!guard)
                                return;
                            guard->write(answer);
                            guard->disconnectFromHost();
                        };
                        if (fault == Delay)
                            QTimer::singleShot(m_delayMs, guard, send);
                        else
                            send();
                    });
            connect(upstream, &QTcpSocket::connected, upstream,
                    [upstream, forwarded, fault, guard] {
                        upstream->write(forwarded);
                        if (fault != CutRequest)
                            return;
                        // Hang up once the partial request has left: the server never gets the
                        // rest.
                        connect(upstream, &QTcpSocket::bytesWritten, upstream, [upstream, guard] {
                            if (upstream->bytesToWrite() > 0)
                                return;
                            upstream->abort();
                            if (guard)
                                guard->abort();
                        });
                    });
            upstream->connectToHost(m_upstream.host(), quint16(m_upstream.port()));
        });
    }
}

} // namespace onsite::test
