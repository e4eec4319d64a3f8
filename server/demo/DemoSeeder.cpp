#include "DemoSeeder.h"

#include "Accounts.h"
#include "Assignment.h"
#include "AssignmentStore.h"
#include "Database.h"
#include "DemoFiles.h"
#include "Enums.h"
#include "Sha256.h"
#include "UploadStore.h"

#include <QJsonArray>
#include <QUuid>

namespace onsite::server {
namespace {

struct Place {
    const char *address;
    const char *city;
    const char *region;
    const char *postal;
    const char *country;
    const char *zone;
};

const Place kPlaces[] = {
    {"410 W Monroe St", "Chicago", "IL", "60606", "US", "America/Chicago"},
    {"1 Market St", "San Francisco", "CA", "94105", "US", "America/Los_Angeles"},
    {"350 5th Ave", "New York", "NY", "10118", "US", "America/New_York"},
    {"1600 Glenarm Pl", "Denver", "CO", "80202", "US", "America/Denver"},
    {"100 Peachtree St NW", "Atlanta", "GA", "30303", "US", "America/New_York"},
    {"2 Queen St E", "Toronto", "ON", "M5C 3G7", "CA", "America/Toronto"},
};

const char *kTitles[] = {"Replace POS terminal and test card reader",
                         "Install 4 ceiling access points",
                         "Rack and cable network switch",
                         "Troubleshoot intermittent WAN outage",
                         "Deploy digital signage player",
                         "Swap failed UPS battery",
                         "Survey site for camera install",
                         "Re-terminate patch panel",
                         "Image and deploy 6 workstations",
                         "Replace receipt printers at 3 lanes"};

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct CompanyDef {
    qint64 id;
    QString name;
    bool phone;
    bool counteroffers;
    QList<ChecklistItem> checklist;
};

Assignment make(const CompanyDef &c, int n, AssignmentStatus status, qint64 startOffsetSecs,
                const QDateTime &now)
{
    const Place &p = kPlaces[n % 6];
    Assignment a;
    a.status = status;
    a.title = QString::fromLatin1(kTitles[n % 10]);
    a.company = {c.id, c.name};
    a.description = QStringLiteral("Work order #%1 for %2. Bring a laptop with a console cable.")
                        .arg(4100 + n)
                        .arg(c.name);
    a.instructions = QStringLiteral(
        "Check in with the store manager on arrival. Photograph the equipment before and after.");
    if (n % 3 == 0)
        a.specialInstructions =
            QStringLiteral("Site access only through the loading dock; badge required.");
    a.site = {QString::fromLatin1(p.address), QString::fromLatin1(p.city),
              QString::fromLatin1(p.region),  QString::fromLatin1(p.postal),
              QString::fromLatin1(p.country), QString::fromLatin1(p.zone)};
    // Who to ask for (555-01xx numbers and .example mail are reserved for fiction); every
    // fifth site has none, as some work orders do not name anyone.
    static const char *const kContacts[][2] = {{"Dana Whitfield", "Store manager"},
                                               {"Marcus Bell", "Facilities lead"},
                                               {"Priya Raman", "IT coordinator"},
                                               {"Tom Okafor", "Shift supervisor"}};
    if (n % 5 != 4) {
        const auto &who = kContacts[n % 4];
        const QString name = QString::fromLatin1(who[0]);
        a.contact = {
            name, QStringLiteral("+1 %1 555 01%2").arg(212 + 100 * (n % 6)).arg(10 + n % 90),
            name.toLower().replace(QLatin1Char(' '), QLatin1Char('.')) +
                QStringLiteral("@%1.example").arg(c.name.section(QLatin1Char(' '), 0, 0).toLower()),
            n % 2 ? QStringLiteral("%1; ask at the service desk.").arg(QString::fromLatin1(who[1]))
                  : QStringLiteral("%1; text before calling, the floor is loud.")
                        .arg(QString::fromLatin1(who[1]))};
    }
    Schedule &s = a.schedule;
    s.start = now.addSecs(startOffsetSecs);
    s.end = s.start.addSecs(3 * 3600);
    s.isWindow = n % 4 == 1;
    if (s.isWindow)
        s.end = s.start.addSecs(6 * 3600);
    s.checkinEarlyMinutes = 30;
    s.checkinGraceMinutes = 15;
    for (const ChecklistItem &i : c.checklist)
        if (i.kind == ChecklistKind::ConfirmSchedule)
            s.confirmRequired = true;
    if (s.confirmRequired)
        s.confirmBy = s.start.addSecs(-24 * 3600);
    a.phoneCheckin.required = c.phone;
    if (c.phone) {
        a.phoneCheckin.number = QStringLiteral("+1 800 555 0142");
        a.phoneCheckin.instructions =
            QStringLiteral("Call from the site phone, enter work order %1, then press 1 to "
                           "check in or 2 to check out.")
                .arg(4100 + n);
    }
    a.pricing.currency = QStringLiteral("USD");
    a.pricing.counteroffersAllowed = c.counteroffers;
    if (n % 3 == 2) {
        a.pricing.type = PricingType::Hourly;
        a.pricing.hourlyRateCents = 6500;
        a.pricing.maxHours = 4;
    } else {
        a.pricing.flatCents = 15000 + 2500 * (n % 5);
    }
    a.checklist = c.checklist;
    if (n % 2 == 0)
        a.tasks.append({uuid(),
                        TaskType::Checkbox,
                        QStringLiteral("Confirm old equipment boxed for return"),
                        true,
                        {},
                        {}});
    if (n % 3 == 1)
        a.tasks.append({uuid(),
                        TaskType::Text,
                        QStringLiteral("Serial number of the installed unit"),
                        true,
                        {},
                        {}});
    if (n % 5 == 0)
        a.tasks.append(
            {uuid(), TaskType::Number, QStringLiteral("Number of devices replaced"), true, {}, {}});
    a.deliverableRequirements.append(
        {uuid(), DeliverableKind::SignOff, QStringLiteral("Signed work order"), 1});
    a.deliverableRequirements.append(
        {uuid(), DeliverableKind::Photo, QStringLiteral("Before and after photos"), 2 + n % 3});
    if (n % 4 != 3)
        a.deliverablesDueAt = s.end.addSecs(24 * 3600 * (1 + n % 3));
    return a;
}

void addVisit(Assignment &a, qint64 inOffset, qint64 durationSecs, bool phone = false)
{
    TimeLog l;
    l.id = uuid();
    l.checkIn = a.schedule.start.addSecs(inOffset);
    if (durationSecs > 0)
        l.checkOut = l.checkIn.addSecs(durationSecs);
    l.source = phone ? TimeLogSource::Phone : TimeLogSource::Desktop;
    a.timeLogs.append(l);
}

// The bytes of the demo's nth deliverable of an assignment: the same every time, so the
// document's size and SHA-256 can be computed before the files are written.
QByteArray demoContent(const Assignment &a, const Deliverable &d, int n)
{
    return d.kind == DeliverableKind::Photo ? DemoFiles::photo(int(a.title.size()) + n)
                                            : DemoFiles::signOffSheet(a.title);
}

// The bytes of the client's nth document (a work order, then a site photo), the same way.
QByteArray documentContent(const Assignment &a, int n)
{
    return n == 0 ? DemoFiles::workOrder(a.title, a.company.name,
                                         a.site.address + QStringLiteral(", ") + a.site.city)
                  : DemoFiles::photo(int(a.title.size()) + 7);
}

// The client's documents (issue 14 §2): a work order, and a photo of the site when `photo`.
void addDocuments(Assignment &a, bool photo, const QDateTime &now)
{
    const QStringList names = {QStringLiteral("work-order.pdf"), QStringLiteral("site-photo.png")};
    for (int n = 0; n < (photo ? 2 : 1); ++n) {
        const QByteArray bytes = documentContent(a, n);
        a.documents.append({uuid(), names.at(n), qint64(bytes.size()),
                            QString::fromLatin1(Sha256::hex(bytes)),
                            qMin(now, a.schedule.start).addSecs(-(2 - n) * 86400)});
    }
}

// The photo the worker sent with their question, the same way.
QByteArray messageFileContent(const Assignment &a)
{
    return DemoFiles::photo(int(a.title.size()) + 3);
}

void addDeliverables(Assignment &a, int upTo)
{
    int added = 0;
    for (const DeliverableRequirement &r : a.deliverableRequirements)
        for (int i = 0; i < r.count && added < upTo; ++i, ++added) {
            Deliverable d{uuid(),
                          r.id,
                          r.kind,
                          r.kind == DeliverableKind::Photo
                              ? QStringLiteral("IMG_%1.png").arg(2040 + added)
                              : QStringLiteral("signed-work-order.pdf"),
                          0,
                          {},
                          a.schedule.end.addSecs(600)};
            const QByteArray bytes = demoContent(a, d, added);
            d.size = bytes.size();
            d.sha256 = QString::fromLatin1(Sha256::hex(bytes));
            a.deliverables.append(d);
        }
}

void finishWork(Assignment &a)
{
    a.schedule.confirmedAt =
        a.schedule.confirmRequired ? a.schedule.confirmBy.addSecs(-7200) : QDateTime();
    addVisit(a, 300, 2 * 3600 + 900, a.phoneCheckin.required);
    addDeliverables(a, 1000);
    for (Task &t : a.tasks) {
        t.answer = t.type == TaskType::Number ? QStringLiteral("3")
                   : t.type == TaskType::Text ? QStringLiteral("SN-4471-B")
                                              : QStringLiteral("yes");
        t.completedAt = a.schedule.end;
    }
    a.resolution = QStringLiteral("Replaced the unit, tested with the manager, all working.");
    a.submittedAt = a.schedule.end.addSecs(3600);
}

FundsRequest funds(FundsKind kind, qint64 cents, const QString &reason, FundsStatus status,
                   const QDateTime &at)
{
    FundsRequest f;
    f.id = uuid();
    f.kind = kind;
    f.amountCents = cents;
    f.reason = reason;
    f.status = status;
    f.requestedAt = at;
    if (status != FundsStatus::Pending) {
        f.decidedAt = at.addSecs(5400);
        f.decisionNote = status == FundsStatus::Approved ? QStringLiteral("Approved, thanks.")
                                                         : QStringLiteral("Not in budget.");
    }
    return f;
}

} // namespace

namespace {

constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;

bool handOutTokens(QList<QPair<QString, QString>> *companyTokens, QString *error)
{
    ApiError err;
    Sql q(QStringLiteral("SELECT id, name FROM companies ORDER BY id"));
    q.exec();
    while (q.next() && !err)
        companyTokens->append(
            {q.value(1).toString(), Accounts::createCompanyToken(q.value(0).toLongLong(), &err)});
    if (err)
        *error = err.message;
    return !err;
}

QList<CompanyDef> createCompanies(ApiError *err)
{
    using CK = ChecklistKind;
    const QList<ChecklistItem> full{{CK::ConfirmSchedule, true},
                                    {CK::CheckInOut, true},
                                    {CK::Deliverables, true},
                                    {CK::CloseoutNotes, true}};
    const QList<ChecklistItem> light{{CK::CheckInOut, true}, {CK::Deliverables, true}};
    const QList<ChecklistItem> phoneList{{CK::ConfirmSchedule, true},
                                         {CK::CheckInOut, true},
                                         {CK::Deliverables, true},
                                         {CK::CloseoutNotes, false}};
    QList<CompanyDef> companies{
        {0, QStringLiteral("Northwind Retail Services"), true, true, phoneList},
        {0, QStringLiteral("Bluebird Telecom"), false, false, full},
        {0, QStringLiteral("Cascade Facilities Group"), false, true, light},
    };
    for (CompanyDef &c : companies) {
        QJsonArray checklist;
        for (const ChecklistItem &i : c.checklist)
            checklist.append(QJsonObject{{QStringLiteral("kind"), toWire(i.kind)},
                                         {QStringLiteral("required"), i.required}});
        c.id = Accounts::createCompany(c.name,
                                       {{QStringLiteral("checklist"), checklist},
                                        {QStringLiteral("counteroffers_allowed"), c.counteroffers}},
                                       err);
    }
    return companies;
}

// The demo world's assignments, numbered in the order they are made.
struct World {
    QDateTime now;
    QList<CompanyDef> companies;
    int n = 0;
    ApiError err;

