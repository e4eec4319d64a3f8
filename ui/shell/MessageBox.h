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
    // Tests: a question nobody set an answer for is answered with its default button and
    // logged, so a forgotten answer fails the test's checks instead of hanging on a dialog.
    static void setUnattended(bool unattended);

private:
    static QMessageBox::StandardButton s_nextAnswer;
    static QString s_lastQuestion;
    static bool s_unattended;
};

} // namespace onsite
