#pragma once

#include "Assignment.h"

#include <QHash>
#include <QObject>
#include <QSet>

class QBoxLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QWidget;

namespace onsite {

// The assignment's thread with the client company (issue 14 §1): every message with who and
// when (site time and this computer's), the worker's own marked "Not sent yet" until the
// server has them, and a box to write a new one. Messages are never edited or deleted. Like
// the other sections, its controls are the page's children, laid out by the page.
class MessagesSection : public QObject
{
    Q_OBJECT
public:
    explicit MessagesSection(QWidget *page);
    void show(const Assignment &a);
    void setUnsent(const QSet<QString> &messageIds);

    QString titleText() const;
    QString threadText() const;
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *sendButton() const { return m_send; }

    void addTo(QBoxLayout *column) const;

Q_SIGNALS:
    void messagePosted(const QString &text);
    void errorRaised(const QString &message);

private:
    void send();
    void showThread();

    QWidget *m_page;
    QLabel *m_title;
    QLabel *m_thread;
    QPlainTextEdit *m_editor;
    QPushButton *m_send;
    Assignment m_assignment;
    QSet<QString> m_unsent;
    QHash<qint64, QString> m_drafts; // unsent text of assignments not shown
};

} // namespace onsite
