#include <catch2/catch.hpp>

#include "AppController.h"
#include "Clock.h"
#include "Exports.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "SignInDialog.h"
#include "SignedInApp.h"
#include "TestServer.h"
#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace onsite;
using namespace onsite::test;

namespace {

QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString withoutSpace(QString s)
{
    s.remove(QRegularExpression(QStringLiteral("\\s")));
    return s;
}

} // namespace

TEST_CASE("exports: timesheet CSV and PDF, assignment record PDF, calendar file and link",
          "[ui][export]")
{
    TestServer server;
    REQUIRE(server.start());
    HttpClient http(server.apiBase());
    const QString token = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QJsonArray docs = http.get(QStringLiteral("changes?since=0&limit=1000"), token)
                                .json.value("changes")
                                .toArray();

    SignedInApp app(server);
    AppController &controller = app.controller;
    QSignalSpy exported(controller.exports(), &Exports::exported);
    auto finished = [&](int n) {
        REQUIRE(waitFor([&] { return exported.count() >= n; }, 30000));
        CHECK(exported.at(n - 1).at(0).toBool());
    };

    // The last 60 days of visits, counted from the server's documents.
    const QDate today = QDate::currentDate();
    const QDateTime from = today.addDays(-60).startOfDay().toUTC();
    const QDateTime to = today.addDays(1).startOfDay().toUTC();
    int visits = 0;
    for (const QJsonValue &d : docs)
        for (const QJsonValue &l : d.toObject().value(QStringLiteral("time_logs")).toArray()) {
            const QJsonObject log = l.toObject();
            const QDateTime in =
                QDateTime::fromString(log.value("check_in").toString(), Qt::ISODate);
            if (!log.value(QStringLiteral("deleted")).toBool() && in >= from && in < to)
                ++visits;
        }
    REQUIRE(visits > 5);
    // ONSITE_EXPORT_DIR keeps the files, to look at them.
    QTemporaryDir tmp;
    const QDir out(qEnvironmentVariable("ONSITE_EXPORT_DIR", tmp.path()));
    const QString csvPath = out.filePath(QStringLiteral("timesheet.csv"));
    controller.exports()->exportTimesheet(today.addDays(-60), today, false, csvPath);
    finished(1);
    QFile csv(csvPath);
    REQUIRE(csv.open(QIODevice::ReadOnly));
    const QByteArray csvBytes = csv.readAll();
    CHECK(csvBytes.count("\r\n") == visits + 1); // notes in the demo have no line breaks

    const QString pdfPath = out.filePath(QStringLiteral("timesheet.pdf"));
    controller.exports()->exportTimesheet(today.addDays(-60), today, true, pdfPath);
    finished(2);
    const QString sheet = pdfText(pdfPath);
    CHECK(sheet.contains(QStringLiteral("Timesheet")));
    CHECK(withoutSpace(sheet).contains(QStringLiteral("Allvisits(%1)").arg(visits)));

    // A paid assignment's record: its title, and each file's checksum.
    QJsonObject paid;
    for (const QJsonValue &d : docs)
        if (d.toObject().value(QStringLiteral("status")).toString() == QStringLiteral("paid"))
            paid = d.toObject();
    REQUIRE_FALSE(paid.isEmpty());
    const QString recordPath = out.filePath(QStringLiteral("record.pdf"));
    controller.exports()->exportRecord(paid.value(QStringLiteral("id")).toInteger(), recordPath);
    finished(3);
    const QString record = withoutSpace(pdfText(recordPath));
    CHECK(record.contains(withoutSpace(paid.value(QStringLiteral("title")).toString())));
    const QJsonArray files = paid.value(QStringLiteral("deliverables")).toArray();
    REQUIRE_FALSE(files.isEmpty());
    for (const QJsonValue &f : files)
        CHECK(record.contains(f.toObject().value(QStringLiteral("sha256")).toString()));
    CHECK_FALSE(record.contains(QStringLiteral("couldnotbefetched")));

    const QString icsPath = out.filePath(QStringLiteral("onsite.ics"));
    controller.exports()->exportCalendar(icsPath);
    finished(4);
    QFile ics(icsPath);
    REQUIRE(ics.open(QIODevice::ReadOnly));
    CHECK(ics.readAll().count("BEGIN:VEVENT") == docs.size());

    QSignalSpy link(controller.exports(), &Exports::calendarLinkReady);
    controller.exports()->requestCalendarLink();
    REQUIRE(waitFor([&] { return link.count() > 0; }, 15000));
    const QUrl url(link.first().at(0).toString());
    REQUIRE(url.isValid());
    CHECK(link.first().at(1).toString().isEmpty());
    const auto feed = http.get(url.path().mid(QStringLiteral("/api/v1/").size()));
    CHECK(feed.status == 200);
    CHECK(feed.body.count("BEGIN:VEVENT") == docs.size());
}
