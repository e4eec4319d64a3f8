#include "Operation.h"

#include "Enums.h"
#include "JsonReader.h"

#include <QRegularExpression>
#include <QUuid>

namespace onsite {

Operation Operation::make(qint64 assignmentId, const QString &type, const QJsonObject &payload,
                          const QDateTime &now)
{
    return {QUuid::createUuid().toString(QUuid::WithoutBraces), assignmentId, type, payload,
            now.toUTC()};
}

Operation Operation::make(qint64 assignmentId, OperationType type, const QJsonObject &payload,
                          const QDateTime &now)
{
    return make(assignmentId, toWire(type), payload, now);
}

std::optional<OperationType> Operation::kind() const
{
    return fromWire<OperationType>(type);
}

QJsonObject Operation::toJson() const
{
    return {{QStringLiteral("op_id"), opId},
            {QStringLiteral("assignment_id"), assignmentId},
            {QStringLiteral("type"), type},
            {QStringLiteral("payload"), payload},
            {QStringLiteral("created_at"), JsonReader::formatInstant(createdAt)}};
}

std::optional<Operation> Operation::fromJson(const QJsonObject &o, QString *error)
{
    error->clear();
    JsonReader r(o, QString(), error);
    Operation op;
    op.opId = r.string("op_id", true);
    if (r.ok() && QUuid::fromString(op.opId).isNull())
        r.fail(QStringLiteral("op_id"), QStringLiteral("expected a UUID"));
    op.assignmentId = r.integer("assignment_id", true, 1);
    op.type = r.string("type", true);
    // A type is a short name ("time_log.upsert"); unknown ones are refused by the applier, but
    // are logged with the op, so even those are bounded.
    static const QRegularExpression typeRe(QStringLiteral("^[a-z_.]{1,64}$"));
    if (r.ok() && !typeRe.match(op.type).hasMatch())
        r.fail(QStringLiteral("type"), QStringLiteral("expected an operation name"));
    op.payload = r.object("payload", true);
    op.createdAt = r.instant("created_at", true);
    for (auto it = o.begin(); it != o.end() && r.ok(); ++it)
        if (it.key() != QLatin1String("op_id") && it.key() != QLatin1String("assignment_id") &&
            it.key() != QLatin1String("type") && it.key() != QLatin1String("payload") &&
            it.key() != QLatin1String("created_at"))
            r.fail(it.key(), QStringLiteral("unknown field"));
    if (!r.ok())
        return std::nullopt;
    return op;
}

} // namespace onsite
