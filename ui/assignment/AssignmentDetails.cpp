#include "AssignmentDetails.h"

#include "Money.h"
#include "PayCalculator.h"
#include "Rules.h"
#include "SiteLinks.h"
#include "SiteTime.h"
#include "Theme.h"

namespace onsite {
namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString money(qint64 cents, const QString &currency)
{
    return Money::format(cents, currency);
}

QString hoursText(qint64 seconds)
{
    return AssignmentDetails::tr("%1 h %2 min")
        .arg(seconds / 3600)
        .arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
}

QString row(const QString &k, const QString &v)
{
    return QStringLiteral("<tr><td style='color:%1;padding-right:12px'>%2</td><td>%3</td></tr>")
        .arg(Theme::colorName(Theme::Tone::Muted), esc(k), v);
}

// A time in the site's zone with the worker's beside it, or a dash.
QString when(const QDateTime &t, const QString &tz)
{
    return t.isValid() ? esc(SiteTime::formatWithLocal(t, tz)) : QStringLiteral("—");
}

} // namespace

QString AssignmentDetails::html(const Assignment &a)
{
    QString h;
    // Why the work was called off comes before everything else about it.
    if (a.status == AssignmentStatus::Cancelled && !a.cancelReason.isEmpty())
        h += QStringLiteral("<h3>%1</h3><p>%2</p>")
                 .arg(tr("Cancelled by %1").arg(esc(a.company.name)), esc(a.cancelReason));
    h += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Description"), esc(a.description));
    h += schedule(a);
    h += site(a);
    h += pay(a);
    h += tasks(a);
    if (!a.resolution.isEmpty())
        h += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Close-out notes"), esc(a.resolution));
    h += history(a);
    return h;
}

QString AssignmentDetails::schedule(const Assignment &a)
{
    const QString tz = a.site.timeZone;
    QString h = QStringLiteral("<h3>%1</h3><table>").arg(tr("Schedule"));
    h += row(a.schedule.isWindow ? tr("Arrive between") : tr("Start"), when(a.schedule.start, tz));
    h += row(a.schedule.isWindow ? tr("and") : tr("End"), when(a.schedule.end, tz));
    h += row(tr("Check-in window"), tr("%1 to %2")
                                        .arg(when(Rules::checkinWindowOpens(a), tz),
                                             when(Rules::checkinWindowCloses(a), tz)));
    if (a.schedule.confirmRequired)
        h += row(tr("Confirm by"),
                 when(a.schedule.confirmBy, tz) +
                     (a.schedule.confirmedAt.isValid()
                          ? tr(" — confirmed %1").arg(when(a.schedule.confirmedAt, tz))
                          : tr(" — not confirmed yet")));
    h += row(tr("Site time zone"), esc(tz));
    h += QStringLiteral("</table>");
    return h;
}

// The address with directions, who to ask for there, and the number to call where the
// client requires phone check-in.
QString AssignmentDetails::site(const Assignment &a)
{
    QString h = QStringLiteral("<h3>%1</h3><p>%2<br>%3 %4 %5<br>%6</p>")
                    .arg(tr("Site"), esc(a.site.address), esc(a.site.city), esc(a.site.region),
                         esc(a.site.postalCode), esc(a.site.country));
    const auto link = [](const QUrl &url, const QString &text) {
        return QStringLiteral("<a href='%1'>%2</a>")
            .arg(esc(url.toString(QUrl::FullyEncoded)), esc(text));
    };
    const QString dot = QStringLiteral(" &nbsp;·&nbsp; ");
    h += QStringLiteral("<p>%1%2%3</p>")
             .arg(link(QUrl(QStringLiteral("onsite:directions")), tr("Directions")), dot,
                  link(QUrl(QStringLiteral("onsite:copy-address")), tr("Copy address")));
    const SiteContact &c = a.contact;
    if (!c.isEmpty()) {
        h += QStringLiteral("<h3>%1</h3><table>").arg(tr("Site contact"));
        if (!c.name.isEmpty())
            h += row(tr("Name"), esc(c.name));
        if (!c.phone.isEmpty())
            h += row(tr("Phone"), link(SiteLinks::telUrl(c.phone), c.phone) + dot +
                                      link(QUrl(QStringLiteral("onsite:copy-phone")), tr("Copy")));
        if (!c.email.isEmpty())
            h += row(tr("Email"), link(SiteLinks::mailtoUrl(c.email), c.email) + dot +
                                      link(QUrl(QStringLiteral("onsite:copy-email")), tr("Copy")));
        if (!c.notes.isEmpty())
            h += row(tr("Notes"), esc(c.notes));
        h += QStringLiteral("</table>");
    }
    if (a.phoneCheckin.required)
        h += QStringLiteral("<h3>%1</h3><p>%2 <b>%3</b><br>%4</p>")
                 .arg(tr("Phone check-in required"), tr("Call"), esc(a.phoneCheckin.number),
                      esc(a.phoneCheckin.instructions));
    return h;
}

