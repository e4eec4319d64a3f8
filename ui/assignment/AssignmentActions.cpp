#include "AssignmentActions.h"

#include "AcceptedFiles.h"
#include "AppSession.h"
#include "AssignmentPage.h"
#include "Clock.h"
#include "FundsRequestDialog.h"
#include "FundsRequestModel.h"
#include "JsonReader.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "MessageThread.h"
#include "OperationDescription.h"
#include "Operations.h"
#include "Rules.h"
#include "SyncEngine.h"
#include "TimeLogModel.h"
#include "UploadEngine.h"

#include <QMessageBox>
#include <QUuid>

namespace onsite {

AssignmentActions::AssignmentActions(AppSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    connect(m_session, &AppSession::engineCreated, this, &AssignmentActions::connectEngine);
    // The row menu offers what these actions would accept, asking the same rules.
    m_session->window()->setVisitBlockers([session](qint64 id) {
        MainWindow::VisitBlockers b;
        LocalStore *reader = session->reader();
        if (const auto a = reader ? reader->assignment(id) : std::nullopt) {
            b.checkIn = Rules::checkInBlocker(*a);
            b.checkOut = Rules::checkOutBlocker(*a);
        }
        return b;
    });
}

void AssignmentActions::connectEngine()
{
    SyncEngine *engine = m_session->engine();
    MainWindow *window = m_session->window();
    connect(engine, &SyncEngine::pendingCountChanged, window, [this] { refreshUnsent(); });
    connect(engine, &SyncEngine::recorded, this,
            [window, this](const QString &opId, bool ok, const QString &, const QString &message) {
                if (!ok)
                    window->page()->showError(message);
                else
                    window->page()->showError(QString());
                Q_EMIT changeRecorded(opId, ok, message);
            });
}

void AssignmentActions::record(const Operation &op)
{
    SyncEngine *engine = m_session->engine();
    if (!engine) {
        m_session->window()->page()->showError(tr("Sign in first."));
        return;
    }
    // The engine's thread owns the only writing connection; the answer comes back as recorded().
    QMetaObject::invokeMethod(engine, [engine, op] { engine->record(op); });
}

void AssignmentActions::refuseAction(const QString &reason)
{
    MainWindow *window = m_session->window();
    // Said where the worker is looking: on the page when it is open, in the status bar always.
    if (window->isShowingAssignment())
        window->page()->showError(reason);
    window->showMessage(reason);
}

void AssignmentActions::refreshUnsent()
{
    AssignmentPage *page = m_session->window()->page();
    LocalStore *reader = m_session->reader();
    const qint64 id = page->assignmentId();
    if (!reader || !id)
        return;
    const OperationDescription::Unsent u = OperationDescription::unsent(reader->outbox(), id);
    page->timeLogs()->setUnsent(u.timeLogs);
    page->fundsRequests()->setUnsent(u.fundsRequests);
    page->reports()->setUnsent(u.etaReports, u.problems);
    page->messages()->setUnsent(u.messages);
}

void AssignmentActions::reportEta(qint64 id, const QDateTime &eta, const QString &reason)
{
    record(Operations::reportEta(id, eta, reason, m_session->clock()->now()));
}

void AssignmentActions::reportProblem(qint64 id, ProblemKind kind, const QString &description)
{
    record(Operations::reportProblem(id, kind, description, m_session->clock()->now()));
}

void AssignmentActions::postMessage(qint64 id, const QString &text, const QStringList &files)
{
    const Operation op = Operations::postMessage(id, text, m_session->clock()->now());
    record(op);
    if (files.isEmpty())
        return;
    const QString messageId = op.payload.value(QStringLiteral("id")).toString();
    // Queued on the engines' thread after the op, so the message is recorded first.
    m_session->onUploads([id, files, messageId](UploadEngine *u) {
        for (const QString &path : files)
            u->add(id, path, QString::fromLatin1(UploadItem::kMessageKind), messageId);
    });
}

void AssignmentActions::markShownRead()
{
    const Assignment &a = m_session->window()->page()->assignment();
    if (a.id && MessageThread::unreadCount(a) > 0)
        record(Operations::markMessagesRead(a.id, MessageThread::lastId(a),
                                            m_session->clock()->now()));
}

void AssignmentActions::confirmSchedule(qint64 id)
{
    record(Operations::confirmSchedule(id, m_session->clock()->now()));
}

std::optional<Assignment> AssignmentActions::shownOrCached(qint64 id) const
{
    // The page already holds the assignment it shows: no read, no decode on the UI thread.
    const AssignmentPage *page = m_session->window()->page();
    if (page->assignmentId() == id)
        return page->assignment();
    LocalStore *reader = m_session->reader();
    return reader ? reader->assignment(id) : std::nullopt;
}

void AssignmentActions::checkIn(qint64 id)
{
    const QDateTime now = m_session->clock()->now();
    if (const auto a = shownOrCached(id)) {
        const QString blocker = Rules::checkInBlocker(*a);
        if (!blocker.isEmpty()) {
            refuseAction(blocker);
            return;
        }
        // Outside the allotted window the worker may be on the wrong assignment or day: ask.
        const QString outside = Rules::checkInOutsideWindowText(*a, now);
        if (!outside.isEmpty() &&
            MessageBox::question(
                m_session->window(), tr("Check in outside the window"),
                tr("%1\n\nCheck in to #%2 %3 now anyway?").arg(outside).arg(a->id).arg(a->title),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
            return;
    }
    record(Operations::checkIn(id, now));
}

void AssignmentActions::checkOut(qint64 id)
{
    const auto a = shownOrCached(id);
    const int index = a ? Rules::openVisit(*a) : -1;
    const TimeLog *open = index >= 0 ? &a->timeLogs.at(index) : nullptr;
    if (!open) {
        refuseAction(a ? Rules::checkOutBlocker(*a)
                       : tr("You are not checked in to this assignment."));
        return;
    }
    record(Operations::checkOut(id, *open, m_session->clock()->now()));
}

void AssignmentActions::editLog(qint64 id, const QString &logId, const QDateTime &checkIn,
                                const QDateTime &checkOut, const QString &note)
{
    record(Operations::editVisit(id, logId, checkIn, checkOut, note, m_session->clock()->now()));
}

void AssignmentActions::deleteLog(qint64 id, const QString &logId)
{
    record(Operations::deleteVisit(id, logId, m_session->clock()->now()));
}

void AssignmentActions::requestFunds(qint64 id, const FundsRequestInput &request)
{
    if (!request.receiptPath.isEmpty()) {
        // The form checked the receipt; checked again here, as the file may have changed, since
        // a request must never name a receipt that will not be uploaded.
        const FileVerdict v = AcceptedFiles::checkFile(request.receiptPath, 0).verdict;
        if (!v.ok) {
            refuseAction(tr("The request was not sent: %1").arg(v.message));
            return;
        }
    }
    QString receiptId;
    if (!request.receiptPath.isEmpty()) {
        // The receipt travels like a deliverable (no requirement); the request names the
        // deliverable it will become, so both can wait offline in any order.
        receiptId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString path = request.receiptPath;
        m_session->onUploads([id, path, receiptId](UploadEngine *u) {
            u->add(id, path, toWire(DeliverableKind::Other), QString(), receiptId);
        });
    }
    record(Operations::requestFunds(id, request.kind, request.amountCents, request.reason,
                                    request.extraHours, receiptId, m_session->clock()->now()));
}

void AssignmentActions::withdrawFunds(qint64 id, const QString &requestId)
{
    record(Operations::withdrawFunds(id, requestId, m_session->clock()->now()));
}

void AssignmentActions::answerTask(qint64 id, const QString &taskId, const QJsonValue &answer)
{
    record(Operations::completeTask(id, taskId, answer, m_session->clock()->now()));
}

void AssignmentActions::submit(qint64 id, const QString &notes)
{
    record(Operations::submit(id, notes, m_session->clock()->now()));
}

} // namespace onsite
