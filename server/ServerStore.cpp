#include "ServerStore.h"

#include "Sessions.h"

#include "AssignmentCodec.h"
#include "Database.h"
#include "JsonReader.h"
#include "Operation.h"
#include "OperationApplier.h"
#include "Rules.h"
#include "Scorecard.h"
#include "Secrets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace onsite::server {
namespace {

// What a company may set on an assignment; the rest (id, rev, status, logs, requests,
// deliverables, labels) belongs to the server and the worker's operations.
const QSet<QString> kCompanyKeys{QStringLiteral("title"),
                                 QStringLiteral("description"),
                                 QStringLiteral("instructions"),
                                 QStringLiteral("special_instructions"),
                                 QStringLiteral("site"),
                                 QStringLiteral("schedule"),
                                 QStringLiteral("phone_checkin"),
                                 QStringLiteral("pricing"),
                                 QStringLiteral("checklist"),
                                 QStringLiteral("tasks"),
                                 QStringLiteral("deliverable_requirements"),
                                 QStringLiteral("deliverables_due_at"),
                                 QStringLiteral("worker_id")};

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

qint64 nextSeq()
{
    Sql q(QStringLiteral(
        "UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value"));
    // The row lock taken here is held until commit, so sequence order is commit order and a
    // reader paging by seq never skips a change that commits late.
    return q.execReturning();
}

QJsonObject present(const QString &storedDoc, const QDateTime &now)
{
    QString error;
    auto a = AssignmentCodec::fromJson(parseObject(storedDoc), &error);
    if (!a)
        return {};
    a->labels = Rules::labels(*a, now);
    return AssignmentCodec::toJson(*a);
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
bool writeAssignment(Assignment &a, qint64 workerId, qint64 previousWorker)
{
    const qint64 seq = nextSeq();
    if (seq < 0)
        return false;
    a.labels.clear();
    Sql update(QStringLiteral(
        "UPDATE assignments SET worker_id = ?, rev = ?, seq = ?, doc = ?, updated_at = ? "
        "WHERE id = ?"));
    if (!update.exec(
            {workerId, a.rev, seq, compact(AssignmentCodec::toJson(a)), Database::nowMs(), a.id}))
        return false;
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

// Row lock for read-modify-write on PostgreSQL; SQLite's IMMEDIATE transaction already
// excludes other writers.
QString forUpdate()
{
    return Database::isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
}

QJsonObject result(const QString &opId, const QString &status, const QString &code,
                   const QString &message, const QJsonObject &assignment)
{
    QJsonObject o{{QStringLiteral("op_id"), opId},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("message"), message}};
    if (!assignment.isEmpty())
        o.insert(QStringLiteral("assignment"), assignment);
    return o;
}

QString companyName(qint64 companyId)
{
    Sql q(QStringLiteral("SELECT name FROM companies WHERE id = ?"));
    return q.exec({companyId}) && q.next() ? q.value(0).toString() : QString();
}

QJsonObject companySettings(qint64 companyId)
{
    Sql q(QStringLiteral("SELECT settings FROM companies WHERE id = ?"));
    return q.exec({companyId}) && q.next() ? parseObject(q.value(0).toString()) : QJsonObject();
}

} // namespace

qint64 ServerStore::createCompany(const QString &name, const QJsonObject &settings, ApiError *err)
{
    if (name.trimmed().isEmpty()) {
        *err = ApiError::badRequest(QStringLiteral("name: must not be empty"));
        return 0;
    }
    Sql q(QStringLiteral(
        "INSERT INTO companies (name, settings, created_at) VALUES (?, ?, ?) RETURNING id"));
    const qint64 id = q.execReturning({name.trimmed(), compact(settings), Database::nowMs()});
    if (id < 0)
        *err = ApiError::internal();
    return qMax<qint64>(id, 0);
}

qint64 ServerStore::createWorker(const QString &email, const QString &name, const QString &password,
                                 ApiError *err)
{
    const QString e = email.trimmed().toLower();
    if (!e.contains(QLatin1Char('@')) || password.size() < 8) {
        *err = ApiError::badRequest(
            QStringLiteral("A worker needs an email address and a password of 8+ characters."));
        return 0;
    }
    if (workerIdByEmail(e)) {
        *err = {409, QStringLiteral("exists"), QStringLiteral("%1 already exists.").arg(e)};
        return 0;
    }
    Sql q(QStringLiteral("INSERT INTO workers (email, name, password_hash, created_at) "
                         "VALUES (?, ?, ?, ?) RETURNING id"));
    const qint64 id =
        q.execReturning({e, name, Secrets::hashPassword(password), Database::nowMs()});
    if (id < 0)
        *err = ApiError::internal();
    return qMax<qint64>(id, 0);
}

QString ServerStore::createCompanyToken(qint64 companyId, ApiError *err)
{
    if (companyName(companyId).isEmpty()) {
        *err = ApiError::notFound(QStringLiteral("company"));
        return {};
    }
    const QString token = Secrets::newToken("oc_");
    Sql q(QStringLiteral(
        "INSERT INTO company_tokens (token_hash, company_id, created_at) VALUES (?, ?, ?)"));
    if (!q.exec({Secrets::tokenHash(token), companyId, Database::nowMs()})) {
        *err = ApiError::internal();
        return {};
    }
    return token;
}

std::optional<qint64> ServerStore::companyForToken(const QString &token)
{
    Sql q(QStringLiteral("SELECT company_id FROM company_tokens WHERE token_hash = ?"));
    if (q.exec({Secrets::tokenHash(token)}) && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

std::optional<qint64> ServerStore::workerForToken(const QString &token)
{
    const Sessions::Check c = Sessions::check(token, Database::nowMs());
    return c.workerId ? std::optional<qint64>(c.workerId) : std::nullopt;
}

std::optional<qint64> ServerStore::workerIdByEmail(const QString &email)
{
    Sql q(QStringLiteral("SELECT id FROM workers WHERE email = ?"));
    if (q.exec({email.trimmed().toLower()}) && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

QJsonObject ServerStore::worker(qint64 workerId)
{
    Sql q(QStringLiteral("SELECT id, email, name FROM workers WHERE id = ?"));
    if (!q.exec({workerId}) || !q.next())
        return {};
    return {{QStringLiteral("id"), q.value(0).toLongLong()},
            {QStringLiteral("email"), q.value(1).toString()},
            {QStringLiteral("name"), q.value(2).toString()}};
}

namespace {

// Claims one password check for this email and address, atomically with the count: SQLite's
// IMMEDIATE transaction and PostgreSQL's advisory lock on the email let one claim at a time
// count and record, so however many arrive at once at most kMaxSignInFailures are checked.
// The claim is recorded as a failure up front (every failure counts, even one whose check
// is cut short) and taken back by a correct password. Every statement is finished before the
// commit: an unfinished read keeps SQLite's snapshot and fails the next write.
enum class Claim { Granted, Limited, Failed };

Claim claimCheck(const QStringList &keys, qint64 now, qint64 windowMs, int limit)
{
    Transaction tx;
    if (!tx.ok())
        return Claim::Failed;
    if (Database::isPostgres()) {
        Sql lock(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext(?))"));
        if (!lock.exec({keys.first()}))
            return Claim::Failed;
        lock.query().finish();
    }
    int counts[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        Sql count(QStringLiteral("SELECT count(*) FROM signin_failures WHERE key = ? AND at > ?"));
        if (!count.exec({keys.at(i), now - windowMs}) || !count.next())
            return Claim::Failed;
        counts[i] = count.value(0).toInt();
        count.query().finish();
    }
    if (counts[0] >= limit || counts[1] >= 10 * limit)
        return Claim::Limited;
    for (const QString &key : keys) {
        Sql fail(QStringLiteral("INSERT INTO signin_failures (key, at) VALUES (?, ?)"));
        if (!fail.exec({key, now}))
            return Claim::Failed;
    }
    return tx.commit() ? Claim::Granted : Claim::Failed;
}

} // namespace

QJsonObject ServerStore::signIn(const QString &email, const QString &password, const QString &peer,
                                ApiError *err)
{
    const QString e = email.trimmed().toLower();
    const qint64 now = Database::nowMs();
    const QStringList keys{QStringLiteral("email:") + e, QStringLiteral("ip:") + peer};
    // Failures are counted in the database so every server process sees the same count.
    switch (claimCheck(keys, now, kFailureWindowMs, kMaxSignInFailures)) {
    case Claim::Failed:
        *err = ApiError::internal();
        return {};
    case Claim::Limited:
        *err = {429, QStringLiteral("rate_limited"),
                QStringLiteral("Too many failed sign-ins. Wait 15 minutes and try again.")};
        return {};
    case Claim::Granted:
        break;
    }
    qint64 workerId = 0;
    QString hash;
    {
        Sql q(QStringLiteral("SELECT id, password_hash FROM workers WHERE email = ?"));
        if (q.exec({e}) && q.next()) {
            workerId = q.value(0).toLongLong();
            hash = q.value(1).toString();
        }
    } // finished before the slow check: no read held open through it
    // Verify against a fixed hash for unknown emails too, so timing does not reveal accounts.
    static const QString dummy = Secrets::hashPassword(QStringLiteral("not-a-real-password"));
    const bool good = Secrets::verifyPassword(workerId ? hash : dummy, password);
    if (!workerId || !good) {
        *err = {401, QStringLiteral("bad_credentials"),
                QStringLiteral("The email address or password is not correct.")};
        return {};
    }
    // Right: the email's failures are forgiven and this address's claim taken back.
    const QString token = Secrets::newToken("ow_");
    Transaction tx;
    Sql clear(QStringLiteral("DELETE FROM signin_failures WHERE key = ?"));
    const QString row = Database::isPostgres() ? QStringLiteral("ctid") : QStringLiteral("rowid");
    Sql unclaim(QStringLiteral("DELETE FROM signin_failures WHERE %1 IN (SELECT %1 FROM "
                               "signin_failures WHERE key = ? AND at = ? LIMIT 1)")
                    .arg(row));
    Sql session(QStringLiteral("INSERT INTO sessions (token_hash, worker_id, created_at,"
                               " last_used_at) VALUES (?, ?, ?, ?)"));
    if (!tx.ok() || !clear.exec({keys.first()}) || !unclaim.exec({keys.last(), now}) ||
        !session.exec({Secrets::tokenHash(token), workerId, now, now}) || !tx.commit()) {
        *err = ApiError::internal();
        return {};
    }
    return {{QStringLiteral("token"), token}, {QStringLiteral("worker"), worker(workerId)}};
}

void ServerStore::signOut(const QString &token)
{
    Sql q(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
    q.exec({Secrets::tokenHash(token)});
}

QJsonObject ServerStore::createAssignment(qint64 companyId, const QJsonObject &input,
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
                           {QStringLiteral("name"), companyName(companyId)}});
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

QJsonObject ServerStore::insertAssignment(qint64 companyId, qint64 workerId, Assignment &a,
                                          const QDateTime &now, ApiError *err, bool ownTransaction)
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
    a.company = {companyId, companyName(companyId)};
    a.rev = 1;
    if (!writeAssignment(a, workerId, 0) || (tx && !tx->commit())) {
        *err = ApiError::internal();
        return {};
    }
    a.labels = Rules::labels(a, now);
    return AssignmentCodec::toJson(a);
}

QJsonObject ServerStore::patchAssignment(qint64 companyId, qint64 id, const QJsonObject &patch,
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
    QJsonObject doc = parseObject(q.value(0).toString());
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
    Sql q(QStringLiteral("SELECT doc FROM assignments WHERE id = ? AND %1 = ?").arg(ownerColumn));
    if (!q.exec({id, owner})) {
        *err = ApiError::internal();
        return {};
    }
    if (!q.next()) {
        *err = ApiError::notFound(QStringLiteral("assignment"));
        return {};
    }
    return present(q.value(0).toString(), now);
}

} // namespace

QJsonObject ServerStore::companyAssignment(qint64 companyId, qint64 id, const QDateTime &now,
                                           ApiError *err)
{
    return ownedAssignment(QStringLiteral("company_id"), companyId, id, now, err);
}

QJsonObject ServerStore::workerAssignment(qint64 workerId, qint64 id, const QDateTime &now,
                                          ApiError *err)
{
    return ownedAssignment(QStringLiteral("worker_id"), workerId, id, now, err);
}

QJsonObject ServerStore::changes(qint64 workerId, qint64 since, int limit, const QDateTime &now,
                                 ApiError *err)
{
    // Changed rows and removals share one sequence; take the first `limit` of both, in order,
    // from one snapshot so a change committing between the two reads cannot be skipped.
    Transaction snapshot(Transaction::Mode::Snapshot);
    Sql rows(QStringLiteral("SELECT seq, doc FROM assignments WHERE worker_id = ? AND seq > ? "
                            "ORDER BY seq LIMIT ?"));
    Sql gone(QStringLiteral("SELECT seq, assignment_id FROM removals WHERE worker_id = ? AND "
                            "seq > ? ORDER BY seq LIMIT ?"));
    if (!snapshot.ok() || !rows.exec({workerId, since, limit + 1}) ||
        !gone.exec({workerId, since, limit + 1})) {
        *err = ApiError::internal();
        return {};
    }
    struct Item {
        qint64 seq;
        QString doc;
        qint64 removedId;
    };
    QList<Item> items;
    while (rows.next())
        items.append({rows.value(0).toLongLong(), rows.value(1).toString(), 0});
    while (gone.next())
        items.append({gone.value(0).toLongLong(), QString(), gone.value(1).toLongLong()});
    std::sort(items.begin(), items.end(),
              [](const Item &a, const Item &b) { return a.seq < b.seq; });
    const bool more = items.size() > limit;
    if (more)
        items.resize(limit);
    QJsonArray changed;
    QJsonArray removed;
    qint64 cursor = since;
    for (const Item &it : items) {
        if (it.removedId)
            removed.append(it.removedId);
        else
            changed.append(present(it.doc, now));
        cursor = it.seq;
    }
    return {{QStringLiteral("changes"), changed},
            {QStringLiteral("removed"), removed},
            {QStringLiteral("cursor"), QString::number(cursor)},
            {QStringLiteral("more"), more}};
}

int ServerStore::assignmentCount()
{
    Sql q(QStringLiteral("SELECT count(*) FROM assignments"));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

} // namespace onsite::server

namespace onsite::server {

QJsonObject ServerStore::applyOperations(qint64 workerId, const QJsonArray &ops,
                                         const QDateTime &now)
{
    QJsonArray results;
    for (const QJsonValue &v : ops)
        results.append(applyOperation(workerId, v.toObject(), now));
    return {{QStringLiteral("results"), results}};
}

QJsonObject ServerStore::applyOperation(qint64 workerId, const QJsonObject &raw,
                                        const QDateTime &now)
{
    QString why;
    const auto op = Operation::fromJson(raw, &why);
    if (!op)
        return result(raw.value(QStringLiteral("op_id")).toString(), QStringLiteral("rejected"),
                      QStringLiteral("invalid"), why, {});
    if (OperationApplier::isPhoneOperation(op->type))
        return result(op->opId, QStringLiteral("rejected"), QStringLiteral("unknown_type"),
                      QStringLiteral("Only the phone system records phone check-ins."), {});
    auto currentDoc = [&]() -> QJsonObject {
        ApiError ignored;
        return workerAssignment(workerId, op->assignmentId, now, &ignored);
    };
    Transaction tx;
    if (!tx.ok())
        return result(op->opId, QStringLiteral("error"), QStringLiteral("internal"),
                      ApiError::internal().message, {});
    // Claim the op_id. A second process sending the same op waits here for the first to
    // commit, then finds the row: the database, not memory, decides "at most once".
    Sql claim(QStringLiteral("INSERT INTO ops (op_id, worker_id, assignment_id, type, status, code,"
                             " message, received_at) VALUES (?, ?, ?, ?, 'pending', '', '', ?)"
                             " ON CONFLICT (op_id) DO NOTHING RETURNING worker_id"));
    const bool claimed = claim.execReturning({op->opId, workerId, op->assignmentId, op->type,
                                              Database::nowMs()}) >= 0;
    if (!claimed) {
        Sql first(
            QStringLiteral("SELECT status, code, message, worker_id FROM ops WHERE op_id = ?"));
        if (!first.exec({op->opId}) || !first.next())
            return result(op->opId, QStringLiteral("error"), QStringLiteral("internal"),
                          ApiError::internal().message, {});
        if (first.value(3).toLongLong() != workerId)
            return result(op->opId, QStringLiteral("rejected"), QStringLiteral("conflict"),
                          QStringLiteral("This op_id was already used."), {});
        const QString status = first.value(0).toString();
        const QString code = first.value(1).toString();
        const QString message = first.value(2).toString();
        tx.commit();
        // Answers as the first time did, and changes nothing.
        return result(op->opId, QStringLiteral("duplicate"), code,
                      message.isEmpty() ? QStringLiteral("Already %1.").arg(status) : message,
                      currentDoc());
    }
    auto finish = [&](const QString &status, const QString &code, const QString &message) {
        Sql record(
            QStringLiteral("UPDATE ops SET status = ?, code = ?, message = ? WHERE op_id = ?"));
        return record.exec({status, code, message, op->opId});
    };
    Sql load(QStringLiteral("SELECT doc FROM assignments WHERE id = ? AND worker_id = ?") +
             forUpdate());
    if (!load.exec({op->assignmentId, workerId}))
        return result(op->opId, QStringLiteral("error"), QStringLiteral("internal"),
                      ApiError::internal().message, {});
    if (!load.next()) {
        const QString message = QStringLiteral("No such assignment.");
        if (finish(QStringLiteral("rejected"), QStringLiteral("not_found"), message) && tx.commit())
            return result(op->opId, QStringLiteral("rejected"), QStringLiteral("not_found"),
                          message, {});
        return result(op->opId, QStringLiteral("error"), QStringLiteral("internal"),
                      ApiError::internal().message, {});
    }
    auto a = AssignmentCodec::fromJson(parseObject(load.value(0).toString()), &why);
    load.query().finish();
    if (!a)
        return result(op->opId, QStringLiteral("error"), QStringLiteral("internal"),
                      ApiError::internal().message, {});
    const Assignment before = *a;
    const OperationOutcome outcome = OperationApplier::apply(*a, *op, now);
    bool ok = true;
    if (outcome.applied) {
        // Keep what each edited or deleted log looked like before, for the client company.
        const QJsonArray beforeLogs =
            AssignmentCodec::toJson(before).value(QStringLiteral("time_logs")).toArray();
        for (int i = 0; i < before.timeLogs.size() && ok; ++i) {
            const TimeLog &old = before.timeLogs.at(i);
            for (const TimeLog &now_ : a->timeLogs) {
                if (now_.id != old.id)
                    continue;
                if (now_.checkIn != old.checkIn || now_.checkOut != old.checkOut ||
                    now_.note != old.note || now_.deleted != old.deleted) {
                    Sql history(QStringLiteral(
                        "INSERT INTO time_log_history (assignment_id, log_id, op_id, replaced_at,"
                        " previous) VALUES (?, ?, ?, ?, ?)"));
                    ok = history.exec({a->id, old.id, op->opId, Database::nowMs(),
                                       compact(beforeLogs.at(i).toObject())});
                }
            }
        }
        a->rev += 1;
        ok = ok && writeAssignment(*a, workerId, workerId);
    }
    ok = ok && finish(outcome.applied ? QStringLiteral("applied") : QStringLiteral("rejected"),
                      outcome.code, outcome.message);
    if (!ok || !tx.commit())
        return result(op->opId, QStringLiteral("error"), QStringLiteral("internal"),
                      ApiError::internal().message, {});
    return result(op->opId,
                  outcome.applied ? QStringLiteral("applied") : QStringLiteral("rejected"),
                  outcome.code, outcome.message, currentDoc());
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
             forUpdate());
    if (!load.exec({id, owner}) || !load.next())
        return false;
    *found = true;
    *workerId = load.value(1).toLongLong();
    QString why;
    auto doc = AssignmentCodec::fromJson(parseObject(load.value(0).toString()), &why);
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
        if (auto a = AssignmentCodec::fromJson(parseObject(q.value(0).toString()), &why))
            all.append(*a);
    }
    return all;
}

// The edit history of an assignment whose `ownerColumn` is `owner`.
QJsonObject historyOf(const QString &ownerColumn, qint64 owner, qint64 id, ApiError *err)
{
    Sql mine(QStringLiteral("SELECT 1 FROM assignments WHERE id = ? AND %1 = ?").arg(ownerColumn));
    if (!mine.exec({id, owner}) || !mine.next()) {
        *err = ApiError::notFound(QStringLiteral("assignment"));
        return {};
    }
    Sql q(QStringLiteral("SELECT log_id, op_id, replaced_at, previous FROM time_log_history"
                         " WHERE assignment_id = ? ORDER BY replaced_at, log_id"));
    if (!q.exec({id})) {
        *err = ApiError::internal();
        return {};
    }
    QJsonArray history;
    while (q.next())
        history.append(
            QJsonObject{{QStringLiteral("log_id"), q.value(0).toString()},
                        {QStringLiteral("op_id"), q.value(1).toString()},
                        {QStringLiteral("replaced_at"),
                         JsonReader::formatInstant(
                             QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC))},
                        {QStringLiteral("previous"), parseObject(q.value(3).toString())}});
    return {{QStringLiteral("history"), history}};
}

} // namespace

