#include "CompanyActions.h"

#include "AcceptedFiles.h"
#include "AssignmentCodec.h"
#include "AssignmentStore.h"
#include "Database.h"
#include "DeliverableFileTable.h"
#include "Enums.h"
#include "Money.h"
#include "Rules.h"
#include "Sha256.h"
#include "UploadFiles.h"

#include <QFile>
#include <QUuid>
#include <functional>

namespace onsite::server {
namespace {

ApiError conflict(const QString &message)
{
    return {409, QStringLiteral("conflict"), message};
}

// Not an error: update() undoes its transaction, and attachDocument() answers the document
// attached before.
const ApiError kAlreadyAttached{200, QStringLiteral("already_attached"), {}};

QString statusWord(const Assignment &a)
{
    return Rules::statusText(a.status).toLower();
}

// Loads the company's assignment for update, lets `change` refuse or change it, stores it.
QJsonObject update(qint64 companyId, qint64 id, const QDateTime &now, ApiError *err,
                   const std::function<ApiError(Assignment &)> &change)
{
    Transaction tx;
    Assignment a;
    qint64 workerId = 0;
    bool found = false;
    if (!tx.ok() || !AssignmentStore::loadForCompany(companyId, id, &a, &workerId, &found)) {
        *err = found || !tx.ok() ? ApiError::internal()
                                 : ApiError::notFound(QStringLiteral("assignment"));
        return {};
    }
    if ((*err = change(a)))
        return {};
    if (!AssignmentStore::saveChanged(a, workerId) || !tx.commit()) {
        *err = ApiError::internal();
        return {};
    }
    a.labels = Rules::labels(a, now);
    return AssignmentCodec::toJson(a);
}

} // namespace

QJsonObject CompanyActions::decideRequest(qint64 companyId, qint64 id, const QString &requestId,
                                          bool approve, const QString &note, const QDateTime &now,
                                          ApiError *err)
{
    if (note.size() > kMaxNoteLength) {
        *err =
            ApiError::badRequest(QStringLiteral("note: at most %1 characters").arg(kMaxNoteLength));
        return {};
    }
    return update(companyId, id, now, err, [&](Assignment &a) -> ApiError {
        if (a.status != AssignmentStatus::InProgress && a.status != AssignmentStatus::Submitted)
            return conflict(
                QStringLiteral("The assignment is %1; its requests can no longer be decided.")
                    .arg(statusWord(a)));
        for (FundsRequest &f : a.fundsRequests) {
            if (f.id != requestId)
                continue;
            if (f.status != FundsStatus::Pending)
                return conflict(QStringLiteral("The request is already %1.")
                                    .arg(Rules::fundsStatusText(f.status).toLower()));
            f.status = approve ? FundsStatus::Approved : FundsStatus::Declined;
            f.decidedAt = now;
            f.decisionNote = note.trimmed();
            return {};
        }
        return ApiError::notFound(QStringLiteral("funds request"));
    });
}

QJsonObject CompanyActions::approve(qint64 companyId, qint64 id, const QDateTime &now,
                                    ApiError *err)
{
    return update(companyId, id, now, err, [&](Assignment &a) -> ApiError {
        if (a.status != AssignmentStatus::Submitted)
            return conflict(QStringLiteral("Only a submitted assignment can be approved; this one "
                                           "is %1.")
                                .arg(statusWord(a)));
        for (FundsRequest &f : a.fundsRequests)
            if (f.status == FundsStatus::Pending) {
                f.status = FundsStatus::Declined;
                f.decidedAt = now;
                f.decisionNote = QStringLiteral("Not decided before approval: the assignment was "
                                                "approved at the agreed price.");
            }
        a.status = AssignmentStatus::Approved;
        a.approvedAt = now;
        return {};
    });
}

QJsonObject CompanyActions::markPaid(qint64 companyId, qint64 id, const QDateTime &now,
                                     ApiError *err)
{
    return update(companyId, id, now, err, [&](Assignment &a) -> ApiError {
        if (a.status != AssignmentStatus::Approved)
            return conflict(
                QStringLiteral("Only an approved assignment can be marked paid; this one is %1.")
                    .arg(statusWord(a)));
        a.status = AssignmentStatus::Paid;
        a.paidAt = now;
        return {};
    });
}

QJsonObject CompanyActions::cancel(qint64 companyId, qint64 id, const QString &reason,
                                   const QDateTime &now, ApiError *err)
{
    return update(companyId, id, now, err, [&](Assignment &a) -> ApiError {
        if (a.status == AssignmentStatus::Approved || a.status == AssignmentStatus::Paid ||
            a.status == AssignmentStatus::Cancelled)
            return conflict(
                QStringLiteral("The assignment is %1 and cannot be cancelled.").arg(statusWord(a)));
        a.status = AssignmentStatus::Cancelled;
        a.cancelReason = reason.trimmed();
        return {};
    });
}

QJsonObject CompanyActions::postMessage(qint64 companyId, qint64 id, const QString &text,
                                        const QDateTime &now, ApiError *err)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxMessageLength) {
        *err = ApiError::badRequest(
            QStringLiteral("text: expected 1 to %1 characters").arg(kMaxMessageLength));
        return {};
    }
    return update(companyId, id, now, err, [&](Assignment &a) -> ApiError {
        a.messages.append({QUuid::createUuid().toString(QUuid::WithoutBraces), MessageFrom::Company,
                           a.company.name, trimmed, now});
        return {};
    });
}