QString AssignmentDetails::pay(const Assignment &a)
{
    QString h = QStringLiteral("<h3>%1</h3><table>").arg(tr("Pay"));
    if (a.pricing.type == PricingType::Flat)
        h += row(tr("Flat rate"), esc(money(a.pricing.flatCents, a.pricing.currency)));
    else
        h += row(tr("Hourly"), tr("%1 per hour, up to %n hours", nullptr, a.pricing.maxHours)
                                   .arg(esc(money(a.pricing.hourlyRateCents, a.pricing.currency))));
    const PayBreakdown pay = PayCalculator::compute(a);
    if (a.pricing.type == PricingType::Hourly)
        h += row(tr("Hours logged"), esc(hoursText(pay.loggedSeconds)));
    h += row(tr("Pay so far"),
             esc(money(pay.totalCents, a.pricing.currency)) +
                 (pay.pendingCents > 0 ? esc(tr(" (%1 more requested, pending)")
                                                 .arg(money(pay.pendingCents, a.pricing.currency)))
                                       : QString()));
    if (pay.overBudgetSeconds > 0)
        h += overBudget(a, pay);
    h += row(tr("Counteroffers"), a.pricing.counteroffersAllowed
                                      ? tr("Budget increases may be requested")
                                      : tr("This client does not accept budget increases"));
    h += QStringLiteral("</table>");
    return h;
}

// Time logged past the budget, with a link to request the increase where one can be.
QString AssignmentDetails::overBudget(const Assignment &a, const PayBreakdown &pay)
{
    return row(
        tr("Over budget"),
        QStringLiteral("<span style='color:%1'>%2</span>")
                .arg(Theme::colorName(Theme::Tone::Error),
                     esc(tr("%1 logged past the budget is not paid unless a budget "
                            "increase of %2 for %3 h more is approved.")
                             .arg(hoursText(pay.overBudgetSeconds))
                             .arg(money(pay.suggestedIncreaseCents, a.pricing.currency))
                             .arg(pay.suggestedExtraHours))) +
            (Rules::canRequest(a, FundsKind::BudgetIncrease)
                 ? QStringLiteral(" <a href='onsite:increase'>%1</a>").arg(esc(tr("Request it…")))
                 : QString()));
}

QString AssignmentDetails::tasks(const Assignment &a)
{
    if (a.tasks.isEmpty())
        return {};
    QString h = QStringLiteral("<h3>%1</h3><ul>").arg(tr("Tasks"));
    for (const Task &t : a.tasks)
        h += QStringLiteral("<li>%1%2 — %3</li>")
                 .arg(esc(t.label), t.required ? QString() : tr(" (optional)"),
                      t.completedAt.isValid() ? tr("done: %1").arg(esc(t.answer)) : tr("to do"));
    h += QStringLiteral("</ul>");
    return h;
}

QString AssignmentDetails::history(const Assignment &a)
{
    const QString tz = a.site.timeZone;
    QString rows;
    if (a.submittedAt.isValid())
        rows += row(tr("Submitted"), when(a.submittedAt, tz));
    if (a.approvedAt.isValid())
        rows += row(tr("Approved"), when(a.approvedAt, tz));
    if (a.paidAt.isValid())
        rows += row(tr("Paid"), when(a.paidAt, tz));
    if (rows.isEmpty())
        return {};
    return QStringLiteral("<h3>%1</h3><table>%2</table>").arg(tr("History"), rows);
}

} // namespace onsite
