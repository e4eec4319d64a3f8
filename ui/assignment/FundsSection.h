#pragma once

#include "Assignment.h"

#include <QObject>

class QAction;
class QBoxLayout;
class QFrame;
class QLabel;
class QMenu;
class QPushButton;
class QTableView;
class QToolButton;
class QWidget;

namespace onsite {

class FundsRequestModel;

// The assignment page's status bar, which carries the gear menu for extra funds
// (DESIGN §1.5), and the table of requests with Withdraw. Not a widget of its
// own: the status bar heads the page and the table sits among the sections, so
// its controls are the page's children, created here at the page's point in the
// Tab order, and laid out by the page.
class FundsSection : public QObject
{
    Q_OBJECT
public:
    explicit FundsSection(QWidget *page);
    void show(const Assignment &a, const QDateTime &now);

    QFrame *statusBar() const { return m_frame; }
    QString statusText() const;
    QToolButton *gearButton() const { return m_gear; }
    QAction *requestAction(FundsKind k) const;
    QAction *blockedAction() const { return m_blocked; }
    QTableView *view() const { return m_view; }
    FundsRequestModel *model() const { return m_model; }
    QPushButton *withdrawButton() const { return m_withdraw; }
    QString noteText() const;

    // The title with Withdraw, the table and the note, added to a column of the
    // page.
    void addTableTo(QBoxLayout *column, QWidget *parent) const;

Q_SIGNALS:
    void requestClicked(onsite::FundsKind kind);
    void withdrawRequested(const QString &requestId);
    void errorRaised(const QString &message);

private:
    void setUpGear();
    void setUpTable();
    void showStatus(const Assignment &a, const QDateTime &now);
    void showRequests(const Assignment &a);
    void withdrawSelected();

    QWidget *m_page;
    QFrame *m_frame;
    QLabel *m_status;
    QToolButton *m_gear;
    QMenu *m_menu;
    QAction *m_askIncrease;
    QAction *m_askExpense;
    QAction *m_askBonus;
    QAction *m_blocked = nullptr;
    FundsRequestModel *m_model;
    QTableView *m_view;
    QPushButton *m_withdraw;
    QLabel *m_note;
    QString m_currency;
};

} // namespace onsite
