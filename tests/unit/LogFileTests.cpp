#include <catch2/catch.hpp>

#include "Log.h"
#include "LogFile.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace onsite;

namespace {

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST_CASE("the log file keeps each line with its level and category, and rotates past 1 MiB",
          "[log]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("onsite.log"));
    // Quiet the console for this test: the file is what is checked.
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    LogFile::install(path);
    CHECK(LogFile::path() == path);

    qCInfo(lcApp) << "first line";
    const QByteArray first = contents(path); // written through at once, not at exit
    CHECK(first.contains("info onsite.app"));
    CHECK(first.contains("first line"));

    const QString chunk(100 * 1024, QLatin1Char('x'));
    for (int i = 0; i < 12; ++i)
        qCWarning(lcSync).noquote() << chunk;
    qCInfo(lcApp) << "after rotation";

    const QString previous = path + QStringLiteral(".1");
    CHECK(QFileInfo(previous).size() > 1024 * 1024);
    CHECK(QFileInfo(path).size() < 1024 * 1024);
    CHECK(contents(previous).contains("first line"));
    CHECK(contents(path).contains("after rotation"));
    CHECK(contents(path).contains("warning onsite.sync"));
    qInstallMessageHandler(nullptr);
}
