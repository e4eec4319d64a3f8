#pragma once

#include <QString>

namespace onsite {

// "Changed since you last looked" (issue 14 §4): what the company changed in an assignment,
// kept per account in the settings until the worker opens that assignment's page, so a change
// seen only as a passing notification is still said where the work is.
class ChangeNotes
{
public:
    void setAccount(const QString &accountKey);
    // Adds to what is kept for the assignment (several changes before it is opened add up).
    void add(qint64 assignmentId, const QString &message);
    // What was kept for the assignment, now forgotten; empty when nothing changed.
    QString take(qint64 assignmentId);

private:
    QString key(qint64 assignmentId) const;

    QString m_group; // empty until an account is set: nothing is kept
};

} // namespace onsite
