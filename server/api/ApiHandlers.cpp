#include "ApiHandlers.h"

#include "Accounts.h"
#include "AssignmentStore.h"
#include "CalendarFeed.h"
#include "CompanyActions.h"
#include "Database.h"
#include "OperationLog.h"
#include "PhoneEvents.h"
#include "Sessions.h"
#include "TusHandlers.h"
#include "WriteEpoch.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>
#include <optional>

namespace onsite::server {
namespace {

QString &publicUrl()
{
    static QString url;
    return url;
}

ApiError methodNotAllowed(const ApiRequest &r)
{
    return {405, QStringLiteral("method_not_allowed"),
            QStringLiteral("%1 is not allowed on /api/v1/%2.").arg(r.method, r.path)};
}

// The body as a JSON object, or a 400 that says what is wrong with it.
bool jsonBody(const ApiRequest &r, QJsonObject *out, ApiError *err)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *err = ApiError::badRequest(
            QStringLiteral("Malformed JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString()));
        return false;
    }
    if (!doc.isObject()) {
        *err = ApiError::badRequest(QStringLiteral("The body must be a JSON object."));
        return false;
    }
    *out = doc.object();
    return true;
}

bool onlyKeys(const QJsonObject &o, const QSet<QString> &allowed, ApiError *err)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!allowed.contains(it.key())) {
            *err = ApiError::badRequest(QStringLiteral("Unknown field \"%1\".").arg(it.key()));
            return false;
        }
    return true;
}

