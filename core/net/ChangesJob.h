#pragma once

#include "Assignment.h"
#include "NetworkJob.h"

namespace onsite {

// GET /changes?since=CURSOR&limit=N -> one page of the worker's changed assignments.
class ChangesJob : public NetworkJob
{
    Q_OBJECT
public:
    ChangesJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, QString since, int limit,
               QObject *parent = nullptr);

    const QList<Assignment> &changes() const { return m_changes; }
    const QList<qint64> &removed() const { return m_removed; }
    QString cursor() const { return m_cursor; }
    bool more() const { return m_more; }

protected:
    QNetworkReply *send(QNetworkAccessManager *nam, QNetworkRequest request) override;
    bool parse(const QJsonObject &body, QString *error) override;
    QString path() const override { return QStringLiteral("changes"); }
    QUrlQuery query() const override;

private:
    QString m_since;
    int m_limit;
    QList<Assignment> m_changes;
    QList<qint64> m_removed;
    QString m_cursor;
    bool m_more = false;
};

} // namespace onsite
