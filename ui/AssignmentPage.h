#pragma once

#include "Assignment.h"
#include "UploadFilesDialog.h"
#include "UploadItem.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace onsite {

class Clock;
class DeliverablesPanel;
class TimeLogModel;

// One assignment, everything its document holds: the status bar, labels, checklist with
// done / to do, schedule in site time, site, pricing, tasks, time logs, requests, deliverables.
// The worker acts here: confirm the schedule, check in and out (or, where the client requires
// it, the number to call), correct or delete visits. Each action is a request to the
// controller; the page shows the stored result, or the reason a change was refused.
class AssignmentPage : public QWidget
{
    Q_OBJECT
public:
    explicit AssignmentPage(const Clock *clock, QWidget *parent = nullptr);
    void show(const Assignment &a);
    qint64 assignmentId() const { return m_id; }
    QString titleText() const;
    QStringList checklistTexts() const;
    QString detailsText() const;
    QString errorText() const;
    QPushButton *confirmButton() const { return m_confirm; }
    QPushButton *checkInButton() const { return m_checkIn; }
    QPushButton *checkOutButton() const { return m_checkOut; }
    QPushButton *deleteLogButton() const { return m_deleteLog; }
    QTableView *timeLogView() const { return m_logView; }
    TimeLogModel *timeLogs() const { return m_logs; }
    QString phoneText() const;

    void showError(const QString &message);
    // The upload queue's items for the assignment shown, and progress as it comes.
    void setUploads(const QList<UploadItem> &uploads);
    void setUploadProgress(const QString &id, qint64 sent, qint64 total, bool hashing);
    void setCachedFile(const QString &deliverableId, const QString &path);
    DeliverablesPanel *deliverables() const { return m_deliverables; }
    // Files dropped or picked: folders and non-local files are refused with a message, the rest
    // go to the dialog that asks what each one is.
    void addFiles(const QList<QUrl> &urls);
    UploadFilesDialog *uploadDialog() const { return m_uploadDialog; }

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

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void pickFiles();
    QString detailsHtml(const Assignment &a) const;
    void updateActions(const Assignment &a);
    void deleteSelectedLog();

    const Clock *m_clock;
    qint64 m_id = 0;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_statusBar;
    QLabel *m_labels;
    QListWidget *m_checklist;
    QTextBrowser *m_details;
    QPushButton *m_confirm;
    QPushButton *m_checkIn;
    QPushButton *m_checkOut;
    QLabel *m_phone;
    QLabel *m_error;
    TimeLogModel *m_logs;
    QTableView *m_logView;
    QPushButton *m_deleteLog;
    DeliverablesPanel *m_deliverables;
    QPointer<UploadFilesDialog> m_uploadDialog;
    Assignment m_assignment;
    QList<UploadItem> m_uploads;
};

} // namespace onsite
