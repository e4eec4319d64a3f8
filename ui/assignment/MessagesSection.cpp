#include "MessagesSection.h"

#include "MessageThread.h"
#include "NotSentMarker.h"
#include "OperationApplier.h"
#include "SiteTime.h"
#include "Theme.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace onsite {

MessagesSection::MessagesSection(QWidget *page)
    : QObject(page), m_page(page), m_title(new QLabel(page)), m_thread(new QLabel(page)),
      m_editor(new QPlainTextEdit(page)), m_send(new QPushButton(tr("Send &message"), page))
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
}

void MessagesSection::addTo(QBoxLayout *column) const
{
    column->addWidget(m_title);
    column->addWidget(m_thread);
    auto *compose = new QHBoxLayout;
    compose->addWidget(m_editor, 1);
    compose->addWidget(m_send, 0, Qt::AlignBottom);
    column->addLayout(compose);
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
        html += QStringLiteral("<p>%1<br>%2</p>")
                    .arg(head,
                         m.text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    m_thread->setText(html.isEmpty() ? tr("No messages yet. Ask %1 anything about this "
                                          "assignment here; they answer in this thread.")
                                           .arg(a.company.name.toHtmlEscaped())
                                     : html);
}

void MessagesSection::send()
{
    const QString text = m_editor->toPlainText().trimmed();
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
    Q_EMIT messagePosted(text);
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
