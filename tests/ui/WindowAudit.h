#pragma once

#include <QStringList>

class QWidget;

namespace onsite::test {

// What a keyboard or screen-reader user meets in a window, as problems a person would name
// ("two controls answer Alt+S: …"). Empty when the window passes.
struct WindowAudit {
    // Alt+letter shortcuts (from "&" in texts) clash between visible controls of one window,
    // or between the items of one menu.
    static QStringList mnemonicClashes(QWidget *window);
    // A visible, enabled control a user can act on that has no accessible name.
    static QStringList unnamedControls(QWidget *window);
    // A control that acts on click but can be reached neither by Tab nor by a shortcut, or a
    // label with links that the keyboard cannot follow.
    static QStringList unreachableControls(QWidget *window);
};

} // namespace onsite::test
