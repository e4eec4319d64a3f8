#pragma once

#include <QHash>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QUrl>

namespace onsite::test {

// An HTTP proxy between the app and the server that misbehaves on purpose: it drops
// connections before or after the server saw the request, answers 502 itself, truncates or
// garbles the server's answer, or delays it past the client's timeout. One request per
// connection (it forwards with Connection: close). The cut points are random, from a seed the
// proxy prints so a failing run can be replayed (ONSITE_FAULT_SEED).
class FaultProxy : public QTcpServer
{
    Q_OBJECT
public:
    // CutRequest: forwards the request only up to a random byte of its body, then hangs up on
    // both sides (an upload cut mid-chunk).
    enum Fault {
        Pass,
        DropBefore,
        DropAfter,
        BadGateway,
        Truncate,
        Garbage,
        Delay,
        CutRequest,
        FaultCount
    };

    FaultProxy(QUrl upstream, QObject *parent = nullptr);
    bool start();
    QUrl apiBase() const;
    void setFaultPercent(int percent) { m_percent = percent; }
    void setDelayMs(int ms) { m_delayMs = ms; }
    QHash<int, int> counts() const { return m_counts; }
    // Cuts every tus upload once: after 0-3 of its chunks went through, one chunk is cut at a
    // random byte (on top of the percentage of other faults).
    void setCutEachUploadOnce(bool on) { m_cutEachUpload = on; }
    int uploadsCut() const { return m_uploadsCut; }
    // "METHOD path offset" of every request seen (offset: Upload-Offset, or -1).
    QStringList log() const { return m_log; }
    // Every answered exchange: "METHOD path", the bytes of the request (head and body) and of
    // the answer, as they crossed the proxy.
    struct Transfer {
        QString request;
        qint64 up = 0;
        qint64 down = 0;
    };
    QList<Transfer> transfers() const { return m_transfers; }

private:
    void onConnection();
    Fault pick();

    QUrl m_upstream;
    int m_percent = 0;
    qint64 m_requests = 0;
    int m_faults = 0;
    int m_delayMs = 3000;
    QHash<int, int> m_counts;
    QRandomGenerator m_random;
    bool m_cutEachUpload = false;
    int m_uploadsCut = 0;
    QHash<QByteArray, int> m_cutPlan; // upload path -> chunks to pass first; -1: cut already
    QStringList m_log;
    QList<Transfer> m_transfers;
};

} // namespace onsite::test
