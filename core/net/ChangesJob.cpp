#include "ChangesJob.h"

#include "AssignmentCodec.h"

#include <QJsonArray>
#include <QNetworkAccessManager>

namespace onsite {

ChangesJob::ChangesJob(QNetworkAccessManager *nam, QUrl apiBase, QString token, QString since,
                       int limit, QObject *parent)
    : NetworkJob(nam, std::move(apiBase), std::move(token), parent), m_since(std::move(since)),
      m_limit(limit)
{}

QUrlQuery ChangesJob::query() const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("since"), m_since.isEmpty() ? QStringLiteral("0") : m_since);
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    return q;
}

QNetworkReply *ChangesJob::send(QNetworkAccessManager *nam, QNetworkRequest request)
{
    return nam->get(request);
}

bool ChangesJob::parse(const QJsonObject &body, QString *error)
{
    const QJsonValue cursor = body.value(QStringLiteral("cursor"));
    if (!cursor.isString() || !body.value(QStringLiteral("changes")).isArray() ||
        !body.value(QStringLiteral("removed")).isArray() ||
        !body.value(QStringLiteral("more")).isBool()) {
        *error = QStringLiteral("changes, removed, cursor or more missing");
        return false;
    }
    m_cursor = cursor.toString();
    m_more = body.value(QStringLiteral("more")).toBool();
    const QJsonArray changes = body.value(QStringLiteral("changes")).toArray();
    m_changes.reserve(changes.size());
    m_received.reserve(changes.size());
    for (const QJsonValue &v : changes) {
        const QJsonObject o = v.toObject();
        const QJsonValue id = o.value(QStringLiteral("id"));
        const QJsonValue rev = o.value(QStringLiteral("rev"));
        if (m_known && id.isDouble() && rev.isDouble() &&
            m_known(id.toInteger(), rev.toInteger())) {
            ++m_skipped;
            continue;
        }
        auto a = AssignmentCodec::fromJson(o, error);
        if (!a)
            return false; // the whole page or nothing: the cursor must not pass a bad row
        m_changes.append(std::move(*a));
        m_received.append(o);
    }
    for (const QJsonValue &v : body.value(QStringLiteral("removed")).toArray()) {
        if (!v.isDouble()) {
            *error = QStringLiteral("removed: expected ids");
            return false;
        }
        m_removed.append(v.toInteger());
    }
    return true;
}

} // namespace onsite
