#pragma once

#include "Assignment.h"

#include <QDialog>
#include <QJsonValue>
#include <QScopedPointer>

namespace Ui {
class TaskDialog;
}

namespace onsite {

// Answers one of the client's custom tasks: a checkbox, a text or a number (typed with the
// locale's decimal point, sent with '.').
class TaskDialog : public QDialog
{
    Q_OBJECT
public:
    TaskDialog(const Task &task, QWidget *parent = nullptr);
    ~TaskDialog() override;

    void setDone(bool done);
    void setAnswerText(const QString &text);
    // The answer as task.complete takes it: true/false, or a string.
    QJsonValue answer() const { return m_answer; }
    QString taskId() const { return m_task.id; }
    QString errorText() const;

    void accept() override;

private:
    QScopedPointer<Ui::TaskDialog> m_ui;
    Task m_task;
    QJsonValue m_answer;
};

} // namespace onsite
