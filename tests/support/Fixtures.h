#pragma once

#include "Assignment.h"
#include "CatchQt.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

namespace onsite::test {

inline QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

// A complete assignment with every part of the document filled in.
inline Assignment sampleAssignment(qint64 id = 42)
{
    Assignment a;
    a.id = id;
    a.rev = 3;
    a.status = AssignmentStatus::InProgress;
    a.title = QStringLiteral("Replace POS terminal");
    a.company = {7, QStringLiteral("Northwind Retail")};
    a.description = QStringLiteral("Swap the terminal");
    a.instructions = QStringLiteral("Ask for the manager");
    a.specialInstructions = QStringLiteral("Loading dock only");
    a.site = {QStringLiteral("410 W Monroe St"),
              QStringLiteral("Chicago"),
              QStringLiteral("IL"),
              QStringLiteral("60606"),
              QStringLiteral("US"),
              QStringLiteral("America/Chicago")};
    a.contact = {QStringLiteral("Dana Whitfield"), QStringLiteral("+1 (312) 555-0147"),
                 QStringLiteral("dana.whitfield@northwind.example"),
                 QStringLiteral("Store manager; ask at the service desk")};
    a.schedule.start = utc("2026-03-10T15:00:00Z");
    a.schedule.end = utc("2026-03-10T18:00:00Z");
    a.schedule.confirmRequired = true;
    a.schedule.confirmBy = utc("2026-03-09T15:00:00Z");
    a.schedule.checkinEarlyMinutes = 30;
    a.schedule.checkinGraceMinutes = 15;
    a.phoneCheckin = {true, QStringLiteral("+1 800 555 0142"), QStringLiteral("Press 1")};
    a.pricing = {PricingType::Hourly, QStringLiteral("USD"), 0, 6500, 4, false};
    a.checklist = {{ChecklistKind::ConfirmSchedule, true},
                   {ChecklistKind::CheckInOut, true},
                   {ChecklistKind::Deliverables, true},
                   {ChecklistKind::CloseoutNotes, false}};
    a.tasks = {{QStringLiteral("t1"), TaskType::Number, QStringLiteral("Devices replaced"), true,
                QStringLiteral("3"), utc("2026-03-10T17:00:00Z")}};
    a.timeLogs = {{QStringLiteral("l1"), utc("2026-03-10T14:50:00Z"), utc("2026-03-10T17:10:00Z"),
                   QStringLiteral("first visit"), TimeLogSource::Phone, true, false}};
    a.fundsRequests = {{QStringLiteral("f1"), FundsKind::Expense, 4299, 0, QStringLiteral("Cable"),
                        QStringLiteral("d9"), FundsStatus::Approved, utc("2026-03-10T16:00:00Z"),
                        utc("2026-03-10T17:00:00Z"), QStringLiteral("ok")}};
    a.deliverableRequirements = {
        {QStringLiteral("r1"), DeliverableKind::Photo, QStringLiteral("Photos"), 2}};
    a.deliverablesDueAt = utc("2026-03-12T18:00:00Z");
    a.deliverables = {{QStringLiteral("d1"), QStringLiteral("r1"), DeliverableKind::Photo,
                       QStringLiteral("a.jpg"), 1234, QString(64, QLatin1Char('a')),
                       utc("2026-03-10T17:05:00Z")}};
    a.etaReports = {{utc("2026-03-10T15:20:00Z"), QStringLiteral("Traffic on I-90"),
                     utc("2026-03-10T14:40:00Z")}};
    a.problems = {{QStringLiteral("p1"), ProblemKind::PartsMissing,
                   QStringLiteral("Mounting bracket missing"), utc("2026-03-10T16:30:00Z")}};
    a.messages = {{QStringLiteral("m1"), MessageFrom::Worker, QString(),
                   QStringLiteral("Which door?"), utc("2026-03-10T14:45:00Z")},
                  {QStringLiteral("m2"), MessageFrom::Company, QStringLiteral("Northwind Retail"),
                   QStringLiteral("The loading dock."), utc("2026-03-10T14:47:00Z")}};
    a.messagesRead = QStringLiteral("m2");
    a.labels = {{QStringLiteral("worker_late"), QStringLiteral("Worker Late"),
                 utc("2026-03-10T15:15:00Z")}};
    a.resolution = QStringLiteral("Done");
    a.submittedAt = {};
    return a;
}

// POST /company/assignments input: a flat-rate job for `workerId` in Austin, in 2030, with
// the given deliverable requirements (each {id, kind, description, count}).
inline QJsonObject assignmentInput(qint64 workerId, const QString &title,
                                   const QJsonArray &requirements)
{
    return {
        {QStringLiteral("worker_id"), workerId},
        {QStringLiteral("title"), title},
        {QStringLiteral("site"),
         QJsonObject{{QStringLiteral("city"), QStringLiteral("Austin")},
                     {QStringLiteral("time_zone"), QStringLiteral("America/Chicago")}}},
        {QStringLiteral("schedule"),
         QJsonObject{{QStringLiteral("start"), QStringLiteral("2030-01-10T15:00:00Z")},
                     {QStringLiteral("end"), QStringLiteral("2030-01-10T18:00:00Z")}}},
        {QStringLiteral("pricing"), QJsonObject{{QStringLiteral("type"), QStringLiteral("flat")},
                                                {QStringLiteral("currency"), QStringLiteral("USD")},
                                                {QStringLiteral("flat_cents"), 20000}}},
        {QStringLiteral("deliverable_requirements"), requirements}};
}

inline QJsonObject requirement(const QString &id, const QString &kind, const QString &description,
                               int count)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("description"), description},
            {QStringLiteral("count"), count}};
}

} // namespace onsite::test
