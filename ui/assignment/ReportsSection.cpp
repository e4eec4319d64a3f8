#include "ReportsSection.h"

#include "Clock.h"
#include "FieldReports.h"
#include "ModalForm.h"
#include "NotSentMarker.h"
#include "Rules.h"
#include "SiteTime.h"
#include "Theme.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace onsite {

ReportsSection::ReportsSection(const Clock *clock, QWidget *page)
    : QObject(page), m_clock(clock), m_page(page),
      m_late(new QPushButton(tr("Running &late…"), page)),
      m_problem(new QPushButton(tr("Report a &problem…"), page)),
      m_title(new QLabel(tr("<b>Running late and problems</b>"), page)), m_list(new QLabel(page))
{
    m_late->setAccessibleName(tr("Running late: tell the client company your new arrival time"));
    m_problem->setAccessibleName(tr("Report a problem to the client company"));
    m_list->setWordWrap(true);
    m_list->setTextFormat(Qt::RichText);
    m_list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->hide();
    m_list->hide();
    connect(m_late, &QPushButton::clicked, this, [this] { openEtaDialog(); });
    connect(m_problem, &QPushButton::clicked, this, [this] { openProblemDialog(); });
}

void ReportsSection::addListTo(QBoxLayout *column) const
{
    column->addWidget(m_title);
    column->addWidget(m_list);
}

void ReportsSection::show(const Assignment &a)
{
    if (a.id != m_assignment.id) {
        m_unsentEtas = 0;
        m_unsentProblems.clear();
    }
    m_assignment = a;
    // Said on the button, as the other actions do, rather than hiding it.
    const QString etaBlocked = FieldReports::etaBlocker(a, m_clock->now());
    m_late->setEnabled(etaBlocked.isEmpty());
    m_late->setToolTip(
        etaBlocked.isEmpty()
            ? tr("Tell %1 when you now expect to arrive, and why").arg(a.company.name)
            : etaBlocked);
    // On site there is nothing to be late for: the button goes rather than sitting greyed.
    m_late->setVisible(Rules::isActive(a) && !FieldReports::hasArrived(a));
    m_problem->setVisible(Rules::isActive(a));
    m_problem->setToolTip(tr("Tell %1 about a problem: no access, parts missing, the work "
                             "differs, you cannot make it")
                              .arg(a.company.name));
    showList();
}

void ReportsSection::setUnsent(int unsentEtas, const QSet<QString> &unsentProblems)
{
    if (unsentEtas == m_unsentEtas && unsentProblems == m_unsentProblems)
        return;
    m_unsentEtas = unsentEtas;
    m_unsentProblems = unsentProblems;
    showList();
}

void ReportsSection::showList()
{
    const Assignment &a = m_assignment;
    const QString tz = a.site.timeZone;
    const QString notSent =
        QStringLiteral(" <i style='color:%1'>%2</i>")
            .arg(Theme::colorName(Theme::Tone::Warning), NotSentMarker::text().toHtmlEscaped());
    QString html;
    for (int i = 0; i < a.etaReports.size(); ++i) {
        const EtaReport &e = a.etaReports.at(i);
        html +=
            QStringLiteral("<li>%1</li>")
                .arg(tr("Running late, arriving <b>%1</b>: %2 <small>(told %3)</small>")
                         .arg(SiteTime::format(e.eta, tz).toHtmlEscaped(), e.reason.toHtmlEscaped(),
                              SiteTime::formatWithLocal(e.reportedAt, tz).toHtmlEscaped()) +
                     (i >= a.etaReports.size() - m_unsentEtas ? notSent : QString()));
    }
    for (const ProblemReport &p : a.problems)
        html += QStringLiteral("<li>%1</li>")
                    .arg(tr("<b>%1</b>: %2 <small>(told %3)</small>")
                             .arg(FieldReports::problemKindText(p.kind).toHtmlEscaped(),
                                  p.description.toHtmlEscaped(),
                                  SiteTime::formatWithLocal(p.reportedAt, tz).toHtmlEscaped()) +
                         (m_unsentProblems.contains(p.id) ? notSent : QString()));
    m_list->setText(html.isEmpty() ? QString() : QStringLiteral("<ul>%1</ul>").arg(html));
    m_title->setVisible(!html.isEmpty());
    m_list->setVisible(!html.isEmpty());
}

QString ReportsSection::listText() const
{
    return m_list->isVisibleTo(m_page) ? m_list->text() : QString();
}

EtaDialog *ReportsSection::openEtaDialog()
{
    if (!FieldReports::etaBlocker(m_assignment, m_clock->now()).isEmpty())
        return nullptr;
    auto *dialog = presentModal(m_etaDialog, new EtaDialog(m_assignment, m_clock->now(), m_page));
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { Q_EMIT etaReported(dialog->eta(), dialog->reason()); });
    return dialog;
}

ProblemDialog *ReportsSection::openProblemDialog()
{
    if (!Rules::isActive(m_assignment))
        return nullptr;
    auto *dialog = presentModal(m_problemDialog, new ProblemDialog(m_assignment, m_page));
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { Q_EMIT problemReported(dialog->kind(), dialog->description()); });
    return dialog;
}

} // namespace onsite
