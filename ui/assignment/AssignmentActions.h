#pragma once

#include "Assignment.h"

#include <QObject>
#include <optional>

class QDateTime;
class QJsonValue;

namespace onsite {

class AppSession;
struct FundsRequestInput;
struct Operation;

// What the worker does to an assignment (confirm, visits, funds, tasks, submit): each is an
// operation recorded through the sync engine's outbox, so every one works offline. Says on the
// page and in the status bar why an action cannot be done.
class AssignmentActions : public QObject
{
    Q_OBJECT
public:
    explicit AssignmentActions(AppSession *session, QObject *parent = nullptr);

    void confirmSchedule(qint64 id);
    void checkIn(qint64 id);
    void checkOut(qint64 id);
    void editLog(qint64 id, const QString &logId, const QDateTime &checkIn,
                 const QDateTime &checkOut, const QString &note);
    void deleteLog(qint64 id, const QString &logId);
    void requestFunds(qint64 id, const FundsRequestInput &request);
    void withdrawFunds(qint64 id, const QString &requestId);
    void answerTask(qint64 id, const QString &taskId, const QJsonValue &answer);
    void submit(qint64 id, const QString &notes);
    void reportEta(qint64 id, const QDateTime &eta, const QString &reason);
    void reportProblem(qint64 id, onsite::ProblemKind kind, const QString &description);
    // `files` go to the upload engine, attached to the message (after it is recorded).
    void postMessage(qint64 id, const QString &text, const QStringList &files = {});
    // The thread of the assignment on the page read up to its last message, if the company
    // wrote anything the worker has not read.
    void markShownRead();
    // Hands op to the sync engine on its thread; the answer comes back as changeRecorded().
    void record(const Operation &op);
    // Says why an action the worker asked for cannot be done (page and status bar).
    void refuseAction(const QString &reason);
    // The shown assignment's visits and requests not yet acknowledged by the server.
    void refreshUnsent();

Q_SIGNALS:
    // The outcome of a change the worker made (recorded locally, or refused with a reason).
    void changeRecorded(const QString &opId, bool ok, const QString &message);

private:
    void connectEngine();
    std::optional<Assignment> shownOrCached(qint64 id) const;

    AppSession *m_session;
};

} // namespace onsite
