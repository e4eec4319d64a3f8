#pragma once

#include "Assignment.h"

#include <QCoreApplication>

namespace onsite {

// The assignment's thread between the worker and the client company (issue 14 §1): what is
// unread, and the words for it, once for the cache's rows, the page and the notices.
class MessageThread
{
    Q_DECLARE_TR_FUNCTIONS(MessageThread)
public:
    // The company's messages after the one the worker last read (all of them when none was).
    static int unreadCount(const Assignment &a);
    // The id of the thread's last message; empty when there is none.
    static QString lastId(const Assignment &a);
    // Where `id` sits in the thread, or -1.
    static int indexOf(const Assignment &a, const QString &id);
    // "2 new messages", for the page and notices.
    static QString unreadText(int count);
    // "✉ 2 new", for the dashboard row, where width is scarce.
    static QString unreadShort(int count);
};

} // namespace onsite
