#pragma once

#include "Assignment.h"
#include "UploadItem.h"

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
// server has them, and a box to write a new one, with files to attach (sent by the upload
// engine, each shown under its message: sending, or a link that opens it). Messages are never
// edited or deleted. Like the other sections, its controls are the page's children, laid out
// by the page.
class MessagesSection : public QObject
{
    Q_OBJECT
public:
    explicit MessagesSection(QWidget *page);
    void show(const Assignment &a);
    void setUnsent(const QSet<QString> &messageIds);
    // The upload queue's items of this assignment (those attached to messages are shown).
    void setUploads(const QList<UploadItem> &uploads);

    QString titleText() const;
    QString threadText() const;
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *attachButton() const { return m_attach; }
    QLabel *threadLabel() const { return m_thread; }
    // Files chosen for the message being written.
    QStringList attachedFiles() const { return m_files; }
    QString attachedText() const;

    void addTo(QBoxLayout *column) const;

Q_SIGNALS:
    void messagePosted(const QString &text, const QStringList &files);
    void fileOpenRequested(const ClientDocument &file);
    void errorRaised(const QString &message);

private:
    void send();
    void showThread();
    void chooseFiles();
    void showAttached();
    void followLink(const QString &link);
    QString filesOf(const QString &messageId) const;

    QWidget *m_page;
    QLabel *m_title;
    QLabel *m_thread;
    QPlainTextEdit *m_editor;
    QPushButton *m_send;
    QPushButton *m_attach;
    QLabel *m_attached;
    QStringList m_files;         // chosen for the message being written
    QList<UploadItem> m_uploads; // this assignment's files on their way to messages
    Assignment m_assignment;
    QSet<QString> m_unsent;
    QHash<qint64, QString> m_drafts; // unsent text of assignments not shown
};

} // namespace onsite
