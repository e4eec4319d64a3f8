#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace onsite {

// One change a worker made, as it travels in the outbox and in POST /ops (DESIGN §4):
// {op_id, assignment_id, type, payload, created_at}. The op_id is a client UUID, so the server
// can apply each one at most once however often it is sent.
struct Operation {
    QString opId;
    qint64 assignmentId = 0;
    QString type; // schedule.confirm, time_log.upsert, time_log.delete, ...
    QJsonObject payload;
    QDateTime createdAt;

    static Operation make(qint64 assignmentId, const QString &type, const QJsonObject &payload,
                          const QDateTime &now);
    QJsonObject toJson() const;
    static std::optional<Operation> fromJson(const QJsonObject &o, QString *error);
};

} // namespace onsite
