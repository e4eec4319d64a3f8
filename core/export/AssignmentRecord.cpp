#include "AssignmentRecord.h"

#include "FieldReports.h"
#include "HtmlTable.h"
#include "JsonReader.h"
#include "Money.h"
#include "PayCalculator.h"
#include "Rules.h"
#include "SiteTime.h"

#include <QJsonObject>

namespace onsite {
namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString row(const QString &k, const QString &v)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(k), esc(v));
}

} // namespace

QString AssignmentRecord::when(const QDateTime &t, const QString &timeZone)
{
    return t.isValid() ? SiteTime::format(t, timeZone) : QStringLiteral("—");
}

QString AssignmentRecord::html(const Assignment &a, const QJsonArray &history, bool historyKnown,
                               const QDateTime &now)
{
    QString h = QStringLiteral("<h1>%1</h1>")
                    .arg(esc(tr("Assignment record #%1: %2").arg(a.id).arg(a.title)));
    h += summary(a);
    h += visits(a, history, historyKnown);
    h += requests(a);
    h += files(a);
    h += reports(a);
    h += thread(a);
    if (!a.resolution.isEmpty())
        h += QStringLiteral("<h2>%1</h2><p>%2</p>")
                 .arg(esc(tr("Close-out notes")), esc(a.resolution));
    h += QStringLiteral("<p><small>%1</small></p>")
             .arg(esc(tr("Printed %1 UTC from the Onsite app; revision %2 of the document.")
                          .arg(now.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                          .arg(a.rev)));
    return h;
}

QString AssignmentRecord::summary(const Assignment &a)
{
    const QString tz = a.site.timeZone;
    QString h = QStringLiteral("<table cellpadding='2'>");
    h += row(tr("Client company"), a.company.name);
    h += row(tr("Status"), Rules::statusText(a.status));
    h += row(tr("Site"), QStringList{a.site.address, a.site.city, a.site.region, a.site.postalCode,
                                     a.site.country}
                             .join(QStringLiteral(", ")));
    h += row(tr("Site time zone"), tz);
    h += row(tr("Scheduled"),
             tr("%1 to %2").arg(when(a.schedule.start, tz), when(a.schedule.end, tz)));
    if (a.schedule.confirmRequired)
        h += row(tr("Confirmation"),
                 tr("due by %1; confirmed %2")
                     .arg(when(a.schedule.confirmBy, tz), when(a.schedule.confirmedAt, tz)));
    const PayBreakdown pay = PayCalculator::compute(a);
    h += row(tr("Pricing"),
             a.pricing.type == PricingType::Flat
                 ? tr("flat %1").arg(Money::format(a.pricing.flatCents, a.pricing.currency))
                 : tr("%1 per hour, up to %2 h")
                       .arg(Money::format(a.pricing.hourlyRateCents, a.pricing.currency))
                       .arg(a.pricing.maxHours));
    h += row(tr("Pay as recorded"), Money::format(pay.totalCents, a.pricing.currency));
    h += row(tr("Submitted"), when(a.submittedAt, tz));
    h += row(tr("Approved"), when(a.approvedAt, tz));
    h += row(tr("Paid"), when(a.paidAt, tz));
    return h + QStringLiteral("</table>");
}

QString AssignmentRecord::visits(const Assignment &a, const QJsonArray &history, bool historyKnown)
{
    const QString tz = a.site.timeZone;
    QString h = QStringLiteral("<h2>%1</h2>").arg(esc(tr("Time on site")));
    QList<QStringList> logs;
    for (const TimeLog &l : a.timeLogs) {
        QString state = l.deleted ? tr("deleted") : l.edited ? tr("edited") : QString();
        logs << QStringList{
            when(l.checkIn, tz), l.checkOut.isValid() ? when(l.checkOut, tz) : tr("on site"),
            l.source == TimeLogSource::Phone ? tr("phone") : tr("desktop"), state, l.note};
        logs << earlierVersions(l, history, tz);
    }
    h += HtmlTable::bordered(
        {tr("Check-in"), tr("Check-out"), tr("Source"), tr("State"), tr("Note")}, logs);
    if (!historyKnown)
        h += QStringLiteral("<p><i>%1</i></p>")
                 .arg(esc(tr("Earlier versions of edited visits could not be fetched (offline); "
                             "the server keeps them.")));
    return h;
}

QList<QStringList> AssignmentRecord::earlierVersions(const TimeLog &l, const QJsonArray &history,
                                                     const QString &timeZone)
{
    QList<QStringList> rows;
    for (const QJsonValue &v : history) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("log_id")).toString() != l.id)
            continue;
        const QJsonObject prev = e.value(QStringLiteral("previous")).toObject();
        const QDateTime in =
            JsonReader::parseInstant(prev.value(QStringLiteral("check_in")).toString());
        const QDateTime out =
            JsonReader::parseInstant(prev.value(QStringLiteral("check_out")).toString());
        const QDateTime replaced =
            JsonReader::parseInstant(e.value(QStringLiteral("replaced_at")).toString());
        rows << QStringList{QStringLiteral("  ↳ ") + when(in, timeZone),
                            out.isValid() ? when(out, timeZone) : tr("on site"), QString(),
                            tr("earlier version, replaced %1").arg(when(replaced, timeZone)),
                            prev.value(QStringLiteral("note")).toString()};
    }
    return rows;
}

