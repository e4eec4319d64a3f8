#include "UploadTransfer.h"

#include "NetworkJob.h"

namespace onsite {

void UploadTransfer::dropChunks(QObject *receiver)
{
    for (const QPointer<NetworkJob> &j : std::as_const(chunks))
        if (j) {
            j->disconnect(receiver);
            j->abort();
            j->deleteLater();
        }
    chunks.clear();
    newestSent = true;
    next = {};
}

} // namespace onsite
