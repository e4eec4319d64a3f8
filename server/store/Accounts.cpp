#include "Accounts.h"

#include "Database.h"
#include "Secrets.h"
#include "Sessions.h"
#include "StoredJson.h"

#include <QJsonObject>
#include <QStringList>

namespace onsite::server {

qint64 Accounts::createCompany(const QString &name, const QJsonObject &settings, ApiError *err)
{
    if (name.trimmed().isEmpty()) {
        *err = ApiError::badRequest(QStringLiteral("name: must not be empty"));
        return 0;
    }
    Sql q(QStringLiteral(
        "INSERT INTO companies (name, settings, created_at) VALUES (?, ?, ?) RETURNING id"));
    const qint64 id =
        q.execReturning({name.trimmed(), StoredJson::compact(settings), Database::nowMs()});
    if (id < 0)
        *err = ApiError::internal();
    return qMax<qint64>(id, 0);
}

qint64 Accounts::createWorker(const QString &email, const QString &name, const QString &password,
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

QString Accounts::companyName(qint64 companyId)
{
    Sql q(QStringLiteral("SELECT name FROM companies WHERE id = ?"));
    return q.exec({companyId}) && q.next() ? q.value(0).toString() : QString();
}

QString Accounts::createCompanyToken(qint64 companyId, ApiError *err)
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

std::optional<qint64> Accounts::companyForToken(const QString &token)
{
    Sql q(QStringLiteral("SELECT company_id FROM company_tokens WHERE token_hash = ?"));
    if (q.exec({Secrets::tokenHash(token)}) && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

std::optional<qint64> Accounts::workerForToken(const QString &token)
{
    const Sessions::Check c = Sessions::check(token, Database::nowMs());
    return c.workerId ? std::optional<qint64>(c.workerId) : std::nullopt;
}

std::optional<qint64> Accounts::workerIdByEmail(const QString &email)
{
    Sql q(QStringLiteral("SELECT id FROM workers WHERE email = ?"));
    if (q.exec({email.trimmed().toLower()}) && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

QJsonObject Accounts::worker(qint64 workerId)
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

// Takes back one claim of each key made at `now` (one row each, whichever copy).
bool unclaim(const QStringList &keys, qint64 now)
{
    const QString row = Database::isPostgres() ? QStringLiteral("ctid") : QStringLiteral("rowid");
    Sql del(QStringLiteral("DELETE FROM signin_failures WHERE %1 IN (SELECT %1 "
                           "FROM signin_failures WHERE key = ? AND at = ? LIMIT 1)")
                .arg(row));
    for (const QString &key : keys)
        if (!del.exec({key, now}))
            return false;
    return true;
}

} // namespace

QJsonObject Accounts::signIn(const QString &email, const QString &password, const QString &peer,
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
    // Right: only this request's own claims are taken back. Earlier failures stand for their
    // window, and so do the claims of checks still running: forgiving them would hand an
    // attacker racing the owner a fresh allowance (at most kMaxSignInFailures per window).
    const QString token = Secrets::newToken("ow_");
    Transaction tx;
    Sql session(QStringLiteral("INSERT INTO sessions (token_hash, worker_id, created_at,"
                               " last_used_at) VALUES (?, ?, ?, ?)"));
    if (!tx.ok() || !unclaim(keys, now) ||
        !session.exec({Secrets::tokenHash(token), workerId, now, now}) || !tx.commit()) {
        *err = ApiError::internal();
        return {};
    }
    return {{QStringLiteral("token"), token}, {QStringLiteral("worker"), worker(workerId)}};
}

void Accounts::signOut(const QString &token)
{
    Sql q(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
    q.exec({Secrets::tokenHash(token)});
}

} // namespace onsite::server
