#pragma once

#include "Assignment.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTextBrowser;

namespace onsite
{

class Clock;

// One assignment, everything its document holds: the status bar, labels, checklist with
// done / to do, schedule in site time, site, pricing, tasks, time logs, requests, deliverables.
// Read-only for now; the actions arrive with the outbox.
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

Q_SIGNALS:
    void backRequested();

private:
    QString detailsHtml(const Assignment &a) const;

    const Clock *m_clock;
    qint64 m_id = 0;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_statusBar;
    QLabel *m_labels;
    QListWidget *m_checklist;
    QTextBrowser *m_details;
};

} // namespace onsite
