#include "ScorecardDialog.h"
#include "ui_ScorecardDialog.h"

#include "EarningsModel.h"
#include "Money.h"
#include "SiteTime.h"
#include "Theme.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>

namespace onsite {
namespace {

QString shareText(const Share &s)
{
    const auto p = s.percent();
    if (!p)
        return ScorecardDialog::tr("— (nothing counted yet)");
    return ScorecardDialog::tr("%1% (%2 of %3)").arg(*p).arg(s.hits).arg(s.of);
}

} // namespace

ScorecardDialog::ScorecardDialog(QWidget *parent)
    : QDialog(parent), m_ui(new Ui::ScorecardDialog), m_model(new EarningsModel(this))
{
    m_ui->setupUi(this);
    Theme::setTone(m_ui->scoreStatus, Theme::Tone::Muted);
    m_ui->earnings->setModel(m_model);
    m_ui->earnings->verticalHeader()->hide();
    m_ui->earnings->horizontalHeader()->setStretchLastSection(true);
    m_ui->onTime->setToolTip(tr("Of your assignments whose check-in window has closed, those "
                                "you checked in to within the window."));
    m_ui->deliverablesOnTime->setToolTip(
        tr("Of your assignments whose deliverables were due, those with every file uploaded "
           "by the due date."));
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->scoreStatus->setText(tr("Fetching your scorecard…"));
}

ScorecardDialog::~ScorecardDialog() = default;

void ScorecardDialog::setScorecard(const Scorecard &s, const QDateTime &at, const QString &problem)
{
    m_ui->onTime->setText(shareText(s.onTime));
    m_ui->deliverablesOnTime->setText(shareText(s.deliverablesOnTime));
    m_ui->completed->setText(QLocale().toString(s.completed));
    m_ui->cancelled->setText(QLocale().toString(s.cancelled));
    QString status = at.isValid() ? tr("As of %1.").arg(SiteTime::formatLocal(at)) : QString();
    if (!problem.isEmpty())
        status += QLatin1Char(' ') + tr("Could not refresh: %1").arg(problem);
    m_ui->scoreStatus->setText(status.trimmed());
}

void ScorecardDialog::setEarnings(const QList<EarningsPeriod> &periods)
{
    m_model->setPeriods(periods);
    m_ui->earnings->resizeColumnsToContents();
    QStringList lines;
    const QList<EarningsPeriod> totals = Earnings::totals(periods);
    for (const EarningsPeriod &t : totals)
        lines << tr("Total: %1 pending approval, %2 approved, %3 paid.")
                     .arg(Money::format(t.pendingCents, t.currency),
                          Money::format(t.approvedCents, t.currency),
                          Money::format(t.paidCents, t.currency));
    m_ui->totals->setText(lines.isEmpty() ? tr("Nothing submitted yet.")
                                          : lines.join(QLatin1Char('\n')));
}

QString ScorecardDialog::scorecardText() const
{
    return QStringList{m_ui->onTime->text(), m_ui->deliverablesOnTime->text(),
                       m_ui->completed->text(), m_ui->cancelled->text(), m_ui->scoreStatus->text()}
        .join(QLatin1Char('\n'));
}

QString ScorecardDialog::totalsText() const
{
    return m_ui->totals->text();
}

} // namespace onsite
