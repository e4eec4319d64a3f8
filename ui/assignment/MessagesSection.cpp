#include "MessagesSection.h"

#include "AcceptedFiles.h"
#include "FileDialog.h"
#include "MessageThread.h"
#include "NotSentMarker.h"
#include "OperationApplier.h"
#include "SiteTime.h"
#include "Theme.h"

#include <QBoxLayout>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>

namespace onsite {

MessagesSection::MessagesSection(QWidget *page)
    : QObject(page), m_page(page), m_title(new QLabel(page)), m_thread(new QLabel(page)),
      m_editor(new QPlainTextEdit(page)), m_send(new QPushButton(tr("Send &message"), page)),
      m_attach(new QPushButton(tr("&Attach files…"), page)), m_attached(new QLabel(page))
{
    m_thread->setWordWrap(true);
    m_thread->setTextFormat(Qt::RichText);
    m_thread->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_editor->setTabChangesFocus(true); // Tab leaves the box, as in every other form here
    m_editor->setAccessibleName(tr("New message to the client company"));
    m_editor->setMaximumHeight(m_editor->fontMetrics().lineSpacing() * 4 + 12);
    m_send->setToolTip(tr("Posted messages cannot be edited or deleted: they are the record of "
                          "what was agreed."));
    connect(m_send, &QPushButton::clicked, this, &MessagesSection::send);
    m_attach->setToolTip(tr("Photos and documents to send with the message (the formats "
                            "deliverables take)"));
    connect(m_attach, &QPushButton::clicked, this, &MessagesSection::chooseFiles);
    m_thread->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse |
                                      Qt::LinksAccessibleByKeyboard);
    connect(m_thread, &QLabel::linkActivated, this, &MessagesSection::followLink);
    m_attached->setWordWrap(true);
    m_attached->setTextFormat(Qt::RichText);
    m_attached->hide();
    connect(m_attached, &QLabel::linkActivated, this, &MessagesSection::followLink);
}

void MessagesSection::addTo(QBoxLayout *column) const
{
    column->addWidget(m_title);
    column->addWidget(m_thread);
    auto *compose = new QHBoxLayout;
    compose->addWidget(m_editor, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_attach);
    buttons->addWidget(m_send);
    compose->addLayout(buttons);
    column->addLayout(compose);
    column->addWidget(m_attached);
}

void MessagesSection::show(const Assignment &a)
{
    if (a.id != m_assignment.id) {
        // A draft belongs to the assignment it was written for, and waits there (this session).
        const QString draft = m_editor->toPlainText();
        if (draft.trimmed().isEmpty())
            m_drafts.remove(m_assignment.id);
        else if (m_assignment.id)
            m_drafts.insert(m_assignment.id, draft);
        m_editor->setPlainText(m_drafts.take(a.id));
        m_unsent.clear();
        m_uploads.clear();
        m_files.clear(); // chosen for the other assignment's message
        showAttached();
    }
    m_assignment = a;
    m_editor->setPlaceholderText(tr("Write to %1…").arg(a.company.name));
    showThread();
}

void MessagesSection::setUnsent(const QSet<QString> &messageIds)
{
    if (messageIds == m_unsent)
        return;
    m_unsent = messageIds;
    showThread();
}

void MessagesSection::showThread()
{
    const Assignment &a = m_assignment;
    const int unread = MessageThread::unreadCount(a);
    m_title->setText(unread ? tr("<b>Messages with %1</b> — %2")
                                  .arg(a.company.name.toHtmlEscaped(),
                                       MessageThread::unreadText(unread).toHtmlEscaped())
                            : tr("<b>Messages with %1</b>").arg(a.company.name.toHtmlEscaped()));
    QString html;
    const int read = MessageThread::indexOf(a, a.messagesRead);
    for (int i = 0; i < a.messages.size(); ++i) {
        const Message &m = a.messages.at(i);
        const bool mine = m.from == MessageFrom::Worker;
        const QString who = mine ? tr("You") : (m.author.isEmpty() ? a.company.name : m.author);
        QString head =
            QStringLiteral("<b>%1</b> · %2")
                .arg(who.toHtmlEscaped(),
                     SiteTime::formatWithLocal(m.sentAt, a.site.timeZone).toHtmlEscaped());
        if (mine && m_unsent.contains(m.id))
            head += QStringLiteral(" <i style='color:%1'>%2</i>")
                        .arg(Theme::colorName(Theme::Tone::Warning),
                             NotSentMarker::text().toHtmlEscaped());
        else if (!mine && i > read)
            head += QStringLiteral(" <b style='color:%1'>%2</b>")
                        .arg(Theme::colorName(Theme::Tone::Warning), tr("new").toHtmlEscaped());
        html += QStringLiteral("<p>%1<br>%2%3</p>")
                    .arg(head,
                         m.text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")),
                         filesOf(m.id));
    }
    m_thread->setText(html.isEmpty() ? tr("No messages yet. Ask %1 anything about this "
                                          "assignment here; they answer in this thread.")
                                           .arg(a.company.name.toHtmlEscaped())
                                     : html);
}

