#include "ProblemDialog.h"
#include "ui_ProblemDialog.h"

#include "FieldReports.h"
#include "OperationApplier.h"

#include <QPushButton>

namespace onsite {

ProblemDialog::ProblemDialog(const Assignment &a, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::ProblemDialog), m_company(a.company.name)
{
    m_ui->setupUi(this);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Tell %1").arg(a.company.name));
    m_ui->intro->setText(tr("#%1 %2. %3 sees the problem once this reaches the server; "
                            "nothing else about the assignment changes.")
                             .arg(a.id)
                             .arg(a.title, a.company.name));
    for (ProblemKind k : FieldReports::problemKinds())
        m_ui->kind->addItem(FieldReports::problemKindText(k), int(k));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &ProblemDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ProblemDialog::~ProblemDialog() = default;

ProblemKind ProblemDialog::kind() const
{
    return ProblemKind(m_ui->kind->currentData().toInt());
}

QString ProblemDialog::description() const
{
    return m_ui->description->toPlainText().trimmed();
}

void ProblemDialog::setKind(ProblemKind kind)
{
    m_ui->kind->setCurrentIndex(m_ui->kind->findData(int(kind)));
}

void ProblemDialog::setDescription(const QString &text)
{
    m_ui->description->setPlainText(text);
}

QString ProblemDialog::errorText() const
{
    return m_ui->error->message();
}

void ProblemDialog::accept()
{
    QString error;
    if (description().isEmpty())
        error = tr("Describe what happened: %1 reads it.").arg(m_company);
    else if (description().size() > OperationApplier::kMaxTextLength)
        error = tr("The description is longer than %1 characters.")
                    .arg(OperationApplier::kMaxTextLength);
    if (!error.isEmpty()) {
        m_ui->error->showMessage(error);
        return;
    }
    QDialog::accept();
}

} // namespace onsite
