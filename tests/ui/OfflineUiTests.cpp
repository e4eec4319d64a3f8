#include <catch2/catch.hpp>

#include "ActivityDialog.h"
#include "AppController.h"
#include "AssignmentActions.h"
#include "AssignmentPage.h"
#include "Clock.h"
#include "DashboardModel.h"
#include "DeliverableFiles.h"
#include "DeliverablesModel.h"
#include "DeliverablesPanel.h"
#include "Dialogs.h"
#include "FundsRequestModel.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "SignInDialog.h"
#include "SignedInApp.h"
#include "SiteTime.h"
#include "TestServer.h"
#include "TestUtil.h"
#include "TimeLogModel.h"

#include <QAbstractItemModelTester>
#include <QImage>
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
    QSignalSpy recorded(controller.actions(), &AssignmentActions::changeRecorded);
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

TEST_CASE("offline: what has not reached the server is named in Activity and marked on the page",
          "[ui][e2e][offline][activity]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    TestServer server;
    REQUIRE(server.start());
    SignedInApp app(server);
    MainWindow &window = app.window;
    AppController &controller = app.controller;
    QSignalSpy synced(&controller, &AppController::syncFinished);
    QSignalSpy recorded(controller.actions(), &AssignmentActions::changeRecorded);
    REQUIRE(waitFor([&] { return window.model()->rowCount() >= 25; }, 30000));
    const QDateTime lastOk = window.lastSuccessfulSync();
    REQUIRE(lastOk.isValid());
    const QString lastOkText = SiteTime::formatLocal(lastOk);
    CHECK(window.statusText().contains(QStringLiteral("Last sync %1").arg(lastOkText)));

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
    TimeLogModel *logs = page->timeLogs();
    QAbstractItemModelTester tester(logs, QAbstractItemModelTester::FailureReportingMode::Fatal);
    server.stop();
    auto waitRecorded = [&](int n) {
        return waitFor([&] { return recorded.count() >= n; }, 10000);
    };
    auto notSent = [&](int row) {
        return logs->index(row, 0).data(TimeLogModel::NotSentRole).toBool() &&
               logs->index(row, TimeLogModel::Source)
                   .data()
                   .toString()
                   .contains(QStringLiteral("Not sent yet")) &&
               logs->index(row, TimeLogModel::Source)
                   .data(Qt::ToolTipRole)
                   .toString()
                   .startsWith(QStringLiteral("Not sent yet"));
    };

    MessageBox::setNextAnswer(QMessageBox::Yes); // it starts hours from now: outside its window
    QTest::mouseClick(page->checkInButton(), Qt::LeftButton);
    REQUIRE(waitRecorded(1));
    REQUIRE(waitFor([&] { return logs->rowCount() == 1 && page->checkOutButton()->isVisible(); }));
    CHECK(waitFor([&] { return notSent(0); }));
    const QString zone = logs->index(0, 0).data(TimeLogModel::TimeZoneRole).toString();
    const QDateTime in =
        logs->index(0, TimeLogModel::CheckIn).data(TimeLogModel::UtcRole).toDateTime();
    QTest::qWait(1100);
    QTest::mouseClick(page->checkOutButton(), Qt::LeftButton);
    REQUIRE(waitRecorded(2));
    REQUIRE(waitFor([&] { return page->checkInButton()->isVisible(); }));
    const QDateTime out =
        logs->index(0, TimeLogModel::CheckOut).data(TimeLogModel::UtcRole).toDateTime();
    logs->setData(logs->index(0, TimeLogModel::CheckIn), in.addSecs(-600), Qt::EditRole);
    REQUIRE(waitRecorded(3));
    logs->setData(logs->index(0, TimeLogModel::Note), QStringLiteral("Swapped the battery"),
                  Qt::EditRole);
    REQUIRE(waitRecorded(4));
    CHECK(notSent(0));

    // A funds request and a file, both still on this computer.
    controller.actions()->requestFunds(
        id, FundsRequestInput{FundsKind::Expense, 5000, 0, QStringLiteral("Parking"), QString()});
    REQUIRE(waitRecorded(5));
    CHECK(recorded.last().at(1).toBool());
    REQUIRE(waitFor([&] { return page->fundsRequests()->rowCount() == 1; }));
    CHECK(waitFor([&] {
        return page->fundsRequests()->index(0, 0).data(FundsRequestModel::NotSentRole).toBool();
    }));
    CHECK(page->fundsRequests()->index(0, FundsRequestModel::Decision).data().toString() ==
          QStringLiteral("Not sent yet"));
    CHECK(page->fundsRequests()
              ->index(0, FundsRequestModel::Decision)
              .data(Qt::ToolTipRole)
              .toString()
              .startsWith(QStringLiteral("Not sent yet")));
    QTemporaryDir files;
    const QString photo = files.filePath(QStringLiteral("shelf.png"));
    QImage image(32, 32, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    REQUIRE(image.save(photo));
    controller.files()->addFiles(id, {FileChoice{photo, QStringLiteral("photo"), QString()}});
    DeliverablesModel *deliverables = page->deliverables()->model();
    REQUIRE(waitFor([&] { return deliverables->rowCount() == 1; }));
    CHECK(deliverables->index(0, 0).data(DeliverablesModel::NotSentRole).toBool());
    CHECK(waitFor([&] {
        return deliverables->index(0, DeliverablesModel::Progress)
            .data()
            .toString()
            .startsWith(QStringLiteral("Not sent yet"));
    }));

    // The visit deleted last: the Activity names it by its day.
    page->timeLogView()->setCurrentIndex(logs->index(0, 0));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(page->deleteLogButton(), Qt::LeftButton);
    REQUIRE(waitRecorded(6));

    // A sync attempt fails: the status bar keeps the last sync that worked, and says why the
    // latest did not.
    synced.clear();
    controller.syncNow();
    REQUIRE(waitFor([&] { return synced.count() > 0; }, 30000));
    CHECK_FALSE(synced.last().at(0).toBool());
    CHECK(window.statusText().contains(QStringLiteral("Last sync %1").arg(lastOkText)));
    CHECK(window.statusText().contains(QStringLiteral("failed")));
    CHECK(window.lastSuccessfulSync() == lastOk);

    auto siteTime = [&](const QDateTime &t) {
        const QDateTime there = SiteTime::inZone(t, zone);
        const bool sameDay =
            SiteTime::inZone(QDateTime::currentDateTimeUtc(), zone).date() == there.date();
        return QLocale().toString(there, sameDay ? QStringLiteral("HH:mm")
                                                 : QStringLiteral("ddd d MMM HH:mm"));
    };
    controller.dialogs()->showActivity();
    auto *activity = window.findChild<ActivityDialog *>();
    REQUIRE(activity);
    REQUIRE(waitFor([&] { return activity->rowCount() == 7; }));
    QStringList rows;
    for (int r = 0; r < activity->rowCount(); ++r)
        rows << activity->rowText(r);
    INFO(rows.join(QLatin1Char('\n')).toStdString());
    CHECK(rows.at(0).contains(QStringLiteral("| Checked in %1 |").arg(siteTime(in))));
    CHECK(rows.at(1).contains(QStringLiteral("| Checked out %1 |").arg(siteTime(out))));
    CHECK(rows.at(2).contains(
        QStringLiteral("| Changed check-in to %1 |").arg(siteTime(in.addSecs(-600)))));
    CHECK(rows.at(3).contains(QStringLiteral("| Changed the note |")));
    CHECK(rows.at(4).contains(QStringLiteral("| Requested USD 50.00 expense |")));
    // The visit is named by its check-in as it stood when deleted (after the change above; at
    // ten past midnight on the site the two fall on different days).
    CHECK(rows.at(5).contains(
        QStringLiteral("| Deleted the visit of %1 |")
            .arg(QLocale().toString(SiteTime::inZone(in.addSecs(-600), zone).date(),
                                    QStringLiteral("ddd d MMM")))));
    CHECK(rows.at(6).contains(QStringLiteral("shelf.png")));
    CHECK(rows.at(6).contains(QStringLiteral("Waiting to send")));

    // Back online: everything arrives, the marks go, the status bar has the new sync.
    REQUIRE(server.restart());
    synced.clear();
    controller.syncNow();
    REQUIRE(waitFor(
        [&] {
            return window.statusText().contains(QStringLiteral("All changes synced")) &&
                   deliverables->rowCount() == 1 &&
                   !deliverables->index(0, 0).data(DeliverablesModel::NotSentRole).toBool();
        },
        60000));
    REQUIRE(waitFor([&] { return activity->rowCount() == 0; }, 30000));
    CHECK_FALSE(page->fundsRequests()->index(0, 0).data(FundsRequestModel::NotSentRole).toBool());
    CHECK(window.lastSuccessfulSync() > lastOk);
    CHECK_FALSE(window.statusText().contains(QStringLiteral("failed")));
    QLocale::setDefault(QLocale::c());
}