qint64 parseId(const QString &s)
{
    bool ok = false;
    const qint64 id = s.toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

ApiResponse result(const QJsonObject &body, const ApiError &err, int status = 200)
{
    return err ? ApiResponse::error(err) : ApiResponse::json(body, status);
}

ApiResponse session(const ApiRequest &r)
{
    ApiError err;
    if (r.method == QLatin1String("DELETE")) {
        if (r.bearerToken().isEmpty() || !Accounts::workerForToken(r.bearerToken()))
            return ApiResponse::error(
                {401, QStringLiteral("unauthorized"), QStringLiteral("Sign in first.")});
        Accounts::signOut(r.bearerToken());
        return ApiResponse::noContent();
    }
    if (r.method != QLatin1String("POST"))
        return ApiResponse::error(methodNotAllowed(r));
    QJsonObject in;
    if (!jsonBody(r, &in, &err) ||
        !onlyKeys(in, {QStringLiteral("email"), QStringLiteral("password")}, &err))
        return ApiResponse::error(err);
    const QJsonValue email = in.value(QStringLiteral("email"));
    const QJsonValue password = in.value(QStringLiteral("password"));
    if (!email.isString() || !password.isString())
        return ApiResponse::error(
            ApiError::badRequest(QStringLiteral("email and password must be strings.")));
    const QJsonObject out =
        Accounts::signIn(email.toString(), password.toString(), r.peer.toString(), &err);
    return result(out, err);
}

// POST /company/assignments/{id}/approve | mark_paid | cancel, with an empty object, and
// POST /company/assignments/{id}/funds_requests/{request}/decision {decision, note}.
ApiResponse companyDecision(const ApiRequest &r, qint64 companyId, const QDateTime &now)
{
    const QStringList &s = r.segments;
    const qint64 id = parseId(s.at(2));
    if (!id)
        return ApiResponse::error(ApiError::notFound(QStringLiteral("assignment")));
    const bool decision = s.size() == 6 && s.at(3) == QLatin1String("funds_requests") &&
                          s.at(5) == QLatin1String("decision");
    const QString action = s.size() == 4 ? s.at(3) : QString();
    if (!decision && action != QLatin1String("approve") && action != QLatin1String("mark_paid") &&
        action != QLatin1String("cancel"))
        return ApiResponse::error(
            ApiError::notFound(QStringLiteral("route /api/v1/%1").arg(r.path)));
    if (r.method != QLatin1String("POST"))
        return ApiResponse::error(methodNotAllowed(r));
    ApiError err;
    QJsonObject in;
    if (!r.body.trimmed().isEmpty() && !jsonBody(r, &in, &err))
        return ApiResponse::error(err);
    if (!decision) {
        const bool cancel = action == QLatin1String("cancel");
        if (!onlyKeys(in, cancel ? QSet<QString>{QStringLiteral("reason")} : QSet<QString>{}, &err))
            return ApiResponse::error(err);
        if (action == QLatin1String("approve"))
            return result(CompanyActions::approve(companyId, id, now, &err), err);
        if (action == QLatin1String("mark_paid"))
            return result(CompanyActions::markPaid(companyId, id, now, &err), err);
        const QJsonValue reason = in.value(QStringLiteral("reason"));
        if (!reason.isUndefined() && !reason.isString())
            return ApiResponse::error(
                ApiError::badRequest(QStringLiteral("reason: expected a string")));
        if (reason.toString().size() > 2000)
            return ApiResponse::error(
                ApiError::badRequest(QStringLiteral("reason: longer than 2000 characters")));
        return result(CompanyActions::cancel(companyId, id, reason.toString(), now, &err), err);
    }
    if (!onlyKeys(in, {QStringLiteral("decision"), QStringLiteral("note")}, &err))
        return ApiResponse::error(err);
    const QString verdict = in.value(QStringLiteral("decision")).toString();
    const QJsonValue note = in.value(QStringLiteral("note"));
    if (verdict != QLatin1String("approve") && verdict != QLatin1String("decline"))
        return ApiResponse::error(
            ApiError::badRequest(QStringLiteral("decision: expected \"approve\" or \"decline\"")));
    if (!note.isUndefined() && !note.isString())
        return ApiResponse::error(ApiError::badRequest(QStringLiteral("note: expected a string")));
    return result(CompanyActions::decideRequest(companyId, id, s.at(4),
                                                verdict == QLatin1String("approve"),
                                                note.toString(), now, &err),
                  err);
}

// /company/assignments/{id}/PART: *id, and the answer to anything but a POST — GET answers
// `part` of the company's document (its thread, its documents), other methods 405.
std::optional<ApiResponse> companyPartRead(const ApiRequest &r, qint64 companyId,
                                           const QDateTime &now,
                                           QJsonObject (*part)(const QJsonObject &), qint64 *id)
{
    *id = parseId(r.segments.at(2));
    if (!*id)
        return ApiResponse::error(ApiError::notFound(QStringLiteral("assignment")));
    if (r.method == QLatin1String("GET")) {
        ApiError err;
        const QJsonObject doc = AssignmentStore::companyAssignment(companyId, *id, now, &err);
        return err ? ApiResponse::error(err) : ApiResponse::json(part(doc));
    }
    if (r.method != QLatin1String("POST"))
        return ApiResponse::error(methodNotAllowed(r));
    return std::nullopt;
}

// GET /company/assignments/{id}/messages: the thread; POST {text}: a message from the company.
ApiResponse companyMessages(const ApiRequest &r, qint64 companyId, const QDateTime &now)
{
    qint64 id = 0;
    if (auto answered = companyPartRead(r, companyId, now, &CompanyActions::thread, &id))
        return *answered;
    ApiError err;
    QJsonObject in;
    if (!jsonBody(r, &in, &err) || !onlyKeys(in, {QStringLiteral("text")}, &err))
        return ApiResponse::error(err);
    if (!in.value(QStringLiteral("text")).isString())
        return ApiResponse::error(ApiError::badRequest(QStringLiteral("text: expected a string")));
    const QJsonObject doc = CompanyActions::postMessage(
        companyId, id, in.value(QStringLiteral("text")).toString(), now, &err);
    return err ? ApiResponse::error(err) : result(CompanyActions::thread(doc), err, 201);
}

// The file name of `Content-Disposition: attachment; filename="…"` (or RFC 6266's
// filename*=UTF-8''…, which wins when both are there); empty when there is none.
QString dispositionName(const QByteArray &header)
{
    // Split on the semicolons outside quoted strings ("a;b.pdf" is one name).
    QList<QByteArray> parts{{}};
    bool quoted = false;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const char c = header.at(i);
        if (c == '\\' && quoted && i + 1 < header.size()) {
            parts.last() += header.mid(i, 2);
            ++i;
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        if (c == ';' && !quoted)
            parts.append(QByteArray());
        else
            parts.last() += c;
    }
    QString plain;
    for (QByteArray part : std::as_const(parts)) {
        part = part.trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = part.left(eq).trimmed().toLower();
        QByteArray value = part.mid(eq + 1).trimmed();
        const qsizetype tick = value.indexOf('\'', 6); // UTF-8'language'name
        if (key == "filename*" && value.toLower().startsWith("utf-8'") && tick > 0 &&
            tick + 1 < value.size())
            return QString::fromUtf8(QByteArray::fromPercentEncoding(value.mid(tick + 1)));
        if (key == "filename") {
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2).replace("\\\"", "\"");
            plain = QString::fromUtf8(value);
        }
    }
    return plain;
}

