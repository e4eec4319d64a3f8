#include "PhoneEvents.h"

#include "AssignmentCodec.h"
#include "Database.h"
#include "JsonReader.h"
#include "OperationLog.h"
#include "Rules.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <sodium.h>

namespace onsite::server {
namespace {

QByteArray g_secret;

ApiResponse fail(int status, const char *code, const QString &message)
{
    return ApiResponse::error({status, QString::fromLatin1(code), message});
}

} // namespace

void PhoneEvents::setSecret(const QString &secret)
{
    g_secret = secret.toUtf8();
}

QByteArray PhoneEvents::sign(const QByteArray &secret, const QByteArray &timestamp,
                             const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(timestamp + '.' + body, secret,
                                            QCryptographicHash::Sha256)
        .toHex();
}

namespace {
// The visit made from a call is "phone-<call id>", within the applier's id limit.
constexpr int kMaxCallId = 58;
} // namespace

ApiResponse PhoneEvents::handle(const ApiRequest &r, const QDateTime &now)
{
    if (g_secret.isEmpty())
        return fail(503, "not_configured",
                    QStringLiteral("Phone check-in is not configured on this server."));
    if (r.method != QLatin1String("POST"))
        return fail(405, "method_not_allowed", QStringLiteral("Use POST."));
    const QByteArray ts = r.header("X-Onsite-Timestamp");
    bool ok = false;
    const qint64 when = ts.toLongLong(&ok);
    if (!ok || qAbs(now.toSecsSinceEpoch() - when) > kMaxSkewSecs)
        return fail(401, "stale",
                    QStringLiteral("The timestamp is missing or not within five minutes."));
    const QByteArray expected = "sha256=" + sign(g_secret, ts, r.body);
    const QByteArray given = r.header("X-Onsite-Signature");
    if (given.size() != expected.size() ||
        sodium_memcmp(given.constData(), expected.constData(), size_t(expected.size())) != 0)
        return fail(401, "bad_signature", QStringLiteral("The signature does not match."));

    QJsonParseError pe;
    const QJsonObject body = QJsonDocument::fromJson(r.body, &pe).object();
    QString error;
    JsonReader in(body, QString(), &error);
    const QString callId = in.string("call_id", true);
    const qint64 id = in.integer("assignment_id", true, 1);
    const QString event = in.string("event", true);
    const QDateTime at = in.instant("at", true);
    if (pe.error != QJsonParseError::NoError)
        error = QStringLiteral("Malformed JSON: %1").arg(pe.errorString());
    else if (error.isEmpty() && event != QLatin1String("check_in") &&
             event != QLatin1String("check_out"))
        error = QStringLiteral("event: expected check_in or check_out");
    else if (error.isEmpty() && callId.size() > kMaxCallId)
        error = QStringLiteral("call_id: at most %1 characters").arg(kMaxCallId);
    if (!error.isEmpty())
        return ApiResponse::error(ApiError::badRequest(error));
    const QJsonObject out = OperationLog::applyPhoneEvent(
        callId, id, event == QLatin1String("check_in"), at, now, &error);
    if (!error.isEmpty())
        return fail(out.isEmpty() ? 404 : 409, out.isEmpty() ? "not_found" : "conflict", error);
    return ApiResponse::json(out);
}

} // namespace onsite::server
