#pragma once

#include "Backoff.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QPair>
#include <QPointer>

class QObject;
class QTimer;

namespace onsite {

class NetworkJob;

// One upload travelling now (UploadTransfers): its request, where the server is, and the
// chunks in flight.
struct UploadTransfer {
    QPointer<NetworkJob> job;
    QTimer *retryTimer = nullptr;
    Backoff backoff;
    qint64 offset = -1; // as the server last said; -1: ask it (HEAD)
    int checksumFailures = 0;
    qint64 lastProgressMs = -1000; // on UploadTransfers' monotonic clock
    qint64 lastSavedMs = -1000;
    // The next chunk, read and hashed on the pool while this one travels.
    QFuture<QPair<QByteArray, QByteArray>> next;
    qint64 nextOffset = -1;
    // Chunks in flight (at most two: the next one travels while the server stores the
    // last), the byte the next one starts at, and whether the newest has left entirely.
    QList<QPointer<NetworkJob>> chunks;
    qint64 sendOffset = 0;
    bool newestSent = true;
    qint64 shown = 0;

    // Aborts the chunks in flight and forgets the one read ahead; `receiver` hears no more
    // from them.
    void dropChunks(QObject *receiver);
};

} // namespace onsite
