#include "MessageBox.h"

#include "Log.h"

#include <utility>

namespace onsite {

QMessageBox::StandardButton MessageBox::s_nextAnswer = QMessageBox::NoButton;
QString MessageBox::s_lastQuestion;
bool MessageBox::s_unattended = false;

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title,
                                                 const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    s_lastQuestion = text;
    // In the log, so what the worker was asked can be told afterwards (and read by the
    // real-window tests, which cannot read a dialog's text from outside).
    qCInfo(lcApp).noquote() << "Question:" << title << "—" << QString(text).replace('\n', ' ');
    if (s_nextAnswer != QMessageBox::NoButton) {
        const auto answer = s_nextAnswer;
        s_nextAnswer = QMessageBox::NoButton;
        return answer;
    }
    if (s_unattended) {
        qWarning("Unanswered question, taking its default: %s", qPrintable(text));
        return defaultButton;
    }
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

QString MessageBox::takeLastQuestion()
{
    return std::exchange(s_lastQuestion, QString());
}

void MessageBox::setUnattended(bool unattended)
{
    s_unattended = unattended;
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

} // namespace onsite