QJsonObject CompanyActions::thread(const QJsonObject &doc)
{
    return {{QStringLiteral("messages"), doc.value(QStringLiteral("messages"))},
            {QStringLiteral("messages_read"), doc.value(QStringLiteral("messages_read"))},
            {QStringLiteral("message_files"), doc.value(QStringLiteral("message_files"))}};
}

QJsonObject CompanyActions::attachDocument(qint64 companyId, qint64 id, const QString &filename,
                                           const QByteArray &content, const QDateTime &now,
                                           ApiError *err, bool *created)
{
    *created = false;
    const QString name = filename.trimmed();
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) ||
        name.contains(QChar::ReplacementCharacter) || AcceptedFiles::sanitizedName(name) != name) {
        *err = {400, QStringLiteral("bad_name"),
                QStringLiteral("The file name must be a plain name without a folder or control "
                               "characters, at most 200 characters.")};
        return {};
    }
    const FileVerdict verdict = AcceptedFiles::check(name, content.left(AcceptedFiles::kSniffBytes),
                                                     content.size(), kMaxDocumentSize);
    if (!verdict.ok) {
        const int status = verdict.code == QLatin1String("too_large") ? 413
                           : verdict.code == QLatin1String("empty")   ? 400
                                                                      : 415;
        *err = {status, verdict.code, verdict.message};
        return {};
    }
    const QString sha = QString::fromLatin1(Sha256::hex(content));
    // The bytes are written (and synced) before the transaction, not while it holds the
    // database's write lock; a refusal or a retry then deletes them.
    QString stored;
    if (!UploadFiles::store(content, &stored)) {
        *err = ApiError::internal();
        return {};
    }
    ClientDocument added;
    update(companyId, id, now, err, [&](Assignment &a) -> ApiError {
        for (const ClientDocument &d : a.documents)
            if (d.sha256 == sha && d.filename == name) {
                added = d; // a retry: the file is already there; change nothing
                return kAlreadyAttached;
            }
        added = {QUuid::createUuid().toString(QUuid::WithoutBraces), name, content.size(), sha,
                 now};
        a.documents.append(added);
        if (!DeliverableFileTable::add(
                {added.id, a.id, 0, stored, added.size, sha, now.toMSecsSinceEpoch()}))
            return ApiError::internal();
        *created = true;
        return {};
    });
    if (!*created) // refused, or a retry: nothing refers to these bytes
        QFile::remove(UploadFiles::storedPath(stored));
    if (err->code == kAlreadyAttached.code) {
        *err = {};
        return AssignmentCodec::documentToJson(added);
    }
    if (*err) {
        *created = false;
        return {};
    }
    return AssignmentCodec::documentToJson(added);
}

QJsonObject CompanyActions::documents(const QJsonObject &doc)
{
    return {{QStringLiteral("documents"), doc.value(QStringLiteral("documents"))}};
}

QStringList CompanyActions::pending(qint64 companyId, ApiError *err)
{
    const QList<Assignment> all = AssignmentStore::companyAssignments(companyId, err);
    QStringList out;
    for (const Assignment &a : all) {
        if (a.status == AssignmentStatus::Submitted)
            out << QStringLiteral("assignment %1 submitted: %2").arg(a.id).arg(a.title);
        if (a.status == AssignmentStatus::Approved)
            out << QStringLiteral("assignment %1 approved, to pay: %2").arg(a.id).arg(a.title);
        for (const FundsRequest &f : a.fundsRequests)
            if (f.status == FundsStatus::Pending)
                out << QStringLiteral("request %1 on assignment %2: %3 %4 — %5")
                           .arg(f.id)
                           .arg(a.id)
                           .arg(toWire(f.kind), Money::format(f.amountCents, a.pricing.currency),
                                f.reason);
    }
    return out;
}

} // namespace onsite::server
