#include <catch2/catch.hpp>

#include "ActivityDialog.h"
#include "CatchQt.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTableWidget>
#include <QTest>

using namespace onsite;

TEST_CASE("Activity lists waiting changes and refused ones with the server's reason",
          "[ui][activity]")
{
    ActivityDialog dialog;
    OutboxEntry waiting;
    waiting.op =
        Operation::make(5, QStringLiteral("schedule.confirm"), {}, QDateTime::currentDateTimeUtc());
    waiting.state = OutboxEntry::State::Pending;
    waiting.attempts = 2;
    waiting.lastError = QStringLiteral("Cannot reach the server: Connection refused");
    OutboxEntry refused;
    refused.op = Operation::make(7, QStringLiteral("time_log.upsert"),
                                 {{QStringLiteral("check_in"), QStringLiteral("x")}},
                                 QDateTime::currentDateTimeUtc());
    refused.state = OutboxEntry::State::Rejected;
    refused.lastError =
        QStringLiteral("This client requires checking in and out by phone: call +1 800 555 0100.");
    dialog.setEntries({waiting, refused}, {{7, QStringLiteral("#7 Swap UPS battery")}});
    REQUIRE(dialog.rowCount() == 2);
    CHECK(dialog.rowText(0).contains(QStringLiteral("Confirmed the schedule")));
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

TEST_CASE("Activity shows every state in full and lists the files still on their way",
          "[ui][activity]")
{
    ActivityDialog dialog;
    dialog.resize(820, 420);
    dialog.show();
    OutboxEntry refused;
    refused.op = Operation::make(7, QStringLiteral("assignment.submit"), {},
                                 QDateTime::currentDateTimeUtc());
    refused.state = OutboxEntry::State::Rejected;
    refused.lastError = QStringLiteral(
        "Not ready to submit: the sign-off sheet is missing, two photos of the shelves are "
        "missing, and the close-out notes must say what was done on site before the client "
        "can approve the work order for payment.");
    OutboxEntry waiting;
    waiting.op = Operation::make(7, QStringLiteral("time_log.delete"),
                                 {{QStringLiteral("id"), QStringLiteral("v")}},
                                 QDateTime::currentDateTimeUtc());
    waiting.state = OutboxEntry::State::Pending;
    waiting.attempts = 4;
    waiting.lastError = QStringLiteral(
        "Cannot reach the server: Host onsite.example.com not found (the network may be down)");
    dialog.setEntries({refused, waiting}, {{7, QStringLiteral("#7 Swap UPS battery")}},
                      {QStringLiteral("Submitted for approval"),
                       QStringLiteral("Deleted the visit of Tue 1 Dec")});
    UploadItem photo;
    photo.id = QStringLiteral("u1");
    photo.assignmentId = 7;
    photo.filename = QStringLiteral("IMG_2041.jpg");
    photo.size = 1000;
    photo.offset = 350;
    photo.state = UploadItem::State::Queued;
    photo.createdAt = QDateTime::currentDateTimeUtc();
    UploadItem sent = photo;
    sent.id = QStringLiteral("u2");
    sent.filename = QStringLiteral("sent.pdf");
    sent.state = UploadItem::State::Done;
    dialog.setUploads({photo, sent}, {{7, QStringLiteral("#7 Swap UPS battery")}});
    QCoreApplication::processEvents();

    REQUIRE(dialog.rowCount() == 3); // the finished upload is not listed
    CHECK(dialog.rowText(0).contains(QStringLiteral("Submitted for approval")));
    CHECK(dialog.rowText(1).contains(QStringLiteral("Deleted the visit of Tue 1 Dec")));
    CHECK(dialog.rowText(2).contains(QStringLiteral("Uploading IMG_2041.jpg (35 %)")));
    CHECK(dialog.rowText(2).contains(QStringLiteral("#7 Swap UPS battery")));
    dialog.setUploadProgress(QStringLiteral("u1"), 500);
    CHECK(dialog.rowText(2).contains(QStringLiteral("Uploading IMG_2041.jpg (50 %)")));

    // Every cell's whole text is on screen: inside the visible width, and tall enough for its
    // wrapped lines; the tooltip carries it too.
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("table"));
    REQUIRE(table);
    const int visibleWidth = table->viewport()->width();
    for (int r = 0; r < table->rowCount(); ++r)
        for (int c = 0; c < table->columnCount(); ++c) {
            QTableWidgetItem *item = table->item(r, c);
            REQUIRE(item);
            const QRect cell = table->visualItemRect(item);
            INFO("row " << r << " column " << c << ": " << item->text().toStdString());
            CHECK(cell.left() >= 0);
            CHECK(cell.right() <= visibleWidth);
            // The delegate keeps a margin on each side of the text.
            const int margin =
                2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
            const QRect needed = table->fontMetrics().boundingRect(
                QRect(0, 0, cell.width() - margin, 10000), Qt::TextWordWrap, item->text());
            CHECK(needed.width() <= cell.width() - margin);
            CHECK(needed.height() <= cell.height());
            CHECK(item->toolTip() == item->text());
        }
}