    Assignment next(int company, AssignmentStatus status, qint64 startOffsetSecs)
    {
        return make(companies[company % 3], n++, status, startOffsetSecs, now);
    }

    void store(Assignment a, qint64 worker)
    {
        AssignmentStore::insertAssignment(a.company.id, worker, a, now, &err);
        for (int i = 0; i < a.deliverables.size() && !err; ++i)
            if (!UploadStore::storeFile(worker, a.id, a.deliverables.at(i).id,
                                        demoContent(a, a.deliverables.at(i), i)))
                err = ApiError::internal();
        for (int i = 0; i < a.documents.size() && !err; ++i)
            if (!UploadStore::storeFile(worker, a.id, a.documents.at(i).id, documentContent(a, i)))
                err = ApiError::internal();
        for (const MessageFile &f : a.messageFiles)
            if (!err && !UploadStore::storeFile(worker, a.id, f.id, messageFileContent(a)))
                err = ApiError::internal();
    }

    // Alex's coming work: upcoming, a missed confirmation (Not Confirmed), a missed start
    // (Worker Late).
    void upcoming(qint64 alex)
    {
        for (int i = 0; i < 9; ++i) {
            Assignment a =
                next(i, AssignmentStatus::Assigned, (i < 3 ? 6 * kHour : 2 * kDay) + i * kDay / 2);
            if (a.schedule.confirmBy.isValid() && a.schedule.confirmBy < now)
                a.schedule.confirmBy = now.addSecs(2 * kHour); // assigned late: a short deadline
            if (i % 3 == 1 && a.schedule.confirmRequired)
                a.schedule.confirmedAt = now.addSecs(-kHour);
            addDocuments(a, i % 3 == 0, now);
            if (i == 0) // told the company already: the row says "ETA … reported"
                a.etaReports.append({a.schedule.start.addSecs(25 * 60),
                                     QStringLiteral("Lane closure on the way; about 25 minutes "
                                                    "late"),
                                     now.addSecs(-600)});
            if (i == 3) // a message not read yet: "✉ 1 new" on the row
                a.messages = {{QStringLiteral("demo-m1"), MessageFrom::Company, a.company.name,
                               QStringLiteral("The store manager asks that you sign in at the "
                                              "service desk first."),
                               now.addSecs(-300)}};
            store(a, alex);
        }
        store(next(1, AssignmentStatus::Assigned, 20 * kHour), alex);
        store(next(2, AssignmentStatus::Assigned, -2 * kHour), alex);
    }

