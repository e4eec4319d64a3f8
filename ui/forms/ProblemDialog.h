#pragma once

#include "Assignment.h"

#include <QDialog>
#include <QScopedPointer>

namespace Ui {
class ProblemDialog;
}

namespace onsite {

// "Report a problem": what kind (can't access the site, parts missing, the work differs,
// can't make it, other) and what happened, for the client company.
class ProblemDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ProblemDialog(const Assignment &a, QWidget *parent = nullptr);
    ~ProblemDialog() override;

    ProblemKind kind() const;
    QString description() const;
    void setKind(ProblemKind kind);
    void setDescription(const QString &text);
    QString errorText() const;

    void accept() override;

private:
    QScopedPointer<Ui::ProblemDialog> m_ui;
    QString m_company;
};

} // namespace onsite
