#include "AssignmentRecord.h"

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

QString AssignmentRecord::html(const Assignment &a, const QJsonArray &history, bool historyKnown,
                               const QDateTime &now)
{
    const QString tz = a.site.timeZone;
    auto when = [&tz](const QDateTime &t) {
        return t.isValid() ? SiteTime::format(t, tz) : QStringLiteral("—");
    };
    QString h = QStringLiteral("<h1>%1</h1>")
                    .arg(esc(tr("Assignment record #%1: %2").arg(a.id).arg(a.title)));
    h += QStringLiteral("<table cellpadding='2'>");
    h += row(tr("Client company"), a.company.name);
    h += row(tr("Status"), Rules::statusText(a.status));
    h += row(tr("Site"), QStringList{a.site.address, a.site.city, a.site.region, a.site.postalCode,
                                     a.site.country}
                             .join(QStringLiteral(", ")));
    h += row(tr("Site time zone"), tz);
    h += row(tr("Scheduled"), tr("%1 to %2").arg(when(a.schedule.start), when(a.schedule.end)));
    if (a.schedule.confirmRequired)
        h += row(tr("Confirmation"),
                 tr("due by %1; confirmed %2")
                     .arg(when(a.schedule.confirmBy), when(a.schedule.confirmedAt)));
    const PayBreakdown pay = PayCalculator::compute(a);
    h += row(tr("Pricing"),
             a.pricing.type == PricingType::Flat
                 ? tr("flat %1").arg(Money::format(a.pricing.flatCents, a.pricing.currency))
                 : tr("%1 per hour, up to %2 h")
                       .arg(Money::format(a.pricing.hourlyRateCents, a.pricing.currency))
                       .arg(a.pricing.maxHours));
    h += row(tr("Pay as recorded"), Money::format(pay.totalCents, a.pricing.currency));
    h += row(tr("Submitted"), when(a.submittedAt));
    h += row(tr("Approved"), when(a.approvedAt));
    h += row(tr("Paid"), when(a.paidAt));
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Time on site")));
    QList<QStringList> logs;
    for (const TimeLog &l : a.timeLogs) {
        QString state = l.deleted ? tr("deleted") : l.edited ? tr("edited") : QString();
        logs << QStringList{
            when(l.checkIn), l.checkOut.isValid() ? when(l.checkOut) : tr("on site"),
            l.source == TimeLogSource::Phone ? tr("phone") : tr("desktop"), state, l.note};
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
            logs << QStringList{QStringLiteral("  ↳ ") + when(in),
                                out.isValid() ? when(out) : tr("on site"), QString(),
                                tr("earlier version, replaced %1").arg(when(replaced)),
                                prev.value(QStringLiteral("note")).toString()};
        }
    }
    h += HtmlTable::bordered(
        {tr("Check-in"), tr("Check-out"), tr("Source"), tr("State"), tr("Note")}, logs);
    if (!historyKnown)
        h += QStringLiteral("<p><i>%1</i></p>")
                 .arg(esc(tr("Earlier versions of edited visits could not be fetched (offline); "
                             "the server keeps them.")));

    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Extra funds requests")));
    QList<QStringList> requests;
    for (const FundsRequest &f : a.fundsRequests)
        requests << QStringList{
            Rules::fundsKindText(f.kind),
            Money::format(f.amountCents, a.pricing.currency),
            when(f.requestedAt),
            f.reason,
            Rules::fundsStatusText(f.status),
            f.decidedAt.isValid() ? tr("%1 %2").arg(when(f.decidedAt), f.decisionNote) : QString()};
    h += HtmlTable::bordered(
        {tr("Request"), tr("Amount"), tr("Requested"), tr("Reason"), tr("Status"), tr("Decision")},
        requests);

    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Deliverables")));
    // One paragraph per file, the checksum on a line of its own so it is never wrapped.
    for (const Deliverable &d : a.deliverables)
        h += QStringLiteral("<p><b>%1</b> — %2 — %3<br><tt>SHA-256 %4</tt></p>")
                 .arg(esc(d.filename), esc(QLocale().formattedDataSize(d.size)),
                      esc(tr("uploaded %1").arg(when(d.uploadedAt))), esc(d.sha256));
    if (a.deliverables.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("No files.")));
    if (!a.resolution.isEmpty())
        h += QStringLiteral("<h2>%1</h2><p>%2</p>")
                 .arg(esc(tr("Close-out notes")), esc(a.resolution));
    h += QStringLiteral("<p><small>%1</small></p>")
             .arg(esc(tr("Printed %1 UTC from the Onsite app; revision %2 of the document.")
                          .arg(now.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                          .arg(a.rev)));
    return h;
}

} // namespace onsite
