#include "SignOutJob.h"

#include <QNetworkAccessManager>

namespace onsite {

QNetworkReply *SignOutJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    return nam->deleteResource(request);
}

} // namespace onsite
