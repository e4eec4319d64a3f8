#include "BenchFeedTargets.h"

#include "BenchWorld.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

namespace bench {
namespace {

QByteArray call(const QUrl &url, const QString &token, const QByteArray &postBody = {})
{
    static QNetworkAccessManager nam;
    QNetworkRequest req(url);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *r = postBody.isEmpty() ? nam.get(req) : nam.post(req, postBody);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = r->readAll();
    r->deleteLater();
    return body;
}

void save(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
}

} // namespace

FeedTargets::FeedTargets(const QString &dbUrl, const QString &dir) : m_db(dbUrl), m_dir(dir) {}

void FeedTargets::seed()
{
    BenchWorld world(QStringLiteral(ONSITE_SERVER_BIN), m_db, m_dir);
    const QString company = world.createCompany(QStringLiteral("Bench Co"));
    QList<QJsonObject> docs;
    for (int w = 0; w < kWorkers; ++w) {
        Worker worker;
        worker.email = QStringLiteral("bench%1@onsite.test").arg(w);
        worker.visit = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const qint64 id = world.createWorker(worker.email, QStringLiteral("Bench %1").arg(w)).id;
        for (int i = 0; i < kDocsPerWorker; ++i)
            docs.append(benchDocument(i, id));
        docs.append(openVisitDocument(id, worker.visit));
        m_workers.append(worker);
    }
    world.importDocuments(company, docs);
}

bool FeedTargets::learnWorker(const QUrl &server, Worker &w, bool saveAnswers)
{
    const QUrl api = server.resolved(QUrl(QStringLiteral("/api/v1/")));
    w.token = QJsonDocument::fromJson(
                  call(api.resolved(QUrl(QStringLiteral("session"))), {},
                       QJsonDocument(QJsonObject{{QStringLiteral("email"), w.email},
                                                 {QStringLiteral("password"),
                                                  QString::fromLatin1(BenchWorld::kPassword)}})
                           .toJson(QJsonDocument::Compact)))
                  .object()
                  .value(QStringLiteral("token"))
                  .toString();
    const QJsonObject all =
        QJsonDocument::fromJson(
            call(api.resolved(QUrl(QStringLiteral("changes?since=0&limit=1000"))), w.token))
            .object();
    w.cursor = all.value(QStringLiteral("cursor")).toString();
    for (const QJsonValue &v : all.value(QStringLiteral("changes")).toArray())
        for (const QJsonValue &log : v[QStringLiteral("time_logs")].toArray())
            if (log[QStringLiteral("id")].toString() == w.visit) {
                w.openAssignment = v[QStringLiteral("id")].toInteger();
                w.checkIn = log[QStringLiteral("check_in")].toString();
            }
    if (w.token.isEmpty() || w.cursor.isEmpty() || !w.openAssignment)
        return false;
    if (saveAnswers) {
        const QByteArray nothing =
            call(api.resolved(QUrl(QStringLiteral("changes?since=%1&limit=500").arg(w.cursor))),
                 w.token);
        const QByteArray page = call(
            api.resolved(QUrl(QStringLiteral("changes?since=0&limit=%1").arg(kPageSize))), w.token);
        if (QJsonDocument::fromJson(page)[QStringLiteral("changes")].toArray().size() != kPageSize)
            return false;
        save(nginxRoot() + QStringLiteral("/nothing.json"), nothing);
        save(nginxRoot() + QStringLiteral("/page.json"), page);
        m_nothingNewBytes = nothing.size();
        m_pageBytes = page.size();
    }
    return true;
}

bool FeedTargets::learn(const QUrl &server)
{
    QDir().mkpath(nginxRoot());
    for (int i = 0; i < m_workers.size(); ++i)
        if (!learnWorker(server, m_workers[i], i == 0))
            return false;
    writeTargets();
    return true;
}

void FeedTargets::writeTargets() const
{
    QByteArray nothing, page, ops;
    const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
    for (const Worker &w : m_workers) {
        const QByteArray token = w.token.toLatin1();
        nothing += "/api/v1/changes?since=" + w.cursor.toLatin1() + "&limit=500 " + token + '\n';
        page +=
            "/api/v1/changes?since=0&limit=" + QByteArray::number(kPageSize) + ' ' + token + '\n';
        ops += token + ' ' + QByteArray::number(w.openAssignment) + ' ' + w.visit.toLatin1() + ' ' +
               w.checkIn.toLatin1() + ' ' + now + '\n';
    }
    save(nothingNewTargets(), nothing);
    save(pageTargets(), page);
    save(opsTargets(), ops);
}

QString FeedTargets::nginxRoot() const
{
    return m_dir + QStringLiteral("/static");
}

QString FeedTargets::nothingNewTargets() const
{
    return m_dir + QStringLiteral("/nothing-new.txt");
}

QString FeedTargets::pageTargets() const
{
    return m_dir + QStringLiteral("/page.txt");
}

QString FeedTargets::opsTargets() const
{
    return m_dir + QStringLiteral("/ops.txt");
}

} // namespace bench
