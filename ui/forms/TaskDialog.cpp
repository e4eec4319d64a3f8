#include "TaskDialog.h"
#include "ui_TaskDialog.h"

#include "OperationApplier.h"

#include <QLocale>

namespace onsite {

TaskDialog::TaskDialog(const Task &task, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::TaskDialog), m_task(task)
{
    m_ui->setupUi(this);
    m_ui->label->setText(task.label);
    m_ui->done->setVisible(task.type == TaskType::Checkbox);
    m_ui->done->setChecked(task.completedAt.isValid());
    m_ui->answer->setVisible(task.type != TaskType::Checkbox);
    QString shown = task.answer;
    if (task.type == TaskType::Number)
        shown.replace(QLatin1Char('.'), QLocale().decimalPoint());
    m_ui->answer->setText(shown);
    m_ui->answer->setPlaceholderText(task.type == TaskType::Number ? tr("A number")
                                                                   : tr("Your answer"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &TaskDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

TaskDialog::~TaskDialog() = default;

void TaskDialog::setDone(bool done)
{
    m_ui->done->setChecked(done);
}

void TaskDialog::setAnswerText(const QString &text)
{
    m_ui->answer->setText(text);
}

QString TaskDialog::errorText() const
{
    return m_ui->error->message();
}

void TaskDialog::accept()
{
    QString error;
    QString text = m_ui->answer->text().trimmed();
    switch (m_task.type) {
    case TaskType::Checkbox:
        m_answer = m_ui->done->isChecked();
        break;
    case TaskType::Text:
        if (text.isEmpty())
            error = tr("Write an answer.");
        else if (text.size() > OperationApplier::kMaxTextLength)
            error = tr("The answer is too long.");
        m_answer = text;
        break;
    case TaskType::Number: {
        text.replace(QLocale().decimalPoint(), QStringLiteral("."));
        if (!OperationApplier::isNumberAnswer(text))
            error = tr("Enter a number, like 3 or %1.").arg(QLocale().toString(2.5));
        m_answer = text;
        break;
    }
    }
    if (!error.isEmpty()) {
        m_ui->error->showMessage(error);
        return;
    }
    QDialog::accept();
}

} // namespace onsite
