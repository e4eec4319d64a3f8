#pragma once

#include "Assignment.h"

#include <QDateTime>
#include <QDialog>
#include <QScopedPointer>

namespace Ui {
class EtaDialog;
}

namespace onsite {

// "Running late": when the worker now expects to arrive (typed in site time) and why. Checks
// the shared rules (FieldReports) before closing, so nothing is sent that would be refused.
class EtaDialog : public QDialog
{
    Q_OBJECT
public:
    // `now` from the caller's clock: the arrival starts a little after it.
    EtaDialog(const Assignment &a, const QDateTime &now, QWidget *parent = nullptr);
    ~EtaDialog() override;

    // The arrival as typed, in UTC.
    QDateTime eta() const;
    QString reason() const;
    void setEta(const QDateTime &utc);
    void setReason(const QString &text);
    QString errorText() const;

    void accept() override;

private:
    QScopedPointer<Ui::EtaDialog> m_ui;
    Assignment m_assignment;
    QDateTime m_now;
};

} // namespace onsite