QString AssignmentRecord::requests(const Assignment &a)
{
    const QString tz = a.site.timeZone;
    QList<QStringList> rows;
    for (const FundsRequest &f : a.fundsRequests)
        rows << QStringList{Rules::fundsKindText(f.kind),
                            Money::format(f.amountCents, a.pricing.currency),
                            when(f.requestedAt, tz),
                            f.reason,
                            Rules::fundsStatusText(f.status),
                            f.decidedAt.isValid()
                                ? tr("%1 %2").arg(when(f.decidedAt, tz), f.decisionNote)
                                : QString()};
    return QStringLiteral("<h2>%1</h2>").arg(esc(tr("Extra funds requests"))) +
           HtmlTable::bordered({tr("Request"), tr("Amount"), tr("Requested"), tr("Reason"),
                                tr("Status"), tr("Decision")},
                               rows);
}

QString AssignmentRecord::files(const Assignment &a)
{
    QString h = QStringLiteral("<h2>%1</h2>").arg(esc(tr("Deliverables")));
    // One paragraph per file, the checksum on a line of its own so it is never wrapped.
    for (const Deliverable &d : a.deliverables)
        h += QStringLiteral("<p><b>%1</b> — %2 — %3<br><tt>SHA-256 %4</tt></p>")
                 .arg(esc(d.filename), esc(QLocale().formattedDataSize(d.size)),
                      esc(tr("uploaded %1").arg(when(d.uploadedAt, a.site.timeZone))),
                      esc(d.sha256));
    if (a.deliverables.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("No files.")));
    return h;
}

QString AssignmentRecord::reports(const Assignment &a)
{
    if (a.etaReports.isEmpty() && a.problems.isEmpty())
        return {};
    const QString tz = a.site.timeZone;
    QList<QStringList> rows;
    for (const EtaReport &e : a.etaReports)
        rows << QStringList{when(e.reportedAt, tz),
                            tr("Running late, arriving %1").arg(when(e.eta, tz)), e.reason};
    for (const ProblemReport &p : a.problems)
        rows << QStringList{when(p.reportedAt, tz), FieldReports::problemKindText(p.kind),
                            p.description};
    return QStringLiteral("<h2>%1</h2>").arg(esc(tr("Running late and problems"))) +
           HtmlTable::bordered({tr("Told"), tr("What"), tr("Details")}, rows);
}

QString AssignmentRecord::thread(const Assignment &a)
{
    if (a.messages.isEmpty())
        return {};
    QString h = QStringLiteral("<h2>%1</h2>").arg(esc(tr("Messages")));
    for (const Message &m : a.messages) {
        const QString who = m.from == MessageFrom::Worker
                                ? tr("Worker")
                                : (m.author.isEmpty() ? a.company.name : m.author);
        QStringList files;
        for (const MessageFile &f : a.messageFiles)
            if (f.messageId == m.id)
                files << f.filename;
        const QString attached =
            files.isEmpty() ? QString()
                            : QStringLiteral("<br><i>%1</i>")
                                  .arg(esc(tr("Files: %1").arg(files.join(QStringLiteral(", ")))));
        h += QStringLiteral("<p><b>%1</b> — %2<br>%3%4</p>")
                 .arg(esc(who), esc(when(m.sentAt, a.site.timeZone)),
                      esc(m.text).replace(QLatin1Char('\n'), QStringLiteral("<br>")), attached);
    }
    return h;
}

} // namespace onsite
