#pragma once

#include "Assignment.h"
#include "ChecklistSection.h"
#include "DocumentsSection.h"
#include "FundsRequestDialog.h"
#include "FundsSection.h"
#include "MessagesSection.h"
#include "ReportsSection.h"
#include "SubmitDialog.h"
#include "TaskDialog.h"
#include "UploadFilesDialog.h"
#include "UploadItem.h"
#include "VisitsSection.h"

#include <QJsonValue>
#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <optional>

class QAction;
class QBoxLayout;
class QHBoxLayout;
class QScrollArea;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QToolButton;

namespace onsite {

class Clock;
class DeliverablesPanel;
class FocusScroller;
class FundsRequestModel;
class TimeLogModel;

// One assignment, everything its document holds: the status bar, labels,
// checklist with done / to do, schedule in site time, site, pricing, tasks,
// time logs, requests, deliverables. The worker acts here: confirm the
// schedule, check in and out (or, where the client requires it, the number to
// call), correct or delete visits. Each action is a request to the controller;
// the page shows the stored result, or the reason a change was refused.
class AssignmentPage : public QWidget
{
    Q_OBJECT
public:
    explicit AssignmentPage(const Clock *clock, QWidget *parent = nullptr);
    void show(const Assignment &a);
    // Shows the latest document again (the time moved on: labels, deadlines).
    void refresh() { show(m_deferred ? *m_deferred : m_assignment); }
    qint64 assignmentId() const { return m_id; }
    // The assignment as the page shows it (or will, once the visit being edited is saved).
    const Assignment &assignment() const { return m_deferred ? *m_deferred : m_assignment; }
    QString titleText() const;
    QString statusText() const { return m_funds->statusText(); }
    QStringList checklistTexts() const { return m_checklist->checklistTexts(); }
    QString detailsText() const { return m_checklist->detailsText(); }
    QString errorText() const;
    QPushButton *confirmButton() const { return m_visits->confirmButton(); }
    QPushButton *checkInButton() const { return m_visits->checkInButton(); }
    QPushButton *checkOutButton() const { return m_visits->checkOutButton(); }
    QPushButton *deleteLogButton() const { return m_visits->deleteButton(); }
    QTableView *timeLogView() const { return m_visits->view(); }
    TimeLogModel *timeLogs() const { return m_visits->model(); }
    QString phoneText() const { return m_visits->phoneText(); }
    QString onSiteText() const { return m_visits->onSiteText(); }
    QString visitsTitleText() const { return m_visits->titleText(); }
    // Running late and problems: the buttons beside Check in, their forms, the list.
    ReportsSection *reports() const { return m_reports; }
    // The thread with the client company and the box to write in it.
    MessagesSection *messages() const { return m_messages; }
    // The client company's documents and whether each is on this computer.
    DocumentsSection *documents() const { return m_documents; }

    void showError(const QString &message);
    // "Changed since you last looked: …" above the actions until another assignment is shown;
    // empty hides it.
    void setChangeNote(const QString &message);
    QString changeNoteText() const;
    // The upload queue's items for the assignment shown, and progress as it
    // comes.
    void setUploads(const QList<UploadItem> &uploads);
    void setUploadProgress(const QString &id, qint64 sent, qint64 total, bool hashing);
    void setCachedFile(const QString &deliverableId, const QString &path);
    DeliverablesPanel *deliverables() const { return m_deliverables; }
    // Files dropped or picked: folders and non-local files are refused with a
    // message, the rest go to the dialog that asks what each one is.
    void addFiles(const QList<QUrl> &urls);
    UploadFilesDialog *uploadDialog() const { return m_uploadDialog; }

