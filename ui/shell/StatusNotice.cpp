#include "StatusNotice.h"

#include <QTimer>

namespace onsite {

StatusNotice::StatusNotice(QWidget *parent) : QLabel(parent), m_timeout(new QTimer(this))
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] { showMessage(QString()); });
}

void StatusNotice::showMessage(const QString &text, int timeoutMs)
{
    // One line: a message with line breaks (a server's answer) would make the bar taller.
    m_message = QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    elide();
    if (timeoutMs > 0 && !text.isEmpty())
        m_timeout->start(timeoutMs);
    else
        m_timeout->stop();
}

QSize StatusNotice::minimumSizeHint() const
{
    return {0, QLabel::minimumSizeHint().height()};
}

void StatusNotice::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void StatusNotice::elide()
{
    setText(fontMetrics().elidedText(m_message, Qt::ElideRight, qMax(0, contentsRect().width())));
    setToolTip(m_message);
    setAccessibleName(m_message);
}

} // namespace onsite
