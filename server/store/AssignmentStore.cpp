#include "AssignmentStore.h"

#include "Accounts.h"
#include "EpochCache.h"
#include "StoredJson.h"
#include "WriteEpoch.h"

#include "AssignmentCodec.h"
#include "AssignmentSummary.h"
#include "Database.h"
#include "JsonReader.h"
#include "Rules.h"
#include "Scorecard.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace onsite::server {
namespace {

// What a company may set on an assignment; the rest (id, rev, status, logs, requests,
// deliverables, labels) belongs to the server and the worker's operations.
const QSet<QString> kCompanyKeys{QStringLiteral("title"),
                                 QStringLiteral("description"),
                                 QStringLiteral("instructions"),
                                 QStringLiteral("special_instructions"),
                                 QStringLiteral("site"),
                                 QStringLiteral("contact"),
                                 QStringLiteral("schedule"),
                                 QStringLiteral("phone_checkin"),
                                 QStringLiteral("pricing"),
                                 QStringLiteral("checklist"),
                                 QStringLiteral("tasks"),
                                 QStringLiteral("deliverable_requirements"),
                                 QStringLiteral("deliverables_due_at"),
                                 QStringLiteral("worker_id")};

qint64 nextSeq()
{
    Sql q(QStringLiteral(
        "UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value"));
    // The row lock taken here is held until commit, so sequence order is commit order and a
    // reader paging by seq never skips a change that commits late.
    return q.execReturning();
}

// A stored document as answered: its bytes as written, with the labels of `now` from the
// label inputs kept beside it; no decoding. Rows from before those were kept are decoded.
QJsonObject presentStored(const QString &storedDoc, const QVariant &labelInputs,
                          const QDateTime &now)
{
    QJsonObject o = StoredJson::parse(storedDoc);
    if (labelInputs.isNull()) {
        QString error;
        auto a = AssignmentCodec::fromJson(o, &error);
        return a ? AssignmentStore::present(*a, now) : QJsonObject();
    }
    o.insert(QStringLiteral("labels"),
             AssignmentCodec::labelsToJson(Rules::labelsAt(
                 AssignmentSummary::parseLabelsColumn(labelInputs.toString()), now)));
    return o;
}

// presentStored's bytes appended to `out`: the stored bytes with the labels of `now` set in
// them (rows from before label inputs were kept are decoded).
void appendPresented(QByteArray &out, const QByteArray &storedDoc, const QVariant &labelInputs,
                     const QDateTime &now)
{
    if (!labelInputs.isNull()) {
        const QJsonArray labels = AssignmentCodec::labelsToJson(
            Rules::labelsAt(AssignmentSummary::parseLabelsColumn(labelInputs.toString()), now));
        if (StoredJson::appendWithKey(out, storedDoc, "labels",
                                      QJsonDocument(labels).toJson(QJsonDocument::Compact)))
            return;
    }
    out += QJsonDocument(presentStored(QString::fromUtf8(storedDoc), {}, now))
               .toJson(QJsonDocument::Compact);
}

ApiError checkCompanyInput(const QJsonObject &input)
{
    for (auto it = input.begin(); it != input.end(); ++it)
        if (!kCompanyKeys.contains(it.key()))
            return ApiError::badRequest(
                QStringLiteral("Unknown or read-only field \"%1\".").arg(it.key()));
    return {};
}

// Company-level rules that the document codec cannot know.
ApiError checkAssignment(Assignment &a)
{
    if (a.schedule.confirmRequired && !a.schedule.confirmBy.isValid())
        a.schedule.confirmBy = a.schedule.start.addSecs(-24 * 3600);
    if (a.deliverablesDueAt.isValid() &&
        (a.deliverablesDueAt > a.schedule.end.addDays(7) || a.deliverablesDueAt < a.schedule.start))
        return ApiError::badRequest(QStringLiteral(
            "deliverables_due_at: must fall between the start and 7 days after the end"));
    if (a.pricing.type == PricingType::Hourly && a.pricing.hourlyRateCents <= 0)
        return ApiError::badRequest(
            QStringLiteral("pricing.hourly_rate_cents: required for hourly work"));
    return {};
}

bool workerExists(qint64 workerId)
{
    Sql q(QStringLiteral("SELECT 1 FROM workers WHERE id = ?"));
    return q.exec({workerId}) && q.next();
}

// Stores doc as the current state of assignment a.id for workerId, with a new seq; moves it
// out of the previous worker's view when the worker changes. Runs inside the caller's
// transaction.
bool writeAssignment(Assignment &a, qint64 workerId, qint64 previousWorker,
                     QJsonObject *stored = nullptr)
{
    const qint64 seq = nextSeq();
    if (seq < 0)
        return false;
    a.labels.clear();
    Sql update(QStringLiteral(
        "UPDATE assignments SET worker_id = ?, rev = ?, seq = ?, doc = ?, label_inputs = ?, "
        "updated_at = ? WHERE id = ?"));
    const QJsonObject doc = AssignmentCodec::toJson(a);
    if (!update.exec({workerId, a.rev, seq, StoredJson::compact(doc),
                      AssignmentSummary::labelsColumn(Rules::potentialLabels(a)), Database::nowMs(),
                      a.id}))
        return false;
    if (stored)
        *stored = doc;
    if (previousWorker > 0 && previousWorker != workerId) {
        Sql removal(QStringLiteral(
            "INSERT INTO removals (worker_id, assignment_id, seq) VALUES (?, ?, ?) "
            "ON CONFLICT (worker_id, assignment_id) DO UPDATE SET seq = excluded.seq"));
        if (!removal.exec({previousWorker, a.id, seq}))
            return false;
    }
    Sql back(QStringLiteral("DELETE FROM removals WHERE worker_id = ? AND assignment_id = ?"));
    return back.exec({workerId, a.id});
}

QJsonObject companySettings(qint64 companyId)
{
    Sql q(QStringLiteral("SELECT settings FROM companies WHERE id = ?"));
    return q.exec({companyId}) && q.next() ? StoredJson::parse(q.value(0).toString())
                                           : QJsonObject();
}

} // namespace

