#pragma once

#include "Assignment.h"
#include "UploadItem.h"

#include <QHash>
#include <QThreadPool>
#include <QWidget>

class QLabel;
class QVBoxLayout;
class QPushButton;
class QTableView;

namespace onsite {

class Clock;
class DeliverablesModel;

// The deliverables section of an assignment: instructions, each requirement's progress ("Photos
// 2 of 4", red while missing, a green check when met), the due date with the time left, and
// every file with its thumbnail, state and progress; open, cancel, retry, remove.
class DeliverablesPanel : public QWidget
{
    Q_OBJECT
public:
    DeliverablesPanel(const Clock *clock, QWidget *parent = nullptr);
    ~DeliverablesPanel() override;

    void setContent(const Assignment &a, const QList<UploadItem> &uploads);
    void setProgress(const QString &id, qint64 sent, qint64 total, bool hashing);
    void setCachedFile(const QString &deliverableId, const QString &path);

    DeliverablesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *uploadButton() const { return m_upload; }
    QStringList requirementTexts() const; // "✔ Photos 2 of 2 — Shelves", in order
    QStringList requirementColors() const;
    QString dueText() const;

    // Files refused before upload (wrong format, empty, contents that contradict the name, a
    // folder), each with its own reason, kept per assignment until the worker dismisses them.
    void addRefused(qint64 assignmentId, const QString &fileName, const QString &reason);
    QStringList refusedTexts() const; // "a.exe: <reason>", for the shown assignment
    void dismissRefused(int index);
    void dismissAllRefused();
    QWidget *refusedBox() const { return m_refusedBox; }

Q_SIGNALS:
    void uploadFilesClicked();
    void cancelRequested(const QString &uploadId);
    void retryRequested(const QString &uploadId);
    void useNewVersionRequested(const QString &uploadId);
    void removeRequested(const QString &deliverableId, const QString &uploadId);
    void openRequested(const QString &deliverableId, const QString &filename);

private:
    void setUpRefusedBox();
    void updateButtons();
    void showRefused();
    void loadThumbnails();
    void openSelected();
    void removeSelected();
    int selectedRow() const;

    const Clock *m_clock;
    bool m_active = false;
    QLabel *m_instructions;
    QLabel *m_due;
    QLabel *m_requirements;
    QPushButton *m_upload;
    DeliverablesModel *m_model;
    QTableView *m_view;
    QPushButton *m_open;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_newVersion;
    QPushButton *m_remove;
    QThreadPool m_thumbPool;
    QStringList m_reqTexts;
    QStringList m_reqColors;
    struct Refused {
        QString name;
        QString reason;
    };
    qint64 m_assignmentId = 0;
    QHash<qint64, QList<Refused>> m_refused;
    QWidget *m_refusedBox;
    QLabel *m_refusedTitle;
    QVBoxLayout *m_refusedList;
};

} // namespace onsite
