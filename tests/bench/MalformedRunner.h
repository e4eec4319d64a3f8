#pragma once

// bench_malformed's sender: C connections, each taking the next case when its last one is
// done; counts the answers by status, the 5xx, hangs (nothing within 10 s) and answers to one
// request read as two.

#include "BenchHttp.h"
#include "MalformedCase.h"

#include <QEventLoop>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTimer>
#include <vector>

namespace bench {

constexpr int kHangMs = 10000;

class MalformedGenerator;

class MalformedRunner : public QObject
{
public:
    struct Failure {
        QByteArray label, request, answer;
    };
    QMap<int, qint64> byStatus; // -1: closed without an answer
    qint64 done = 0, hangs = 0, fiveXX = 0, closed = 0, extraBytes = 0, connectFailures = 0;
    QList<Failure> firstFiveXX, firstHangs, firstExtra;
    QMap<QByteArray, qint64> hangsByLabel, fiveXXByLabel, closedByLabel, extraByLabel;
    bool serverGone = false;

    MalformedRunner(Server &server, MalformedGenerator &gen, int connections);

    // Runs n cases; false if the server went away.
    bool run(qint64 n);
    QList<QByteArray> inFlight() const;
    // Forgets the figures so far (the warm-up's).
    void resetFigures();
    // Prints the figures of the requests since the last reset, which took `seconds`.
    void printFigures(double seconds) const;

private:
    struct Slot {
        QTcpSocket *socket = nullptr;
        quint64 generation = 0;
        bool connected = false;
        bool busy = false;
        MalformedCase c;
        ResponseParser parser;
        QTimer timer;
    };

    void drop(Slot &s);
    void startNext(int i);
    void open(int i);
    void send(int i);
    void onRead(int i);
    void onClosed(int i);
    void onHang(int i);
    void finish(int i, int status, const QByteArray &answer);

    Server &m_server;
    MalformedGenerator &m_gen;
    std::vector<Slot> m_slots;
    QEventLoop m_loop;
    qint64 m_remaining = 0;
    int m_inFlight = 0;
};

} // namespace bench
