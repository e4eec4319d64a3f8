#pragma once

#include "NetworkJob.h"
#include "Operation.h"
#include "OutboxEntry.h"

namespace onsite {

// POST /ops {ops: [...]} -> {results: [...]}, one result per operation, in order.
class PushJob : public NetworkJob
{
    Q_OBJECT
public:
    PushJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, QList<Operation> ops,
            QObject *parent = nullptr);
    const QList<Operation> &operations() const { return m_ops; }
    const QList<OperationResult> &results() const { return m_results; }

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &body, QString *error) override;
    QString path() const override { return QStringLiteral("ops"); }

private:
    QList<Operation> m_ops;
    QList<OperationResult> m_results;
};

} // namespace onsite
