#include <catch2/catch.hpp>

#include "AssignmentActions.h"
#include "FundsRequestDialog.h"
#include "MessageBox.h"
#include "NewAssignmentApp.h"
#include "TimeLogModel.h"

#include <QAction>
#include <QApplication>
#include <QDateTimeEdit>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace onsite;
using namespace onsite::test;

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// A desktop job whose check-in window is open now (it started ten minutes ago).
void startingNow(QJsonObject &input)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    input.insert(QStringLiteral("schedule"),
                 QJsonObject{{QStringLiteral("start"), iso(now.addSecs(-600))},
                             {QStringLiteral("end"), iso(now.addSecs(3 * 3600))},
                             {QStringLiteral("checkin_early_minutes"), 30},
                             {QStringLiteral("checkin_grace_minutes"), 30}});
    input.insert(QStringLiteral("checklist"),
                 QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("check_in_out")}}});
}

QDateTimeEdit *openEditor(QTableView *view)
{
    for (auto *e : view->findChildren<QDateTimeEdit *>())
        if (e->isVisible())
            return e;
    return nullptr;
}

} // namespace

TEST_CASE("Tab through the visit editor never ends an open visit and a typed time is saved",
          "[ui][visits]")
{
    NewAssignmentApp s(QStringLiteral("On site now"), startingNow);
    AssignmentPage *page = s.page();
    QSignalSpy recorded(s.app->controller.actions(), &AssignmentActions::changeRecorded);
    page->checkInButton()->click();
    REQUIRE(waitFor([&] { return recorded.count() == 1; }));
    REQUIRE(s.until([&] { return page->timeLogs()->rowCount() == 1; }));
    TimeLogModel *logs = page->timeLogs();
    QTableView *view = page->timeLogView();
    const QModelIndex checkIn = logs->index(0, TimeLogModel::CheckIn);
    const QDateTime in = checkIn.data(TimeLogModel::UtcRole).toDateTime();

    // Double-click's editor on the check-in, then Tab, Tab: through Checked out and on.
    view->setCurrentIndex(checkIn);
    view->edit(checkIn);
    QDateTimeEdit *editor = openEditor(view);
    REQUIRE(editor);
    QTest::keyClick(editor, Qt::Key_Tab);
    QDateTimeEdit *next = openEditor(view);
    REQUIRE(next); // the check-out cell's editor, prefilled with now
    CHECK(view->currentIndex().column() == TimeLogModel::CheckOut);
    QTest::keyClick(next, Qt::Key_Tab);
    if (QWidget *note = QApplication::focusWidget();
        note && note->parentWidget() == view->viewport())
        QTest::keyClick(note, Qt::Key_Escape);
    QTest::qWait(300);
    CHECK(recorded.count() == 1); // nothing was written
    CHECK_FALSE(
        logs->index(0, TimeLogModel::CheckOut).data(TimeLogModel::UtcRole).toDateTime().isValid());
    CHECK(page->checkOutButton()->isVisible());

    // A time the worker types is saved, and only that field.
    view->setCurrentIndex(checkIn);
    view->edit(checkIn);
    editor = openEditor(view);
    REQUIRE(editor);
    editor->setDateTime(editor->dateTime().addSecs(-300)); // as the arrow keys or typing do
    QTest::keyClick(editor, Qt::Key_Tab);
    if (QDateTimeEdit *out = openEditor(view))
        QTest::keyClick(out, Qt::Key_Escape);
    REQUIRE(waitFor([&] { return recorded.count() == 2; }));
    REQUIRE(s.until([&] {
        return logs->index(0, TimeLogModel::CheckIn).data(TimeLogModel::UtcRole).toDateTime() != in;
    }));
    const QDateTime edited =
        logs->index(0, TimeLogModel::CheckIn).data(TimeLogModel::UtcRole).toDateTime();
    CHECK(qAbs(edited.secsTo(in) - 300) < 60);
    // Exactly the minute shown in the editor: no hidden seconds from the old value.
    CHECK(edited.time().second() == 0);
    CHECK(edited.time().msec() == 0);
    CHECK_FALSE(
        logs->index(0, TimeLogModel::CheckOut).data(TimeLogModel::UtcRole).toDateTime().isValid());
}

