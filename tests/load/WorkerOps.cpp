// A load run worker's check-ins and check-outs: its outbox, pushed in order, retried the
// way the app's outbox is.

#include "Worker.h"

#include "Load.h"
#include "LoadUtil.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <algorithm>

namespace loadrun {

QString Worker::nextInstant()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    if (m_lastInstant.isValid() && now < m_lastInstant)
        now = m_lastInstant;
    m_lastInstant = now;
    return iso(now);
}

void Worker::checkInOrOut()
{
    Op op;
    op.opId = uuid();
    if (m_open) {
        op.assignmentId = m_open->assignmentId;
        op.logId = m_open->logId;
        op.checkIn = m_open->checkIn;
        op.checkOut = true;
        op.checkOutAt = nextInstant();
        op.createdAt = op.checkOutAt;
        m_open.reset();
    } else {
        const QList<qint64> ids = activeAssignments();
        if (ids.isEmpty())
            return;
        op.assignmentId = ids.at(QRandomGenerator::global()->bounded(int(ids.size())));
        op.logId = uuid();
        op.checkIn = nextInstant();
        op.createdAt = op.checkIn;
        m_open = Open{op.assignmentId, op.logId, op.checkIn};
    }
    m_outbox.append(op);
    push();
}

QJsonObject Worker::envelope(const Op &op) const
{
    QJsonObject payload{{QStringLiteral("id"), op.logId}, {QStringLiteral("check_in"), op.checkIn}};
    if (op.checkOut)
        payload.insert(QStringLiteral("check_out"), op.checkOutAt);
    return {{QStringLiteral("op_id"), op.opId},
            {QStringLiteral("assignment_id"), op.assignmentId},
            {QStringLiteral("type"), QStringLiteral("time_log.upsert")},
            {QStringLiteral("payload"), payload},
            {QStringLiteral("created_at"), op.createdAt}};
}

void Worker::push()
{
    if (m_pushing || m_outbox.isEmpty() || !signedIn() || m_stopped)
        return;
    m_pushing = true;
    const int n = int(std::min<qsizetype>(100, m_outbox.size()));
    QJsonArray ops;
    for (int i = 0; i < n; ++i) {
        ++m_outbox[i].attempts;
        ops.append(envelope(m_outbox.at(i)));
    }
    QNetworkRequest req = request(api(QStringLiteral("ops")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("ops"), ops}}).toJson(QJsonDocument::Compact);
    send(Ops, "POST", req, body, [this, n](QNetworkReply *r, int status, const QByteArray &b) {
        if (retryable(r, status, "ops")) {
            retryPush();
            return;
        }
        if (status != 200) {
            m_load->error(m_index, QStringLiteral("POST /ops: %1").arg(describe(status, b)));
            m_outbox.erase(m_outbox.begin(), m_outbox.begin() + n);
            m_pushAttempts = 0;
            m_pushing = false;
            push();
            return;
        }
        QHash<QString, QJsonObject> results;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(b).object().value(QStringLiteral("results")).toArray())
            results.insert(v[QStringLiteral("op_id")].toString(), v.toObject());
        // In order: the first op the server could not decide (status "error") and every op
        // after it go again, as the outbox would send them.
        int settled = 0;
        bool again = false;
        for (; settled < n; ++settled) {
            const Op &op = m_outbox.at(settled);
            const QJsonObject res = results.value(op.opId);
            const QString st = res.value(QStringLiteral("status")).toString();
            if (st == QLatin1String("applied") || st == QLatin1String("duplicate")) {
                if (st == QLatin1String("duplicate") && op.attempts == 1)
                    m_load->error(
                        m_index,
                        QStringLiteral("op %1 answered duplicate on its first send").arg(op.opId));
                m_load->acked({op.opId, m_index, op.assignmentId, op.logId, op.checkOut, op.checkIn,
                               op.checkOutAt, st, op.attempts, m_load->elapsedMs()});
            } else if (st == QLatin1String("error")) {
                m_load->retry(QStringLiteral("ops result \"error\" (%1)")
                                  .arg(res.value(QStringLiteral("code")).toString()));
                again = true;
                break;
            } else {
                m_load->error(
                    m_index,
                    QStringLiteral("op %1 (%2 of visit %3): %4 %5 %6")
                        .arg(op.opId,
                             op.checkOut ? QStringLiteral("check-out") : QStringLiteral("check-in"),
                             op.logId, st.isEmpty() ? QStringLiteral("no result") : st,
                             res.value(QStringLiteral("code")).toString(),
                             res.value(QStringLiteral("message")).toString()));
            }
        }
        m_outbox.erase(m_outbox.begin(), m_outbox.begin() + settled);
        if (again) {
            retryPush();
            return;
        }
        m_pushAttempts = 0;
        m_pushing = false;
        push();
    });
}

void Worker::retryPush()
{
    QTimer::singleShot(backoffMs(++m_pushAttempts), this, [this] {
        m_pushing = false;
        push();
    });
}

} // namespace loadrun
