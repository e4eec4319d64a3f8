#include <catch2/catch.hpp>

#include "AssignmentPage.h"
#include "CatchQt.h"
#include "Clock.h"
#include "Fixtures.h"

#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QTextBrowser>

using namespace onsite;
using namespace onsite::test;

TEST_CASE("the page shows pay so far, pending requests and hours over budget", "[ui][pay]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ManualClock clock(utc("2026-03-11T12:00:00Z"));
    AssignmentPage page(&clock);
    Assignment a = sampleAssignment();
    a.pricing = {PricingType::Hourly, QStringLiteral("USD"), 0, 6500, 2, true};
    a.fundsRequests.clear();
    a.timeLogs.clear();
    TimeLog l;
    l.id = QStringLiteral("v1");
    l.checkIn = utc("2026-03-10T15:00:00Z");
    l.checkOut = l.checkIn.addSecs(2 * 3600 + 30 * 60);
    a.timeLogs.append(l);
    FundsRequest f;
    f.id = QStringLiteral("f1");
    f.kind = FundsKind::Expense;
    f.amountCents = 1850;
    f.reason = QStringLiteral("Parking");
    f.status = FundsStatus::Pending;
    a.fundsRequests.append(f);
    page.show(a);
    const QString text = page.detailsText();
    CHECK(text.contains(QStringLiteral("Hours logged")));
    CHECK(text.contains(QStringLiteral("2 h 30 min")));
    CHECK(text.contains(QStringLiteral("Pay so far")));
    CHECK(text.contains(QStringLiteral("USD 130.00"))); // capped at 2 h x 65.00
    CHECK(text.contains(QStringLiteral("USD 18.50 more requested, pending")));
    CHECK(text.contains(QStringLiteral("0 h 30 min logged past the budget is not paid")));
    CHECK(text.contains(QStringLiteral("USD 65.00 for 1 h more")));

    // "Request it…" opens a budget increase filled in with the difference.
    page.findChild<QTextBrowser *>()->anchorClicked(QUrl(QStringLiteral("onsite:increase")));
    FundsRequestDialog *form = page.fundsDialog();
    REQUIRE(form);
    CHECK(form->findChild<QSpinBox *>(QStringLiteral("hours"))->value() == 1);
    CHECK(form->findChild<QLineEdit *>(QStringLiteral("amount"))->text() ==
          QStringLiteral("65.00"));
    form->accept();
    CHECK(form->input().kind == FundsKind::BudgetIncrease);
    CHECK(form->input().extraHours == 1);
    CHECK(form->input().amountCents == 6500);

    a.timeLogs.first().checkOut = l.checkIn.addSecs(2 * 3600);
    page.show(a);
    CHECK_FALSE(page.detailsText().contains(QStringLiteral("past the budget")));
    QLocale::setDefault(QLocale::system());
}
