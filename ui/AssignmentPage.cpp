#include "AssignmentPage.h"

#include "ChipDelegate.h"
#include "Clock.h"
#include "Enums.h"
#include "Rules.h"
#include "SiteTime.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace onsite
{
namespace
{

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// Integer arithmetic only: money never passes through a float, not even for display.
QString money(qint64 cents, const QString &currency)
{
    const QLocale l;
    const qint64 units = qAbs(cents) / 100;
    const QString minor = QStringLiteral("%1").arg(qAbs(cents) % 100, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 %2%3%4%5")
        .arg(currency, cents < 0 ? QStringLiteral("-") : QString(), l.toString(units),
             l.decimalPoint(), minor);
}

QString row(const QString &k, const QString &v)
{
    return QStringLiteral("<tr><td style='color:#555;padding-right:12px'>%1</td><td>%2</td></tr>")
        .arg(esc(k), v);
}

} // namespace

AssignmentPage::AssignmentPage(const Clock *clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_title(new QLabel(this)), m_subtitle(new QLabel(this)),
      m_statusBar(new QLabel(this)), m_labels(new QLabel(this)), m_checklist(new QListWidget(this)),
      m_details(new QTextBrowser(this))
{
    auto *back = new QPushButton(tr("← Dashboard"), this);
    back->setShortcut(QKeySequence::Back);
    back->setAccessibleName(tr("Back to the dashboard"));
    connect(back, &QPushButton::clicked, this, &AssignmentPage::backRequested);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusBar->setMargin(6);
    m_statusBar->setAutoFillBackground(true);
    m_labels->setTextFormat(Qt::RichText);
    m_checklist->setAccessibleName(tr("Checklist"));
    m_details->setOpenExternalLinks(false);

    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addStretch();
    auto *checklistBox = new QWidget(this);
    auto *cl = new QVBoxLayout(checklistBox);
    cl->setContentsMargins(0, 0, 0, 0);
    auto *checklistTitle = new QLabel(tr("<b>Checklist</b>"), checklistBox);
    cl->addWidget(checklistTitle);
    cl->addWidget(m_checklist);
    auto *split = new QSplitter(this);
    split->addWidget(m_details);
    split->addWidget(checklistBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_statusBar);
    layout->addWidget(m_labels);
    layout->addWidget(split, 1);
}

QString AssignmentPage::titleText() const
{
    return m_title->text();
}
QString AssignmentPage::detailsText() const
{
    return m_details->toPlainText();
}

QStringList AssignmentPage::checklistTexts() const
{
    QStringList out;
    for (int i = 0; i < m_checklist->count(); ++i)
        out << m_checklist->item(i)->text();
    return out;
}

void AssignmentPage::show(const Assignment &a)
{
    const QDateTime now = m_clock->now();
    m_id = a.id;
    m_title->setText(QStringLiteral("#%1 %2").arg(a.id).arg(a.title));
    m_subtitle->setText(tr("%1 · %2, %3 · %4")
                            .arg(a.company.name, a.site.city, a.site.region,
                                 SiteTime::formatWithLocal(a.schedule.start, a.site.timeZone)));
    const QColor c = ChipDelegate::statusColor(int(a.status));
    m_statusBar->setStyleSheet(
        QStringLiteral("background:%1;color:white;font-weight:bold;border-radius:4px;")
            .arg(c.name()));
    const NextDue due = Rules::nextDue(a);
    QString statusLine = Rules::statusText(a.status);
    if (!due.key.isEmpty())
        statusLine += tr("  —  next: %1").arg(due.what);
    if (due.deadline.isValid())
        statusLine += tr(" by %1 (%2)")
                          .arg(SiteTime::format(due.deadline, a.site.timeZone),
                               SiteTime::relative(due.deadline, now));
    m_statusBar->setText(statusLine);

    QString chips;
    for (const Label &l : Rules::labels(a, now))
        chips +=
            QStringLiteral("<span style='background:#c62828;color:white;'>&nbsp;%1&nbsp;</span> ")
                .arg(esc(l.text));
    m_labels->setText(chips);
    m_labels->setVisible(!chips.isEmpty());

    m_checklist->clear();
    const ChecklistProgress p = Rules::checklist(a);
    for (const ChecklistEntry &e : p.entries) {
        const QString state = e.done ? tr("Done") : tr("To do");
        const QString text = e.required ? tr("%1 — %2").arg(e.title, state)
                                        : tr("%1 (optional) — %2").arg(e.title, state);
        auto *item =
            new QListWidgetItem(style()->standardIcon(e.done ? QStyle::SP_DialogApplyButton
                                                             : QStyle::SP_DialogCancelButton),
                                text, m_checklist);
        item->setForeground(e.done ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    }
    m_details->setHtml(detailsHtml(a));
}

QString AssignmentPage::detailsHtml(const Assignment &a) const
{
    const QString tz = a.site.timeZone;
    auto when = [&tz](const QDateTime &t) {
        return t.isValid() ? esc(SiteTime::formatWithLocal(t, tz)) : QStringLiteral("—");
    };
    QString h;
    h += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Description"), esc(a.description));
    if (!a.instructions.isEmpty())
        h += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Instructions"), esc(a.instructions));
    if (!a.specialInstructions.isEmpty())
        h += QStringLiteral("<h3>%1</h3><p style='color:#b71c1c'>%2</p>")
                 .arg(tr("Special instructions"), esc(a.specialInstructions));

    h += QStringLiteral("<h3>%1</h3><table>").arg(tr("Schedule"));
    h += row(a.schedule.isWindow ? tr("Arrive between") : tr("Start"), when(a.schedule.start));
    h += row(a.schedule.isWindow ? tr("and") : tr("End"), when(a.schedule.end));
    h += row(tr("Check-in window"),
             tr("%1 to %2")
                 .arg(when(Rules::checkinWindowOpens(a)), when(Rules::checkinWindowCloses(a))));
    if (a.schedule.confirmRequired)
        h +=
            row(tr("Confirm by"), when(a.schedule.confirmBy) +
                                      (a.schedule.confirmedAt.isValid()
                                           ? tr(" — confirmed %1").arg(when(a.schedule.confirmedAt))
                                           : tr(" — not confirmed yet")));
    h += row(tr("Site time zone"), esc(tz));
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h3>%1</h3><p>%2<br>%3 %4 %5<br>%6</p>")
             .arg(tr("Site"), esc(a.site.address), esc(a.site.city), esc(a.site.region),
                  esc(a.site.postalCode), esc(a.site.country));
    if (a.phoneCheckin.required)
        h += QStringLiteral("<h3>%1</h3><p>%2 <b>%3</b><br>%4</p>")
                 .arg(tr("Phone check-in required"), tr("Call"), esc(a.phoneCheckin.number),
                      esc(a.phoneCheckin.instructions));

    h += QStringLiteral("<h3>%1</h3><table>").arg(tr("Pay"));
    if (a.pricing.type == PricingType::Flat)
        h += row(tr("Flat rate"), esc(money(a.pricing.flatCents, a.pricing.currency)));
    else
        h += row(tr("Hourly"), tr("%1 per hour, up to %n hours", nullptr, a.pricing.maxHours)
                                   .arg(esc(money(a.pricing.hourlyRateCents, a.pricing.currency))));
    h += row(tr("Counteroffers"), a.pricing.counteroffersAllowed
                                      ? tr("Budget increases may be requested")
                                      : tr("This client does not accept budget increases"));
    h += QStringLiteral("</table>");

    if (!a.tasks.isEmpty()) {
        h += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Tasks"));
        for (const Task &t : a.tasks)
            h +=
                QStringLiteral("<li>%1%2 — %3</li>")
                    .arg(esc(t.label), t.required ? QString() : tr(" (optional)"),
                         t.completedAt.isValid() ? tr("done: %1").arg(esc(t.answer)) : tr("to do"));
        h += QStringLiteral("</ul>");
    }

    h += QStringLiteral("<h3>%1</h3>").arg(tr("Time on site"));
    if (a.timeLogs.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(tr("No visits logged yet."));
    else {
        h += QStringLiteral("<table><tr><th align=left>%1</th><th align=left>%2</th><th "
                            "align=left>%3</th><th align=left>%4</th></tr>")
                 .arg(tr("Checked in"), tr("Checked out"), tr("Source"), tr("Note"));
        for (const TimeLog &l : a.timeLogs) {
            if (l.deleted)
                continue;
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                     .arg(when(l.checkIn),
                          l.checkOut.isValid() ? when(l.checkOut) : tr("on site now"),
                          l.source == TimeLogSource::Phone ? tr("Phone") : tr("Desktop"),
                          esc(l.note) + (l.edited ? tr(" (edited)") : QString()));
        }
        h += QStringLiteral("</table>");
    }

    if (!a.fundsRequests.isEmpty()) {
        h += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Extra funds requests"));
        for (const FundsRequest &f : a.fundsRequests) {
            const QString kind = f.kind == FundsKind::BudgetIncrease ? tr("Budget increase")
                                 : f.kind == FundsKind::Expense      ? tr("Expense reimbursement")
                                                                     : tr("Bonus");
            const QString status = f.status == FundsStatus::Pending    ? tr("pending")
                                   : f.status == FundsStatus::Approved ? tr("approved")
                                   : f.status == FundsStatus::Declined ? tr("declined")
                                                                       : tr("withdrawn");
            h +=
                QStringLiteral("<li>%1 %2 — %3 — <b>%4</b>%5</li>")
                    .arg(kind, esc(money(f.amountCents, a.pricing.currency)), esc(f.reason), status,
                         f.decisionNote.isEmpty() ? QString()
                                                  : QStringLiteral(": ") + esc(f.decisionNote));
        }
        h += QStringLiteral("</ul>");
    }

    h += QStringLiteral("<h3>%1</h3>").arg(tr("Deliverables"));
    h += QStringLiteral("<p>%1</p>")
             .arg(a.deliverablesDueAt.isValid() ? tr("Due %1").arg(when(a.deliverablesDueAt))
                                                : tr("No due date"));
    h += QStringLiteral("<ul>");
    for (const DeliverableRequirement &r : a.deliverableRequirements) {
        const int have = Rules::deliverablesFor(a, r.id);
        const bool met = have >= r.count;
        h += QStringLiteral("<li style='color:%1'>%2 %3 — %4</li>")
                 .arg(met ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828"),
                      met ? QStringLiteral("✔") : QStringLiteral("✘"), esc(r.description),
                      tr("%1 of %2").arg(have).arg(r.count));
    }
    h += QStringLiteral("</ul>");
    if (!a.deliverables.isEmpty()) {
        h += QStringLiteral("<ul>");
        for (const Deliverable &d : a.deliverables)
            h += QStringLiteral("<li>%1 (%2) — %3</li>")
                     .arg(esc(d.filename), QLocale().formattedDataSize(d.size), when(d.uploadedAt));
        h += QStringLiteral("</ul>");
    }
    if (!a.resolution.isEmpty())
        h += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Close-out notes"), esc(a.resolution));
    QString history;
    if (a.submittedAt.isValid())
        history += row(tr("Submitted"), when(a.submittedAt));
    if (a.approvedAt.isValid())
        history += row(tr("Approved"), when(a.approvedAt));
    if (a.paidAt.isValid())
        history += row(tr("Paid"), when(a.paidAt));
    if (!history.isEmpty())
        h += QStringLiteral("<h3>%1</h3><table>%2</table>").arg(tr("History"), history);
    return h;
}

} // namespace onsite
