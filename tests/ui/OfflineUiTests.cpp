#include <catch2/catch.hpp>

#include "AppController.h"
#include "AssignmentPage.h"
#include "Clock.h"
#include "DashboardModel.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "SignInDialog.h"
#include "SignedInApp.h"
#include "TestServer.h"
#include "TestUtil.h"
#include "TimeLogModel.h"

#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace onsite;
using namespace onsite::test;

TEST_CASE("offline: check in, check out, correct and delete a visit, then sync",
          "[ui][e2e][offline]")
{
    TestServer server;
    REQUIRE(server.start());
    SignedInApp app(server);
    MainWindow &window = app.window;
    AppController &controller = app.controller;
    QSignalSpy synced(&controller, &AppController::syncFinished);
    QSignalSpy recorded(&controller, &AppController::changeRecorded);
    REQUIRE(waitFor([&] { return window.model()->rowCount() >= 25; }, 30000));

    // An assignment that is still Assigned and takes desktop check-ins.
    qint64 id = 0;
    for (int r = 0; r < window.model()->rowCount() && !id; ++r) {
        const QModelIndex i = window.model()->index(r, DashboardModel::Status);
        if (i.data().toString() == QStringLiteral("Assigned") &&
            window.model()->index(r, DashboardModel::Company).data().toString() !=
                QStringLiteral("Northwind Retail Services"))
            id = i.data(DashboardModel::IdRole).toLongLong();
    }
    REQUIRE(id);
    controller.openAssignment(id);
    AssignmentPage *page = window.page();
    REQUIRE(window.isShowingAssignment());
    REQUIRE(page->checkInButton()->isVisible());

    server.stop(); // the network is gone from here on
    auto waitRecorded = [&](int n) {
        return waitFor([&] { return recorded.count() >= n; }, 10000);
    };

    MessageBox::setNextAnswer(QMessageBox::Yes); // in case it is outside its check-in window
    QTest::mouseClick(page->checkInButton(), Qt::LeftButton);
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    REQUIRE(waitRecorded(1));
    CHECK(recorded.last().at(1).toBool());
    REQUIRE(waitFor(
        [&] { return page->timeLogs()->rowCount() == 1 && page->checkOutButton()->isVisible(); }));
    CHECK(page->timeLogs()->index(0, TimeLogModel::CheckOut).data().toString() ==
          QStringLiteral("on site now"));

    QTest::qWait(1100); // a visit of at least a second
    QTest::mouseClick(page->checkOutButton(), Qt::LeftButton);
    REQUIRE(waitRecorded(2));
    REQUIRE(waitFor([&] { return page->checkInButton()->isVisible(); }));
    CHECK(page->timeLogs()->index(0, TimeLogModel::CheckOut).data().toString() !=
          QStringLiteral("on site now"));

    // Correct the check-in to ten minutes earlier, as the delegate would.
    TimeLogModel *logs = page->timeLogs();
    const QDateTime in =
        logs->index(0, TimeLogModel::CheckIn).data(TimeLogModel::UtcRole).toDateTime();
    const QDateTime out =
        logs->index(0, TimeLogModel::CheckOut).data(TimeLogModel::UtcRole).toDateTime();
    logs->setData(logs->index(0, TimeLogModel::CheckIn), in.addSecs(-600), Qt::EditRole);
    REQUIRE(waitRecorded(3));
    REQUIRE(waitFor([&] {
        return logs->index(0, TimeLogModel::Source)
            .data()
            .toString()
            .contains(QStringLiteral("edited"));
    }));
    CHECK(logs->index(0, TimeLogModel::CheckIn).data(TimeLogModel::UtcRole).toDateTime() ==
          in.addSecs(-600));

    // A check-out before the check-in is refused with the reason, and nothing changes.
    logs->setData(logs->index(0, TimeLogModel::CheckOut), in.addSecs(-3600), Qt::EditRole);
    REQUIRE(waitRecorded(4));
    CHECK_FALSE(recorded.last().at(1).toBool());
    CHECK(page->errorText().contains(QStringLiteral("before check-in")));
    CHECK(logs->index(0, TimeLogModel::CheckOut).data(TimeLogModel::UtcRole).toDateTime() == out);
    REQUIRE(
        waitFor([&] { return window.statusText().contains(QStringLiteral("3 changes waiting")); }));

    // Delete it after saying yes to the confirmation.
    page->timeLogView()->setCurrentIndex(logs->index(0, 0));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(page->deleteLogButton(), Qt::LeftButton);
    REQUIRE(waitRecorded(5));
    REQUIRE(waitFor([&] { return logs->rowCount() == 0; }));
    // Offline too, the page says the assignment is Assigned again and offers a check-in.
    REQUIRE(waitFor([&] { return page->statusText().startsWith(QStringLiteral("Assigned")); }));
    CHECK(page->checkInButton()->isVisible());
    REQUIRE(
        waitFor([&] { return window.statusText().contains(QStringLiteral("4 changes waiting")); }));

    // Back online: everything reaches the server, once.
    const QUrl before = server.url();
    REQUIRE(server.restart());
    INFO(before.toString().toStdString() + " vs " + server.url().toString().toStdString() + " " +
         server.output().toStdString());
    REQUIRE(server.url() == before);
    synced.clear();
    controller.syncNow();
    const bool allSynced = waitFor(
        [&] { return window.statusText().contains(QStringLiteral("All changes synced")); }, 30000);
    INFO(window.statusText().toStdString());
    REQUIRE(allSynced);
    HttpClient http(server.apiBase());
    const QString token = http.signIn(QStringLiteral("alex@demo.onsite"));
    const QJsonObject doc = http.get(QStringLiteral("assignments/%1").arg(id), token).json;
    // Its only visit deleted and nothing else started: Assigned again, on the server too.
    CHECK(doc.value(QStringLiteral("status")).toString() == QStringLiteral("assigned"));
    const QJsonArray serverLogs = doc.value(QStringLiteral("time_logs")).toArray();
    REQUIRE(serverLogs.size() == 1);
    const QJsonObject log = serverLogs.first().toObject();
    CHECK(log.value(QStringLiteral("deleted")).toBool());
    CHECK(log.value(QStringLiteral("edited")).toBool());
    CHECK(QDateTime::fromString(log.value(QStringLiteral("check_in")).toString(), Qt::ISODate) ==
          in.addSecs(-600));
}
