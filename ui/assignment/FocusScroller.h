#pragma once

#include <QObject>

class QScrollArea;
class QWidget;

namespace onsite {

// Keeps the control with the keyboard in view in a page that scrolls as a
// whole: a section that takes the keyboard (a click, a mnemonic, Tab) is
// scrolled fully into view, and stays in view when the scrolling part gets
// shorter (a message appearing below it).
class FocusScroller : public QObject
{
    Q_OBJECT
public:
    explicit FocusScroller(QScrollArea *scroll);
    // Scrolls `w` (the whole view, if it is part of one) into view, if it is in
    // the page.
    void keepInView(QWidget *w);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QScrollArea *m_scroll;
};

} // namespace onsite