    // Extra funds: the gear menu on the status bar, the form, the list with
    // Withdraw.
    QToolButton *gearButton() const { return m_funds->gearButton(); }
    QAction *requestAction(FundsKind k) const { return m_funds->requestAction(k); }
    // The gear menu's first line while no request can be made, saying why (hidden
    // otherwise).
    QAction *fundsBlockedAction() const { return m_funds->blockedAction(); }
    FundsRequestDialog *openFundsDialog(FundsKind kind);
    FundsRequestDialog *fundsDialog() const { return m_fundsDialog; }
    QTableView *fundsView() const { return m_funds->view(); }
    FundsRequestModel *fundsRequests() const { return m_funds->model(); }
    QPushButton *withdrawButton() const { return m_funds->withdrawButton(); }
    QString fundsNoteText() const { return m_funds->noteText(); }
    // Close-out: the checklist's items lead where each is done; Submit is enabled
    // only when nothing required is missing, and the missing items are listed as
    // links.
    QPushButton *submitButton() const { return m_checklist->submitButton(); }
    QString missingText() const { return m_checklist->missingText(); }
    void goTo(const QString &key);
    QWidget *targetFor(const QString &key) const;
    // Dynamic property set on a target while it is flashed after a checklist
    // click.
    static const char kHighlighted[];
    SubmitDialog *openSubmitDialog();
    SubmitDialog *submitDialog() const { return m_submitDialog; }
    TaskDialog *openTaskDialog(const QString &taskId);
    TaskDialog *taskDialog() const { return m_taskDialog; }
    QListWidget *checklistView() const { return m_checklist->checklist(); }

    // Two columns from this width of the page, one below it (1366-pixel laptops
    // get two).
    static constexpr int kTwoColumnWidth = 1150;
    bool isTwoColumns() const;
    QScrollArea *scrollArea() const { return m_scroll; }

Q_SIGNALS:
    void backRequested();
    void confirmRequested(qint64 id);
    void checkInRequested(qint64 id);
    void checkOutRequested(qint64 id);
    void logEditRequested(qint64 id, const QString &logId, const QDateTime &checkIn,
                          const QDateTime &checkOut, const QString &note);
    void logDeleteRequested(qint64 id, const QString &logId);
    void uploadRequested(qint64 id, const QList<onsite::FileChoice> &files);
    void uploadCancelRequested(const QString &uploadId);
    void uploadRetryRequested(const QString &uploadId);
    void uploadNewVersionRequested(const QString &uploadId);
    void deliverableRemoveRequested(qint64 id, const QString &deliverableId,
                                    const QString &uploadId);
    void deliverableOpenRequested(qint64 id, const QString &deliverableId, const QString &name);
    void fundsRequested(qint64 id, const onsite::FundsRequestInput &request);
    void withdrawRequested(qint64 id, const QString &requestId);
    void taskAnswered(qint64 id, const QString &taskId, const QJsonValue &answer);
    void submitRequested(qint64 id, const QString &notes);
    void recordExportRequested(qint64 id);
    void etaReportRequested(qint64 id, const QDateTime &eta, const QString &reason);
    void problemReportRequested(qint64 id, onsite::ProblemKind kind, const QString &description);
    // `files`: paths to attach, sent by the upload engine.
    void messagePostRequested(qint64 id, const QString &text, const QStringList &files);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void pickFiles();
    void reveal(QWidget *w);
    void showDeferred();
    void connectVisits();
    void connectFundsAndChecklist();
    void connectDeliverables();
    QHBoxLayout *topRow();
    void layOutSections();
    const Clock *m_clock;
    qint64 m_id = 0;
    QLabel *m_title;
    QLabel *m_subtitle;
    // Created in this order, which is the page's Tab order (see the constructor).
    FundsSection *m_funds;
    ChecklistSection *m_checklist;
    VisitsSection *m_visits;
    ReportsSection *m_reports;
    MessagesSection *m_messages;
    DocumentsSection *m_documents;
    DeliverablesPanel *m_deliverables;
    QLabel *m_error;
    QLabel *m_changeNote;
    QScrollArea *m_scroll;
    FocusScroller *m_scroller = nullptr;
    QBoxLayout *m_columns = nullptr;
    QPointer<FundsRequestDialog> m_fundsDialog;
    QPointer<SubmitDialog> m_submitDialog;
    QPointer<TaskDialog> m_taskDialog;
    QPointer<UploadFilesDialog> m_uploadDialog;
    Assignment m_assignment;
    // A newer version of the shown assignment that arrived while a visit was
    // being edited: shown once the editor closes, since rebuilding the list would
    // drop the typed value.
    std::optional<Assignment> m_deferred;
    QList<UploadItem> m_uploads;
};

} // namespace onsite
