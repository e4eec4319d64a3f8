#pragma once

#include "ApiError.h"

#include "Assignment.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace onsite::server {

// Assignments in the database, shared by the HTTP handlers and `admin`: the company's input
// validated, documents stored with the change feed's sequence, read back with labels for
// `now`. Every worker-facing method takes the worker id and only touches that worker's rows.
class AssignmentStore
{
public:
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
    // The worker's feed page as JSON text, {changes, cursor, more, removed}: assembled from
    // the stored documents' bytes with the labels of `now` set in each, nothing decoded.
    static QByteArray changes(qint64 workerId, qint64 since, int limit, const QDateTime &now,
                              ApiError *err);
    static int assignmentCount();

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
    // The document as the API shows it at `now` (labels computed), from one in memory.
    static QJsonObject present(Assignment a, const QDateTime &now);
    // The same from the document a just wrote (`stored`): the labels of `now` added, no encoding.
    static QJsonObject present(const Assignment &a, QJsonObject stored, const QDateTime &now);
    // Inside the caller's transaction: stores a changed document with the next rev and seq.
    // *stored (if given): the document as written (without labels), for present() below.
    static bool saveChanged(Assignment &a, qint64 workerId, QJsonObject *stored = nullptr);
};

} // namespace onsite::server
