#include "ChangesJob.h"

#include "AssignmentCodec.h"
#include "JsonSlicer.h"

#include <QJsonArray>
#include <QJsonDocument>
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
    // Each document is kept as the bytes that arrived; encoded again only if the page's text is
    // not laid out as expected.
    const auto texts = JsonSlicer::arrayItems(rawBody(), QLatin1StringView("changes"));
    const bool sliced = texts && texts->size() == changes.size();
    const QSet<Revision> known = knownIn(changes);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QJsonObject o = changes.at(i).toObject();
        const QJsonValue id = o.value(QLatin1StringView("id"));
        const QJsonValue rev = o.value(QLatin1StringView("rev"));
        if (!known.isEmpty() && id.isDouble() && rev.isDouble() &&
            known.contains({id.toInteger(), rev.toInteger()})) {
            ++m_skipped;
            continue;
        }
        auto a = AssignmentCodec::fromJson(o, error);
        if (!a)
            return false; // the whole page or nothing: the cursor must not pass a bad row
        m_changes.append(std::move(*a));
        m_received.append(sliced ? texts->at(i).toByteArray()
                                 : QJsonDocument(o).toJson(QJsonDocument::Compact));
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

QSet<ChangesJob::Revision> ChangesJob::knownIn(const QJsonArray &changes) const
{
    if (!m_known)
        return {};
    QList<Revision> revisions;
    revisions.reserve(changes.size());
    for (const QJsonValue &v : changes) {
        const QJsonValue id = v[QLatin1StringView("id")];
        const QJsonValue rev = v[QLatin1StringView("rev")];
        if (id.isDouble() && rev.isDouble())
            revisions.append({id.toInteger(), rev.toInteger()});
    }
    return m_known(revisions);
}

} // namespace onsite