bool ServerStore::loadForUpdate(qint64 workerId, qint64 id, Assignment *a, bool *found)
{
    qint64 ignored = 0;
    return loadLocked(QStringLiteral("worker_id"), workerId, id, a, &ignored, found);
}

bool ServerStore::loadForCompany(qint64 companyId, qint64 id, Assignment *a, qint64 *workerId,
                                 bool *found)
{
    return loadLocked(QStringLiteral("company_id"), companyId, id, a, workerId, found);
}

QList<Assignment> ServerStore::workerAssignments(qint64 workerId, ApiError *err)
{
    return assignmentsOf(QStringLiteral("worker_id"), workerId, err);
}

QList<Assignment> ServerStore::companyAssignments(qint64 companyId, ApiError *err)
{
    return assignmentsOf(QStringLiteral("company_id"), companyId, err);
}

QJsonObject ServerStore::scorecard(qint64 workerId, const QDateTime &now, ApiError *err)
{
    const QList<Assignment> history = workerAssignments(workerId, err);
    if (*err)
        return {};
    QJsonObject o = Scorecard::compute(history, now).toJson();
    o.insert(QStringLiteral("computed_at"), JsonReader::formatInstant(now));
    return o;
}

bool ServerStore::saveChanged(Assignment &a, qint64 workerId)
{
    a.rev += 1;
    return writeAssignment(a, workerId, workerId);
}

