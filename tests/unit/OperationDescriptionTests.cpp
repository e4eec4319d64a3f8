#include "OperationDescription.h"

#include "JsonReader.h"

#include <QLocale>
#include <catch2/catch.hpp>

using namespace onsite;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

QString wire(const QDateTime &t)
{
    return JsonReader::formatInstant(t);
}

// In progress in Chicago (UTC-6 in December), paid in USD, with one finished visit.
Assignment chicago()
{
    Assignment a;
    a.id = 42;
    a.status = AssignmentStatus::InProgress;
    a.title = QStringLiteral("Swap UPS battery");
    a.site.timeZone = QStringLiteral("America/Chicago");
    a.schedule.start = utc("2026-12-01T19:00:00Z");
    a.schedule.end = utc("2026-12-02T01:00:00Z");
    a.pricing.currency = QStringLiteral("USD");
    a.pricing.flatCents = 20000;
    TimeLog done;
    done.id = QStringLiteral("visit-1");
    done.checkIn = utc("2026-12-01T15:00:00Z");
    done.checkOut = utc("2026-12-01T16:00:00Z");
    done.note = QStringLiteral("Battery delivered");
    a.timeLogs = {done};
    return a;
}

Operation upsert(const QString &id, const QDateTime &in, const QDateTime &out = {},
                 const QString &note = {})
{
    QJsonObject p{{QStringLiteral("id"), id}, {QStringLiteral("check_in"), wire(in)}};
    if (out.isValid())
        p.insert(QStringLiteral("check_out"), wire(out));
    if (!note.isEmpty())
        p.insert(QStringLiteral("note"), note);
    return Operation::make(42, QStringLiteral("time_log.upsert"), p, utc("2026-12-02T00:00:00Z"));
}

struct EnglishUs {
    EnglishUs() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    ~EnglishUs() { QLocale::setDefault(QLocale::c()); }
};

} // namespace

TEST_CASE("operation description: each change named as the worker would, in site time",
          "[activity]")
{
    EnglishUs locale;
    const Assignment a = chicago();
    const QDateTime in = utc("2026-12-01T20:02:00Z");  // 14:02 in Chicago
    const QDateTime out = utc("2026-12-01T23:38:00Z"); // 17:38

    Assignment open = a;
    TimeLog visit;
    visit.id = QStringLiteral("visit-2");
    visit.checkIn = in;
    open.timeLogs.append(visit);

    // A new visit is a check-in; the same visit open, with a check-out, is a check-out.
    CHECK(OperationDescription::describe(upsert(QStringLiteral("visit-2"), in), &a) ==
          QStringLiteral("Checked in 14:02"));
    CHECK(OperationDescription::describe(upsert(QStringLiteral("visit-2"), in, out), &open) ==
          QStringLiteral("Checked out 17:38"));
    // A recorded visit: what changed in it.
    CHECK(OperationDescription::describe(
              upsert(QStringLiteral("visit-1"), utc("2026-12-01T14:40:00Z"),
                     utc("2026-12-01T16:00:00Z"), QStringLiteral("Battery delivered")),
              &a) == QStringLiteral("Changed check-in to 08:40"));
    CHECK(OperationDescription::describe(
              upsert(QStringLiteral("visit-1"), utc("2026-12-01T15:00:00Z"),
                     utc("2026-12-01T16:00:00Z"), QStringLiteral("Old battery taken away")),
              &a) == QStringLiteral("Changed the note"));
    CHECK(OperationDescription::describe(
              upsert(QStringLiteral("visit-1"), utc("2026-12-01T15:00:00Z"),
                     utc("2026-12-01T16:30:00Z"), QStringLiteral("Old battery taken away")),
              &a) == QStringLiteral("Changed check-out to 10:30, changed the note"));
    CHECK(OperationDescription::describe(
              Operation::make(42, QStringLiteral("time_log.delete"),
                              {{QStringLiteral("id"), QStringLiteral("visit-1")}},
                              utc("2026-12-02T00:00:00Z")),
              &a) == QStringLiteral("Deleted the visit of Tue 1 Dec"));
    // A visit on another day than the change carries its date.
    CHECK(OperationDescription::describe(
              upsert(QStringLiteral("visit-3"), utc("2026-11-30T15:00:00Z")), &a) ==
          QStringLiteral("Checked in Mon 30 Nov 09:00"));

    CHECK(OperationDescription::describe(
              Operation::make(42, QStringLiteral("funds_request.create"),
                              {{QStringLiteral("id"), QStringLiteral("r1")},
                               {QStringLiteral("kind"), QStringLiteral("expense")},
                               {QStringLiteral("amount_cents"), 5000},
                               {QStringLiteral("reason"), QStringLiteral("Parking")}},
                              utc("2026-12-02T00:00:00Z")),
              &a) == QStringLiteral("Requested USD 50.00 expense"));
    CHECK(OperationDescription::describe(Operation::make(42, QStringLiteral("assignment.submit"),
                                                         {}, utc("2026-12-02T00:00:00Z")),
                                         &a) == QStringLiteral("Submitted for approval"));
    CHECK(OperationDescription::describe(Operation::make(42, QStringLiteral("schedule.confirm"), {},
                                                         utc("2026-12-02T00:00:00Z")),
                                         &a) == QStringLiteral("Confirmed the schedule"));

    UploadItem photo;
    photo.filename = QStringLiteral("IMG_2041.jpg");
    photo.size = 1000;
    photo.offset = 350;
    photo.state = UploadItem::State::Queued;
    CHECK(OperationDescription::describeUpload(photo) ==
          QStringLiteral("Uploading IMG_2041.jpg (35 %)"));
    CHECK(OperationDescription::describeUpload(photo, 500) ==
          QStringLiteral("Uploading IMG_2041.jpg (50 %)"));
    photo.offset = 0;
    CHECK(OperationDescription::describeUpload(photo) ==
          QStringLiteral("Waiting to upload IMG_2041.jpg"));
}