    // On site now, or finished and closing out, with requests in each state.
    void inProgress(qint64 alex)
    {
        for (int i = 0; i < 6; ++i) {
            Assignment a = next(i, AssignmentStatus::InProgress, i < 3 ? -kHour : -(2 + i) * kDay);
            if (a.schedule.confirmRequired)
                a.schedule.confirmedAt = a.schedule.confirmBy.addSecs(-3600);
            addDocuments(a, i < 3, now);
            if (i < 3) {
                addVisit(a, -600, 0, a.phoneCheckin.required);
            } else {
                addVisit(a, 600, 3 * kHour, a.phoneCheckin.required);
                addDeliverables(a, i - 2); // partly uploaded
                if (i == 5)
                    a.deliverablesDueAt = a.schedule.end.addSecs(12 * kHour); // now late
            }
            if (i == 2)
                a.problems.append({QStringLiteral("demo-problem-1"), ProblemKind::PartsMissing,
                                   QStringLiteral("The bracket in the kit is the wrong size; the "
                                                  "old one stays until a new one arrives."),
                                   now.addSecs(-300)});
            if (i == 2) { // asked and answered, all read
                a.messages = {
                    {QStringLiteral("demo-m2"), MessageFrom::Worker, QString(),
                     QStringLiteral("The bracket in the kit is the wrong size. Can I keep the old "
                                    "one for now?"),
                     now.addSecs(-290)},
                    {QStringLiteral("demo-m3"), MessageFrom::Company, a.company.name,
                     QStringLiteral("Yes, keep the old bracket. A new one ships tomorrow; we "
                                    "will book a short return visit."),
                     now.addSecs(-120)}};
                a.messagesRead = QStringLiteral("demo-m3");
                const QByteArray photo = messageFileContent(a);
                a.messageFiles = {{uuid(), QStringLiteral("demo-m2"),
                                   QStringLiteral("wrong-bracket.png"), qint64(photo.size()),
                                   QString::fromLatin1(Sha256::hex(photo)), now.addSecs(-280)}};
            }
            if (i == 1)
                a.fundsRequests.append(funds(FundsKind::Expense, 4299,
                                             QStringLiteral("Bought a replacement patch cable"),
                                             FundsStatus::Pending, now.addSecs(-1800)));
            if (i == 3)
                a.fundsRequests.append(funds(FundsKind::BudgetIncrease, 6500,
                                             QStringLiteral("Second switch needed re-racking"),
                                             FundsStatus::Approved, a.schedule.end));
            if (i == 4)
                a.fundsRequests.append(funds(FundsKind::Bonus, 2500,
                                             QStringLiteral("Weekend call-out"),
                                             FundsStatus::Declined, a.schedule.end));
            store(a, alex);
        }
    }