QJsonObject ServerStore::timeLogHistory(qint64 companyId, qint64 id, ApiError *err)
{
    return historyOf(QStringLiteral("company_id"), companyId, id, err);
}

QJsonObject ServerStore::workerTimeLogHistory(qint64 workerId, qint64 id, ApiError *err)
{
    return historyOf(QStringLiteral("worker_id"), workerId, id, err);
}

} // namespace onsite::server

namespace onsite::server {

QJsonObject ServerStore::applyPhoneEvent(const QString &callId, qint64 id, bool checkIn,
                                         const QDateTime &at, const QDateTime &now, QString *error)
{
    Transaction tx;
    Sql load(QStringLiteral("SELECT doc, worker_id FROM assignments WHERE id = ?") + forUpdate());
    if (!tx.ok() || !load.exec({id}) || !load.next()) {
        *error = QStringLiteral("No such assignment.");
        return {};
    }
    QString why;
    auto a = AssignmentCodec::fromJson(parseObject(load.value(0).toString()), &why);
    const qint64 workerId = load.value(1).toLongLong();
    load.query().finish();
    ApiError ignored;
    if (!a) {
        *error = why;
        return {};
    }
    // The call is recorded like an operation, so a retried webhook changes nothing.
    Sql claim(QStringLiteral("INSERT INTO ops (op_id, worker_id, assignment_id, type, status, code,"
                             " message, received_at) VALUES (?, ?, ?, ?, 'applied', '', '', ?)"
                             " ON CONFLICT (op_id) DO NOTHING RETURNING worker_id"));
    if (claim.execReturning(
            {QStringLiteral("phone:") + callId, workerId, id,
             checkIn ? QStringLiteral("phone.check_in") : QStringLiteral("phone.check_out"),
             Database::nowMs()}) < 0) {
        tx.commit();
        return companyAssignment(a->company.id, id, now, &ignored);
    }
    // The same rules as every other visit, through the one applier.
    const Operation op =
        checkIn ? Operation::make(id, QStringLiteral("phone.check_in"),
                                  {{QStringLiteral("id"), QStringLiteral("phone-") + callId},
                                   {QStringLiteral("at"), JsonReader::formatInstant(at)}},
                                  now)
                : Operation::make(id, QStringLiteral("phone.check_out"),
                                  {{QStringLiteral("at"), JsonReader::formatInstant(at)}}, now);
    const OperationOutcome outcome = OperationApplier::apply(*a, op, now);
    if (!outcome.applied) {
        *error = outcome.message; // the claim is rolled back: a corrected retry may apply
        return AssignmentCodec::toJson(*a);
    }
    a->rev += 1;
    if (!writeAssignment(*a, workerId, workerId) || !tx.commit()) {
        *error = QStringLiteral("The server could not record the call; retry it.");
        return AssignmentCodec::toJson(*a);
    }
    return companyAssignment(a->company.id, id, now, &ignored);
}

} // namespace onsite::server
