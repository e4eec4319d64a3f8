// A load run worker (Worker.h): requests and their retries, sign-in, the tick, the change
// feed, /me.

#include "Worker.h"

#include "Load.h"
#include "LoadUtil.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <algorithm>

namespace loadrun {

Worker::Worker(Load *load, int index) : m_load(load), m_index(index)
{
    m_email = emailFor(load->opt.emailPattern, index);
    m_nam = new QNetworkAccessManager(this);
    m_nam->setAutoDeleteReplies(false);
}

void Worker::startSignIn(int delayMs)
{
    QTimer::singleShot(delayMs, this, [this] { signIn(); });
}

void Worker::finalSync(std::function<void()> done)
{
    m_finalDone = std::move(done);
    if (!signedIn()) {
        auto d = std::move(m_finalDone);
        m_finalDone = nullptr;
        d();
        return;
    }
    if (!m_syncing)
        sync();
    else
        m_finalAfterCurrent = true;
}

void Worker::abortAll()
{
    m_stopped = true;
    const auto replies = m_nam->findChildren<QNetworkReply *>();
    for (QNetworkReply *r : replies)
        r->abort();
}

QNetworkRequest Worker::request(const QUrl &url) const
{
    QNetworkRequest req(url);
    req.setSslConfiguration(m_load->ssl);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setTransferTimeout(m_load->opt.timeoutMs);
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    return req;
}

QUrl Worker::api(const QString &path, const QUrlQuery &query) const
{
    QUrl u = m_load->opt.base;
    u.setPath(u.path() + QLatin1Char('/') + path);
    u.setQuery(query);
    return u;
}

void Worker::send(Route route, const QByteArray &verb, const QNetworkRequest &req,
                  const QByteArray &body, Done done)
{
    if (m_stopped)
        return;
    auto *timer = new QElapsedTimer;
    timer->start();
    const qint64 startMs = m_load->elapsedMs();
    QNetworkReply *reply = verb == "HEAD"   ? m_nam->head(req)
                           : verb == "GET"  ? m_nam->get(req)
                           : verb == "POST" ? m_nam->post(req, body)
                                            : m_nam->sendCustomRequest(req, verb, body);
    QObject::connect(reply, &QNetworkReply::finished, this, [=] {
        const qint64 ms = timer->elapsed();
        delete timer;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
        m_load->record(route, startMs, ms, status);
        if (!m_stopped)
            done(reply, status, data);
        reply->deleteLater();
    });
}

bool Worker::retryable(QNetworkReply *r, int status, const char *what)
{
    if (status >= 500) {
        m_load->retry(QStringLiteral("%1 %2").arg(QLatin1String(what)).arg(status));
        return true;
    }
    if (status == 0 && r->error() == QNetworkReply::SslHandshakeFailedError) {
        m_load->error(m_index, QStringLiteral("%1: TLS handshake failed: %2")
                                   .arg(QLatin1String(what), r->errorString()));
        return false;
    }
    if (status == 0) {
        const bool timeout = r->error() == QNetworkReply::OperationCanceledError ||
                             r->error() == QNetworkReply::TimeoutError;
        m_load->retry(QStringLiteral("%1 %2").arg(QLatin1String(what),
                                                  timeout ? QStringLiteral("timeout")
                                                          : QStringLiteral("network error")));
        return true;
    }
    return false;
}

QString Worker::describe(int status, const QByteArray &body) const
{
    return QStringLiteral("HTTP %1 %2").arg(status).arg(QString::fromUtf8(body.left(300)));
}

void Worker::signIn()
{
    // Each worker starts on its own target; a network error moves it to the next one (a
    // sign-in sent straight to a server process does not fail over by itself).
    const QList<QUrl> &targets = m_load->opt.signIn;
    QUrl u = targets.at((m_index + m_signInTarget) % targets.size());
    u.setPath(u.path() + QStringLiteral("/session"));
    QNetworkRequest req = request(u);
    // A person waits for a sign-in longer than for a background request.
    req.setTransferTimeout(2 * m_load->opt.timeoutMs);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("email"), m_email},
                                  {QStringLiteral("password"), m_load->opt.password}})
            .toJson(QJsonDocument::Compact);
    send(Session, "POST", req, body, [this](QNetworkReply *r, int status, const QByteArray &b) {
        if (status == 429 || retryable(r, status, "session")) {
            if (status == 429)
                m_load->retry(QStringLiteral("session 429"));
            if (status == 0)
                ++m_signInTarget;
            QTimer::singleShot(backoffMs(++m_signInAttempts), this, [this] { signIn(); });
            return;
        }
        if (status != 200) {
            m_load->error(m_index, QStringLiteral("sign-in: %1").arg(describe(status, b)));
            return;
        }
        m_token = QJsonDocument::fromJson(b).object().value(QStringLiteral("token")).toString();
        if (m_token.isEmpty()) {
            m_load->error(m_index, QStringLiteral("sign-in: no token"));
            return;
        }
        m_load->lastSignInMs = std::max(m_load->lastSignInMs, m_load->elapsedMs());
        sync();
        scheduleTick();
    });
}

