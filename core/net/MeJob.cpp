#include "MeJob.h"

#include <QNetworkAccessManager>

namespace onsite {

QNetworkReply *MeJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    return nam->get(request);
}

bool MeJob::parse(const QJsonObject &body, QString *error)
{
    m_worker = Worker::fromJson(body);
    if (m_worker.id <= 0) {
        *error = QStringLiteral("worker id missing");
        return false;
    }
    return true;
}

} // namespace onsite