void MessagesSection::setUploads(const QList<UploadItem> &uploads)
{
    QList<UploadItem> mine;
    for (const UploadItem &u : uploads)
        if (u.kind == QLatin1String(UploadItem::kMessageKind) && u.assignmentId == m_assignment.id)
            mine.append(u);
    m_uploads = mine;
    showThread();
}

// Under a message: its files on the server (links that open them) and those still on their
// way from this computer.
QString MessagesSection::filesOf(const QString &messageId) const
{
    QString out;
    QSet<QString> there;
    for (const MessageFile &f : m_assignment.messageFiles) {
        if (f.messageId != messageId)
            continue;
        there.insert(f.id);
        out += QStringLiteral("<br>📎 <a href=\"onsite-file:%1\">%2</a> (%3)")
                   .arg(f.id, f.filename.toHtmlEscaped(),
                        QLocale().formattedDataSize(f.size, 1, QLocale::DataSizeTraditionalFormat));
    }
    for (const UploadItem &u : m_uploads) {
        if (u.requirementId != messageId || there.contains(u.id) || there.contains(u.deliverableId))
            continue;
        QString state = tr("sending…");
        if (u.state == UploadItem::State::Failed)
            state = tr("not sent: %1").arg(u.error);
        else if (u.state == UploadItem::State::Changed)
            state = tr("not sent: the file changed on this computer after it was attached");
        else if (u.state == UploadItem::State::Done)
            state = tr("sent");
        out += QStringLiteral("<br>📎 %1 — <i>%2</i>")
                   .arg(u.filename.toHtmlEscaped(), state.toHtmlEscaped());
    }
    return out;
}

void MessagesSection::chooseFiles()
{
    const QStringList paths = FileDialog::openFileNames(m_page, tr("Attach files to the message"),
                                                        QString(), AcceptedFiles::dialogFilter());
    for (const QString &path : paths) {
        // Refused now, while the worker is choosing, rather than after the message is sent.
        const FileCheck c = AcceptedFiles::checkFile(path, 0);
        if (!c.verdict.ok)
            Q_EMIT errorRaised(c.verdict.message);
        else if (!m_files.contains(path))
            m_files.append(path);
    }
    showAttached();
}

QString MessagesSection::attachedText() const
{
    return m_attached->text();
}

void MessagesSection::showAttached()
{
    QStringList names;
    for (const QString &path : std::as_const(m_files))
        names << QFileInfo(path).fileName().toHtmlEscaped();
    m_attached->setText(names.isEmpty()
                            ? QString()
                            : tr("📎 To send with the message: %1 · <a href=\"onsite:clear\">Remove "
                                 "the files</a>")
                                  .arg(names.join(QStringLiteral(", "))));
    m_attached->setVisible(!names.isEmpty());
}

void MessagesSection::followLink(const QString &link)
{
    if (link == QLatin1String("onsite:clear")) {
        m_files.clear();
        showAttached();
        return;
    }
    const QString id = link.section(QLatin1Char(':'), 1);
    for (const MessageFile &f : m_assignment.messageFiles)
        if (link.startsWith(QLatin1String("onsite-file:")) && f.id == id)
            Q_EMIT fileOpenRequested({f.id, f.filename, f.size, f.sha256, f.uploadedAt});
}

void MessagesSection::send()
{
    QString text = m_editor->toPlainText().trimmed();
    if (text.isEmpty() && !m_files.isEmpty())
        text = tr("%n file(s) attached.", "", int(m_files.size()));
    if (text.isEmpty()) {
        Q_EMIT errorRaised(tr("Write the message first."));
        m_editor->setFocus();
        return;
    }
    if (text.size() > OperationApplier::kMaxTextLength) {
        Q_EMIT errorRaised(tr("The message is longer than %1 characters; split it in two.")
                               .arg(OperationApplier::kMaxTextLength));
        return;
    }
    m_editor->clear();
    const QStringList files = std::exchange(m_files, {});
    showAttached();
    Q_EMIT messagePosted(text, files);
}

QString MessagesSection::titleText() const
{
    return m_title->text();
}

QString MessagesSection::threadText() const
{
    return m_thread->text();
}

} // namespace onsite