void Worker::scheduleTick()
{
    const double s = m_load->opt.syncSeconds;
    QTimer::singleShot(int(1000 * uniform(0.6 * s, 1.4 * s)), this, [this] { tick(); });
}

void Worker::tick()
{
    if (!running())
        return;
    if (!m_syncing)
        sync();
    if (chance(m_load->opt.actionChance))
        checkInOrOut();
    if (!m_upload && chance(m_load->opt.uploadChance))
        startUpload();
    if (chance(m_load->opt.meChance))
        me();
    scheduleTick();
}

void Worker::sync()
{
    m_syncing = true;
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("since"), m_cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_load->opt.pageSize));
    send(Changes, "GET", request(api(QStringLiteral("changes"), q)), {},
         [this](QNetworkReply *r, int status, const QByteArray &b) {
             if (retryable(r, status, "changes")) {
                 QTimer::singleShot(backoffMs(++m_syncAttempts), this, [this] { sync(); });
                 return;
             }
             m_syncAttempts = 0;
             if (status != 200) {
                 m_load->error(m_index,
                               QStringLiteral("GET /changes: %1").arg(describe(status, b)));
                 syncEnded();
                 return;
             }
             const QJsonObject page = QJsonDocument::fromJson(b).object();
             for (const QJsonValue &v : page.value(QStringLiteral("changes")).toArray())
                 applyChange(v.toObject());
             for (const QJsonValue &v : page.value(QStringLiteral("removed")).toArray())
                 m_assignments.remove(v.toInteger());
             const QString cursor = page.value(QStringLiteral("cursor")).toString();
             if (cursor.isEmpty()) {
                 m_load->error(m_index, QStringLiteral("GET /changes: no cursor"));
                 syncEnded();
                 return;
             }
             if (cursor.toLongLong() < m_cursor.toLongLong())
                 m_load->error(m_index, QStringLiteral("GET /changes: the cursor went back "
                                                       "from %1 to %2")
                                            .arg(m_cursor, cursor));
             m_cursor = cursor;
             if (page.value(QStringLiteral("more")).toBool())
                 sync();
             else
                 syncEnded();
         });
}

void Worker::syncEnded()
{
    m_syncing = false;
    if (m_finalAfterCurrent) {
        m_finalAfterCurrent = false;
        sync();
        return;
    }
    if (m_finalDone) {
        auto d = std::move(m_finalDone);
        m_finalDone = nullptr;
        d();
    }
}

void Worker::applyChange(const QJsonObject &a)
{
    Local &l = m_assignments[a.value(QStringLiteral("id")).toInteger()];
    const qint64 rev = a.value(QStringLiteral("rev")).toInteger();
    if (rev < l.feedRev)
        m_load->error(m_index, QStringLiteral("GET /changes: assignment %1 went back from rev "
                                              "%2 to %3")
                                   .arg(a.value(QStringLiteral("id")).toInteger())
                                   .arg(l.feedRev)
                                   .arg(rev));
    l.feedRev = rev;
    l.status = a.value(QStringLiteral("status")).toString();
    for (const QJsonValue &r : a.value(QStringLiteral("deliverable_requirements")).toArray())
        if (r[QStringLiteral("kind")].toString() == QLatin1String("photo"))
            l.photoRequirement = r[QStringLiteral("id")].toString();
}

QList<qint64> Worker::activeAssignments() const
{
    QList<qint64> ids;
    for (auto it = m_assignments.begin(); it != m_assignments.end(); ++it)
        if (it->status == QLatin1String("assigned") || it->status == QLatin1String("in_progress"))
            ids << it.key();
    return ids;
}

void Worker::me()
{
    send(Me, "GET", request(api(QStringLiteral("me"))), {},
         [this](QNetworkReply *r, int status, const QByteArray &b) {
             if (retryable(r, status, "me")) {
                 QTimer::singleShot(backoffMs(++m_meAttempts), this, [this] { me(); });
                 return;
             }
             m_meAttempts = 0;
             if (status != 200 ||
                 QJsonDocument::fromJson(b).object().value(QStringLiteral("email")).toString() !=
                     m_email)
                 m_load->error(m_index, QStringLiteral("GET /me: %1").arg(describe(status, b)));
         });
}

} // namespace loadrun
