#pragma once

#include "Assignment.h"

#include <QObject>

class QBoxLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;
class QWidget;

namespace onsite {

class Clock;
class TimeLogModel;

// The visits of the assignment page: confirm the schedule, check in and out (or
// the number to call), and the table of visits to correct or delete. Not a
// widget of its own: its buttons sit in the page's actions row and its table
// among the sections, so its controls are the page's children, created here at
// the page's point in the Tab order, and laid out by the page.
class VisitsSection : public QObject
{
    Q_OBJECT
public:
    VisitsSection(const Clock *clock, QWidget *page);
    void show(const Assignment &a);
    // An editor open on a visit: refreshing the table now would drop what is
    // being typed.
    bool isEditing() const;
    // The control a checklist key leads to (confirm, check in or out), or null.
    QWidget *targetFor(const QString &key) const;

    QPushButton *confirmButton() const { return m_confirm; }
    QPushButton *checkInButton() const { return m_checkIn; }
    QPushButton *checkOutButton() const { return m_checkOut; }
    QPushButton *deleteButton() const { return m_delete; }
    QTableView *view() const { return m_view; }
    TimeLogModel *model() const { return m_model; }
    QString phoneText() const;
    QString titleText() const;
    // "On site for 1 h 19 min (since 13:05 CST)" while a visit is open, kept running; empty
    // otherwise.
    QString onSiteText() const;

    // Confirm, check in, check out and the phone instructions, in a row.
    QHBoxLayout *actionsRow() const;
    // The title with Delete, then the table, added to a column of the page.
    void addTableTo(QBoxLayout *column) const;

Q_SIGNALS:
    void confirmClicked();
    void checkInClicked();
    void checkOutClicked();
    void editRequested(const QString &logId, const QDateTime &checkIn, const QDateTime &checkOut,
                       const QString &note);
    void deleteRequested(const QString &logId);
    void editorClosed();
    void errorRaised(const QString &message);

private:
    void setUpView();
    void deleteSelected();
    // The running time of the open visit and the total across visits, from the clock.
    void showTimeOnSite();

    const Clock *m_clock;
    QWidget *m_page;
    QPushButton *m_confirm;
    QPushButton *m_checkIn;
    QPushButton *m_checkOut;
    QLabel *m_phone;
    TimeLogModel *m_model;
    QTableView *m_view;
    QPushButton *m_delete;
    QLabel *m_title;
    QLabel *m_onSite;
    QTimer *m_tick; // runs while a visit is open
    QString m_titleLead;
    QDateTime m_openSince; // null: no visit open
    qint64 m_closedMs = 0; // visits checked out, together
    int m_visits = 0;
    QString m_timeZone;
};

} // namespace onsite