TEST_CASE("a sync arriving while a visit time is being typed does not drop the typed time",
          "[ui][visits]")
{
    NewAssignmentApp s(QStringLiteral("Typed during a sync"), startingNow);
    AssignmentPage *page = s.page();
    QSignalSpy recorded(s.app->controller.actions(), &AssignmentActions::changeRecorded);
    page->checkInButton()->click();
    REQUIRE(waitFor([&] { return recorded.count() == 1; }));
    REQUIRE(s.until([&] { return page->timeLogs()->rowCount() == 1; }));
    TimeLogModel *logs = page->timeLogs();
    QTableView *view = page->timeLogView();
    const QModelIndex checkIn = logs->index(0, TimeLogModel::CheckIn);
    const QDateTime in = checkIn.data(TimeLogModel::UtcRole).toDateTime();
    view->setCurrentIndex(checkIn);
    view->edit(checkIn);
    QDateTimeEdit *editor = openEditor(view);
    REQUIRE(editor);
    editor->setDateTime(editor->dateTime().addSecs(-600));
    // The page is refreshed (a sync brought this assignment) while the editor is open.
    s.app->controller.openAssignment(page->assignmentId());
    QTest::qWait(500);
    REQUIRE(openEditor(view) == editor);
    QTest::keyClick(editor, Qt::Key_Return);
    REQUIRE(waitFor([&] { return recorded.count() == 2; }));
    REQUIRE(s.until([&] {
        return logs->index(0, TimeLogModel::CheckIn).data(TimeLogModel::UtcRole).toDateTime() != in;
    }));
    CHECK(qAbs(logs->index(0, TimeLogModel::CheckIn)
                   .data(TimeLogModel::UtcRole)
                   .toDateTime()
                   .secsTo(in) -
               600) < 60);
}

TEST_CASE("a check-in outside its window asks first and names the window", "[ui][visits]")
{
    // The fixture's job is in 2030: any check-in now is far outside its window.
    NewAssignmentApp s(QStringLiteral("Next year's job"), [](QJsonObject &) {});
    AssignmentPage *page = s.page();
    QSignalSpy recorded(s.app->controller.actions(), &AssignmentActions::changeRecorded);

    MessageBox::setNextAnswer(QMessageBox::No);
    page->checkInButton()->click();
    const QString question = MessageBox::takeLastQuestion();
    CHECK(question.contains(QStringLiteral("check-in window")));
    CHECK(question.contains(QStringLiteral("2030")));
    CHECK(question.contains(QStringLiteral("(site time)")));
    QTest::qWait(300);
    CHECK(recorded.isEmpty());
    CHECK(page->timeLogs()->rowCount() == 0);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    page->checkInButton()->click();
    REQUIRE(waitFor([&] { return recorded.count() == 1; }));
    CHECK(recorded.first().at(1).toBool());
}

