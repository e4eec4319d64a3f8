#pragma once

#include "Assignment.h"

#include <QDialog>
#include <QScopedPointer>

namespace Ui {
class FundsRequestDialog;
}

namespace onsite {

struct FundsRequestInput {
    FundsKind kind = FundsKind::Expense;
    qint64 amountCents = 0;
    int extraHours = 0;
    QString reason;
    QString receiptPath; // a local file to upload as the receipt, or empty
};

// The form behind the gear menu: a budget increase (for hourly work, extra hours at the rate),
// an expense reimbursement (with an optional receipt) or a bonus. Checks what it can before
// closing; the shared rules check again when the request is recorded.
class FundsRequestDialog : public QDialog
{
    Q_OBJECT
public:
    FundsRequestDialog(const Assignment &a, FundsKind kind, QWidget *parent = nullptr);
    ~FundsRequestDialog() override;

    // Fills in a budget increase for the hours logged past the budget.
    void proposeExtraHours(int hours);
    void setAmountText(const QString &text);
    void setReason(const QString &text);
    void setReceiptPath(const QString &path);
    FundsRequestInput input() const { return m_input; }
    QString errorText() const;
    // Why the chosen receipt cannot be sent, as shown beside the field; empty when it can.
    QString receiptErrorText() const;

    void accept() override;

private:
    void kindChanged();
    void chooseReceipt();
    void showReceiptError();
    FundsKind currentKind() const;
    bool hourlyIncrease() const;

    QScopedPointer<Ui::FundsRequestDialog> m_ui;
    Assignment m_assignment;
    QString m_receipt;
    QString m_receiptError;
    FundsRequestInput m_input;
};

} // namespace onsite
