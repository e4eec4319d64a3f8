#include "FileDialog.h"

#include <utility>

namespace onsite {

std::optional<QStringList> FileDialog::s_nextAnswer;
bool FileDialog::s_unattended = false;

std::optional<QStringList> FileDialog::takeAnswer(const QString &caption)
{
    if (s_nextAnswer)
        return std::exchange(s_nextAnswer, std::nullopt);
    if (s_unattended) {
        qWarning("Unanswered file dialog, cancelled: %s", qPrintable(caption));
        return QStringList();
    }
    return std::nullopt;
}

QStringList FileDialog::openFileNames(QWidget *parent, const QString &caption, const QString &dir,
                                      const QString &filter)
{
    if (const auto answer = takeAnswer(caption))
        return *answer;
    return QFileDialog::getOpenFileNames(parent, caption, dir, filter);
}

QString FileDialog::openFileName(QWidget *parent, const QString &caption, const QString &dir,
                                 const QString &filter)
{
    if (const auto answer = takeAnswer(caption))
        return answer->value(0);
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString FileDialog::saveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                 const QString &filter)
{
    if (const auto answer = takeAnswer(caption))
        return answer->value(0);
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

void FileDialog::setNextAnswer(const QStringList &paths)
{
    s_nextAnswer = paths;
}

void FileDialog::setUnattended(bool unattended)
{
    s_unattended = unattended;
}

} // namespace onsite