    // Pending approval, approved, paid and cancelled.
    void closedOut(qint64 alex)
    {
        for (int i = 0; i < 4; ++i) {
            Assignment a = next(i, AssignmentStatus::Submitted, -(3 + i) * kDay);
            finishWork(a);
            if (i == 0)
                a.fundsRequests.append(funds(FundsKind::Expense, 1850,
                                             QStringLiteral("Parking at the site"),
                                             FundsStatus::Pending, a.schedule.end));
            store(a, alex);
        }
        for (int i = 0; i < 3; ++i) {
            Assignment a = next(i, AssignmentStatus::Approved, -(8 + i) * kDay);
            finishWork(a);
            a.approvedAt = a.submittedAt.addSecs(kDay);
            store(a, alex);
        }
        for (int i = 0; i < 4; ++i) {
            Assignment a = next(i, AssignmentStatus::Paid, -(15 + 16 * i) * kDay);
            finishWork(a);
            a.approvedAt = a.submittedAt.addSecs(kDay);
            a.paidAt = a.approvedAt.addSecs(5 * kDay);
            store(a, alex);
        }
        Assignment cancelled = next(0, AssignmentStatus::Cancelled, 4 * kDay);
        cancelled.cancelReason =
            QStringLiteral("The store is closing for renovation; we will send a new work order.");
        store(cancelled, alex);
    }

