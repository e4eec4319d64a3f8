#include "NotSentMarker.h"

#include "Theme.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace onsite {

QString NotSentMarker::text()
{
    return tr("Not sent yet");
}

QString NotSentMarker::tooltip()
{
    return tr("Not sent yet: this change is saved on this computer and goes to the server at the "
              "next sync. See File > Activity.");
}

QIcon NotSentMarker::icon()
{
    // Views ask for it on every paint; drawn again only when the appearance changes its colour.
    static QIcon cached;
    static QColor cachedFor;
    const QColor color = Theme::color(Theme::Tone::Warning);
    if (!cached.isNull() && cachedFor == color)
        return cached;
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(
        QPen(Theme::color(Theme::Tone::Warning), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    QPainterPath arrow;
    arrow.moveTo(8, 14);
    arrow.lineTo(8, 3);
    arrow.moveTo(3.5, 7.5);
    arrow.lineTo(8, 3);
    arrow.lineTo(12.5, 7.5);
    p.drawPath(arrow);
    p.end();
    cached = QIcon(pixmap);
    cachedFor = color;
    return cached;
}

} // namespace onsite
