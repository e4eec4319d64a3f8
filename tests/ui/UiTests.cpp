#include <catch2/catch.hpp>

#include "AppController.h"
#include "AssignmentPage.h"
#include "Clock.h"
#include "DashboardFilterModel.h"
#include "DashboardModel.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "SignInDialog.h"
#include "TestServer.h"
#include "TestUtil.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace onsite;
using namespace onsite::test;

namespace {

void fillAndSubmit(SignInDialog *dialog, const QString &server, const QString &email,
                   const QString &password)
{
    dialog->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->setText(server);
    dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"))->setText(email);
    QLineEdit *pw = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    pw->setFocus();
    QTest::keyClicks(pw, password);
    dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
        ->button(QDialogButtonBox::Ok)
        ->click();
}

} // namespace

TEST_CASE("the worker signs in to a real server, sees the demo rows and opens one", "[ui][e2e]")
{
    TestServer server;
    REQUIRE(server.start());
    QTemporaryDir data;
    SystemClock clock;
    MemoryCredentialStore credentials;
    MainWindow window(&clock);
    AppController controller(&window, &credentials, data.path(), &clock);
    window.show();

    QSignalSpy failed(&controller, &AppController::signInFailed);
    QSignalSpy synced(&controller, &AppController::syncFinished);
    controller.showSignIn(QString());
    SignInDialog *dialog = controller.signInDialog();
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());

    SECTION("a wrong password is shown in the dialog, which stays open")
    {
        fillAndSubmit(dialog, server.url().toString(), QStringLiteral("alex@demo.onsite"),
                      QStringLiteral("nope-nope"));
        REQUIRE(waitFor([&] { return failed.count() > 0; }));
        CHECK(dialog->isVisible());
        CHECK(failed.first().first().toString().contains(QStringLiteral("not correct")));
        CHECK_FALSE(controller.isSignedIn());
    }

    SECTION("the right password shows the dashboard with the demo world")
    {
        fillAndSubmit(dialog, server.url().toString(), QStringLiteral("alex@demo.onsite"),
                      QStringLiteral("onsite-demo"));
        REQUIRE(
            waitFor([&] { return synced.count() > 0 && window.model()->rowCount() >= 25; }, 30000));
        CHECK(synced.first().first().toBool());
        CHECK(controller.isSignedIn());
        CHECK(window.statusText().contains(QStringLiteral("Online")));
        CHECK(window.statusText().contains(QStringLiteral("Last sync")));
        CHECK(window.statusText().contains(QStringLiteral("All changes synced")));

        QStringList companies;
        for (int r = 0; r < window.model()->rowCount(); ++r)
            companies << window.model()->index(r, DashboardModel::Company).data().toString();
        CHECK(companies.contains(QStringLiteral("Northwind Retail Services")));
        CHECK(companies.contains(QStringLiteral("Bluebird Telecom")));
        CHECK(companies.contains(QStringLiteral("Cascade Facilities Group")));

        // The status tabs filter what the table shows.
        window.tabs()->setCurrentIndex(int(DashboardFilterModel::Tab::InProgress));
        QTableView *table = window.table();
        REQUIRE(table->model()->rowCount() > 0);
        for (int r = 0; r < table->model()->rowCount(); ++r)
            CHECK(table->model()->index(r, DashboardModel::Status).data().toString() ==
                  QStringLiteral("In progress"));
        QTest::keyClicks(window.search(), QStringLiteral("zzz-no-such-thing"));
        CHECK(table->model()->rowCount() == 0);
        window.search()->clear();

        // Open the first in-progress row with the keyboard.
        const QModelIndex first = table->model()->index(0, DashboardModel::Title);
        const QString title = first.data().toString();
        table->setFocus();
        table->setCurrentIndex(first);
        QTest::keyClick(table->viewport(), Qt::Key_Return);
        REQUIRE(waitFor([&] { return window.isShowingAssignment(); }, 3000));
        CHECK(window.page()->titleText() == title);
        const QStringList checklist = window.page()->checklistTexts();
        REQUIRE_FALSE(checklist.isEmpty());
        for (const QString &item : checklist)
            CHECK(
                (item.endsWith(QStringLiteral("Done")) || item.endsWith(QStringLiteral("To do"))));
        CHECK(window.page()->detailsText().contains(QStringLiteral("Schedule")));
        CHECK(window.page()->detailsText().contains(QStringLiteral("Site time zone")));
        window.page()->backRequested();
        CHECK_FALSE(window.isShowingAssignment());
    }
}
