#pragma once

#include <QHash>
#include <QTcpServer>
#include <QUrl>

namespace onsite::test {

// An HTTP proxy between the app and the server that misbehaves on purpose: it drops
// connections before or after the server saw the request, answers 502 itself, truncates or
// garbles the server's answer, or delays it past the client's timeout. One request per
// connection (it forwards with Connection: close).
class FaultProxy : public QTcpServer
{
    Q_OBJECT
public:
    enum Fault { Pass, DropBefore, DropAfter, BadGateway, Truncate, Garbage, Delay, FaultCount };

    FaultProxy(QUrl upstream, QObject *parent = nullptr);
    bool start();
    QUrl apiBase() const;
    void setFaultPercent(int percent) { m_percent = percent; }
    void setDelayMs(int ms) { m_delayMs = ms; }
    QHash<int, int> counts() const { return m_counts; }

private:
    void onConnection();
    Fault pick();

    QUrl m_upstream;
    int m_percent = 0;
    qint64 m_requests = 0;
    int m_faults = 0;
    int m_delayMs = 3000;
    QHash<int, int> m_counts;
};

} // namespace onsite::test
