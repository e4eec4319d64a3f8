#include "EtaDialog.h"
#include "ui_EtaDialog.h"

#include "FieldReports.h"
#include "OperationApplier.h"
#include "Rules.h"
#include "SiteTime.h"

#include <QPushButton>

namespace onsite {

EtaDialog::EtaDialog(const Assignment &a, const QDateTime &now, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::EtaDialog), m_assignment(a), m_now(now)
{
    m_ui->setupUi(this);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Tell %1").arg(a.company.name));
    m_ui->intro->setText(
        tr("#%1 %2 starts %3; the check-in window closes %4. %5 sees your new arrival time "
           "and reason once this reaches the server. Worker Late still applies if you check in "
           "after the window.")
            .arg(a.id)
            .arg(a.title, SiteTime::format(a.schedule.start, a.site.timeZone),
                 SiteTime::format(Rules::checkinWindowCloses(a), a.site.timeZone), a.company.name));
    m_ui->etaLabel->setText(tr("&Arrival (time at the site, %1)").arg(a.site.timeZone));
    m_ui->eta->setDisplayFormat(QStringLiteral("ddd d MMM yyyy HH:mm"));
    // The site's wall time written as UTC, as the visit editor does: this computer's own
    // daylight-saving gaps must not move a time typed for another zone.
    m_ui->eta->setTimeSpec(Qt::UTC);
    // A quarter of an hour from now, or the start if that is later: a first guess to adjust.
    setEta(qMax(now.addSecs(15 * 60), a.schedule.start));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &EtaDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

EtaDialog::~EtaDialog() = default;

QDateTime EtaDialog::eta() const
{
    return SiteTime::fromEditorWallTime(m_ui->eta->dateTime(), m_assignment.site.timeZone);
}

QString EtaDialog::reason() const
{
    return m_ui->reason->toPlainText().trimmed();
}

void EtaDialog::setEta(const QDateTime &utc)
{
    m_ui->eta->setDateTime(SiteTime::editorWallTime(utc, m_assignment.site.timeZone));
}

void EtaDialog::setReason(const QString &text)
{
    m_ui->reason->setPlainText(text);
}

QString EtaDialog::errorText() const
{
    return m_ui->error->message();
}

void EtaDialog::accept()
{
    QString error = FieldReports::etaBlocker(m_assignment, m_now);
    if (error.isEmpty())
        error = FieldReports::etaError(m_assignment, eta(), m_now);
    if (error.isEmpty() && reason().isEmpty())
        error = tr("Say why you will be late: %1 reads it.").arg(m_assignment.company.name);
    if (error.isEmpty() && reason().size() > OperationApplier::kMaxTextLength)
        error =
            tr("The reason is longer than %1 characters.").arg(OperationApplier::kMaxTextLength);
    if (!error.isEmpty()) {
        m_ui->error->showMessage(error);
        return;
    }
    QDialog::accept();
}

} // namespace onsite
