// The load run (issue 15): simulated workers against a deployed server (tests/load/load-run.sh
// puts nginx in front of two onsite-server processes on one PostgreSQL). Each worker signs in
// once, syncs every few seconds (paging /changes to the end with its cursor), checks in and out
// with time_log.upsert operations, now and then uploads a small PNG by tus, and asks for /me.
// A client's retry discipline: a network error or a 5xx repeats the same operation (same
// op_id) or asks the upload's offset (HEAD) after a bounded backoff; those are retries, not
// errors. At the end every acknowledged operation and finished upload is checked against the
// database itself (psql), and the figures are printed. Exit status 1 when a figure fails.
//
// C++17, Qt Core/Network only, one event loop, one QNetworkAccessManager per worker.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTextStream>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

enum Route { Session, Changes, Ops, UploadCreate, UploadPatch, UploadHead, Me, RouteCount };
const char *const kRouteNames[RouteCount] = {
    "session", "changes", "ops", "uploads create", "uploads patch", "uploads head", "me"};

struct Options {
    QUrl base;            // https://127.0.0.1/api/v1
    QList<QUrl> signIn;   // where sign-ins go (round robin); the base by default
    QString emailPattern; // {n}: 1..workers, three digits
    QString password;
    int workers = 200;
    int seconds = 600;
    double syncSeconds = 5;
    int pageSize = 2;
    double actionChance = 0.5;  // per tick: the next check-in or check-out
    double uploadChance = 0.03; // per tick, when no upload is travelling
    double meChance = 0.05;     // per tick
    int signInSpreadSeconds = 60;
    int drainSeconds = 90;
    int chunk = 64 * 1024;
    int timeoutMs = 30000;
    QString pgUrl;
    QString cacert;
    QList<QPair<QString, qint64>> servers; // name, pid: RSS sampled every 10 s
    double rssLimitMiB = 64;
};

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString emailFor(const QString &pattern, int n)
{
    QString e = pattern;
    return e.replace(QLatin1String("{n}"), QStringLiteral("%1").arg(n, 3, 10, QLatin1Char('0')));
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QDateTime parseIso(const QString &s)
{
    return QDateTime::fromString(s, Qt::ISODateWithMs).toUTC();
}

double uniform(double lo, double hi)
{
    return lo + (hi - lo) * QRandomGenerator::global()->generateDouble();
}

bool chance(double p)
{
    return QRandomGenerator::global()->generateDouble() < p;
}

// Bounded exponential backoff with ±20 % jitter, as core/Backoff, in compressed time: 250 ms,
// 500 ms, 1 s, … at most 30 s.
int backoffMs(int attempt)
{
    const double base = std::min(30000.0, 250.0 * std::pow(2.0, std::min(10, attempt - 1)));
    return int(base * uniform(0.8, 1.2));
}

QByteArray sha256(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256);
}

QByteArray tusMetadata(const QList<QPair<QString, QString>> &pairs)
{
    QByteArray m;
    for (const auto &p : pairs) {
        if (!m.isEmpty())
            m += ',';
        m += p.first.toLatin1() + ' ' + p.second.toUtf8().toBase64();
    }
    return m;
}