QJsonObject AssignmentStore::createAssignment(qint64 companyId, const QJsonObject &input,
                                              const QDateTime &now, ApiError *err)
{
    if ((*err = checkCompanyInput(input)))
        return {};
    const QJsonValue workerValue = input.value(QStringLiteral("worker_id"));
    const qint64 workerId = workerValue.toInteger(0);
    if (!workerValue.isDouble() || !workerExists(workerId)) {
        *err = ApiError::badRequest(QStringLiteral("worker_id: no such worker"));
        return {};
    }
    // Company settings give the defaults; the input overrides them per assignment.
    const QJsonObject settings = companySettings(companyId);
    QJsonObject doc = input;
    doc.remove(QStringLiteral("worker_id"));
    for (const QString &key : {QStringLiteral("checklist"), QStringLiteral("phone_checkin")})
        if (!doc.contains(key) && settings.contains(key))
            doc.insert(key, settings.value(key));
    if (settings.contains(QStringLiteral("counteroffers_allowed")) &&
        doc.value(QStringLiteral("pricing")).isObject()) {
        QJsonObject pricing = doc.value(QStringLiteral("pricing")).toObject();
        if (!pricing.contains(QStringLiteral("counteroffers_allowed")))
            pricing.insert(QStringLiteral("counteroffers_allowed"),
                           settings.value(QStringLiteral("counteroffers_allowed")));
        doc.insert(QStringLiteral("pricing"), pricing);
    }
    doc.insert(QStringLiteral("id"), 1); // placeholder until the row exists
    doc.insert(QStringLiteral("rev"), 1);
    doc.insert(QStringLiteral("status"), QStringLiteral("assigned"));
    doc.insert(QStringLiteral("company"),
               QJsonObject{{QStringLiteral("id"), companyId},
                           {QStringLiteral("name"), Accounts::companyName(companyId)}});
    QString why;
    auto a = AssignmentCodec::fromJson(doc, &why);
    if (!a) {
        *err = ApiError::badRequest(why);
        return {};
    }
    if ((*err = checkAssignment(*a)))
        return {};
    return insertAssignment(companyId, workerId, *a, now, err);
}

