#include <catch2/catch.hpp>

#include "AppController.h"
#include "AssignmentPage.h"
#include "Clock.h"
#include "Dialogs.h"
#include "EarningsModel.h"
#include "Fixtures.h"
#include "FundsRequestModel.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "NewAssignmentApp.h"
#include "ScorecardDialog.h"
#include "SignInDialog.h"
#include "SignedInApp.h"
#include "TestServer.h"
#include "TestUtil.h"

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUuid>

using namespace onsite;
using namespace onsite::test;

namespace {

// A new assignment for Alex (check in/out, close-out notes and a checkbox task required),
// and the app signed in to the server and showing it.
struct Session : NewAssignmentApp {
    QString taskId;

    explicit Session(bool counteroffers, const QString &task = newId())
        : NewAssignmentApp(
              QStringLiteral("Close out in the app"),
              [&](QJsonObject &input) {
                  QJsonObject pricing = input.value(QStringLiteral("pricing")).toObject();
                  pricing.insert(QStringLiteral("counteroffers_allowed"), counteroffers);
                  input.insert(QStringLiteral("pricing"), pricing);
                  input.insert(
                      QStringLiteral("checklist"),
                      QJsonArray{
                          QJsonObject{{QStringLiteral("kind"), QStringLiteral("check_in_out")}},
                          QJsonObject{{QStringLiteral("kind"), QStringLiteral("closeout_notes")}}});
                  input.insert(
                      QStringLiteral("tasks"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("id"), task},
                          {QStringLiteral("type"), QStringLiteral("checkbox")},
                          {QStringLiteral("label"), QStringLiteral("Old unit boxed for return")}}});
              }),
          taskId(task)
    {}

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
};

} // namespace

