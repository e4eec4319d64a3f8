#pragma once

#include <QFileDialog>
#include <QStringList>

#include <optional>

namespace onsite {

// QFileDialog with a test seam, as MessageBox: a test sets the paths the next file dialog
// returns, and the next dialog returns them without showing anything.
class FileDialog
{
public:
    static QStringList openFileNames(QWidget *parent, const QString &caption,
                                     const QString &dir = QString(),
                                     const QString &filter = QString());
    static QString openFileName(QWidget *parent, const QString &caption,
                                const QString &dir = QString(), const QString &filter = QString());
    static QString saveFileName(QWidget *parent, const QString &caption,
                                const QString &dir = QString(), const QString &filter = QString());
    // The paths the next dialog returns (the first one, for a dialog that picks one file); an
    // empty list is the worker cancelling.
    static void setNextAnswer(const QStringList &paths);
    // Tests: a dialog nobody set an answer for is cancelled and logged, so a forgotten answer
    // fails the test's checks instead of hanging on a dialog.
    static void setUnattended(bool unattended);

private:
    // The answer set for this dialog, if any (and then no longer set), or cancel if unattended.
    static std::optional<QStringList> takeAnswer(const QString &caption);

    static std::optional<QStringList> s_nextAnswer;
    static bool s_unattended;
};

} // namespace onsite
