#include "MessageThread.h"

namespace onsite {

int MessageThread::indexOf(const Assignment &a, const QString &id)
{
    if (id.isEmpty())
        return -1;
    for (int i = 0; i < a.messages.size(); ++i)
        if (a.messages.at(i).id == id)
            return i;
    return -1;
}

int MessageThread::unreadCount(const Assignment &a)
{
    int unread = 0;
    for (int i = indexOf(a, a.messagesRead) + 1; i < a.messages.size(); ++i)
        unread += a.messages.at(i).from == MessageFrom::Company ? 1 : 0;
    return unread;
}

QString MessageThread::lastId(const Assignment &a)
{
    return a.messages.isEmpty() ? QString() : a.messages.constLast().id;
}

QString MessageThread::unreadText(int count)
{
    return count == 1 ? tr("1 new message") : tr("%1 new messages").arg(count);
}

QString MessageThread::unreadShort(int count)
{
    return tr("✉ %1 new").arg(count);
}

} // namespace onsite
