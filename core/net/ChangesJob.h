#pragma once

#include "Assignment.h"
#include "NetworkJob.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <functional>

namespace onsite {

// GET /changes?since=CURSOR&limit=N -> one page of the worker's changed assignments.
class ChangesJob : public NetworkJob
{
    Q_OBJECT
public:
    ChangesJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, QString since, int limit,
               QObject *parent = nullptr);

    using Revision = std::pair<qint64, qint64>; // id, rev
    using Known = std::function<QSet<Revision>(const QList<Revision> &)>;
    // A change `known` returns (asked once per page with every change's id and revision) is
    // left out undecoded: the cache holds that revision already (typically the answer to the
    // worker's own operation).
    void setKnown(Known known) { m_known = std::move(known); }

    const QList<Assignment> &changes() const { return m_changes; }
    // Each change's JSON text as it arrived (sliced from the page, not encoded again), beside
    // changes().
    const QList<QByteArray> &received() const { return m_received; }
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
    // The page's changes whose revision the cache holds (see setKnown()).
    QSet<Revision> knownIn(const QJsonArray &changes) const;

    QString m_since;
    int m_limit;
    Known m_known;
    QList<Assignment> m_changes;
    QList<QByteArray> m_received;
    int m_skipped = 0;
    QList<qint64> m_removed;
    QString m_cursor;
    bool m_more = false;
};

} // namespace onsite
