// The crash test's uploader: a real UploadEngine on a real SQLite file. Queues the file on the
// first run, resumes whatever the store holds on later runs, prints progress and exits when the
// upload is done. The test kills it with -9 in the middle.
//   onsite-upload-harness DB API_BASE TOKEN ASSIGNMENT REQUIREMENT FILE CHUNK
#include "LocalStore.h"
#include "UploadEngine.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

using namespace onsite;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() != 8) {
        std::fprintf(stderr, "usage: DB API_BASE TOKEN ASSIGNMENT REQUIREMENT FILE CHUNK\n");
        return 2;
    }
    LocalStore store(QStringLiteral("harness"));
    QString error;
    if (!store.open(a.at(1), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    UploadEngine engine(&store, QUrl(a.at(2)));
    engine.setToken(a.at(3));
    engine.setChunkSize(a.at(7).toLongLong());
    engine.setRetryDelays(50, 500);
    QTextStream out(stdout);
    QObject::connect(&engine, &UploadEngine::progress, &app,
                     [&out](const QString &, qint64 sent, qint64 total, bool hashing) {
                         if (!hashing) {
                             out << "progress " << sent << ' ' << total << Qt::endl;
                         }
                     });
    QObject::connect(&engine, &UploadEngine::uploaded, &app,
                     [&out](const QString &, const QString &deliverable, qint64) {
                         out << "done " << deliverable << Qt::endl;
                         QCoreApplication::exit(0);
                     });
    QObject::connect(&engine, &UploadEngine::refused, &app,
                     [](const QString &, const QString &message) {
                         std::fprintf(stderr, "refused: %s\n", qPrintable(message));
                         QCoreApplication::exit(3);
                     });
    const auto items = engine.items();
    if (items.isEmpty()) {
        engine.add(a.at(4).toLongLong(), a.at(6), QStringLiteral("photo"), a.at(5));
    } else {
        out << "resuming " << items.first().offset << Qt::endl;
        if (items.first().state == UploadItem::State::Done)
            return 0;
    }
    engine.resume();
    return app.exec();
}
