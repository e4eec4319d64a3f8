#include <catch2/catch.hpp>

#include "ActivityDialog.h"
#include "CatchQt.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace onsite;

TEST_CASE("Activity lists waiting changes and refused ones with the server's reason",
          "[ui][activity]")
{
    ActivityDialog dialog;
    OutboxEntry waiting;
    waiting.op =
        Operation::make(5, QStringLiteral("schedule.confirm"), {}, QDateTime::currentDateTimeUtc());
    waiting.state = QStringLiteral("pending");
    waiting.attempts = 2;
    waiting.lastError = QStringLiteral("Cannot reach the server: Connection refused");
    OutboxEntry refused;
    refused.op = Operation::make(7, QStringLiteral("time_log.upsert"),
                                 {{QStringLiteral("check_in"), QStringLiteral("x")}},
                                 QDateTime::currentDateTimeUtc());
    refused.state = QStringLiteral("rejected");
    refused.lastError =
        QStringLiteral("This client requires checking in and out by phone: call +1 800 555 0100.");
    dialog.setEntries({waiting, refused}, {{7, QStringLiteral("#7 Swap UPS battery")}});
    REQUIRE(dialog.rowCount() == 2);
    CHECK(dialog.rowText(0).contains(QStringLiteral("Confirm schedule")));
    CHECK(dialog.rowText(0).contains(QStringLiteral("failed attempts: 2")));
    CHECK(dialog.rowText(0).contains(QStringLiteral("Connection refused")));
    CHECK(dialog.rowText(1).contains(QStringLiteral("#7 Swap UPS battery")));
    CHECK(dialog.rowText(1).contains(QStringLiteral("Needs attention")));
    CHECK(dialog.rowText(1).contains(QStringLiteral("by phone")));

    QSignalSpy dismissed(&dialog, &ActivityDialog::dismissRequested);
    auto *dismiss = dialog.findChild<QPushButton *>(QStringLiteral("dismissButton"));
    dialog.selectRow(0);
    CHECK_FALSE(dismiss->isEnabled()); // a waiting change cannot be dismissed: it is not lost
    dialog.selectRow(1);
    REQUIRE(dismiss->isEnabled());
    QTest::mouseClick(dismiss, Qt::LeftButton);
    REQUIRE(dismissed.count() == 1);
    CHECK(dismissed.first().first().toString() == refused.op.opId);
}