TEST_CASE("the worker takes an assignment from Assigned to Paid in the app", "[ui][closeout]")
{
    Session s(true);
    AssignmentPage *page = s.page();

    // Before the work starts: no extra funds yet, and Submit says what is missing, as links.
    CHECK(page->gearButton()->isVisible());
    // The gear menu opens and says why nothing in it can be asked for yet.
    CHECK(page->gearButton()->isEnabled());
    CHECK(page->fundsBlockedAction()->isVisible());
    CHECK(page->fundsBlockedAction()->text().contains(QStringLiteral("once you have checked in")));
    CHECK_FALSE(page->requestAction(FundsKind::Expense)->isEnabled());
    CHECK_FALSE(page->submitButton()->isEnabled());
    CHECK(page->missingText().contains(QStringLiteral("Check in and check out")));
    CHECK(page->missingText().contains(QStringLiteral("href='task:%1'").arg(s.taskId)));
    CHECK(page->targetFor(QStringLiteral("check_in_out")) == page->checkInButton());

    MessageBox::setNextAnswer(QMessageBox::Yes); // the job is in 2030: outside its window
    page->checkInButton()->click();
    CHECK(MessageBox::takeLastQuestion().contains(QStringLiteral("check-in window")));
    REQUIRE(s.until([&] { return page->requestAction(FundsKind::Expense)->isEnabled(); }));
    CHECK_FALSE(page->fundsBlockedAction()->isVisible());
    CHECK(page->statusText().startsWith(QStringLiteral("In progress")));

    // Gear menu -> expense form: bad input is refused in the form, then a request is listed.
    REQUIRE(page->requestAction(FundsKind::Expense)->isEnabled());
    page->requestAction(FundsKind::Expense)->trigger();
    FundsRequestDialog *form = page->fundsDialog();
    REQUIRE(form);
    form->setAmountText(QStringLiteral("18.505"));
    form->setReason(QStringLiteral("Parking at the site"));
    form->accept();
    CHECK(form->errorText().contains(QStringLiteral("decimal")));
    CHECK(form->isVisible());
    form->setAmountText(QStringLiteral("18.50"));
    // The receipt travels like a deliverable; the request names it.
    QTemporaryDir files;
    QFile receipt(files.filePath(QStringLiteral("parking-receipt.txt")));
    REQUIRE(receipt.open(QIODevice::WriteOnly));
    receipt.write("Denver Parking Co. 2026-11-25 USD 18.50\n");
    receipt.close();
    form->setReceiptPath(receipt.fileName());
    form->accept();
    REQUIRE(s.until([&] { return page->fundsRequests()->rowCount() == 1; }));
    const QString receiptId = page->fundsRequests()->requestAt(0)->receipt;
    REQUIRE_FALSE(receiptId.isEmpty());
    REQUIRE(waitFor(
        [&] {
            const auto doc = s.http->get(QStringLiteral("assignments/%1").arg(s.id), s.token);
            for (const QJsonValue &d : doc.json.value(QStringLiteral("deliverables")).toArray())
                if (d.toObject().value(QStringLiteral("id")).toString() == receiptId)
                    return true;
            return false;
        },
        20000));
    const QModelIndex status = page->fundsRequests()->index(0, FundsRequestModel::Status);
    CHECK(status.data().toString() == QStringLiteral("Pending"));
    CHECK(page->fundsRequests()->index(0, FundsRequestModel::Amount).data().toString() ==
          QStringLiteral("USD 18.50"));

    // A pending request can be withdrawn.
    page->fundsView()->setCurrentIndex(status);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    page->withdrawButton()->click();
    REQUIRE(s.until([&] {
        return page->fundsRequests()->index(0, FundsRequestModel::Status).data().toString() ==
               QStringLiteral("Withdrawn");
    }));

    // A bonus request stays pending, for the warning at submission.
    page->requestAction(FundsKind::Bonus)->trigger();
    REQUIRE(page->fundsDialog());
    page->fundsDialog()->setAmountText(QStringLiteral("25"));
    page->fundsDialog()->setReason(QStringLiteral("Weekend call-out"));
    page->fundsDialog()->accept();
    REQUIRE(s.until([&] { return page->fundsRequests()->rowCount() == 2; }));

    page->checkOutButton()->click();
    REQUIRE(s.until([&] { return !page->missingText().contains(QStringLiteral("Check in")); }));
    // The missing task's link opens its form.
    CHECK_FALSE(page->submitButton()->isEnabled());
    // From the keyboard: the checklist's last item (the task), Enter.
    QListWidget *checklist = page->checklistView();
    checklist->setFocus();
    checklist->setCurrentRow(checklist->count() - 1);
    QTest::keyClick(checklist, Qt::Key_Return);
    REQUIRE(page->taskDialog());
    page->taskDialog()->setDone(true);
    page->taskDialog()->accept();
    REQUIRE(s.until([&] { return page->submitButton()->isEnabled(); }));
    CHECK(page->missingText().isEmpty());

    // Submit: warned about the pending bonus; the notes are required by this client.
    page->submitButton()->click();
    SubmitDialog *submit = page->submitDialog();
    REQUIRE(submit);
    REQUIRE(submit->warnings().size() == 1);
    CHECK(submit->warnings().first().contains(QStringLiteral("original price")));
    submit->accept();
    CHECK(submit->errorText().contains(QStringLiteral("Close-out notes")));
    submit->setNotes(QStringLiteral("Replaced the unit; tested with the manager."));
    submit->accept();
    REQUIRE(
        s.until([&] { return page->statusText().startsWith(QStringLiteral("Pending approval")); }));
    // Read-only now.
    CHECK_FALSE(page->submitButton()->isVisible());
    CHECK_FALSE(page->gearButton()->isVisible());
    CHECK_FALSE(page->checkInButton()->isVisible());
    s.sync();

    // The company approves and pays (as `onsite-server admin` does); the worker is told.
    QSignalSpy notices(s.app->controller.dialogs(), &Dialogs::noticeShown);
    QSignalSpy shown(&s.app->window, &MainWindow::notified);
    int exitCode = -1;
    s.server.admin({QStringLiteral("approve"), QStringLiteral("1"), QString::number(s.id)},
                   &exitCode);
    REQUIRE(exitCode == 0);
    s.sync();
    REQUIRE(s.until([&] { return page->statusText().startsWith(QStringLiteral("Approved")); }));
    s.server.admin({QStringLiteral("mark-paid"), QStringLiteral("1"), QString::number(s.id)},
                   &exitCode);
    REQUIRE(exitCode == 0);
    s.sync();
    REQUIRE(s.until([&] { return page->statusText().startsWith(QStringLiteral("Paid")); }));
    // Notices are queued from the sync thread: the page may read the new state first.
    REQUIRE(waitFor([&] { return notices.count() >= 3; }, 10000));
    QStringList kinds;
    for (const QList<QVariant> &n : notices)
        kinds << n.at(1).toString();
    // The bonus was still pending at approval: declined, and the worker hears it.
    CHECK(kinds == QStringList{QStringLiteral("request_declined"), QStringLiteral("approved"),
                               QStringLiteral("paid")});
    CHECK(shown.count() == 3);
    CHECK(page->fundsRequests()->index(0, FundsRequestModel::Status).data().toString() ==
          QStringLiteral("Declined"));

    // The scorecard comes from the server; earnings from the cache include this payment.
    s.app->controller.dialogs()->showScorecard();
    auto *card = s.app->window.findChild<ScorecardDialog *>();
    REQUIRE(card);
    const int completed = s.http->get(QStringLiteral("me/scorecard"), s.token)
                              .json.value(QStringLiteral("completed"))
                              .toInt();
    REQUIRE(waitFor([&] { return card->scorecardText().contains(QStringLiteral("As of")); }));
    CHECK(card->scorecardText().split(QLatin1Char('\n')).value(2) == QString::number(completed));
    CHECK(card->earnings()->rowCount() > 0);
    CHECK(card->totalsText().contains(QStringLiteral("paid")));
}

TEST_CASE("where counteroffers are off, the gear menu does not offer a budget increase and "
          "says why",
          "[ui][closeout]")
{
    Session s(false);
    AssignmentPage *page = s.page();
    MessageBox::setNextAnswer(QMessageBox::Yes); // the job is in 2030: outside its window
    page->checkInButton()->click();
    CHECK(MessageBox::takeLastQuestion().contains(QStringLiteral("check-in window")));
    REQUIRE(s.until([&] { return page->requestAction(FundsKind::Expense)->isEnabled(); }));
    CHECK_FALSE(page->fundsBlockedAction()->isVisible());
    QAction *increase = page->requestAction(FundsKind::BudgetIncrease);
    CHECK_FALSE(increase->isEnabled());
    CHECK(increase->text().contains(QStringLiteral("not accepted")));
    CHECK(increase->toolTip().contains(QStringLiteral("counteroffers are turned off")));
    CHECK(page->fundsNoteText().contains(QStringLiteral("does not accept budget increases")));
    CHECK(page->requestAction(FundsKind::Expense)->isEnabled());
    CHECK(page->openFundsDialog(FundsKind::BudgetIncrease) == nullptr);
    CHECK(page->errorText().contains(QStringLiteral("counteroffers are turned off")));
    // The expense form itself does not list the budget increase either.
    FundsRequestDialog *form = page->openFundsDialog(FundsKind::Expense);
    REQUIRE(form);
    QComboBox *kinds = form->findChild<QComboBox *>(QStringLiteral("kind"));
    REQUIRE(kinds);
    CHECK(kinds->count() == 2);
    CHECK(kinds->findText(QStringLiteral("Budget increase")) < 0);
    form->reject();
}