QJsonObject AssignmentStore::insertAssignment(qint64 companyId, qint64 workerId, Assignment &a,
                                              const QDateTime &now, ApiError *err,
                                              bool ownTransaction)
{
    std::optional<Transaction> tx;
    if (ownTransaction)
        tx.emplace();
    Sql insert(QStringLiteral("INSERT INTO assignments (company_id, worker_id, rev, seq, doc, "
                              "updated_at) VALUES (?, ?, 1, 0, '{}', ?) RETURNING id"));
    a.id = !tx || tx->ok() ? insert.execReturning({companyId, workerId, Database::nowMs()}) : -1;
    if (a.id < 0) {
        *err = ApiError::internal();
        return {};
    }
    a.company = {companyId, Accounts::companyName(companyId)};
    a.rev = 1;
    if (!writeAssignment(a, workerId, 0) || (tx && !tx->commit())) {
        *err = ApiError::internal();
        return {};
    }
    a.labels = Rules::labels(a, now);
    return AssignmentCodec::toJson(a);
}

QJsonObject AssignmentStore::patchAssignment(qint64 companyId, qint64 id, const QJsonObject &patch,
                                             const QDateTime &now, ApiError *err)
{
    if ((*err = checkCompanyInput(patch)))
        return {};
    Transaction tx;
    Sql q(QStringLiteral("SELECT doc, worker_id FROM assignments WHERE id = ? AND company_id = ?"));
    if (!tx.ok() || !q.exec({id, companyId})) {
        *err = ApiError::internal();
        return {};
    }
    if (!q.next()) {
        *err = ApiError::notFound(QStringLiteral("assignment"));
        return {};
    }
    QJsonObject doc = StoredJson::parse(q.value(0).toString());
    const qint64 previousWorker = q.value(1).toLongLong();
    qint64 workerId = previousWorker;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key() == QLatin1String("worker_id")) {
            workerId = it.value().toInteger(0);
            if (!it.value().isDouble() || !workerExists(workerId)) {
                *err = ApiError::badRequest(QStringLiteral("worker_id: no such worker"));
                return {};
            }
        } else {
            doc.insert(it.key(), it.value());
        }
    }
    QString why;
    auto a = AssignmentCodec::fromJson(doc, &why);
    if (!a) {
        *err = ApiError::badRequest(why);
        return {};
    }
    if ((*err = checkAssignment(*a)))
        return {};
    a->rev += 1;
    if (!writeAssignment(*a, workerId, previousWorker) || !tx.commit()) {
        *err = ApiError::internal();
        return {};
    }
    a->labels = Rules::labels(*a, now);
    return AssignmentCodec::toJson(*a);
}

namespace {

// One assignment document, if `owner` (company_id or worker_id, as the column says) holds it.
QJsonObject ownedAssignment(const QString &ownerColumn, qint64 owner, qint64 id,
                            const QDateTime &now, ApiError *err)
{
    Sql q(QStringLiteral("SELECT doc, label_inputs FROM assignments WHERE id = ? AND %1 = ?")
              .arg(ownerColumn));
    if (!q.exec({id, owner})) {
        *err = ApiError::internal();
        return {};
    }
    if (!q.next()) {
        *err = ApiError::notFound(QStringLiteral("assignment"));
        return {};
    }
    return presentStored(q.value(0).toString(), q.value(1), now);
}

} // namespace

QJsonObject AssignmentStore::companyAssignment(qint64 companyId, qint64 id, const QDateTime &now,
                                               ApiError *err)
{
    return ownedAssignment(QStringLiteral("company_id"), companyId, id, now, err);
}

