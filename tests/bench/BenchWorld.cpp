#include "BenchWorld.h"

#include "AssignmentCodec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QUuid>

using namespace onsite;

namespace bench {
namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Assignment baseAssignment(int i, const QDateTime &start)
{
    Assignment a;
    a.id = 1;
    a.rev = 1;
    a.title = QStringLiteral("Benchmark work order %1: replace terminal and test").arg(i);
    a.company = {1, QStringLiteral("Bench Co")};
    a.description = QStringLiteral("A realistic description of the work to be done on site, about "
                                   "two sentences long. Bring the usual tools.");
    a.instructions = QStringLiteral("Check in with the manager. Photograph before and after.");
    a.site = {QStringLiteral("%1 Main St").arg(i),
              QStringLiteral("Chicago"),
              QStringLiteral("IL"),
              QStringLiteral("60606"),
              QStringLiteral("US"),
              QStringLiteral("America/Chicago")};
    a.schedule.start = start;
    a.schedule.end = start.addSecs(3 * 3600);
    a.schedule.confirmRequired = true;
    a.schedule.confirmBy = start.addDays(-1);
    a.schedule.confirmedAt = start.addDays(-2);
    a.schedule.checkinGraceMinutes = 15;
    a.pricing = {PricingType::Flat, QStringLiteral("USD"), 15000, 0, 0, true};
    a.checklist = {{ChecklistKind::ConfirmSchedule, true},
                   {ChecklistKind::CheckInOut, true},
                   {ChecklistKind::Deliverables, true}};
    return a;
}

} // namespace

QJsonObject benchDocument(int i, qint64 workerId)
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-(i % 300));
    Assignment a = baseAssignment(i, start);
    a.status = i % 3 ? AssignmentStatus::Paid : AssignmentStatus::InProgress;
    for (int v = 0; v < 2; ++v)
        a.timeLogs.append({uuid(), start.addSecs(v * 3600), start.addSecs(v * 3600 + 1800),
                           QStringLiteral("visit %1").arg(v), TimeLogSource::Desktop, false,
                           false});
    a.fundsRequests.append({uuid(),
                            FundsKind::Expense,
                            1999,
                            0,
                            QStringLiteral("Parking"),
                            {},
                            FundsStatus::Approved,
                            start,
                            start.addSecs(600),
                            QStringLiteral("ok")});
    const QString req = uuid();
    a.deliverableRequirements.append({req, DeliverableKind::Photo, QStringLiteral("Photos"), 2});
    for (int d = 0; d < 2; ++d)
        a.deliverables.append({uuid(), req, DeliverableKind::Photo,
                               QStringLiteral("IMG_%1.jpg").arg(d), 250000,
                               QString(64, QLatin1Char('c')), a.schedule.end});
    QJsonObject o = AssignmentCodec::toJson(a);
    o.insert(QStringLiteral("worker_id"), workerId);
    return o;
}

QJsonObject openVisitDocument(qint64 workerId, const QString &visitId)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Assignment a = baseAssignment(0, now.addSecs(-3600));
    a.status = AssignmentStatus::InProgress;
    a.timeLogs.append({visitId, now.addSecs(-1800), {}, {}, TimeLogSource::Desktop, false, false});
    QJsonObject o = AssignmentCodec::toJson(a);
    o.insert(QStringLiteral("worker_id"), workerId);
    return o;
}

BenchWorld::BenchWorld(const QString &serverProgram, const QString &dbUrl, const QString &tempDir)
    : m_program(serverProgram), m_db(dbUrl), m_dir(tempDir)
{}

QString BenchWorld::admin(const QStringList &args, const QByteArray &password)
{
    QProcess p;
    if (!password.isEmpty()) {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ONSITE_PASSWORD"), QString::fromUtf8(password));
        p.setProcessEnvironment(env);
    }
    p.start(m_program, QStringList{QStringLiteral("admin"), QStringLiteral("--db"), m_db} + args);
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qFatal("admin %s failed: %s", qPrintable(args.join(QLatin1Char(' '))),
               p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString BenchWorld::createCompany(const QString &name)
{
    return admin({QStringLiteral("create-company"), name});
}

BenchWorker BenchWorld::createWorker(const QString &email, const QString &name)
{
    return {admin({QStringLiteral("create-worker"), email, name}, kPassword).toLongLong(), email};
}

void BenchWorld::importDocuments(const QString &companyId, const QList<QJsonObject> &docs)
{
    QJsonArray array;
    for (const QJsonObject &d : docs)
        array.append(d);
    QFile f(QDir(m_dir).filePath(QStringLiteral("import%1.json").arg(m_imports++)));
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(array).toJson(QJsonDocument::Compact));
    f.close();
    admin({QStringLiteral("import-assignments"), companyId, f.fileName(),
           QStringLiteral("--with-history")});
}

} // namespace bench
