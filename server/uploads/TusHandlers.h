#pragma once

#include "ApiRequest.h"
#include "ApiResponse.h"

#include <QDateTime>

namespace onsite::server {

// /api/v1/uploads[/{id}]: tus 1.0.0 core, creation, checksum, termination and expiration over
// UploadStore. Every answer carries Tus-Resumable; a request without Tus-Resumable: 1.0.0 gets
// 412 (OPTIONS excepted, as the protocol says).
class TusHandlers
{
public:
    // workerId 0: not signed in (only OPTIONS is answered then).
    static ApiResponse handle(const ApiRequest &r, qint64 workerId, const QDateTime &now);
    // GET /files/{deliverable_id} for the worker (companyId 0) or the company (workerId 0).
    static ApiResponse file(const ApiRequest &r, qint64 workerId, qint64 companyId);

private:
    static ApiResponse create(const ApiRequest &r, qint64 workerId, const QDateTime &now);
    static ApiResponse patch(const ApiRequest &r, qint64 workerId, const QString &id,
                             const QDateTime &now);
};

} // namespace onsite::server