QJsonObject AssignmentStore::workerAssignment(qint64 workerId, qint64 id, const QDateTime &now,
                                              ApiError *err)
{
    return ownedAssignment(QStringLiteral("worker_id"), workerId, id, now, err);
}

namespace {

// A feed entry: a changed document, or an assignment taken away (removedId).
struct FeedItem {
    qint64 seq;
    QByteArray doc;
    QVariant labelInputs;
    qint64 removedId;
};

// The answer to GET /changes: the items' documents with the labels of `now`, the removals, and
// the cursor after the last item (`since` when there is none).
QByteArray feedPage(const QList<FeedItem> &items, bool more, qint64 since, const QDateTime &now)
{
    qsizetype bytes = 128;
    for (const FeedItem &it : items)
        bytes += it.doc.size() + 96;
    // The keys in QJsonDocument's order, as the answer always had them; one buffer, sized once.
    QByteArray page;
    page.reserve(bytes);
    page += "{\"changes\":[";
    QByteArray removed;
    qint64 cursor = since;
    bool first = true;
    for (const FeedItem &it : items) {
        cursor = it.seq;
        if (it.removedId) {
            removed += (removed.isEmpty() ? "" : ",") + QByteArray::number(it.removedId);
            continue;
        }
        if (!first)
            page += ',';
        first = false;
        appendPresented(page, it.doc, it.labelInputs, now);
    }
    page += "],\"cursor\":\"" + QByteArray::number(cursor) +
            "\",\"more\":" + (more ? "true" : "false") + ",\"removed\":[" + removed + "]}";
    return page;
}

// For each worker, a cursor after which their feed was found empty, kept until the next write
// (WriteEpoch): an app asks every few seconds and is mostly told nothing new, which then costs
// no read of the tables.
EpochCache<qint64, qint64> &quietFeeds()
{
    static EpochCache<qint64, qint64> quiet;
    return quiet;
}

} // namespace

QByteArray AssignmentStore::changes(qint64 workerId, qint64 since, int limit, const QDateTime &now,
                                    ApiError *err)
{
    // Told nothing new after a cursor at or before this one, and nothing written since.
    if (quietFeeds().valid(workerId, [since](qint64 quietAfter) { return since >= quietAfter; }))
        return feedPage({}, false, since, now);
    // Changed rows and removals share one sequence: the first `limit` + 1 of each, read by one
    // statement (one snapshot, so a change committing meanwhile cannot be skipped; one round
    // trip to PostgreSQL), merged here: an outer ORDER BY made the database copy and sort the
    // documents themselves. SQLite hands the document over as its stored UTF-8 bytes when asked
    // for a blob.
    const std::optional<QByteArray> before = WriteEpoch::beforeRead();
    Sql feed(QStringLiteral(
                 "SELECT seq, doc, label_inputs, removed FROM ("
                 "SELECT seq, %1 AS doc, label_inputs, 0 AS removed FROM assignments"
                 " WHERE worker_id = ? AND seq > ? ORDER BY seq LIMIT ?) AS changed"
                 " UNION ALL SELECT seq, doc, label_inputs, removed FROM ("
                 "SELECT seq, NULL AS doc, NULL AS label_inputs, assignment_id AS removed"
                 " FROM removals WHERE worker_id = ? AND seq > ? ORDER BY seq LIMIT ?) AS gone")
                 .arg(Database::isPostgres() ? QStringLiteral("doc")
                                             : QStringLiteral("CAST(doc AS BLOB)")));
    if (!feed.exec({workerId, since, limit + 1, workerId, since, limit + 1})) {
        *err = ApiError::internal();
        return {};
    }
    QList<FeedItem> items;
    while (feed.next())
        items.append({feed.value(0).toLongLong(), feed.value(1).toByteArray(), feed.value(2),
                      feed.value(3).toLongLong()});
    std::sort(items.begin(), items.end(),
              [](const FeedItem &a, const FeedItem &b) { return a.seq < b.seq; });
    const bool more = items.size() > limit;
    if (more)
        items.resize(limit);
    if (items.isEmpty()) {
        if (const std::optional<QByteArray> readAt = WriteEpoch::afterRead(before))
            quietFeeds().put(workerId, since, *readAt);
    }
    return feedPage(items, more, since, now);
}

