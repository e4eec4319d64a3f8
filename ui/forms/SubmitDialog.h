#pragma once

#include "Assignment.h"

#include <QDialog>
#include <QScopedPointer>

namespace Ui {
class SubmitDialog;
}

namespace onsite {

// "Submit for approval": asks for the close-out notes (required when the client's checklist
// has them) and says, before anything is sent, what will not be paid: requests still pending,
// hours past the budget. After it the assignment is read-only.
class SubmitDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SubmitDialog(const Assignment &a, QWidget *parent = nullptr);
    ~SubmitDialog() override;

    void setNotes(const QString &text);
    QString notes() const;
    QStringList warnings() const { return m_warnings; }
    QString errorText() const;

    void accept() override;

private:
    QScopedPointer<Ui::SubmitDialog> m_ui;
    Assignment m_assignment;
    QStringList m_warnings;
};

} // namespace onsite
