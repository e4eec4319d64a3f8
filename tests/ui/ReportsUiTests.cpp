// Running late and problems on the page (issue 14 §4): the forms refuse what the server would,
// a report written offline is marked until it is sent, and the dashboard row says the ETA.
#include <catch2/catch.hpp>

#include "AssignmentActions.h"
#include "DashboardModel.h"
#include "FieldReports.h"
#include "MessageBox.h"
#include "NewAssignmentApp.h"
#include "NotSentMarker.h"

#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace onsite;
using namespace onsite::test;

TEST_CASE("running late: the form checks the ETA, the report waits offline, the row says it",
          "[ui][reports]")
{
    // The fixture's job is in 2030 (09:00–12:00 in Austin): its check-in window is still ahead.
    NewAssignmentApp s(QStringLiteral("Late job"), [](QJsonObject &) {});
    AssignmentPage *page = s.page();
    ReportsSection *reports = page->reports();
    REQUIRE(reports->lateButton()->isVisible());
    REQUIRE(reports->lateButton()->isEnabled());
    CHECK(reports->listText().isEmpty());

    s.server.stop();
    QSignalSpy recorded(s.app->controller.actions(), &AssignmentActions::changeRecorded);
    reports->lateButton()->click();
    EtaDialog *form = reports->etaDialog();
    REQUIRE(form);
    // No reason, then an arrival after the scheduled end: refused in the form, nothing sent.
    form->accept();
    CHECK(form->isVisible());
    CHECK(form->errorText().contains(QStringLiteral("Say why you will be late")));
    form->setReason(QStringLiteral("Flight delayed, landing 09:10"));
    form->setEta(QDateTime::fromString(QStringLiteral("2030-01-10T18:30:00Z"), Qt::ISODate));
    form->accept();
    CHECK(form->isVisible());
    CHECK(form->errorText().contains(QStringLiteral("after the scheduled end")));
    QTest::qWait(200);
    CHECK(recorded.isEmpty());

    form->setEta(QDateTime::fromString(QStringLiteral("2030-01-10T15:40:00Z"), Qt::ISODate));
    form->accept();
    REQUIRE(waitFor([&] { return recorded.count() == 1; }));
    CHECK(recorded.first().at(1).toBool());
    REQUIRE(
        s.until([&] { return reports->listText().contains(QStringLiteral("Flight delayed")); }));
    CHECK(reports->listText().contains(QStringLiteral("Thu 10 Jan 2030 09:40 CST")));
    CHECK(reports->listText().contains(NotSentMarker::text()));
    DashboardModel *rows = s.app->window.model();
    REQUIRE(waitFor([&] {
        const int r = rows->rowForId(s.id);
        return r >= 0 &&
               rows->rowAt(r).nextDue.contains(
                   FieldReports::etaShort(rows->rowAt(r).etaMs, QStringLiteral("America/Chicago"))
                       .replace(QLatin1Char(' '), QChar::Nbsp));
    }));
    CHECK(rows->rowAt(rows->rowForId(s.id)).nextDue.contains(QStringLiteral("09:40")));

    // Back online: sent once, and the marker goes.
    REQUIRE(s.server.restart());
    s.sync();
    REQUIRE(s.until([&] { return !reports->listText().contains(NotSentMarker::text()); }));
    const QJsonArray sent = s.serverDoc().value(QStringLiteral("eta_reports")).toArray();
    REQUIRE(sent.size() == 1);
    CHECK(sent.first().toObject().value(QStringLiteral("reason")).toString() ==
          QStringLiteral("Flight delayed, landing 09:10"));

    // On site, there is nothing to be late for: the button goes; a problem can still be told.
    MessageBox::setNextAnswer(QMessageBox::Yes); // the check-in is outside its window
    page->checkInButton()->click();
    REQUIRE(s.until([&] { return !reports->lateButton()->isVisibleTo(page); }));
    CHECK(reports->problemButton()->isVisibleTo(page));
}

TEST_CASE("report a problem: a kind and a description reach the company", "[ui][reports]")
{
    NewAssignmentApp s(QStringLiteral("Problem job"), [](QJsonObject &) {});
    ReportsSection *reports = s.page()->reports();
    reports->problemButton()->click();
    ProblemDialog *form = reports->problemDialog();
    REQUIRE(form);
    form->accept();
    CHECK(form->isVisible());
    CHECK(form->errorText().contains(QStringLiteral("Describe what happened")));
    form->setKind(ProblemKind::NoAccess);
    form->setDescription(QStringLiteral("Gate locked, the intercom is dead"));
    form->accept();
    REQUIRE(s.until([&] { return reports->listText().contains(QStringLiteral("Gate locked")); }));
    CHECK(reports->listText().contains(QStringLiteral("Can't access the site")));
    s.sync();
    REQUIRE(waitFor(
        [&] { return s.serverDoc().value(QStringLiteral("problems")).toArray().size() == 1; }));
    const QJsonObject problem =
        s.serverDoc().value(QStringLiteral("problems")).toArray().first().toObject();
    CHECK(problem.value(QStringLiteral("kind")).toString() == QStringLiteral("no_access"));
    CHECK(problem.value(QStringLiteral("description")).toString() ==
          QStringLiteral("Gate locked, the intercom is dead"));
}