// GET /company/assignments/{id}/documents: the list; POST: a document, the file as the body.
ApiResponse companyDocuments(const ApiRequest &r, qint64 companyId, const QDateTime &now)
{
    qint64 id = 0;
    if (auto answered = companyPartRead(r, companyId, now, &CompanyActions::documents, &id))
        return *answered;
    ApiError err;
    const QString name = dispositionName(r.header("Content-Disposition"));
    if (name.isEmpty())
        return ApiResponse::error(ApiError::badRequest(
            QStringLiteral("Content-Disposition: expected attachment; filename=\"…\"")));
    bool created = false;
    const QJsonObject added =
        CompanyActions::attachDocument(companyId, id, name, r.body, now, &err, &created);
    return err ? ApiResponse::error(err) : ApiResponse::json(added, created ? 201 : 200);
}

ApiResponse company(const ApiRequest &r, const QDateTime &now)
{
    const auto companyId = Accounts::companyForToken(r.bearerToken());
    if (r.bearerToken().isEmpty() || !companyId)
        return ApiResponse::error({401, QStringLiteral("unauthorized"),
                                   QStringLiteral("A valid company token is required.")});
    const QStringList &s = r.segments;
    ApiError err;
    QJsonObject in;
    if (s.size() == 2 && s.at(1) == QLatin1String("assignments")) {
        if (r.method != QLatin1String("POST"))
            return ApiResponse::error(methodNotAllowed(r));
        if (!jsonBody(r, &in, &err))
            return ApiResponse::error(err);
        return result(AssignmentStore::createAssignment(*companyId, in, now, &err), err, 201);
    }
    if (s.size() == 4 && s.at(1) == QLatin1String("assignments") &&
        s.at(3) == QLatin1String("time_log_history")) {
        if (r.method != QLatin1String("GET"))
            return ApiResponse::error(methodNotAllowed(r));
        const qint64 id = parseId(s.at(2));
        if (!id)
            return ApiResponse::error(ApiError::notFound(QStringLiteral("assignment")));
        return result(OperationLog::timeLogHistory(*companyId, id, &err), err);
    }
    if (s.size() == 4 && s.at(1) == QLatin1String("assignments") &&
        s.at(3) == QLatin1String("messages"))
        return companyMessages(r, *companyId, now);
    if (s.size() == 4 && s.at(1) == QLatin1String("assignments") &&
        s.at(3) == QLatin1String("documents"))
        return companyDocuments(r, *companyId, now);
    if (s.size() >= 4 && s.at(1) == QLatin1String("assignments"))
        return companyDecision(r, *companyId, now);
    if (s.size() == 3 && s.at(1) == QLatin1String("assignments")) {
        const qint64 id = parseId(s.at(2));
        if (!id)
            return ApiResponse::error(ApiError::notFound(QStringLiteral("assignment")));
        if (r.method == QLatin1String("GET"))
            return result(AssignmentStore::companyAssignment(*companyId, id, now, &err), err);
        if (r.method != QLatin1String("PATCH"))
            return ApiResponse::error(methodNotAllowed(r));
        if (!jsonBody(r, &in, &err))
            return ApiResponse::error(err);
        return result(AssignmentStore::patchAssignment(*companyId, id, in, now, &err), err);
    }
    return ApiResponse::error(ApiError::notFound(QStringLiteral("route /api/v1/%1").arg(r.path)));
}

