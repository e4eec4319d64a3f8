#pragma once

#include <QDate>
#include <QDialog>
#include <QScopedPointer>

namespace Ui {
class TimesheetDialog;
}

namespace onsite {

// Which days (inclusive, the worker's local dates) and which format the timesheet covers.
class TimesheetDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Format { Csv, Pdf };
    explicit TimesheetDialog(const QDate &today, QWidget *parent = nullptr);
    ~TimesheetDialog() override;

    QDate from() const;
    QDate to() const;
    Format format() const;

    void accept() override;

private:
    QScopedPointer<Ui::TimesheetDialog> m_ui;
};

} // namespace onsite
