#pragma once

#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace onsite {

// How the assignment page marks what the worker changed that has not reached the server yet
// (a visit, a funds request, a file): the same words, tooltip and icon in every list.
class NotSentMarker
{
    Q_DECLARE_TR_FUNCTIONS(NotSentMarker)
public:
    static QString text();    // "Not sent yet"
    static QString tooltip(); // why, and what happens next
    static QIcon icon();      // an arrow up in the warning colour
};

} // namespace onsite
