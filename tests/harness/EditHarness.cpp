// A client process for the crash tests: makes time-log changes and posts messages on one
// assignment through the
// real SyncEngine and LocalStore, pushing as it goes, and prints "committed <op_id>" once each
// change is in its SQLite file. The test kills it with SIGKILL at random moments and starts it
// again; `--drain` only pushes what is left and exits when the outbox is empty.
#include "JsonReader.h"
#include "LocalStore.h"
#include "SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>
#include <cstdio>

using namespace onsite;

namespace {

// The next change to make, chosen from the assignment as it stands locally.
Operation nextChange(const Assignment &a, const QDateTime &now)
{
    auto *rng = QRandomGenerator::global();
    QList<const TimeLog *> live;
    for (const TimeLog &l : a.timeLogs)
        if (!l.deleted)
            live << &l;
    const int dice = int(rng->bounded(10));
    if (!live.isEmpty() && dice == 0) {
        const TimeLog *l = live.at(int(rng->bounded(qsizetype(live.size()))));
        return Operation::make(a.id, QStringLiteral("time_log.delete"),
                               {{QStringLiteral("id"), l->id}}, now);
    }
    if (dice == 4) // a message in the thread: it must land once, like every change
        return Operation::make(
            a.id, QStringLiteral("message.post"),
            {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("text"), QStringLiteral("message %1").arg(a.messages.size() + 1)}},
            now);
    if (!live.isEmpty() && dice <= 3) {
        const TimeLog *l = live.at(int(rng->bounded(qsizetype(live.size()))));
        return Operation::make(
            a.id, QStringLiteral("time_log.upsert"),
            {{QStringLiteral("id"), l->id},
             {QStringLiteral("check_in"), JsonReader::formatInstant(l->checkIn)},
             {QStringLiteral("check_out"), JsonReader::formatInstant(l->checkOut)},
             {QStringLiteral("note"), QStringLiteral("edit %1").arg(rng->generate())}},
            now);
    }
    // A new ten-minute visit in the next free quarter-hour slot, well in the past.
    const QDateTime base = now.addDays(-60);
    const QDateTime in = base.addSecs(15 * 60 * qint64(a.timeLogs.size()));
    return Operation::make(
        a.id, QStringLiteral("time_log.upsert"),
        {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
         {QStringLiteral("check_in"), JsonReader::formatInstant(in)},
         {QStringLiteral("check_out"), JsonReader::formatInstant(in.addSecs(600))}},
        now);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    const QCommandLineOption api(QStringLiteral("api"), QStringLiteral("API base"),
                                 QStringLiteral("URL"));
    const QCommandLineOption token(QStringLiteral("token"), QStringLiteral("session token"),
                                   QStringLiteral("T"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("cache file"),
                                QStringLiteral("PATH"));
    const QCommandLineOption id(QStringLiteral("assignment"), QStringLiteral("assignment id"),
                                QStringLiteral("ID"));
    const QCommandLineOption edits(QStringLiteral("edits"), QStringLiteral("changes to make"),
                                   QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption drain(QStringLiteral("drain"),
                                   QStringLiteral("only push what is left"));
    p.addOptions({api, token, db, id, edits, drain});
    p.process(app);

    SyncEngine engine(p.value(db), QUrl(p.value(api)));
    engine.setPushBatchSize(5);
    engine.setRequestTimeoutMs(5000);
    engine.open();
    engine.setToken(p.value(token));
    const qint64 assignmentId = p.value(id).toLongLong();
    int remaining = p.isSet(drain) ? 0 : p.value(edits).toInt();

    QObject::connect(&engine, &SyncEngine::recorded, &app,
                     [](const QString &opId, bool ok, const QString &, const QString &message) {
                         if (ok)
                             std::printf("committed %s\n", qPrintable(opId));
                         else
                             std::printf("refused %s %s\n", qPrintable(opId), qPrintable(message));
                         std::fflush(stdout);
                     });
    QObject::connect(&engine, &SyncEngine::syncFinished, &app,
                     [&](bool ok, const QString &message) {
                         std::printf("sync %s %s (pending %d)\n", ok ? "ok" : "failed",
                                     qPrintable(message), engine.store()->pendingOperationCount());
                         std::fflush(stdout);
                         if (remaining == 0 && ok && engine.store()->pendingOperationCount() == 0) {
                             std::printf("drained\n");
                             std::fflush(stdout);
                             app.quit();
                         }
                     });
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        if (remaining > 0) {
            const auto a = engine.store()->assignment(assignmentId);
            if (!a) { // not pulled yet: the first sync brings it
                if (!engine.isRunning())
                    engine.syncNow();
                return;
            }
            engine.record(nextChange(*a, QDateTime::currentDateTimeUtc()));
            --remaining;
        } else if (!engine.isRunning()) {
            engine.syncNow();
        }
    });
    // Pull first so the assignment is in the cache, then change, push, change...
    engine.syncNow();
    tick.start(5);
    return app.exec();
}