ApiResponse worker(const ApiRequest &r, qint64 workerId, const QDateTime &now)
{
    const QStringList &s = r.segments;
    ApiError err;
    const QString first = s.value(0);
    if (first == QLatin1String("me") && s.size() == 1) {
        if (r.method != QLatin1String("GET"))
            return ApiResponse::error(methodNotAllowed(r));
        return ApiResponse::json(Accounts::worker(workerId));
    }
    if (first == QLatin1String("me") && s.size() == 2 && s.at(1) == QLatin1String("calendar")) {
        if (r.method != QLatin1String("POST"))
            return ApiResponse::error(methodNotAllowed(r));
        const QString token = CalendarFeed::newLink(workerId, &err);
        if (err)
            return ApiResponse::error(err);
        return ApiResponse::json(
            {{QStringLiteral("url"),
              QStringLiteral("%1/api/v1/calendar/%2.ics").arg(publicUrl(), token)}});
    }
    if (first == QLatin1String("assignments") && s.size() == 3 &&
        s.at(2) == QLatin1String("messages")) {
        if (r.method != QLatin1String("GET"))
            return ApiResponse::error(methodNotAllowed(r));
        const qint64 id = parseId(s.at(1));
        if (!id)
            return ApiResponse::error(ApiError::notFound(QStringLiteral("assignment")));
        const QJsonObject doc = AssignmentStore::workerAssignment(workerId, id, now, &err);
        return err ? ApiResponse::error(err) : ApiResponse::json(CompanyActions::thread(doc));
    }
    if (first == QLatin1String("assignments") && s.size() == 3 &&
        s.at(2) == QLatin1String("time_log_history")) {
        if (r.method != QLatin1String("GET"))
            return ApiResponse::error(methodNotAllowed(r));
        const qint64 id = parseId(s.at(1));
        if (!id)
            return ApiResponse::error(ApiError::notFound(QStringLiteral("assignment")));
        return result(OperationLog::workerTimeLogHistory(workerId, id, &err), err);
    }
    if (first == QLatin1String("me") && s.size() == 2 && s.at(1) == QLatin1String("scorecard")) {
        if (r.method != QLatin1String("GET"))
            return ApiResponse::error(methodNotAllowed(r));
        return result(AssignmentStore::scorecard(workerId, now, &err), err);
    }
    if (first == QLatin1String("changes") && s.size() == 1) {
        if (r.method != QLatin1String("GET"))
            return ApiResponse::error(methodNotAllowed(r));
        bool ok = true;
        const QString sinceText = r.query.queryItemValue(QStringLiteral("since"));
        const qint64 since = sinceText.isEmpty() ? 0 : sinceText.toLongLong(&ok);
        if (!ok || since < 0)
            return ApiResponse::error(ApiError::badRequest(
                QStringLiteral("since: expected a cursor from an earlier answer, or 0")));
        const QString limitText = r.query.queryItemValue(QStringLiteral("limit"));
        const int limit = limitText.isEmpty() ? 500 : limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return ApiResponse::error(
                ApiError::badRequest(QStringLiteral("limit: expected 1 to 1000")));
        const QByteArray page = AssignmentStore::changes(workerId, since, limit, now, &err);
        return err ? ApiResponse::error(err) : ApiResponse::jsonText(page);
    }
    if (first == QLatin1String("ops") && s.size() == 1) {
        if (r.method != QLatin1String("POST"))
            return ApiResponse::error(methodNotAllowed(r));
        QJsonObject in;
        if (!jsonBody(r, &in, &err) || !onlyKeys(in, {QStringLiteral("ops")}, &err))
            return ApiResponse::error(err);
        const QJsonValue ops = in.value(QStringLiteral("ops"));
        if (!ops.isArray())
            return ApiResponse::error(
                ApiError::badRequest(QStringLiteral("ops: expected an array")));
        if (ops.toArray().size() > 100)
            return ApiResponse::error(
                ApiError::badRequest(QStringLiteral("ops: at most 100 operations per request")));
        return ApiResponse::json(OperationLog::applyOperations(workerId, ops.toArray(), now));
    }
    if (first == QLatin1String("assignments") && s.size() == 2) {
        if (r.method != QLatin1String("GET"))
            return ApiResponse::error(methodNotAllowed(r));
        const qint64 id = parseId(s.at(1));
        if (!id)
            return ApiResponse::error(ApiError::notFound(QStringLiteral("assignment")));
        return result(AssignmentStore::workerAssignment(workerId, id, now, &err), err);
    }
    return ApiResponse::error(ApiError::notFound(QStringLiteral("route /api/v1/%1").arg(r.path)));
}

} // namespace