TEST_CASE("operation description: a queue of changes, each against the visit as it was then",
          "[activity]")
{
    EnglishUs locale;
    const Assignment server = chicago();
    const QDateTime in = utc("2026-12-01T20:02:00Z");
    const QDateTime out = utc("2026-12-01T23:38:00Z");
    // Offline: check in, check out, correct the check-in, change the note, delete it; a
    // refused change in between is named but does not count as done.
    QList<OutboxEntry> entries;
    auto add = [&entries](const Operation &op,
                          OutboxEntry::State state = OutboxEntry::State::Pending) {
        OutboxEntry e;
        e.op = op;
        e.state = state;
        entries.append(e);
    };
    add(upsert(QStringLiteral("v"), in));
    add(upsert(QStringLiteral("v"), in, in.addSecs(-60)),
        OutboxEntry::State::Rejected); // out before in
    add(upsert(QStringLiteral("v"), in, out));
    add(upsert(QStringLiteral("v"), utc("2026-12-01T20:40:00Z"), out));
    add(upsert(QStringLiteral("v"), utc("2026-12-01T20:40:00Z"), out, QStringLiteral("Done")));
    add(Operation::make(42, QStringLiteral("time_log.delete"),
                        {{QStringLiteral("id"), QStringLiteral("v")}},
                        utc("2026-12-02T00:00:00Z")));
    const QStringList names = OperationDescription::describeAll(
        entries,
        [&](qint64 id) { return id == 42 ? std::optional<Assignment>(server) : std::nullopt; },
        utc("2026-12-02T00:00:00Z"));
    CHECK(names == QStringList{QStringLiteral("Checked in 14:02"),
                               QStringLiteral("Checked out 14:01"),
                               QStringLiteral("Checked out 17:38"),
                               QStringLiteral("Changed check-in to 14:40"),
                               QStringLiteral("Changed the note"),
                               QStringLiteral("Deleted the visit of Tue 1 Dec")});

    const OperationDescription::Unsent u = OperationDescription::unsent(entries, 42);
    CHECK(u.timeLogs == QSet<QString>{QStringLiteral("v")});
    CHECK(OperationDescription::unsent(entries, 7).timeLogs.isEmpty());
}
