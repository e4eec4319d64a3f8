#include "TimesheetDialog.h"
#include "ui_TimesheetDialog.h"

namespace onsite {

TimesheetDialog::TimesheetDialog(const QDate &today, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::TimesheetDialog)
{
    m_ui->setupUi(this);
    m_ui->from->setDate(QDate(today.year(), today.month(), 1));
    m_ui->to->setDate(today);
    m_ui->format->addItem(tr("CSV (spreadsheets)"), int(Format::Csv));
    m_ui->format->addItem(tr("PDF (to print or send)"), int(Format::Pdf));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &TimesheetDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

TimesheetDialog::~TimesheetDialog() = default;

QDate TimesheetDialog::from() const
{
    return m_ui->from->date();
}

QDate TimesheetDialog::to() const
{
    return m_ui->to->date();
}

TimesheetDialog::Format TimesheetDialog::format() const
{
    return Format(m_ui->format->currentData().toInt());
}

void TimesheetDialog::accept()
{
    if (to() < from()) {
        m_ui->error->showMessage(tr("The last day is before the first."));
        return;
    }
    QDialog::accept();
}

} // namespace onsite
