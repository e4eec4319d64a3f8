#include "FocusScroller.h"

#include <QApplication>
#include <QEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>

namespace onsite {

FocusScroller::FocusScroller(QScrollArea *scroll) : QObject(scroll), m_scroll(scroll)
{
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { keepInView(now); });
    m_scroll->viewport()->installEventFilter(this);
}

bool FocusScroller::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, [this] { keepInView(QApplication::focusWidget()); });
    return QObject::eventFilter(watched, event);
}

void FocusScroller::keepInView(QWidget *w)
{
    QWidget *body = m_scroll->widget();
    if (!w || !body || !body->isAncestorOf(w))
        return;
    // The view itself, not its editor or viewport: the whole table comes into
    // view.
    for (QWidget *p = w; p && p != body; p = p->parentWidget())
        if (qobject_cast<QAbstractScrollArea *>(p))
            w = p;
    // Measured by hand: QScrollArea::ensureWidgetVisible() goes by a view's
    // current cell, mapped without the header, and so leaves the last rows of a
    // table cut off.
    const int height = m_scroll->viewport()->height();
    const QRect r(w->mapTo(body, QPoint(0, 0)), w->size());
    QScrollBar *bar = m_scroll->verticalScrollBar();
    if (r.height() > height) {
        // Taller than the view (a long description): left where the worker scrolled
        // it while any of it shows, else its top is brought into view.
        if (r.bottom() < bar->value() || r.top() >= bar->value() + height)
            bar->setValue(r.top());
        return;
    }
    if (r.bottom() >= bar->value() + height)
        bar->setValue(r.bottom() - height + 1);
    else if (r.top() < bar->value())
        bar->setValue(r.top());
}

} // namespace onsite
