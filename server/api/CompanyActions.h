#pragma once

#include "ApiError.h"

#include <QDateTime>
#include <QJsonObject>

namespace onsite::server {

// What a client company decides about its assignments (DESIGN §4, /company/…): funds
// requests, approval, payment, cancellation. Each is one transaction on the assignment row,
// bumps its rev and change sequence so the worker's next sync brings it, and answers with the
// updated document. Shared by the HTTP routes and `onsite-server admin`.
class CompanyActions
{
public:
    static constexpr int kMaxNoteLength = 4000;

    static QJsonObject decideRequest(qint64 companyId, qint64 id, const QString &requestId,
                                     bool approve, const QString &note, const QDateTime &now,
                                     ApiError *err);
    // Submitted -> approved. Requests still pending are declined: the work is approved at the
    // price agreed so far, as the worker was warned when submitting.
    static QJsonObject approve(qint64 companyId, qint64 id, const QDateTime &now, ApiError *err);
    // Approved -> paid.
    static QJsonObject markPaid(qint64 companyId, qint64 id, const QDateTime &now, ApiError *err);
    // Any state before approval -> cancelled.
    // `reason` (may be empty) is told to the worker with the cancellation.
    static QJsonObject cancel(qint64 companyId, qint64 id, const QString &reason,
                              const QDateTime &now, ApiError *err);
    // A message from the company in the assignment's thread (any status: the thread is the
    // record, before and after the work); answers with the updated document.
    static QJsonObject postMessage(qint64 companyId, qint64 id, const QString &text,
                                   const QDateTime &now, ApiError *err);
    // The thread, for GET …/messages: {messages: [...], messages_read}.
    static QJsonObject thread(const QJsonObject &doc);
    static constexpr int kMaxMessageLength = 2000;

    // A document the company attaches (issue 14 §2): refused unless its name is a plain file
    // name and its content is an accepted format (checked as deliverables are) within
    // kMaxDocumentSize; stored once (the same bytes under the same name again answer the
    // document already attached, *created false). Answers with the document's entry.
    static QJsonObject attachDocument(qint64 companyId, qint64 id, const QString &filename,
                                      const QByteArray &content, const QDateTime &now,
                                      ApiError *err, bool *created);
    // One request carries the whole file, read into memory by the HTTP layer: 64 MiB keeps a
    // few concurrent attachments affordable (deliverables, uploaded with tus in chunks, may be
    // larger).
    static constexpr qint64 kMaxDocumentSize = qint64(64) << 20;
    // {documents: [...]}, for GET …/documents.
    static QJsonObject documents(const QJsonObject &doc);

    // One line per assignment awaiting approval and per pending request, for `admin pending`.
    static QStringList pending(qint64 companyId, ApiError *err);
};

} // namespace onsite::server
