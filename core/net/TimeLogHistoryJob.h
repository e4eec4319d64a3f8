#pragma once

#include "NetworkJob.h"

#include <QJsonArray>

namespace onsite {

// GET /assignments/{id}/time_log_history: earlier versions of the worker's edited visits.
class TimeLogHistoryJob : public NetworkJob
{
    Q_OBJECT
public:
    TimeLogHistoryJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, qint64 assignmentId,
                      QObject *parent = nullptr)
        : NetworkJob(nam, std::move(apiBase), std::move(token), parent), m_id(assignmentId)
    {}
    QJsonArray history() const { return m_history; }

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &body, QString *error) override;
    QString path() const override
    {
        return QStringLiteral("assignments/%1/time_log_history").arg(m_id);
    }

private:
    qint64 m_id;
    QJsonArray m_history;
};

} // namespace onsite
