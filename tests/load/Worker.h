#pragma once

// One simulated worker of the load run: signs in once, syncs every few seconds (paging
// /changes to the end with its cursor), checks in and out with time_log.upsert operations, now
// and then uploads a small PNG by tus, and asks for /me, retrying as the app's client does: a
// network error or a 5xx repeats the same operation (same op_id) or asks the upload's offset
// (HEAD) after a bounded backoff. Worker.cpp: requests, sign-in, the tick, the change feed;
// WorkerOps.cpp: check-ins and check-outs; WorkerUpload.cpp: uploads.

#include "Load.h"
#include "LoadRecords.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QNetworkRequest>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace loadrun {

class Worker : public QObject
{
public:
    Worker(Load *load, int index);

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
    void startSignIn(int delayMs);

    // Pages to the end once more; `done` when the feed says there is no more.
    void finalSync(std::function<void()> done);
    void abortAll();

private:
    using Done = std::function<void(QNetworkReply *, int status, const QByteArray &body)>;

    QNetworkRequest request(const QUrl &url) const;
    QUrl api(const QString &path, const QUrlQuery &query = {}) const;
    void send(Route route, const QByteArray &verb, const QNetworkRequest &req,
              const QByteArray &body, Done done);

    // A network error or a 5xx (nginx's 502/504 when a process is gone included): try again.
    bool retryable(QNetworkReply *r, int status, const char *what);
    QString describe(int status, const QByteArray &body) const;
    bool running() const { return m_load->phase == Phase::Running && !m_stopped; }

    // ---- sign-in ----
    void signIn();

    // ---- the tick: sync, and perhaps a check-in/out, an upload, /me ----
    void scheduleTick();
    void tick();

    // ---- the change feed ----
    void sync();
    void syncEnded();
    void applyChange(const QJsonObject &a);
    QList<qint64> activeAssignments() const;

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
    QString nextInstant();
    void checkInOrOut();
    QJsonObject envelope(const Op &op) const;
    void push();
    void retryPush();

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

    void startUpload();
    QNetworkRequest tusRequest(const QUrl &url) const;
    void endUpload() { m_upload.reset(); }
    void createUpload();

    // Reads Upload-Offset; true when there is more to send, false when the upload ended here.
    bool uploadState(QNetworkReply *r);
    void patch();
    void head();

    // ---- /me ----
    void me();

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

} // namespace loadrun
