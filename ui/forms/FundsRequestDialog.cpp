#include "FundsRequestDialog.h"
#include "ui_FundsRequestDialog.h"

#include "AcceptedFiles.h"
#include "FileDialog.h"
#include "Money.h"
#include "OperationApplier.h"
#include "Rules.h"

#include <QFileInfo>
#include <QPushButton>

namespace onsite {

FundsRequestDialog::FundsRequestDialog(const Assignment &a, FundsKind kind, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::FundsRequestDialog), m_assignment(a)
{
    m_ui->setupUi(this);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("Send &request"));
    for (FundsKind k : {FundsKind::BudgetIncrease, FundsKind::Expense, FundsKind::Bonus})
        if (Rules::canRequest(a, k))
            m_ui->kind->addItem(Rules::fundsKindText(k), int(k));
    m_ui->kind->setCurrentIndex(qMax(0, m_ui->kind->findData(int(kind))));
    m_ui->amountLabel->setText(tr("&Amount (%1)").arg(a.pricing.currency));
    m_ui->amount->setPlaceholderText(Money::format(0, a.pricing.currency));
    QString intro = tr("#%1 %2 — %3").arg(a.id).arg(a.title, a.company.name);
    if (!a.pricing.counteroffersAllowed)
        intro += QStringLiteral("\n") + Rules::counteroffersOffText(a);
    m_ui->intro->setText(intro);
    connect(m_ui->kind, &QComboBox::currentIndexChanged, this, &FundsRequestDialog::kindChanged);
    connect(m_ui->hours, &QSpinBox::valueChanged, this, &FundsRequestDialog::kindChanged);
    connect(m_ui->chooseReceipt, &QPushButton::clicked, this, &FundsRequestDialog::chooseReceipt);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &FundsRequestDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    kindChanged();
}

FundsRequestDialog::~FundsRequestDialog() = default;

FundsKind FundsRequestDialog::currentKind() const
{
    return FundsKind(m_ui->kind->currentData().toInt());
}

bool FundsRequestDialog::hourlyIncrease() const
{
    return currentKind() == FundsKind::BudgetIncrease &&
           m_assignment.pricing.type == PricingType::Hourly;
}

void FundsRequestDialog::kindChanged()
{
    const bool hours = hourlyIncrease();
    m_ui->hours->setVisible(hours);
    m_ui->hoursLabel->setVisible(hours);
    // For hourly work the amount follows from the hours at the assignment's rate.
    m_ui->amount->setReadOnly(hours);
    if (hours) {
        const qint64 cents = m_ui->hours->value() * m_assignment.pricing.hourlyRateCents;
        m_ui->amount->setText(Money::amount(cents, m_assignment.pricing.currency));
    }
    const bool receipt = currentKind() == FundsKind::Expense;
    m_ui->receipt->setVisible(receipt);
    m_ui->receiptLabel->setVisible(receipt);
    m_ui->chooseReceipt->setVisible(receipt);
    showReceiptError();
    setWindowTitle(tr("Request: %1").arg(Rules::fundsKindText(currentKind())));
}

void FundsRequestDialog::proposeExtraHours(int hours)
{
    m_ui->kind->setCurrentIndex(qMax(0, m_ui->kind->findData(int(FundsKind::BudgetIncrease))));
    m_ui->hours->setValue(qMax(1, hours));
    if (m_ui->reason->toPlainText().isEmpty())
        m_ui->reason->setPlainText(
            tr("The work took %n hour(s) more than the budget.", nullptr, hours));
    kindChanged();
}

void FundsRequestDialog::setAmountText(const QString &text)
{
    m_ui->amount->setText(text);
}

void FundsRequestDialog::setReason(const QString &text)
{
    m_ui->reason->setPlainText(text);
}

void FundsRequestDialog::setReceiptPath(const QString &path)
{
    m_receipt = path;
    m_ui->receipt->setText(path.isEmpty() ? tr("No file (optional)") : QFileInfo(path).fileName());
    // Checked as the upload will check it (name, content, not empty), now: a refused receipt
    // is said beside the field and keeps the request from going, so no request ever names a
    // receipt that is not on its way.
    m_receiptError = path.isEmpty() ? QString() : AcceptedFiles::checkFile(path, 0).verdict.message;
    showReceiptError();
}

void FundsRequestDialog::showReceiptError()
{
    const bool shown = currentKind() == FundsKind::Expense && !m_receiptError.isEmpty();
    m_ui->receiptError->showMessage(
        shown ? tr("%1 Choose another file, or none.").arg(m_receiptError) : QString());
}

QString FundsRequestDialog::receiptErrorText() const
{
    return m_ui->receiptError->message();
}

QString FundsRequestDialog::errorText() const
{
    return m_ui->error->message();
}

void FundsRequestDialog::chooseReceipt()
{
    const QString path = FileDialog::openFileName(this, tr("Receipt"), QString(),
                                                  AcceptedFiles::dialogFilter() +
                                                      QStringLiteral(";;") + tr("All files (*)"));
    if (!path.isEmpty())
        setReceiptPath(path);
}

void FundsRequestDialog::accept()
{
    QString error;
    FundsRequestInput in;
    in.kind = currentKind();
    in.reason = m_ui->reason->toPlainText().trimmed();
    in.extraHours = hourlyIncrease() ? m_ui->hours->value() : 0;
    if (m_ui->kind->count() == 0)
        error = tr("Extra funds can be requested only while the work is in progress.");
    const auto cents =
        hourlyIncrease()
            ? std::optional<qint64>(in.extraHours * m_assignment.pricing.hourlyRateCents)
            : Money::parse(m_ui->amount->text(), m_assignment.pricing.currency, &error);
    if (error.isEmpty() && cents && *cents <= 0)
        error = tr("The amount must be more than zero.");
    if (error.isEmpty() && cents && *cents > OperationApplier::kMaxRequestMinorUnits)
        error = tr("That amount is larger than a single request may ask for.");
    if (error.isEmpty() && in.reason.isEmpty())
        error = tr("Say what the money is for: the reason is required.");
    if (error.isEmpty() && in.reason.size() > OperationApplier::kMaxTextLength)
        error =
            tr("The reason is longer than %1 characters.").arg(OperationApplier::kMaxTextLength);
    if (error.isEmpty() && in.kind == FundsKind::Expense && !m_receipt.isEmpty()) {
        setReceiptPath(m_receipt); // the file may have changed since it was chosen
        if (!m_receiptError.isEmpty())
            error = tr("The receipt cannot be sent: %1").arg(m_receiptError);
        else
            in.receiptPath = m_receipt;
    }
    if (!error.isEmpty()) {
        m_ui->error->showMessage(error);
        return;
    }
    in.amountCents = *cents;
    m_input = in;
    QDialog::accept();
}

} // namespace onsite