TEST_CASE("a refused receipt is named beside its field and keeps the request from going",
          "[ui][funds]")
{
    NewAssignmentApp s(QStringLiteral("Expense with a receipt"), startingNow);
    AssignmentPage *page = s.page();
    QSignalSpy recorded(s.app->controller.actions(), &AssignmentActions::changeRecorded);
    page->checkInButton()->click();
    REQUIRE(s.until([&] { return page->requestAction(FundsKind::Expense)->isEnabled(); }));
    // The page may read the committed visit before the engine's answer reaches the UI thread.
    REQUIRE(waitFor([&] { return recorded.count() == 1; }));

    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.pdf"));
    const QString good = dir.filePath(QStringLiteral("parking.pdf"));
    QFile(empty).open(QIODevice::WriteOnly);
    {
        QFile f(good);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4\n% parking receipt\n%%EOF\n");
    }
    FundsRequestDialog *form = page->openFundsDialog(FundsKind::Expense);
    REQUIRE(form);
    form->setAmountText(QStringLiteral("12.50"));
    form->setReason(QStringLiteral("Parking at the site"));
    form->setReceiptPath(empty);
    CHECK(form->receiptErrorText().contains(QStringLiteral("empty")));
    form->accept();
    CHECK(form->isVisible()); // not sent
    CHECK(form->errorText().contains(QStringLiteral("receipt")));
    QTest::qWait(300);
    CHECK(recorded.count() == 1);

    form->setReceiptPath(good);
    CHECK(form->receiptErrorText().isEmpty());
    form->accept();
    REQUIRE(waitFor([&] { return recorded.count() == 2; }));
    // On the server: the request names its receipt, and that file is there.
    QJsonObject doc;
    REQUIRE(waitFor(
        [&] {
            s.sync();
            doc = s.serverDoc();
            const QJsonArray requests = doc.value(QStringLiteral("funds_requests")).toArray();
            const QJsonArray files = doc.value(QStringLiteral("deliverables")).toArray();
            if (requests.size() != 1 || files.size() != 1)
                return false;
            return requests.first().toObject().value(QStringLiteral("receipt")) ==
                   files.first().toObject().value(QStringLiteral("id"));
        },
        30000));
    CHECK(doc.value(QStringLiteral("deliverables"))
              .toArray()
              .first()
              .toObject()
              .value(QStringLiteral("filename")) == QStringLiteral("parking.pdf"));
}

TEST_CASE("where the client takes check-ins by phone, no desktop check-in silently does nothing",
          "[ui][visits]")
{
    NewAssignmentApp s(QStringLiteral("Phone check-in job"), [](QJsonObject &input) {
        startingNow(input);
        input.insert(QStringLiteral("phone_checkin"),
                     QJsonObject{{QStringLiteral("required"), true},
                                 {QStringLiteral("number"), QStringLiteral("+1 512 555 0199")},
                                 {QStringLiteral("instructions"), QStringLiteral("Enter 4411#")}});
    });
    AssignmentPage *page = s.page();
    // The dashboard row's menu: check in and out are disabled and say why.
    const QList<QAction *> actions = s.app->window.rowActions(s.id, &s.app->window);
    REQUIRE(actions.size() == 3);
    CHECK_FALSE(actions.at(1)->isEnabled());
    CHECK(actions.at(1)->text().contains(QStringLiteral("+1 512 555 0199")));
    CHECK_FALSE(actions.at(2)->isEnabled());
    qDeleteAll(actions);

    // The checklist's "Check in and check out" leads to the phone instructions, visibly.
    QListWidget *checklist = page->checklistView();
    QListWidgetItem *item = nullptr;
    for (int i = 0; i < checklist->count(); ++i)
        if (checklist->item(i)->data(Qt::UserRole).toString() == QStringLiteral("check_in_out"))
            item = checklist->item(i);
    REQUIRE(item);
    Q_EMIT checklist->itemActivated(item);
    QWidget *target = page->targetFor(QStringLiteral("check_in_out"));
    REQUIRE(qobject_cast<QLabel *>(target));
    CHECK(qobject_cast<QLabel *>(target)->text().contains(QStringLiteral("+1 512 555 0199")));
    CHECK(target->property(AssignmentPage::kHighlighted).toBool());

    // Asked anyway (a shortcut, a stale menu): refused with the reason, nothing recorded.
    QSignalSpy recorded(s.app->controller.actions(), &AssignmentActions::changeRecorded);
    Q_EMIT s.app->window.checkInRequested(s.id);
    CHECK(page->errorText().contains(QStringLiteral("by phone")));
    QTest::qWait(300);
    CHECK(recorded.isEmpty());
}