    // Blair: a few of their own.
    void blairs(qint64 blair)
    {
        for (int i = 0; i < 4; ++i) {
            const AssignmentStatus st =
                i < 2 ? AssignmentStatus::Assigned
                      : (i == 2 ? AssignmentStatus::InProgress : AssignmentStatus::Paid);
            Assignment a = next(i + 1, st, (i - 2) * kDay + 5 * kHour);
            if (st == AssignmentStatus::Paid) {
                finishWork(a);
                a.paidAt = a.schedule.end.addSecs(4 * kDay);
            }
            store(a, blair);
        }
    }
};

} // namespace

bool DemoSeeder::seed(const QDateTime &now, QList<QPair<QString, QString>> *companyTokens,
                      QString *error)
{
    if (Accounts::workerIdByEmail(QStringLiteral("alex@demo.onsite")))
        return handOutTokens(companyTokens, error); // already seeded: keep the data
    World world;
    world.now = now;
    const QString pw = QStringLiteral("onsite-demo");
    const qint64 alex = Accounts::createWorker(QStringLiteral("alex@demo.onsite"),
                                               QStringLiteral("Alex Rivera"), pw, &world.err);
    const qint64 blair = Accounts::createWorker(QStringLiteral("blair@demo.onsite"),
                                                QStringLiteral("Blair Chen"), pw, &world.err);
    world.companies = createCompanies(&world.err);
    if (world.err) {
        *error = world.err.message;
        return false;
    }
    // Alex: every status, late and missed cases, in several time zones.
    world.upcoming(alex);
    world.inProgress(alex);
    world.closedOut(alex);
    world.blairs(blair);
    if (world.err) {
        *error = world.err.message;
        return false;
    }
    return handOutTokens(companyTokens, error);
}

} // namespace onsite::server
