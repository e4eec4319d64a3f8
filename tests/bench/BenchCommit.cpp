// Time from a worker's click to the change committed in the local SQLite file (WAL,
// synchronous=FULL), the way the app does it: the UI thread asks the sync thread to record the
// operation and waits for its answer. Prints p50/p95/max over N clicks (target p95 < 20 ms).
// Run by hand: build/bin/bench_commit [clicks] [assignments]
#include "AssignmentCodec.h"
#include "JsonReader.h"
#include "LocalStore.h"
#include "SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUuid>
#include <algorithm>

using namespace onsite;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int clicks = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 500;
    const int count = argc > 2 ? QString::fromLatin1(argv[2]).toInt() : 1000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        LocalStore store(QStringLiteral("fill"));
        QString error;
        store.open(path, &error);
        QList<Assignment> all;
        for (int i = 0; i < count; ++i) {
            Assignment a;
            a.id = i + 1;
            a.rev = 1;
            a.title = QStringLiteral("Work order %1").arg(i);
            a.company = {1, QStringLiteral("Bench Co")};
            a.site = {QStringLiteral("1 Main St"), QStringLiteral("Chicago"),
                      QStringLiteral("IL"),        QStringLiteral("60606"),
                      QStringLiteral("US"),        QStringLiteral("America/Chicago")};
            a.schedule.start = QDateTime::currentDateTimeUtc().addDays(-90);
            a.schedule.end = a.schedule.start.addSecs(3600 * 24 * 80);
            a.pricing.currency = QStringLiteral("USD");
            a.checklist = {{ChecklistKind::CheckInOut, true}};
            all.append(a);
        }
        store.applyChangesPage(all, {}, QStringLiteral("1"), QDateTime::currentDateTimeUtc(),
                               &error);
    }
    QThread thread;
    SyncEngine engine(path, QUrl(QStringLiteral("http://127.0.0.1:9/api/v1/"))); // never reached
    engine.moveToThread(&thread);
    thread.start();
    QMetaObject::invokeMethod(
        &engine, [&engine] { engine.open(); }, Qt::BlockingQueuedConnection);

    QVector<double> ms;
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::recorded, &loop, &QEventLoop::quit);
    for (int i = 0; i < clicks; ++i) {
        const qint64 id = 1 + i % count;
        const QDateTime in =
            QDateTime::currentDateTimeUtc().addDays(-89).addSecs(900 * (i / count));
        const Operation op = Operation::make(
            id, QStringLiteral("time_log.upsert"),
            {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("check_in"), JsonReader::formatInstant(in)},
             {QStringLiteral("check_out"), JsonReader::formatInstant(in.addSecs(600))}},
            QDateTime::currentDateTimeUtc());
        QElapsedTimer t;
        t.start();
        QMetaObject::invokeMethod(&engine, [&engine, op] { engine.record(op); });
        loop.exec();
        ms << t.nsecsElapsed() / 1e6;
    }
    QMetaObject::invokeMethod(
        &engine, [&engine] { engine.moveToThread(QCoreApplication::instance()->thread()); },
        Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    std::sort(ms.begin(), ms.end());
    QTextStream(stdout)
        << QStringLiteral(
               "Click to committed (synchronous=FULL, %1 assignments in the cache, %2 clicks): "
               "p50 %3 ms, p95 %4 ms, max %5 ms (target p95 < 20 ms)\n")
               .arg(count)
               .arg(clicks)
               .arg(ms.at(ms.size() / 2), 0, 'f', 2)
               .arg(ms.at(int(ms.size() * 0.95)), 0, 'f', 2)
               .arg(ms.last(), 0, 'f', 2);
    return 0;
}
