#include "PushJob.h"

#include "AssignmentCodec.h"
#include "Enums.h"

#include <QJsonArray>
#include <QNetworkAccessManager>

namespace onsite {

PushJob::PushJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, QList<Operation> ops,
                 QObject *parent)
    : NetworkJob(nam, std::move(apiBase), std::move(token), parent), m_ops(std::move(ops))
{}

QNetworkReply *PushJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    QJsonArray ops;
    for (const Operation &op : std::as_const(m_ops))
        ops.append(op.toJson());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return nam->post(request, jsonBody({{QStringLiteral("ops"), ops}}));
}

bool PushJob::parse(const QJsonObject &body, QString *error)
{
    const QJsonArray results = body.value(QStringLiteral("results")).toArray();
    if (results.size() != m_ops.size()) {
        *error =
            QStringLiteral("expected %1 results, got %2").arg(m_ops.size()).arg(results.size());
        return false;
    }
    for (int i = 0; i < results.size(); ++i) {
        const QJsonObject o = results.at(i).toObject();
        OperationResult r;
        r.opId = o.value(QStringLiteral("op_id")).toString();
        const auto status = fromWire<OperationStatus>(o.value(QStringLiteral("status")).toString());
        r.code = o.value(QStringLiteral("code")).toString();
        r.message = o.value(QStringLiteral("message")).toString();
        if (r.opId != m_ops.at(i).opId || !status) {
            *error = QStringLiteral("result %1 does not answer operation %2")
                         .arg(i)
                         .arg(m_ops.at(i).opId);
            return false;
        }
        r.status = *status;
        if (o.value(QStringLiteral("assignment")).isObject()) {
            r.assignmentJson = o.value(QStringLiteral("assignment")).toObject();
            r.assignment = AssignmentCodec::fromJson(r.assignmentJson, error);
            if (!r.assignment)
                return false;
        }
        m_results.append(r);
    }
    return true;
}

} // namespace onsite
