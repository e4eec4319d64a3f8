#pragma once

#include "ApiError.h"

#include "Assignment.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace onsite::server {

// What the server does with its database, shared by the HTTP handlers and `admin`. Every
// worker-facing method takes the worker id and only ever touches that worker's rows.
class ServerStore
{
public:
    static constexpr int kMaxSignInFailures = 5;
    static constexpr qint64 kFailureWindowMs = 15 * 60 * 1000;

    // Companies, workers, tokens
    static qint64 createCompany(const QString &name, const QJsonObject &settings, ApiError *err);
    static qint64 createWorker(const QString &email, const QString &name, const QString &password,
                               ApiError *err);
    static QString createCompanyToken(qint64 companyId, ApiError *err);
    static std::optional<qint64> companyForToken(const QString &token);
    static std::optional<qint64> workerForToken(const QString &token);
    static QJsonObject worker(qint64 workerId);
    static std::optional<qint64> workerIdByEmail(const QString &email);

    // Sign-in: {token, worker} or an error (401 bad credentials, 429 too many failures).
    static QJsonObject signIn(const QString &email, const QString &password, const QString &peer,
                              ApiError *err);
    static void signOut(const QString &token);

    // Assignments. Documents are returned with labels computed for `now`.
    static QJsonObject createAssignment(qint64 companyId, const QJsonObject &input,
                                        const QDateTime &now, ApiError *err);
    // Stores a complete document as given (admin import with history, demo data); sets a.id.
    // With ownTransaction false the caller holds the transaction (bulk imports).
    static QJsonObject insertAssignment(qint64 companyId, qint64 workerId, Assignment &a,
                                        const QDateTime &now, ApiError *err,
                                        bool ownTransaction = true);
    static QJsonObject patchAssignment(qint64 companyId, qint64 id, const QJsonObject &patch,
                                       const QDateTime &now, ApiError *err);
    static QJsonObject companyAssignment(qint64 companyId, qint64 id, const QDateTime &now,
                                         ApiError *err);
    static QJsonObject workerAssignment(qint64 workerId, qint64 id, const QDateTime &now,
                                        ApiError *err);
    static QJsonObject changes(qint64 workerId, qint64 since, int limit, const QDateTime &now,
                               ApiError *err);
    static int assignmentCount();

    // POST /ops: applies each operation in order, each in its own transaction, at most once
    // per op_id whatever the number of processes; returns {results: [...]}.
    static QJsonObject applyOperations(qint64 workerId, const QJsonArray &ops,
                                       const QDateTime &now);
    static QJsonObject applyOperation(qint64 workerId, const QJsonObject &raw,
                                      const QDateTime &now);
    // A check-in or check-out from the phone system; each call_id counts once. Returns the
    // assignment, or sets *error (with an empty result when there is no such assignment).
    static QJsonObject applyPhoneEvent(const QString &callId, qint64 id, bool checkIn,
                                       const QDateTime &at, const QDateTime &now, QString *error);
    // Inside the caller's transaction: the worker's assignment, locked for a read-modify-write
    // (false when there is none or on a database error, told apart by *found).
    static bool loadForUpdate(qint64 workerId, qint64 id, Assignment *a, bool *found);
    // The same for the company's side: any worker's assignment of this company.
    static bool loadForCompany(qint64 companyId, qint64 id, Assignment *a, qint64 *workerId,
                               bool *found);
    // Every assignment of the worker (scorecard, calendar feed) or of the company (`admin
    // pending`), oldest id first.
    static QList<Assignment> workerAssignments(qint64 workerId, ApiError *err);
    static QList<Assignment> companyAssignments(qint64 companyId, ApiError *err);
    // The worker's scorecard (core/Scorecard) from all their assignments.
    static QJsonObject scorecard(qint64 workerId, const QDateTime &now, ApiError *err);
    // Inside the caller's transaction: stores a changed document with the next rev and seq.
    static bool saveChanged(Assignment &a, qint64 workerId);
    // Earlier states of the assignment's edited or deleted time logs, oldest first.
    static QJsonObject timeLogHistory(qint64 companyId, qint64 id, ApiError *err);
    // The same for the worker's own assignment (for the record they print).
    static QJsonObject workerTimeLogHistory(qint64 workerId, qint64 id, ApiError *err);
};

} // namespace onsite::server
