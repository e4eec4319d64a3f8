#pragma once

#include "Assignment.h"
#include "NetworkJob.h"

#include <QJsonObject>
#include <functional>

namespace onsite {

// GET /changes?since=CURSOR&limit=N -> one page of the worker's changed assignments.
class ChangesJob : public NetworkJob
{
    Q_OBJECT
public:
    ChangesJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, QString since, int limit,
               QObject *parent = nullptr);

    // A change for which `known(id, rev)` is true is left out undecoded: the cache holds that
    // revision already (typically the answer to the worker's own operation).
    void setKnown(std::function<bool(qint64 id, qint64 rev)> known) { m_known = std::move(known); }

    const QList<Assignment> &changes() const { return m_changes; }
    // Each change's JSON as it arrived, beside changes().
    const QList<QJsonObject> &received() const { return m_received; }
    int skipped() const { return m_skipped; }
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
    std::function<bool(qint64, qint64)> m_known;
    QList<Assignment> m_changes;
    QList<QJsonObject> m_received;
    int m_skipped = 0;
    QList<qint64> m_removed;
    QString m_cursor;
    bool m_more = false;
};

} // namespace onsite
