#pragma once

#include "Assignment.h"
#include "EtaDialog.h"
#include "ProblemDialog.h"

#include <QObject>
#include <QPointer>

class QBoxLayout;
class QLabel;
class QPushButton;
class QWidget;

namespace onsite {

class Clock;

// Running late and problems (issue 14 §4): the two buttons beside Check in, the forms they
// open, and the list of what was reported (each report a record: added, never edited), with
// "Not sent yet" on those still in the outbox. Like the other sections, its controls are the
// page's children, laid out by the page.
class ReportsSection : public QObject
{
    Q_OBJECT
public:
    ReportsSection(const Clock *clock, QWidget *page);
    // `unsentEtas`: how many of the latest ETA reports are still in the outbox;
    // `unsentProblems`: the ids of problem reports still there.
    void show(const Assignment &a);
    void setUnsent(int unsentEtas, const QSet<QString> &unsentProblems);

    QPushButton *lateButton() const { return m_late; }
    QPushButton *problemButton() const { return m_problem; }
    QString listText() const;
    EtaDialog *openEtaDialog();
    EtaDialog *etaDialog() const { return m_etaDialog; }
    ProblemDialog *openProblemDialog();
    ProblemDialog *problemDialog() const { return m_problemDialog; }

    // The title and the list, added to a column of the page.
    void addListTo(QBoxLayout *column) const;

Q_SIGNALS:
    void etaReported(const QDateTime &eta, const QString &reason);
    void problemReported(onsite::ProblemKind kind, const QString &description);

private:
    void showList();

    const Clock *m_clock;
    QWidget *m_page;
    QPushButton *m_late;
    QPushButton *m_problem;
    QLabel *m_title;
    QLabel *m_list;
    Assignment m_assignment;
    int m_unsentEtas = 0;
    QSet<QString> m_unsentProblems;
    QPointer<EtaDialog> m_etaDialog;
    QPointer<ProblemDialog> m_problemDialog;
};

} // namespace onsite