int AssignmentStore::assignmentCount()
{
    Sql q(QStringLiteral("SELECT count(*) FROM assignments"));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

namespace {

// The assignment whose `ownerColumn` (worker_id or company_id) is `owner`, locked for a
// read-modify-write inside the caller's transaction; also who works on it.
bool loadLocked(const QString &ownerColumn, qint64 owner, qint64 id, Assignment *a,
                qint64 *workerId, bool *found)
{
    *found = false;
    Sql load(QStringLiteral("SELECT doc, worker_id FROM assignments WHERE id = ? AND %1 = ?")
                 .arg(ownerColumn) +
             Database::forUpdate());
    if (!load.exec({id, owner}) || !load.next())
        return false;
    *found = true;
    *workerId = load.value(1).toLongLong();
    QString why;
    auto doc = AssignmentCodec::fromJson(StoredJson::parse(load.value(0).toString()), &why);
    load.query().finish();
    if (!doc)
        return false;
    *a = *doc;
    return true;
}

// Every assignment whose `ownerColumn` is `owner`, decoded, in id order.
QList<Assignment> assignmentsOf(const QString &ownerColumn, qint64 owner, ApiError *err)
{
    Sql q(QStringLiteral("SELECT doc FROM assignments WHERE %1 = ? ORDER BY id").arg(ownerColumn));
    if (!q.exec({owner})) {
        *err = ApiError::internal();
        return {};
    }
    QList<Assignment> all;
    while (q.next()) {
        QString why;
        if (auto a = AssignmentCodec::fromJson(StoredJson::parse(q.value(0).toString()), &why))
            all.append(*a);
    }
    return all;
}

} // namespace

bool AssignmentStore::loadForUpdate(qint64 workerId, qint64 id, Assignment *a, bool *found)
{
    qint64 ignored = 0;
    return loadLocked(QStringLiteral("worker_id"), workerId, id, a, &ignored, found);
}

bool AssignmentStore::loadForCompany(qint64 companyId, qint64 id, Assignment *a, qint64 *workerId,
                                     bool *found)
{
    return loadLocked(QStringLiteral("company_id"), companyId, id, a, workerId, found);
}

QList<Assignment> AssignmentStore::workerAssignments(qint64 workerId, ApiError *err)
{
    return assignmentsOf(QStringLiteral("worker_id"), workerId, err);
}

QList<Assignment> AssignmentStore::companyAssignments(qint64 companyId, ApiError *err)
{
    return assignmentsOf(QStringLiteral("company_id"), companyId, err);
}

QJsonObject AssignmentStore::scorecard(qint64 workerId, const QDateTime &now, ApiError *err)
{
    const QList<Assignment> history = workerAssignments(workerId, err);
    if (*err)
        return {};
    QJsonObject o = Scorecard::compute(history, now).toJson();
    o.insert(QStringLiteral("computed_at"), JsonReader::formatInstant(now));
    return o;
}

QJsonObject AssignmentStore::present(Assignment a, const QDateTime &now)
{
    a.labels = Rules::labels(a, now);
    return AssignmentCodec::toJson(a);
}

QJsonObject AssignmentStore::present(const Assignment &a, QJsonObject stored, const QDateTime &now)
{
    stored.insert(QStringLiteral("labels"), AssignmentCodec::labelsToJson(Rules::labels(a, now)));
    return stored;
}

bool AssignmentStore::saveChanged(Assignment &a, qint64 workerId, QJsonObject *stored)
{
    a.rev += 1;
    return writeAssignment(a, workerId, workerId, stored);
}

} // namespace onsite::server
