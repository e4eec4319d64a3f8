#pragma once

#include <QMessageBox>

namespace onsite {

// QMessageBox with a test seam (as KeePassXC's): a test sets the next answer, and the next
// question returns it without showing anything.
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title,
                                                const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The text of the last question asked (answered by the seam or by the worker), then empty.
    static QString takeLastQuestion();

private:
    static QMessageBox::StandardButton s_nextAnswer;
    static QString s_lastQuestion;
};

} // namespace onsite