void ApiHandlers::setPublicUrl(const QString &url)
{
    publicUrl() = url;
}

ApiResponse ApiHandlers::handle(const ApiRequest &r)
{
    WriteEpoch::forget();
    if (r.versionTaken)
        WriteEpoch::taken(r.version);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString first = r.segments.value(0);
    if (first == QLatin1String("session") && r.segments.size() == 1)
        return session(r);
    if (first == QLatin1String("company"))
        return company(r, now);
    if (first == QLatin1String("calendar") && r.segments.size() == 2 &&
        r.segments.at(1).endsWith(QLatin1String(".ics"))) {
        if (r.method != QLatin1String("GET") && r.method != QLatin1String("HEAD"))
            return ApiResponse::error(methodNotAllowed(r));
        ApiError err;
        ApiResponse out;
        out.body = CalendarFeed::feed(r.segments.at(1).chopped(4), now, &err);
        if (err)
            return ApiResponse::error(err);
        out.contentType = "text/calendar; charset=utf-8";
        out.headers.append(
            qMakePair(QByteArray("Cache-Control"), QByteArray("private, max-age=300")));
        return out;
    }
    if (first == QLatin1String("phone") && r.segments.value(1) == QLatin1String("events") &&
        r.segments.size() == 2)
        return PhoneEvents::handle(r, now);
    const QString token = r.bearerToken();
    const Sessions::Check session =
        token.isEmpty() ? Sessions::Check{} : Sessions::check(token, Database::nowMs());
    if (session.ended)
        return ApiResponse::error(
            {401, QStringLiteral("session_expired"),
             QStringLiteral("The session has ended (%1 days unused, or %2 days since signing "
                            "in); sign in again.")
                 .arg(Sessions::idleMs() / Sessions::kDayMs)
                 .arg(Sessions::maxMs() / Sessions::kDayMs)});
    const qint64 workerId = session.workerId;
    if (first == QLatin1String("uploads"))
        return TusHandlers::handle(r, workerId, now);
    if (first == QLatin1String("files")) {
        const qint64 companyId =
            workerId || token.isEmpty() ? 0 : Accounts::companyForToken(token).value_or(0);
        if (workerId || companyId)
            return TusHandlers::file(r, workerId, companyId);
    }
    if (!workerId)
        return ApiResponse::error({401, QStringLiteral("unauthorized"),
                                   QStringLiteral("Sign in first: the session is missing or has "
                                                  "ended.")});
    return worker(r, workerId, now);
}

} // namespace onsite::server
