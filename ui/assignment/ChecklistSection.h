#pragma once

#include "Assignment.h"

#include <QObject>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;
class QWidget;

namespace onsite {

// The assignment page's close-out and overview: Submit with the items still
// missing (as links), the labels, the checklist (each item leads where it is
// done) and the details. Not a widget of its own: these sit in different places
// on the page, so they are the page's children, created here at the page's
// point in the Tab order, and laid out by the page.
class ChecklistSection : public QObject
{
    Q_OBJECT
public:
    explicit ChecklistSection(QWidget *page);
    void show(const Assignment &a, const QDateTime &now);

    QPushButton *submitButton() const { return m_submit; }
    QLabel *missingLabel() const { return m_missing; }
    QLabel *labels() const { return m_labels; }
    QListWidget *checklist() const { return m_checklist; }
    QTextBrowser *details() const { return m_details; }
    QString missingText() const;
    QStringList checklistTexts() const;
    QString detailsText() const;
    // The checklist under its title (Alt+C), in a box of its own.
    QWidget *checklistBox(QWidget *parent) const;

Q_SIGNALS:
    void goToRequested(const QString &key);
    void submitClicked();
    // The details' link to ask for the hours over budget.
    void increaseClicked();
    // A link could not be followed (nothing on the computer opens it); its text was copied.
    void errorRaised(const QString &message);

private:
    void showChecklist(const Assignment &a);
    // A link in the details: a budget increase, directions, a call or mail, a copy.
    void followLink(const QUrl &url);
    void showMissing(const Assignment &a);

    QWidget *m_page;
    QPushButton *m_submit;
    QLabel *m_missing;
    QLabel *m_labels;
    QListWidget *m_checklist;
    QTextBrowser *m_details;
    Assignment m_shown; // what the links act on
};

} // namespace onsite
