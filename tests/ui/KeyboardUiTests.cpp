#include <catch2/catch.hpp>

#include "ActivityDialog.h"
#include "AssignmentPage.h"
#include "Clock.h"
#include "DeliverablesPanel.h"
#include "Fixtures.h"
#include "FundsRequestDialog.h"
#include "Language.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "SignInDialog.h"
#include "SubmitDialog.h"
#include "TaskDialog.h"
#include "TimesheetDialog.h"
#include "UploadFilesDialog.h"
#include "WindowAudit.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <functional>
#include <memory>

using namespace onsite;
using namespace onsite::test;

namespace {

Assignment inProgress()
{
    Assignment a = sampleAssignment();
    a.status = AssignmentStatus::InProgress;
    a.submittedAt = {};
    return a;
}

void audit(QWidget *window)
{
    window->show();
    INFO("window: " << window->windowTitle().toStdString() << " in "
                    << Language::current().toStdString());
    CHECK(WindowAudit::mnemonicClashes(window).join(QLatin1Char('\n')).toStdString() == "");
    CHECK(WindowAudit::unnamedControls(window).join(QLatin1Char('\n')).toStdString() == "");
    CHECK(WindowAudit::unreachableControls(window).join(QLatin1Char('\n')).toStdString() == "");
    window->hide();
}

} // namespace

TEST_CASE("every window can be used from the keyboard and read by a screen reader, in each "
          "language",
          "[ui][keyboard][a11y]")
{
    const QString language = GENERATE(QStringLiteral("en"), QStringLiteral("es"));
    REQUIRE(Language::install(language, QLocale(QLocale::English, QLocale::UnitedStates)));
    ManualClock clock(utc("2026-03-10T16:00:00Z"));
    const Assignment a = inProgress();

    MainWindow window(&clock);
    window.resize(1100, 700);
    SECTION("dashboard")
    {
        audit(&window);
    }
    SECTION("assignment page")
    {
        window.page()->show(a);
        window.showAssignmentPage();
        audit(&window);
    }
    SECTION("dialogs")
    {
        const std::vector<std::function<QDialog *()>> dialogs = {
            [&] {
                return new SettingsDialog(QStringLiteral("https://onsite.example.com"),
                                          QStringLiteral("/tmp/d"), QStringLiteral("/tmp/l"),
                                          &window);
            },
            [&] { return new SignInDialog(&window); },
            [&] { return new ActivityDialog(&window); },
            [&] { return new FundsRequestDialog(a, FundsKind::Expense, &window); },
            [&] { return new FundsRequestDialog(a, FundsKind::BudgetIncrease, &window); },
            [&] { return new SubmitDialog(a, &window); },
            [&] { return new TaskDialog(a.tasks.first(), &window); },
            [&] { return new TimesheetDialog(QDate(2026, 3, 10), &window); },
            [&] { return new UploadFilesDialog(a, {QStringLiteral("/tmp/photo.jpg")}, &window); },
        };
        for (const auto &make : dialogs) {
            std::unique_ptr<QDialog> dialog(make());
            audit(dialog.get());
        }
    }
    Language::install(QStringLiteral("en"));
}

TEST_CASE("Tab walks through every control of the dashboard and comes back round", "[ui][keyboard]")
{
    ManualClock clock(utc("2026-03-10T16:00:00Z"));
    MainWindow window(&clock);
    window.show();
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.search()->setFocus();
    QTRY_VERIFY(window.search()->hasFocus());

    QSet<QWidget *> expected;
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (QWidget *w : widgets)
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) &&
            !w->focusProxy())
            expected.insert(w);
    REQUIRE(expected.size() >= 3); // tabs, search, table at least

    QSet<QWidget *> visited;
    QWidget *start = QApplication::focusWidget();
    for (int i = 0; i < 2 * expected.size() + 2; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited.insert(QApplication::focusWidget());
        if (QApplication::focusWidget() == start)
            break;
    }
    CHECK(QApplication::focusWidget() == start);
    QStringList missed;
    for (QWidget *w : std::as_const(expected))
        if (!visited.contains(w))
            missed << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') +
                          w->objectName();
    CHECK(missed.join(QStringLiteral(", ")).toStdString() == "");
}

TEST_CASE("the assignment page's Tab order runs from the status bar through the sections",
          "[ui][keyboard]")
{
    ManualClock clock(utc("2026-03-10T16:00:00Z"));
    MainWindow window(&clock);
    window.resize(1100, 700);
    AssignmentPage *page = window.page();
    page->show(inProgress());
    window.showAssignmentPage();
    window.show();
    // The order in which the page creates its controls is the order Tab visits them.
    QList<QWidget *> chain;
    for (QWidget *w = page->nextInFocusChain(); w != page; w = w->nextInFocusChain())
        chain << w;
    const QList<QWidget *> expected{page->gearButton(),
                                    page->fundsView(),
                                    page->withdrawButton(),
                                    page->submitButton(),
                                    page->checklistView(),
                                    page->confirmButton(),
                                    page->checkInButton(),
                                    page->checkOutButton(),
                                    page->timeLogView(),
                                    page->deleteLogButton(),
                                    page->deliverables()->uploadButton(),
                                    page->deliverables()->view()};
    QList<qsizetype> positions;
    QStringList shown;
    for (QWidget *w : expected) {
        positions << chain.indexOf(w);
        shown << QString::number(positions.last());
    }
    INFO("positions in the focus chain: " << shown.join(QStringLiteral(", ")).toStdString());
    CHECK(positions.first() >= 0);
    CHECK(std::is_sorted(positions.cbegin(), positions.cend()));
}