// A PNG-looking file: the signature and an IHDR chunk, then random bytes (every upload unique,
// so the server's "same bytes for the same requirement" rule never merges two of them).
QByteArray pngBytes(int size)
{
    QByteArray b("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
    b.reserve(size);
    while (b.size() < size) {
        const quint32 w = QRandomGenerator::global()->generate();
        b.append(reinterpret_cast<const char *>(&w), int(std::min<qsizetype>(4, size - b.size())));
    }
    return b;
}

struct Sample {
    qint32 startMs; // since the run started
    float ms;
    qint32 status; // 0: no HTTP answer
};

struct AckedOp {
    QString opId;
    int worker = 0;
    qint64 assignmentId = 0;
    QString logId;
    bool checkOut = false;
    QString checkIn;
    QString checkOutAt;
    QString status;
    int attempts = 0;
    qint64 atMs = 0;
};

struct FinishedUpload {
    int worker = 0;
    qint64 assignmentId = 0;
    QString deliverableId; // as the server answered
    QString sha256;
    qint64 size = 0;
    int resumes = 0;
};

struct RssSeries {
    QString name;
    qint64 pid = 0;
    std::vector<std::pair<qint64, qint64>> samples; // (ms since start, kB)
    qint64 diedAtMs = -1;
};

class Worker;

enum class Phase { Running, Draining, FinalSync, Done };

class Load : public QObject
{
public:
    explicit Load(const Options &o) : opt(o) { clock.start(); }

    void start();

    qint64 elapsedMs() const { return clock.elapsed(); }
    void record(Route r, qint64 startMs, qint64 ms, int status)
    {
        latency[r].push_back({qint32(startMs), float(ms), qint32(status)});
    }
    void error(int worker, const QString &what)
    {
        ++errors;
        if (errorLines.size() < 40)
            errorLines << QStringLiteral("[%1 s] worker %2: %3")
                              .arg(elapsedMs() / 1000.0, 0, 'f', 1)
                              .arg(worker)
                              .arg(what);
    }
    void retry(const QString &why)
    {
        ++retries;
        ++retryReasons[why];
        ++retriesPerWindow[elapsedMs() / 30000];
    }
    void acked(const AckedOp &op)
    {
        acks.push_back(op);
        ++acksPerWindow[op.atMs / 30000];
    }

    Options opt;
    QElapsedTimer clock;
    Phase phase = Phase::Running;
    std::vector<Worker *> workers;
    std::vector<Sample> latency[RouteCount];
    std::vector<AckedOp> acks;
    std::vector<FinishedUpload> uploads;
    std::vector<RssSeries> rss;
    QSslConfiguration ssl;
    qint64 errors = 0;
    qint64 retries = 0;
    QMap<QString, qint64> retryReasons;
    QMap<qint64, qint64> acksPerWindow, retriesPerWindow;
    QStringList errorLines;
    qint64 uploadedBytes = 0;
    qint64 drainStartedMs = 0;
    qint64 lastSignInMs = 0;
    int exitCode = 0;

private:
    void sampleRss();
    void drainCheck();
    void finalSync();
    void verifyAndReport();
    bool psqlJson(const QString &sql, QJsonValue *outValue);
    QTimer rssTimer, drainTimer;
    qint64 m_lastRssMs = -1;
};

class Worker : public QObject
{
public:
    Worker(Load *load, int index) : m_load(load), m_index(index)
    {
        m_email = emailFor(load->opt.emailPattern, index);
        m_nam = new QNetworkAccessManager(this);
        m_nam->setAutoDeleteReplies(false);
    }

    struct Local {
        qint64 feedRev = 0;
        QString status;
        QString photoRequirement;
    };

    int index() const { return m_index; }
    bool signedIn() const { return !m_token.isEmpty(); }
    bool idle() const { return m_outbox.isEmpty() && !m_pushing && !m_upload && !m_syncing; }
    bool busyWithWrites() const { return !m_outbox.isEmpty() || m_pushing || m_upload; }
    const QMap<qint64, Local> &assignments() const { return m_assignments; }
    int unfinishedOps() const { return int(m_outbox.size()); }
    bool uploadTravelling() const { return bool(m_upload); }

    void startSignIn(int delayMs)
    {
        QTimer::singleShot(delayMs, this, [this] { signIn(); });
    }

    // Pages to the end once more; `done` when the feed says there is no more.
    void finalSync(std::function<void()> done)
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

    void abortAll()
    {
        m_stopped = true;
        const auto replies = m_nam->findChildren<QNetworkReply *>();
        for (QNetworkReply *r : replies)
            r->abort();
    }

private:
    using Done = std::function<void(QNetworkReply *, int status, const QByteArray &body)>;

    QNetworkRequest request(const QUrl &url) const
    {
        QNetworkRequest req(url);
        req.setSslConfiguration(m_load->ssl);
        req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        req.setTransferTimeout(m_load->opt.timeoutMs);
        if (!m_token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        return req;
    }

    QUrl api(const QString &path, const QUrlQuery &query = {}) const
    {
        QUrl u = m_load->opt.base;
        u.setPath(u.path() + QLatin1Char('/') + path);
        u.setQuery(query);
        return u;
    }

    void send(Route route, const QByteArray &verb, const QNetworkRequest &req,
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

    // A network error or a 5xx (nginx's 502/504 when a process is gone included): try again.
    bool retryable(QNetworkReply *r, int status, const char *what)
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

    QString describe(int status, const QByteArray &body) const
    {
        return QStringLiteral("HTTP %1 %2").arg(status).arg(QString::fromUtf8(body.left(300)));
    }

    bool running() const { return m_load->phase == Phase::Running && !m_stopped; }

    // ---- sign-in ----
    void signIn()
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

    // ---- the tick: sync, and perhaps a check-in/out, an upload, /me ----
    void scheduleTick()
    {
        const double s = m_load->opt.syncSeconds;
        QTimer::singleShot(int(1000 * uniform(0.6 * s, 1.4 * s)), this, [this] { tick(); });
    }

    void tick()
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

    // ---- the change feed ----
    void sync()
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

    void syncEnded()
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

    void applyChange(const QJsonObject &a)
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

    QList<qint64> activeAssignments() const
    {
        QList<qint64> ids;
        for (auto it = m_assignments.begin(); it != m_assignments.end(); ++it)
            if (it->status == QLatin1String("assigned") ||
                it->status == QLatin1String("in_progress"))
                ids << it.key();
        return ids;
    }

    // ---- operations ----
    struct Op {
        QString opId;
        qint64 assignmentId = 0;
        QString logId;
        bool checkOut = false;
        QString checkIn;
        QString checkOutAt;
        QString createdAt;
        int attempts = 0;
    };

    // Check-ins and check-outs follow one another in time, to the second, never backwards.
    QString nextInstant()
    {
        QDateTime now = QDateTime::currentDateTimeUtc();
        now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
        if (m_lastInstant.isValid() && now < m_lastInstant)
            now = m_lastInstant;
        m_lastInstant = now;
        return iso(now);
    }

    void checkInOrOut()
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

    QJsonObject envelope(const Op &op) const
    {
        QJsonObject payload{{QStringLiteral("id"), op.logId},
                            {QStringLiteral("check_in"), op.checkIn}};
        if (op.checkOut)
            payload.insert(QStringLiteral("check_out"), op.checkOutAt);
        return {{QStringLiteral("op_id"), op.opId},
                {QStringLiteral("assignment_id"), op.assignmentId},
                {QStringLiteral("type"), QStringLiteral("time_log.upsert")},
                {QStringLiteral("payload"), payload},
                {QStringLiteral("created_at"), op.createdAt}};
    }

    void push()
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
                        m_load->error(m_index,
                                      QStringLiteral("op %1 answered duplicate on its first send")
                                          .arg(op.opId));
                    m_load->acked({op.opId, m_index, op.assignmentId, op.logId, op.checkOut,
                                   op.checkIn, op.checkOutAt, st, op.attempts,
                                   m_load->elapsedMs()});
                } else if (st == QLatin1String("error")) {
                    m_load->retry(QStringLiteral("ops result \"error\" (%1)")
                                      .arg(res.value(QStringLiteral("code")).toString()));
                    again = true;
                    break;
                } else {
                    m_load->error(
                        m_index, QStringLiteral("op %1 (%2 of visit %3): %4 %5 %6")
                                     .arg(op.opId,
                                          op.checkOut ? QStringLiteral("check-out")
                                                      : QStringLiteral("check-in"),
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

    void retryPush()
    {
        QTimer::singleShot(backoffMs(++m_pushAttempts), this, [this] {
            m_pushing = false;
            push();
        });
    }

    // ---- uploads (tus) ----
    struct Upload {
        qint64 assignmentId = 0;
        QString requirement;
        QByteArray data;
        QString sha256;
        QString deliverableId;
        QUrl url;
        qint64 offset = 0;
        int attempts = 0;
        int resumes = 0;
        bool failedSinceHead = false;
    };

    void startUpload()
    {
        QList<qint64> ids;
        for (qint64 id : activeAssignments())
            if (!m_assignments.value(id).photoRequirement.isEmpty())
                ids << id;
        if (ids.isEmpty())
            return;
        Upload u;
        u.assignmentId = ids.at(QRandomGenerator::global()->bounded(int(ids.size())));
        u.requirement = m_assignments.value(u.assignmentId).photoRequirement;
        u.data = pngBytes(QRandomGenerator::global()->bounded(16 * 1024, 256 * 1024));
        u.sha256 = QString::fromLatin1(sha256(u.data).toHex());
        u.deliverableId = uuid();
        m_upload = u;
        createUpload();
    }

    QNetworkRequest tusRequest(const QUrl &url) const
    {
        QNetworkRequest req = request(url);
        req.setRawHeader("Tus-Resumable", "1.0.0");
        return req;
    }

    void endUpload() { m_upload.reset(); }

    void createUpload()
    {
        Upload &u = *m_upload;
        QNetworkRequest req = tusRequest(api(QStringLiteral("uploads")));
        req.setRawHeader("Upload-Length", QByteArray::number(u.data.size()));
        req.setRawHeader(
            "Upload-Metadata",
            tusMetadata({{QStringLiteral("assignment_id"), QString::number(u.assignmentId)},
                         {QStringLiteral("requirement_id"), u.requirement},
                         {QStringLiteral("kind"), QStringLiteral("photo")},
                         {QStringLiteral("filename"),
                          QStringLiteral("site-%1.png").arg(u.deliverableId.left(8))},
                         {QStringLiteral("sha256"), u.sha256},
                         {QStringLiteral("deliverable_id"), u.deliverableId}}));
        send(UploadCreate, "POST", req, {},
             [this](QNetworkReply *r, int status, const QByteArray &b) {
                 if (retryable(r, status, "uploads create")) {
                     // The same deliverable_id again: a creation that did happen leaves an
                     // upload nobody finishes, never a second deliverable.
                     QTimer::singleShot(backoffMs(++m_upload->attempts), this,
                                        [this] { createUpload(); });
                     return;
                 }
                 m_upload->attempts = 0;
                 if (status != 201) {
                     m_load->error(m_index,
                                   QStringLiteral("tus create: %1").arg(describe(status, b)));
                     endUpload();
                     return;
                 }
                 m_upload->url =
                     m_load->opt.base.resolved(QUrl(QString::fromLatin1(r->rawHeader("Location"))));
                 if (uploadState(r))
                     patch();
             });
    }

    // Reads Upload-Offset; true when there is more to send, false when the upload ended here.
    bool uploadState(QNetworkReply *r)
    {
        Upload &u = *m_upload;
        bool ok = false;
        const qint64 offset = r->rawHeader("Upload-Offset").toLongLong(&ok);
        if (!ok || offset < 0 || offset > u.data.size()) {
            m_load->error(m_index, QStringLiteral("tus: bad Upload-Offset \"%1\"")
                                       .arg(QString::fromLatin1(r->rawHeader("Upload-Offset"))));
            endUpload();
            return false;
        }
        u.offset = offset;
        if (offset < u.data.size())
            return true;
        const QString deliverable = QString::fromLatin1(r->rawHeader("Onsite-Deliverable-Id"));
        if (deliverable.isEmpty()) {
            m_load->error(m_index, QStringLiteral("tus: all bytes in but no deliverable id"));
        } else {
            m_load->uploads.push_back(
                {m_index, u.assignmentId, deliverable, u.sha256, qint64(u.data.size()), u.resumes});
            m_load->uploadedBytes += u.data.size();
        }
        endUpload();
        return false;
    }

    void patch()
    {
        const Upload &u = *m_upload;
        const QByteArray chunk = u.data.mid(u.offset, m_load->opt.chunk);
        QNetworkRequest req = tusRequest(u.url);
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/offset+octet-stream"));
        req.setRawHeader("Upload-Offset", QByteArray::number(u.offset));
        req.setRawHeader("Upload-Checksum", "sha256 " + sha256(chunk).toBase64());
        send(UploadPatch, "PATCH", req, chunk,
             [this](QNetworkReply *r, int status, const QByteArray &b) {
                 Upload &up = *m_upload;
                 if (retryable(r, status, "uploads patch")) {
                     up.failedSinceHead = true;
                     QTimer::singleShot(backoffMs(++up.attempts), this, [this] { head(); });
                     return;
                 }
                 if (status == 409) {
                     // Only after a chunk whose answer was lost can the server be ahead of us.
                     if (up.failedSinceHead)
                         m_load->retry(QStringLiteral("uploads patch 409 after a lost answer"));
                     else
                         m_load->error(m_index,
                                       QStringLiteral("tus PATCH: %1").arg(describe(status, b)));
                     head();
                     return;
                 }
                 up.attempts = 0;
                 if (status != 204) {
                     m_load->error(m_index,
                                   QStringLiteral("tus PATCH: %1").arg(describe(status, b)));
                     endUpload();
                     return;
                 }
                 if (uploadState(r))
                     patch();
             });
    }

    void head()
    {
        ++m_upload->resumes;
        send(UploadHead, "HEAD", tusRequest(m_upload->url), {},
             [this](QNetworkReply *r, int status, const QByteArray &b) {
                 Upload &u = *m_upload;
                 if (retryable(r, status, "uploads head")) {
                     QTimer::singleShot(backoffMs(++u.attempts), this, [this] { head(); });
                     return;
                 }
                 u.attempts = 0;
                 u.failedSinceHead = false;
                 if (status != 200) {
                     m_load->error(m_index,
                                   QStringLiteral("tus HEAD: %1").arg(describe(status, b)));
                     endUpload();
                     return;
                 }
                 if (uploadState(r))
                     patch();
             });
    }

    // ---- /me ----
    void me()
    {
        send(
            Me, "GET", request(api(QStringLiteral("me"))), {},
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

    struct Open {
        qint64 assignmentId;
        QString logId;
        QString checkIn;
    };

    Load *m_load;
    int m_index;
    QString m_email;
    QNetworkAccessManager *m_nam;
    QString m_token;
    QString m_cursor = QStringLiteral("0");
    QMap<qint64, Local> m_assignments;
    QList<Op> m_outbox;
    std::optional<Open> m_open;
    std::optional<Upload> m_upload;
    QDateTime m_lastInstant;
    bool m_pushing = false;
    bool m_syncing = false;
    bool m_stopped = false;
    bool m_finalAfterCurrent = false;
    std::function<void()> m_finalDone;
    int m_signInTarget = 0;
    int m_signInAttempts = 0, m_syncAttempts = 0, m_pushAttempts = 0, m_meAttempts = 0;
};

void Load::start()
{
    ssl = QSslConfiguration::defaultConfiguration();
    if (!opt.cacert.isEmpty())
        ssl.addCaCertificates(opt.cacert);
    else
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    for (const auto &s : opt.servers)
        rss.push_back({s.first, s.second, {}, -1});
    sampleRss();
    QObject::connect(&rssTimer, &QTimer::timeout, this, [this] { sampleRss(); });
    rssTimer.start(1000);

    for (int i = 1; i <= opt.workers; ++i) {
        auto *w = new Worker(this, i);
        workers.push_back(w);
        w->startSignIn(opt.workers > 1 ? (i - 1) * opt.signInSpreadSeconds * 1000 / opt.workers
                                       : 0);
    }
    out() << "load: " << opt.workers << " workers against " << opt.base.toString() << " for "
          << opt.seconds << " s (sign-ins over the first " << opt.signInSpreadSeconds << " s via "
          << opt.signIn.first().toString()
          << (opt.signIn.size() > 1 ? QStringLiteral(" and %1 more").arg(opt.signIn.size() - 1)
                                    : QString())
          << ")\n";
    out().flush();
    QTimer::singleShot(opt.seconds * 1000, this, [this] {
        phase = Phase::Draining;
        drainStartedMs = elapsedMs();
        out() << "load: " << opt.seconds << " s over; draining the outboxes and uploads\n";
        out().flush();
        QObject::connect(&drainTimer, &QTimer::timeout, this, [this] { drainCheck(); });
        drainTimer.start(250);
    });
    // Progress every 30 s.
    auto *progress = new QTimer(this);
    QObject::connect(progress, &QTimer::timeout, this, [this] {
        int signedIn = 0;
        for (Worker *w : workers)
            signedIn += w->signedIn();
        out() << QStringLiteral("  [%1 s] signed in %2, ops acknowledged %3, uploads %4, "
                                "retries %5, errors %6\n")
                     .arg(elapsedMs() / 1000)
                     .arg(signedIn)
                     .arg(acks.size())
                     .arg(uploads.size())
                     .arg(retries)
                     .arg(errors);
        out().flush();
    });
    progress->start(30000);
}

// Every second: is each server alive; every 10 s (and at the start and end) its VmRSS.
void Load::sampleRss()
{
    const qint64 now = elapsedMs();
    const bool record = m_lastRssMs < 0 || now - m_lastRssMs >= 9950 || phase == Phase::Done;
    if (record)
        m_lastRssMs = now;
    for (RssSeries &s : rss) {
        if (s.diedAtMs >= 0)
            continue;
        QFile f(QStringLiteral("/proc/%1/status").arg(s.pid));
        qint64 kb = -1;
        if (f.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> lines = f.readAll().split('\n');
            bool zombie = false;
            for (const QByteArray &l : lines) {
                if (l.startsWith("VmRSS:"))
                    kb = l.mid(6).trimmed().split(' ').value(0).toLongLong();
                if (l.startsWith("State:") && l.contains("Z"))
                    zombie = true;
            }
            if (zombie)
                kb = -1;
        }
        if (kb < 0) {
            s.diedAtMs = now;
            out() << QStringLiteral("  [%1 s] server %2 (pid %3) is gone\n")
                         .arg(now / 1000)
                         .arg(s.name)
                         .arg(s.pid);
            out().flush();
        } else if (record) {
            s.samples.emplace_back(now, kb);
        }
    }
}

void Load::drainCheck()
{
    bool busy = false;
    for (Worker *w : workers)
        busy = busy || w->busyWithWrites();
    const bool late = elapsedMs() - drainStartedMs > qint64(opt.drainSeconds) * 1000;
    if (busy && !late)
        return;
    drainTimer.stop();
    if (busy) {
        for (Worker *w : workers) {
            if (w->unfinishedOps())
                error(w->index(), QStringLiteral("%1 operations never acknowledged (gave up after "
                                                 "%2 s of draining)")
                                      .arg(w->unfinishedOps())
                                      .arg(opt.drainSeconds));
            if (w->uploadTravelling())
                error(w->index(), QStringLiteral("an upload never finished (gave up after %1 s of "
                                                 "draining)")
                                      .arg(opt.drainSeconds));
        }
    }
    for (Worker *w : workers)
        if (!w->signedIn())
            error(w->index(), QStringLiteral("never signed in"));
    out() << QStringLiteral("load: drained in %1 s; final sync of every worker\n")
                 .arg((elapsedMs() - drainStartedMs) / 1000.0, 0, 'f', 1);
    out().flush();
    finalSync();
}

void Load::finalSync()
{
    phase = Phase::FinalSync;
    auto *remaining = new int(int(workers.size()));
    auto finished = std::make_shared<bool>(false);
    auto proceed = [this, finished] {
        if (*finished)
            return;
        *finished = true;
        for (Worker *w : workers)
            w->abortAll();
        phase = Phase::Done;
        sampleRss();
        verifyAndReport();
        QCoreApplication::exit(exitCode);
    };
    for (Worker *w : workers)
        w->finalSync([remaining, proceed] {
            if (--*remaining == 0)
                proceed();
        });
    QTimer::singleShot(120000, this, [this, proceed] {
        error(0, QStringLiteral("the final sync did not end within 120 s"));
        proceed();
    });
}

bool Load::psqlJson(const QString &sql, QJsonValue *value)
{
    QProcess p;
    p.start(QStringLiteral("psql"),
            {opt.pgUrl, QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"),
             QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql});
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        out() << "psql failed: " << p.readAllStandardError() << "\n";
        return false;
    }
    const QByteArray text = p.readAllStandardOutput().trimmed();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &pe);
    if (pe.error != QJsonParseError::NoError) {
        out() << "psql answer is not JSON: " << pe.errorString() << "\n";
        return false;
    }
    *value = doc.array().at(0);
    return true;
}

QString ms(double v)
{
    return QString::number(v, 'f', v < 10 ? 1 : 0);
}

void Load::verifyAndReport()
{
    // ---- the database's own view ----
    QJsonValue opsJson, docsJson, filesJson, uploadsJson;
    const bool dbOk =
        psqlJson(QStringLiteral("SELECT coalesce(json_agg(json_build_array(op_id, status)), "
                                "'[]') FROM ops"),
                 &opsJson) &&
        psqlJson(QStringLiteral("SELECT coalesce(json_agg(json_build_object('id', a.id, 'rev', "
                                "a.rev, 'email', w.email, 'doc', a.doc::json)), '[]') FROM "
                                "assignments a JOIN workers w ON w.id = a.worker_id"),
                 &docsJson) &&
        psqlJson(QStringLiteral("SELECT coalesce(json_agg(json_build_array(deliverable_id, "
                                "assignment_id, sha256, size)), '[]') FROM deliverable_files"),
                 &filesJson) &&
        psqlJson(QStringLiteral("SELECT json_build_array(count(*), count(*) FILTER (WHERE "
                                "completed_at IS NULL)) FROM uploads"),
                 &uploadsJson);
    qint64 lost = 0, duplicated = 0, phantom = 0, stale = 0, badFiles = 0;
    QStringList findings;
    auto finding = [&findings](const QString &s) {
        if (findings.size() < 30)
            findings << s;
    };
    if (!dbOk) {
        exitCode = 1;
        out() << "FAIL: could not read the database\n";
    }

    // ops: every acknowledged op_id exactly once, applied.
    QHash<QString, int> opRows;
    QHash<QString, QString> opStatus;
    for (const QJsonValue &v : opsJson.toArray()) {
        const QString id = v[0].toString();
        ++opRows[id];
        opStatus.insert(id, v[1].toString());
    }
    QSet<QString> ackedIds;
    for (const AckedOp &a : acks) {
        if (ackedIds.contains(a.opId)) {
            ++duplicated;
            finding(QStringLiteral("op %1 acknowledged twice by the client").arg(a.opId));
        }
        ackedIds.insert(a.opId);
        const int rows = opRows.value(a.opId);
        if (rows == 0) {
            ++lost;
            finding(QStringLiteral("op %1 acknowledged (%2) but not in ops").arg(a.opId, a.status));
        } else if (rows > 1) {
            ++duplicated;
            finding(QStringLiteral("op %1 is in ops %2 times").arg(a.opId).arg(rows));
        } else if (opStatus.value(a.opId) != QLatin1String("applied")) {
            ++lost;
            finding(QStringLiteral("op %1 is in ops as %2").arg(a.opId, opStatus.value(a.opId)));
        }
    }

    // documents: each acknowledged visit exactly once, with the times the client sent.
    struct Expect {
        QString checkIn;
        QString checkOut;
        bool checkedOut = false;
    };
    QHash<QPair<qint64, QString>, Expect> visits;
    for (const AckedOp &a : acks) {
        Expect &e = visits[{a.assignmentId, a.logId}];
        e.checkIn = a.checkIn;
        if (a.checkOut) {
            e.checkedOut = true;
            e.checkOut = a.checkOutAt;
        }
    }
    QHash<qint64, QJsonObject> docs;
    QHash<qint64, qint64> revs;
    QHash<qint64, QString> owners;
    for (const QJsonValue &v : docsJson.toArray()) {
        const qint64 id = v[QStringLiteral("id")].toInteger();
        docs.insert(id, v[QStringLiteral("doc")].toObject());
        revs.insert(id, v[QStringLiteral("rev")].toInteger());
        owners.insert(id, v[QStringLiteral("email")].toString());
    }
    qint64 logsInDocs = 0, deliverablesInDocs = 0;
    QHash<QString, int> deliverableCount;
    QHash<QString, QJsonObject> deliverableById;
    for (auto it = docs.begin(); it != docs.end(); ++it) {
        QHash<QString, int> seen;
        for (const QJsonValue &l : it->value(QStringLiteral("time_logs")).toArray()) {
            const QString logId = l[QStringLiteral("id")].toString();
            ++logsInDocs;
            if (++seen[logId] > 1) {
                ++duplicated;
                finding(QStringLiteral("visit %1 twice in assignment %2").arg(logId).arg(it.key()));
            }
            const auto e = visits.constFind({it.key(), logId});
            if (e == visits.cend()) {
                ++phantom;
                finding(QStringLiteral("visit %1 in assignment %2 was never acknowledged")
                            .arg(logId)
                            .arg(it.key()));
                continue;
            }
            const QDateTime in = parseIso(l[QStringLiteral("check_in")].toString());
            const QString outText = l[QStringLiteral("check_out")].toString();
            if (in != parseIso(e->checkIn) ||
                (e->checkedOut && parseIso(outText) != parseIso(e->checkOut)) ||
                (!e->checkedOut && !outText.isEmpty())) {
                ++lost;
                finding(QStringLiteral("visit %1: %2–%3 in the document, %4–%5 acknowledged")
                            .arg(logId, l[QStringLiteral("check_in")].toString(), outText,
                                 e->checkIn, e->checkOut));
            }
        }
        for (auto v = visits.cbegin(); v != visits.cend(); ++v)
            if (v.key().first == it.key() && !seen.contains(v.key().second)) {
                ++lost;
                finding(QStringLiteral("visit %1 acknowledged but missing from assignment %2")
                            .arg(v.key().second)
                            .arg(it.key()));
            }
        for (const QJsonValue &d : it->value(QStringLiteral("deliverables")).toArray()) {
            ++deliverablesInDocs;
            ++deliverableCount[d[QStringLiteral("id")].toString()];
            deliverableById.insert(d[QStringLiteral("id")].toString(), d.toObject());
        }
    }
    for (auto v = visits.cbegin(); v != visits.cend(); ++v)
        if (!docs.contains(v.key().first)) {
            ++lost;
            finding(QStringLiteral("assignment %1 of visit %2 is gone")
                        .arg(v.key().first)
                        .arg(v.key().second));
        }

    // uploads: each finished one is one deliverable and one stored file.
    QHash<QString, int> fileRows;
    for (const QJsonValue &v : filesJson.toArray())
        ++fileRows[v[0].toString()];
    for (const FinishedUpload &u : uploads) {
        const int inDoc = deliverableCount.value(u.deliverableId);
        const QJsonObject d = deliverableById.value(u.deliverableId);
        if (inDoc != 1 || fileRows.value(u.deliverableId) != 1 ||
            d.value(QStringLiteral("sha256")).toString() != u.sha256 ||
            d.value(QStringLiteral("size")).toInteger() != u.size) {
            ++badFiles;
            finding(QStringLiteral("upload %1: %2 in the document, %3 stored file rows")
                        .arg(u.deliverableId)
                        .arg(inDoc)
                        .arg(fileRows.value(u.deliverableId)));
        }
    }
    if (deliverablesInDocs != qint64(uploads.size())) {
        badFiles += std::abs(deliverablesInDocs - qint64(uploads.size()));
        finding(QStringLiteral("%1 deliverables in the documents for %2 finished uploads")
                    .arg(deliverablesInDocs)
                    .arg(uploads.size()));
    }

    // each worker's view after its last sync equals the database.
    for (Worker *w : workers) {
        if (!w->signedIn())
            continue;
        const auto &local = w->assignments();
        for (auto it = local.begin(); it != local.end(); ++it)
            if (revs.value(it.key(), -1) != it->feedRev) {
                ++stale;
                finding(
                    QStringLiteral("worker %1 sees assignment %2 at rev %3, the database has %4")
                        .arg(w->index())
                        .arg(it.key())
                        .arg(it->feedRev)
                        .arg(revs.value(it.key(), -1)));
            }
    }
    QHash<QString, int> perEmail;
    for (auto it = owners.begin(); it != owners.end(); ++it)
        ++perEmail[*it];
    for (Worker *w : workers)
        if (w->signedIn() &&
            perEmail.value(emailFor(opt.emailPattern, w->index())) != w->assignments().size()) {
            ++stale;
            finding(QStringLiteral("worker %1 sees %2 assignments, the database has more or fewer")
                        .arg(w->index())
                        .arg(w->assignments().size()));
        }

    // ---- the figures ----
    // Requests started in [fromMs, toMs): count, p50, p99, max, answers.
    qint64 requests = 0;
    auto table = [this, &requests](const QString &title, qint64 fromMs, qint64 toMs) {
        out() << "\n== " << title << " ==\n";
        out() << QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                     .arg(QStringLiteral("route"), -15)
                     .arg(QStringLiteral("count"), 8)
                     .arg(QStringLiteral("p50"), 7)
                     .arg(QStringLiteral("p99"), 7)
                     .arg(QStringLiteral("max"), 7)
                     .arg(QStringLiteral("answers (status×count, 0 = no HTTP answer)"));
        for (int r = 0; r < RouteCount; ++r) {
            std::vector<float> v;
            std::map<int, int> statuses;
            for (const Sample &x : latency[r])
                if (x.startMs >= fromMs && x.startMs < toMs) {
                    v.push_back(x.ms);
                    ++statuses[x.status];
                }
            if (fromMs == 0)
                requests += qint64(v.size());
            std::sort(v.begin(), v.end());
            auto pct = [&v](double p) { // nearest rank
                if (v.empty())
                    return 0.0;
                const size_t rank = size_t(std::ceil(p * double(v.size())));
                return double(v.at(std::clamp<size_t>(rank, 1, v.size()) - 1));
            };
            QStringList st;
            for (const auto &[code, n] : statuses)
                st << QStringLiteral("%1×%2").arg(code).arg(n);
            out() << QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                         .arg(QLatin1String(kRouteNames[r]), -15)
                         .arg(v.size(), 8)
                         .arg(ms(pct(0.50)), 7)
                         .arg(ms(pct(0.99)), 7)
                         .arg(ms(v.empty() ? 0 : v.back()), 7)
                         .arg(st.join(QLatin1Char(' ')));
        }
    };
    table(QStringLiteral("per route, whole run (ms per attempt)"), 0,
          std::numeric_limits<qint64>::max());
    const qint64 steadyFrom = lastSignInMs + 5000;
    if (steadyFrom < drainStartedMs)
        table(QStringLiteral("per route, from 5 s after the last sign-in (%1 s) to the end (ms)")
                  .arg(steadyFrom / 1000),
              steadyFrom, std::numeric_limits<qint64>::max());
    qint64 applied = 0, dupAcks = 0, checkIns = 0, checkOuts = 0;
    for (const AckedOp &a : acks) {
        applied += a.status == QLatin1String("applied");
        dupAcks += a.status == QLatin1String("duplicate");
        (a.checkOut ? checkOuts : checkIns)++;
    }
    const double runSeconds = std::max<qint64>(1, drainStartedMs) / 1000.0;
    out() << "\n== totals ==\n";
    out() << QStringLiteral("requests %1 (%2/s over the run), ops acknowledged %3 (applied %4, "
                            "duplicate after a retry %5; %6 check-ins, %7 check-outs)\n")
                 .arg(requests)
                 .arg(requests / runSeconds, 0, 'f', 1)
                 .arg(acks.size())
                 .arg(applied)
                 .arg(dupAcks)
                 .arg(checkIns)
                 .arg(checkOuts);
    out() << QStringLiteral("uploads finished %1 (%2 KiB), visits in the documents %3, "
                            "deliverables %4, tus uploads on the server %5 (unfinished %6: "
                            "creations retried after a lost answer)\n")
                 .arg(uploads.size())
                 .arg(uploadedBytes / 1024)
                 .arg(logsInDocs)
                 .arg(deliverablesInDocs)
                 .arg(uploadsJson[0].toInteger())
                 .arg(uploadsJson[1].toInteger());
    int signedIn = 0;
    for (Worker *w : workers)
        signedIn += w->signedIn();
    out() << QStringLiteral("signed in %1 of %2, the last at %3 s\n")
                 .arg(signedIn)
                 .arg(workers.size())
                 .arg(lastSignInMs / 1000.0, 0, 'f', 1);
    out() << "retries " << retries;
    QStringList reasons;
    for (auto it = retryReasons.begin(); it != retryReasons.end(); ++it)
        reasons << QStringLiteral("%1: %2").arg(it.key()).arg(*it);
    out() << (reasons.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reasons.join(", ")))
          << "\n";
    out() << "per 30 s window (acks/retries):";
    for (qint64 wdw = 0; wdw <= elapsedMs() / 30000; ++wdw)
        out() << " " << acksPerWindow.value(wdw) << "/" << retriesPerWindow.value(wdw);
    out() << "\n";
    out() << "errors " << errors << "\n";
    for (const QString &l : std::as_const(errorLines))
        out() << "  " << l << "\n";
    out() << QStringLiteral("lost %1, duplicated %2, applied but never acknowledged %3, stale "
                            "views after the last sync %4, upload/deliverable mismatches %5\n")
                 .arg(lost)
                 .arg(duplicated)
                 .arg(phantom)
                 .arg(stale)
                 .arg(badFiles);
    for (const QString &f : std::as_const(findings))
        out() << "  " << f << "\n";

    out() << "\n== server RSS (VmRSS, MiB, sampled every 10 s) ==\n";
    bool rssOk = true;
    for (const RssSeries &s : rss) {
        if (s.samples.empty()) {
            out() << s.name << ": no samples\n";
            continue;
        }
        // The baseline: the 1-minute mark, or the first sample after the sign-ins if they
        // ended later (each password check holds 64 MiB of Argon2 memory while it runs).
        const qint64 baseFrom = std::max<qint64>(60000, lastSignInMs + 10000);
        qint64 maxKb = 0, atMinuteKb = -1, baseKb = -1, baseAt = 0, minAfterKb = -1;
        for (const auto &[t, kb] : s.samples) {
            maxKb = std::max(maxKb, kb);
            if (atMinuteKb < 0 && t >= 60000 - 1000)
                atMinuteKb = kb;
            if (baseKb < 0 && t >= baseFrom - 1000) {
                baseKb = kb;
                baseAt = t;
            }
            if (baseKb >= 0)
                minAfterKb = minAfterKb < 0 ? kb : std::min(minAfterKb, kb);
        }
        const qint64 lastKb = s.samples.back().second;
        const double growth = baseKb < 0 ? 0.0 : (lastKb - baseKb) / 1024.0;
        auto mib = [](qint64 kb) {
            return kb < 0 ? QStringLiteral("-") : QString::number(kb / 1024.0, 'f', 1);
        };
        out() << QStringLiteral("%1 (pid %2): first %3, at 1 min %4, max %5, last %6; from %7 s "
                                "(after the sign-ins) %8 → last %9, min %10: growth %11 MiB; "
                                "%12 samples%13\n")
                     .arg(s.name)
                     .arg(s.pid)
                     .arg(mib(s.samples.front().second), mib(atMinuteKb), mib(maxKb), mib(lastKb))
                     .arg(baseAt / 1000)
                     .arg(mib(baseKb), mib(lastKb), mib(minAfterKb))
                     .arg(growth, 0, 'f', 1)
                     .arg(s.samples.size())
                     .arg(s.diedAtMs >= 0
                              ? QStringLiteral(" — killed, gone at %1 s").arg(s.diedAtMs / 1000)
                              : QString());
        if (s.diedAtMs < 0 && growth > opt.rssLimitMiB)
            rssOk = false;
    }
    // After a process died, the others carried the clients.
    bool carriedOn = true;
    for (const RssSeries &s : rss)
        if (s.diedAtMs >= 0) {
            qint64 after = 0;
            for (const AckedOp &a : acks)
                after += a.atMs > s.diedAtMs;
            out() << QStringLiteral("after %1 was gone: %2 ops acknowledged\n")
                         .arg(s.name)
                         .arg(after);
            carriedOn = carriedOn && after > 0;
        }

    QStringList failed;
    if (errors)
        failed << QStringLiteral("errors %1").arg(errors);
    if (lost || duplicated || phantom)
        failed << QStringLiteral("lost %1 / duplicated %2 / unacknowledged %3")
                      .arg(lost)
                      .arg(duplicated)
                      .arg(phantom);
    if (stale)
        failed << QStringLiteral("stale views %1").arg(stale);
    if (badFiles)
        failed << QStringLiteral("upload mismatches %1").arg(badFiles);
    if (!rssOk)
        failed << QStringLiteral("RSS grew more than %1 MiB").arg(opt.rssLimitMiB);
    if (!carriedOn)
        failed << QStringLiteral("nothing acknowledged after a server was killed");
    if (acks.empty())
        failed << QStringLiteral("no op acknowledged at all");
    if (!dbOk)
        failed << QStringLiteral("database unreadable");
    out() << "\n"
          << (failed.isEmpty() ? QStringLiteral("PASS") : "FAIL: " + failed.join("; ")) << "\n";
    out().flush();
    if (!failed.isEmpty())
        exitCode = 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Onsite load run (tests/load/load-run.sh)"));
    p.addHelpOption();
    const QCommandLineOption base({QStringLiteral("base")}, QStringLiteral("API base URL"),
                                  QStringLiteral("URL"),
                                  QStringLiteral("https://127.0.0.1/api/v1"));
    const QCommandLineOption signIn({QStringLiteral("sign-in")},
                                    QStringLiteral("API base URL(s) for sign-ins, comma-separated "
                                                   "(round robin); default: --base"),
                                    QStringLiteral("URLS"));
    const QCommandLineOption workers({QStringLiteral("workers")}, QStringLiteral("workers"),
                                     QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption emails(
        {QStringLiteral("emails")}, QStringLiteral("email pattern, {n} = 001…"),
        QStringLiteral("PATTERN"), QStringLiteral("load-{n}@load.onsite"));
    const QCommandLineOption seconds({QStringLiteral("seconds")}, QStringLiteral("run length"),
                                     QStringLiteral("S"), QStringLiteral("600"));
    const QCommandLineOption sync({QStringLiteral("sync-seconds")},
                                  QStringLiteral("mean time between syncs"), QStringLiteral("S"),
                                  QStringLiteral("5"));
    const QCommandLineOption page({QStringLiteral("page-size")}, QStringLiteral("/changes limit"),
                                  QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption spread({QStringLiteral("sign-in-spread")},
                                    QStringLiteral("seconds over which sign-ins are spread "
                                                   "(default: 60, at most half the run)"),
                                    QStringLiteral("S"));
    const QCommandLineOption upload({QStringLiteral("upload-chance")},
                                    QStringLiteral("chance per tick to start an upload"),
                                    QStringLiteral("P"), QStringLiteral("0.03"));
    const QCommandLineOption drain({QStringLiteral("drain-seconds")},
                                   QStringLiteral("how long to wait for outboxes and uploads"),
                                   QStringLiteral("S"), QStringLiteral("90"));
    const QCommandLineOption pg({QStringLiteral("pg")},
                                QStringLiteral("PostgreSQL URL of the servers' database"),
                                QStringLiteral("URL"));
    const QCommandLineOption cacert({QStringLiteral("cacert")},
                                    QStringLiteral("CA certificate (PEM) to trust; without it "
                                                   "certificates are not verified"),
                                    QStringLiteral("FILE"));
    const QCommandLineOption server({QStringLiteral("server")},
                                    QStringLiteral("NAME=PID of a server process (RSS sampled)"),
                                    QStringLiteral("NAME=PID"));
    const QCommandLineOption rssLimit({QStringLiteral("rss-limit-mib")},
                                      QStringLiteral("allowed RSS growth from 1 min to the end"),
                                      QStringLiteral("MIB"), QStringLiteral("64"));
    p.addOptions({base, signIn, workers, emails, seconds, sync, page, spread, upload, drain, pg,
                  cacert, server, rssLimit});
    p.process(app);

    Options o;
    o.base = QUrl(p.value(base));
    for (const QString &u : p.value(signIn).split(QLatin1Char(','), Qt::SkipEmptyParts))
        o.signIn << QUrl(u);
    if (o.signIn.isEmpty())
        o.signIn << o.base;
    o.workers = p.value(workers).toInt();
    o.emailPattern = p.value(emails);
    o.seconds = p.value(seconds).toInt();
    o.syncSeconds = p.value(sync).toDouble();
    o.pageSize = p.value(page).toInt();
    o.signInSpreadSeconds =
        p.isSet(spread) ? p.value(spread).toInt() : std::min(60, std::max(1, o.seconds / 2));
    o.uploadChance = p.value(upload).toDouble();
    o.drainSeconds = p.value(drain).toInt();
    o.pgUrl = p.value(pg);
    o.cacert = p.value(cacert);
    o.rssLimitMiB = p.value(rssLimit).toDouble();
    o.password = qEnvironmentVariable("ONSITE_PASSWORD");
    for (const QString &s : p.values(server)) {
        const QStringList kv = s.split(QLatin1Char('='));
        if (kv.size() == 2)
            o.servers.append({kv.at(0), kv.at(1).toLongLong()});
    }
    if (o.password.isEmpty() || o.pgUrl.isEmpty() || o.workers < 1 || o.seconds < 1) {
        QTextStream(stderr) << "load_run needs $ONSITE_PASSWORD, --pg URL, --workers ≥ 1 and "
                               "--seconds ≥ 1\n";
        return 2;
    }
    if (!o.cacert.isEmpty() && QSslCertificate::fromPath(o.cacert).isEmpty()) {
        QTextStream(stderr) << "no certificate in " << o.cacert << "\n";
        return 2;
    }
    Load load(o);
    load.start();
    return app.exec();
}
